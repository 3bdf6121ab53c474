#include "frontends/cpp/header_files.h"

#include <llvm/ADT/SmallString.h>

#include "analyzer/files/project_files.h"

namespace slotlint::cpp {
namespace fs = std::filesystem;

HeaderCheck check_header(const fs::path& path) {
  std::error_code ec;
  // stat only: it never blocks, whatever is there.
  auto status = fs::status(path, ec);
  // A folder's status is harmless (Clang looks at /dev before /dev/stdin).
  if (!ec && fs::is_directory(status)) return {HeaderKind::kFolder, {}};
  // Refused even when missing: what /dev/stdin is depends on how slotlint
  // was started, the report must not.
  if (files::is_pseudo_file_path(path)) {
    return {HeaderKind::kRefused, "is on a kernel pseudo file system (/proc, /sys, /dev)"};
  }
  if (ec || !fs::exists(status)) return {HeaderKind::kMissing, {}};
  if (!fs::is_regular_file(status)) {
    return {HeaderKind::kRefused, "is not a regular file (a FIFO, socket or device)"};
  }
  auto canonical = fs::canonical(path, ec);
  if (ec) return {HeaderKind::kMissing, {}};
  if (files::is_pseudo_file_path(canonical)) {
    return {HeaderKind::kRefused,
            "leads to a kernel pseudo file system (/proc, /sys, /dev) through a symlink"};
  }
  return {HeaderKind::kFile, {}};
}

HeaderCheck GuardedFileSystem::check(const llvm::Twine& path) {
  llvm::SmallString<256> absolute;
  path.toVector(absolute);
  (void)makeAbsolute(absolute);
  auto normal = fs::path(absolute.str().str()).lexically_normal();
  auto result = check_header(normal);
  if (result.kind == HeaderKind::kRefused)
    refusals_.try_emplace(normal.generic_string(), result.reason);
  return result;
}

llvm::ErrorOr<llvm::vfs::Status> GuardedFileSystem::status(const llvm::Twine& path) {
  if (check(path).kind == HeaderKind::kRefused)
    return std::make_error_code(std::errc::operation_not_permitted);
  return ProxyFileSystem::status(path);
}

llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> GuardedFileSystem::openFileForRead(
    const llvm::Twine& path) {
  switch (check(path).kind) {
    case HeaderKind::kRefused:
      return std::make_error_code(std::errc::operation_not_permitted);
    case HeaderKind::kFolder:
      return std::make_error_code(std::errc::is_a_directory);
    case HeaderKind::kMissing:
    case HeaderKind::kFile:
      break;
  }
  return ProxyFileSystem::openFileForRead(path);
}

}  // namespace slotlint::cpp
