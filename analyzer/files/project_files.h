// Every file slotlint reads goes through one of two doors.
//
// `read_input_file` is for files the user names (a path on the command line,
// the configuration, a baseline, a compilation database): it reads a regular
// file within a size limit or says why not. A FIFO, a device or a folder is
// refused before anything blocks on it.
//
// `ProjectFiles` is for files the *analysed code* names (script bodies, modules
// it imports, manifests beside it, folders it lists): those are read only when,
// with every symlink resolved, they lie inside one of the project's roots, are
// regular files on a real file system (never /proc, /sys or /dev) and fit their
// limit. Analysed code is untrusted (a pull request from a fork): without this,
// `open('/proc/self/environ').read()` would put the CI job's secrets into its
// report. A refusal names the path and never shows its content, and each one is
// logged once per run so the driver can report it even when the reader itself
// has nowhere to say it.
//
// Invariants: roots are canonical; a path is "inside" when its canonical form
// has a root as a component-wise prefix; the file read is the canonical path,
// opened without following a final symlink, checked again on the descriptor.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace slotlint::files {

enum class Problem {
  kNone,
  kNotFound,        // nothing there
  kOutsideProject,  // resolves outside every root (directly or through a symlink)
  kPseudoFile,      // /proc, /sys, /dev or a file system of that kind
  kNotRegular,      // a folder, FIFO, socket or device
  kTooLarge,        // over the reader's limit
  kUnreadable,      // permissions, I/O error
};

struct ReadResult {
  std::optional<std::string> bytes;  // the content, when read
  Problem problem = Problem::kNone;
  std::string reason;              // why not, in words ("is outside the project (/repo)")
  std::filesystem::path resolved;  // canonical path, when it could be resolved

  explicit operator bool() const { return bytes.has_value(); }
};

// A regular file the user named, up to `limit` bytes.
ReadResult read_input_file(const std::filesystem::path& path, std::uint64_t limit);

// True for paths under /proc, /sys or /dev (after resolution): never read, not
// even through an #include.
bool is_pseudo_file_path(const std::filesystem::path& canonical);

// A refusal remembered for the run's notifications.
struct Refusal {
  std::string path;  // as the reader asked for it (absolute, lexically normal)
  std::string reason;
  auto operator<=>(const Refusal&) const = default;
};

class ProjectFiles {
 public:
  // `roots` need not exist or be canonical; they are made so here.
  explicit ProjectFiles(const std::vector<std::filesystem::path>& roots);

  // The canonical path when `path` lies inside the project (not read); else
  // nullopt and `problem`/`reason` say why. Relative paths are taken from the
  // current folder, as the operating system would.
  std::optional<std::filesystem::path> resolve(const std::filesystem::path& path, Problem& problem,
                                               std::string& reason) const;
  // A regular file inside the project (for probing candidates); refusals of
  // files that exist are logged.
  bool is_file(const std::filesystem::path& path) const;
  // Reads a file inside the project; refusals other than "not found" are
  // logged unless `log_refusal` is false (the caller reports them itself).
  ReadResult read(const std::filesystem::path& path, std::uint64_t limit,
                  bool log_refusal = true) const;
  // The regular files directly in `dir` that are inside the project, sorted by
  // name; entries refused (a symlink leaving the project) are logged, folders
  // (and links to folders) passed over. Empty,
  // with `reason` set, when `dir` itself is refused or cannot be listed.
  std::vector<std::filesystem::path> list_directory(const std::filesystem::path& dir,
                                                    std::string& reason) const;

  // The root that holds `path` (symlinks resolved), if any: where a walk up stops.
  std::optional<std::filesystem::path> root_of(const std::filesystem::path& path) const;
  [[nodiscard]] const std::vector<std::filesystem::path>& roots() const { return roots_; }

  // Every refusal logged so far, sorted (deterministic whatever the threads did).
  std::vector<Refusal> refusals() const;
  // One that another process reading for this run logged (slotlint-cpp).
  void add_refusal(Refusal refusal) const;

 private:
  void log(const std::filesystem::path& path, const std::string& reason) const;

  std::vector<std::filesystem::path> roots_;
  mutable std::mutex mutex_;
  mutable std::set<Refusal> refusals_;
};

// The project roots for a run: the explicit --root, if any, and for each path
// given, the top of its git repository (the nearest folder above it holding
// .git); outside any repository, the current folder when the path lies in it,
// else the path itself when it is a folder, else its folder.
std::vector<std::filesystem::path> project_roots(const std::vector<std::filesystem::path>& paths,
                                                 const std::optional<std::filesystem::path>& root);

}  // namespace slotlint::files
