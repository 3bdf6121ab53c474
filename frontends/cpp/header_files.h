// The files Clang may open for a translation unit. Headers are read wherever
// the compile command's include path points (system and -I folders, inside
// the project or not: their content never reaches a report), but never a file
// that could block a read or that is the kernel's or a process's state:
// nothing under /proc, /sys or /dev, as written or with its symlinks resolved
// (`#include "/dev/stdin"`, `#include "/proc/self/environ"`), and nothing
// that is not a regular file (a FIFO, a socket, a device). Such an include
// fails as a missing header would, and the refusal is kept so that the unit
// gets a notification naming it.
//
// The check is on the path before Clang opens it; a repository is checked out
// before the run, so nothing swaps a file for a FIFO in between.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <llvm/Support/VirtualFileSystem.h>

namespace slotlint::cpp {

enum class HeaderKind {
  kMissing,  // nothing there (or nothing stat can reach)
  kFile,     // a regular file Clang may read
  kFolder,
  kRefused,  // never opened: `reason` says why
};

struct HeaderCheck {
  HeaderKind kind = HeaderKind::kMissing;
  std::string reason;
};

// What `path` (absolute, lexically normal) is, judged without opening it.
HeaderCheck check_header(const std::filesystem::path& path);

// Clang's view of the disk: `disk`, minus what check_header refuses.
class GuardedFileSystem final : public llvm::vfs::ProxyFileSystem {
 public:
  explicit GuardedFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> disk)
      : ProxyFileSystem(std::move(disk)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine& path) override;
  bool exists(const llvm::Twine& path) override { return static_cast<bool>(status(path)); }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine& path) override;

  // What was refused (the path as Clang asked for it, made absolute) and why.
  [[nodiscard]] const std::map<std::string, std::string>& refusals() const { return refusals_; }

 private:
  // `path` made absolute against the working folder and checked; a refusal
  // is recorded.
  HeaderCheck check(const llvm::Twine& path);

  std::map<std::string, std::string> refusals_;
};

}  // namespace slotlint::cpp
