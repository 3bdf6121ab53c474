#include "analyzer/files/project_files.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace slotlint::files {
namespace fs = std::filesystem;
namespace {

// Closes the descriptor it owns.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// File systems whose "files" are the kernel's or a process's state.
bool pseudo_file_system(long type) {
  static constexpr std::array<long, 11> kPseudo{
      PROC_SUPER_MAGIC, SYSFS_MAGIC,        DEVPTS_SUPER_MAGIC,  DEBUGFS_MAGIC,
      SECURITYFS_MAGIC, CGROUP_SUPER_MAGIC, CGROUP2_SUPER_MAGIC, TRACEFS_MAGIC,
      BPF_FS_MAGIC,     EFIVARFS_MAGIC,     0x62656570 /* configfs */};
  return std::ranges::find(kPseudo, type) != kPseudo.end();
}

bool under(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

ReadResult refused(Problem problem, std::string reason, fs::path resolved = {}) {
  ReadResult result;
  result.problem = problem;
  result.reason = std::move(reason);
  result.resolved = std::move(resolved);
  return result;
}

std::string errno_reason(int error) {
  return fmt::format("cannot be read ({})", std::strerror(error));
}

// Reads `path` (already resolved and vetted by the caller, or named by the
// user) as a regular file of at most `limit` bytes. The final component is not
// followed if it became a symlink since it was resolved.
ReadResult read_regular(const fs::path& path, std::uint64_t limit, bool follow_final_link) {
  int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (follow_final_link ? 0 : O_NOFOLLOW);
  FileDescriptor fd(::open(path.c_str(), flags));
  if (fd.get() < 0) {
    int error = errno;
    if (error == ENOENT || error == ENOTDIR)
      return refused(Problem::kNotFound, "does not exist", path);
    if (error == ELOOP) return refused(Problem::kNotRegular, "is a symlink loop", path);
    return refused(Problem::kUnreadable, errno_reason(error), path);
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0)
    return refused(Problem::kUnreadable, errno_reason(errno), path);
  if (!S_ISREG(status.st_mode)) {
    return refused(Problem::kNotRegular,
                   S_ISDIR(status.st_mode) ? "is a folder, not a file"
                                           : "is not a regular file (a FIFO, socket or device)",
                   path);
  }
  struct statfs file_system {};
  if (::fstatfs(fd.get(), &file_system) == 0 && pseudo_file_system(file_system.f_type)) {
    return refused(Problem::kPseudoFile, "is on a kernel pseudo file system; never read", path);
  }
  auto size = static_cast<std::uint64_t>(status.st_size);
  if (size > limit) {
    return refused(Problem::kTooLarge,
                   fmt::format("is {} bytes, over the {} byte limit", size, limit), path);
  }
  // The size may change while reading: never take more than the limit.
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size, limit)) + 1);
  std::size_t have = 0;
  for (;;) {
    if (have == bytes.size()) {
      if (have > limit) break;
      bytes.resize(std::min<std::uint64_t>(bytes.size() * 2, limit + 1));
    }
    auto got = ::read(fd.get(), bytes.data() + have, bytes.size() - have);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return refused(Problem::kUnreadable, errno_reason(errno), path);
    if (got == 0) break;
    have += static_cast<std::size_t>(got);
  }
  if (have > limit) {
    return refused(Problem::kTooLarge, fmt::format("grew over the {} byte limit", limit), path);
  }
  bytes.resize(have);
  ReadResult result;
  result.bytes = std::move(bytes);
  result.resolved = path;
  return result;
}

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  auto absolute = fs::absolute(path, ec);
  return (ec ? path : absolute).lexically_normal();
}

}  // namespace

bool is_pseudo_file_path(const fs::path& canonical) {
  for (const char* root : {"/proc", "/sys", "/dev"}) {
    if (under(canonical, root)) return true;
  }
  return false;
}

ReadResult read_input_file(const fs::path& path, std::uint64_t limit) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(absolute_normal(path), ec);
  if (!ec && is_pseudo_file_path(canonical) && !fs::is_regular_file(canonical, ec)) {
    // /dev/zero and friends: refused before an open could block or never end.
    return refused(Problem::kNotRegular, "is not a regular file (a FIFO, socket or device)",
                   canonical);
  }
  return read_regular(path, limit, /*follow_final_link=*/true);
}

ProjectFiles::ProjectFiles(const std::vector<fs::path>& roots) {
  for (const auto& root : roots) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(absolute_normal(root), ec);
    roots_.push_back(ec ? absolute_normal(root) : canonical);
  }
  std::ranges::sort(roots_);
  roots_.erase(std::ranges::unique(roots_).begin(), roots_.end());
}

std::optional<fs::path> ProjectFiles::root_of(const fs::path& path) const {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(absolute_normal(path), ec);
  if (ec) return std::nullopt;
  const fs::path* best = nullptr;
  for (const auto& root : roots_) {
    if (under(canonical, root) && (best == nullptr || root.native().size() > best->native().size()))
      best = &root;
  }
  return best == nullptr ? std::nullopt : std::optional<fs::path>(*best);
}

