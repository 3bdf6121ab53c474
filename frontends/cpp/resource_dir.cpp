#include "frontends/cpp/resource_dir.h"

#include <dlfcn.h>

#include <clang/Basic/Version.h>
#include <llvm/Config/llvm-config.h>

namespace slotlint::cpp {
namespace fs = std::filesystem;

std::vector<fs::path> resource_dir_candidates() {
  const std::string major = std::to_string(LLVM_VERSION_MAJOR);
  std::vector<fs::path> library_folders;
  Dl_info info{};
  // Any function of libclang-cpp tells where the library was loaded from.
  if (dladdr(reinterpret_cast<void*>(&clang::getClangFullVersion), &info) != 0 &&
      info.dli_fname != nullptr) {
    fs::path library = info.dli_fname;
    library_folders.push_back(library.parent_path());
    std::error_code ec;
    auto real = fs::canonical(library, ec);
    if (!ec && real.parent_path() != library.parent_path())
      library_folders.push_back(real.parent_path());
  }
  std::vector<fs::path> candidates;
  for (const auto& folder : library_folders) {
    candidates.push_back(folder / "clang" / major);
    candidates.push_back((folder / ".." / "clang" / major).lexically_normal());
  }
  std::error_code ec;
  auto executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    candidates.push_back(
        (executable.parent_path() / ".." / "lib" / "clang" / major).lexically_normal());
  return candidates;
}

fs::path find_resource_dir() {
  for (const auto& candidate : resource_dir_candidates()) {
    std::error_code ec;
    if (fs::is_regular_file(candidate / "include" / "stddef.h", ec)) return candidate;
  }
  return {};
}

}  // namespace slotlint::cpp
