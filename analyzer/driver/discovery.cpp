#include "analyzer/driver/discovery.h"

#include <algorithm>
#include <array>
#include <system_error>

#include "analyzer/driver/languages.h"

namespace slotlint::driver {
namespace fs = std::filesystem;
namespace {

bool skipped_directory(const fs::path& dir) {
  static constexpr std::array<std::string_view, 4> kSkipped{"node_modules", "__pycache__",
                                                            "site-packages", "venv"};
  std::string name = dir.filename().string();
  if (name.size() > 1 && name.front() == '.') return true;
  if (std::ranges::find(kSkipped, name) != kSkipped.end()) return true;
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec);  // a virtualenv under another name
}

}  // namespace

std::string display_path(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
  return relative.generic_string();
}

Discovery discover(const std::vector<fs::path>& paths, const fs::path& root) {
  Discovery found;
  auto add = [&](const fs::path& path) { found.files.push_back({path, display_path(path, root)}); };
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      found.missing_path = true;
      found.notices.push_back({path.generic_string(),
                               {ir::Level::Error, "path-not-found", "no such file or directory"}});
      continue;
    }
    if (!fs::is_directory(status)) {
      if (language_for_path(path.generic_string()) != nullptr) {
        add(path);
      } else {
        found.notices.push_back({display_path(path, root),
                                 {ir::Level::Note, "unsupported-file",
                                  "no supported language has this file extension; not analysed"}});
      }
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code entry_ec;
      if (it->is_directory(entry_ec) && !it->is_symlink(entry_ec)) {
        if (skipped_directory(it->path())) it.disable_recursion_pending();
        continue;
      }
      if (language_for_path(it->path().generic_string()) != nullptr) add(it->path());
    }
    if (ec) {
      found.notices.push_back({display_path(path, root),
                               {ir::Level::Warning, "directory-unreadable",
                                "could not read the whole directory: " + ec.message()}});
    }
  }
  std::ranges::sort(found.files, {}, &SourceFile::display_path);
  auto duplicates = std::ranges::unique(found.files, {}, &SourceFile::display_path);
  found.files.erase(duplicates.begin(), duplicates.end());
  return found;
}

}  // namespace slotlint::driver