std::optional<fs::path> ProjectFiles::resolve(const fs::path& path, Problem& problem,
                                              std::string& reason) const {
  std::error_code ec;
  auto lexical = absolute_normal(path);
  auto canonical = fs::weakly_canonical(lexical, ec);
  if (ec) {
    problem = ec == std::errc::too_many_symbolic_link_levels ? Problem::kNotRegular
                                                             : Problem::kUnreadable;
    reason = ec == std::errc::too_many_symbolic_link_levels ? "is a symlink loop"
                                                            : "cannot be resolved: " + ec.message();
    return std::nullopt;
  }
  if (is_pseudo_file_path(canonical)) {
    problem = Problem::kPseudoFile;
    reason = "is on a kernel pseudo file system (/proc, /sys, /dev); never read";
    return std::nullopt;
  }
  if (!root_of(canonical)) {
    problem = Problem::kOutsideProject;
    std::string roots;
    for (const auto& root : roots_) roots += (roots.empty() ? "" : ", ") + root.generic_string();
    reason = canonical == lexical
                 ? fmt::format("is outside the project ({}); not read", roots)
                 : fmt::format("leads outside the project ({}) through a symlink; not read", roots);
    return std::nullopt;
  }
  problem = Problem::kNone;
  return canonical;
}

bool ProjectFiles::is_file(const fs::path& path) const {
  std::error_code ec;
  auto lexical = absolute_normal(path);
  if (!fs::exists(fs::symlink_status(lexical, ec))) return false;
  Problem problem{};
  std::string reason;
  auto canonical = resolve(lexical, problem, reason);
  if (!canonical) {
    if (problem != Problem::kNotFound && fs::exists(lexical, ec)) log(lexical, reason);
    return false;
  }
  return fs::is_regular_file(*canonical, ec);
}

ReadResult ProjectFiles::read(const fs::path& path, std::uint64_t limit, bool log_refusal) const {
  auto lexical = absolute_normal(path);
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(lexical, ec))) {
    // Nothing there: a guess that missed, wherever it pointed.
    return refused(Problem::kNotFound, "does not exist");
  }
  Problem problem{};
  std::string reason;
  auto canonical = resolve(lexical, problem, reason);
  ReadResult result = canonical ? read_regular(*canonical, limit, /*follow_final_link=*/false)
                                : refused(problem, reason);
  if (!result && result.problem != Problem::kNotFound && log_refusal) log(lexical, result.reason);
  return result;
}

std::vector<fs::path> ProjectFiles::list_directory(const fs::path& dir, std::string& reason) const {
  auto lexical = absolute_normal(dir);
  Problem problem{};
  auto canonical = resolve(lexical, problem, reason);
  if (!canonical) {
    log(lexical, reason);
    return {};
  }
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(*canonical, ec), end; !ec && it != end; it.increment(ec)) {
    // A folder (or a link to one) is no file the caller could want: passed
    // over, not refused (discovery reports folder links it does not follow).
    std::error_code type_ec;
    if (it->is_directory(type_ec)) continue;
    if (is_file(it->path())) files.push_back(it->path());
  }
  if (ec) {
    reason = "cannot be listed: " + ec.message();
    log(lexical, reason);
  }
  std::ranges::sort(files);
  return files;
}

void ProjectFiles::log(const fs::path& path, const std::string& reason) const {
  std::scoped_lock lock(mutex_);
  refusals_.insert({path.generic_string(), reason});
}

void ProjectFiles::add_refusal(Refusal refusal) const {
  std::scoped_lock lock(mutex_);
  refusals_.insert(std::move(refusal));
}

std::vector<Refusal> ProjectFiles::refusals() const {
  std::scoped_lock lock(mutex_);
  return {refusals_.begin(), refusals_.end()};
}

std::vector<fs::path> project_roots(const std::vector<fs::path>& paths,
                                    const std::optional<fs::path>& root) {
  std::vector<fs::path> roots;
  if (root) roots.push_back(*root);
  for (const auto& path : paths) {
    std::error_code ec;
    auto start = fs::weakly_canonical(absolute_normal(path), ec);
    if (ec) continue;
    if (!fs::is_directory(start, ec)) start = start.parent_path();
    // Outside any repository: the folder you run in, when the path is in it
    // (a copy of a project without its .git), else the path's own folder.
    auto here = fs::weakly_canonical(fs::current_path(ec), ec);
    fs::path top = !ec && under(start, here) ? here : start;
    for (auto dir = start; !dir.empty(); dir = dir.parent_path()) {
      if (fs::exists(dir / ".git", ec)) {
        top = dir;
        break;
      }
      if (dir == dir.parent_path()) break;
    }
    roots.push_back(top);
  }
  return roots;
}

}  // namespace slotlint::files
