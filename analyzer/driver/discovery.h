// Which files a run reads: the paths given, and the folders walked, keeping
// files a language claims by extension, and Spring Boot's configuration
// files (application.properties, application-<profile>.yml) by name. Sorted, so the run's order
// never depends on the file system.
//
// In a git work tree, what git ignores is left out as git leaves it out
// (git_ignore.h), unless turned off; a path given is read even when ignored,
// unless `force_exclude`. A given folder is walked, and git's rules apply to
// what is in it.
//
// Nothing is left out in silence. Skips on purpose (node_modules, hidden
// folders, __pycache__, site-packages, virtualenvs, what git ignores, the
// configuration's `exclude`) are counted by reason; files of languages slotlint does not read
// that commonly call Redis are counted by language; the driver turns both into
// one line each per run. Skips nobody asked for are notices naming the path: a
// folder that cannot be read, a folder symlink not followed (it leads outside
// the project, loops back to a folder holding it, or cannot be resolved).
// A folder symlink inside the project is followed, and each real folder is
// walked once: links are followed after the paths given, so a folder the
// walk reaches by its own path is read under that path.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/driver/git_ignore.h"
#include "analyzer/files/project_files.h"
#include "frontends/common/frontend.h"
#include "frontends/spring_config/spring_redis.h"

namespace slotlint::driver {

struct SourceFile {
  std::filesystem::path path;  // as opened
  std::string display_path;    // relative to the root, '/'-separated
  // A Spring Boot configuration file (application.properties, .yml), read
  // for its Redis settings when the project uses Spring Data Redis; nullopt:
  // source code of a language (languages.h).
  std::optional<spring_config::Syntax> configuration;
};

struct PathNotice {
  std::string path;
  frontend::Notice notice;
};

// Why a folder or file was left out on purpose; one counted reason each.
enum class SkipReason : std::uint8_t {
  NodeModules,
  Hidden,
  PyCache,
  SitePackages,
  Virtualenv,
  ExcludedByConfiguration,
  IgnoredByGit,
  ExcludedByOption,
  kCount
};

// "node_modules", "hidden", ..., "excluded by the configuration".
std::string_view skip_reason_label(SkipReason reason);

struct SkipCounts {
  static constexpr auto kReasons = static_cast<std::size_t>(SkipReason::kCount);
  std::array<std::size_t, kReasons> folders{};
  std::array<std::size_t, kReasons> files{};
  // Files of languages slotlint does not read (languages.h), by language.
  std::map<std::string_view, std::size_t> unread_languages;

  void count_folder(SkipReason reason) { ++folders[static_cast<std::size_t>(reason)]; }
  void count_file(SkipReason reason) { ++files[static_cast<std::size_t>(reason)]; }
};

struct Discovery {
  std::vector<SourceFile> files;
  std::vector<PathNotice> notices;
  SkipCounts skipped;
  bool missing_path = false;  // a path given on the command line does not exist
};

struct DiscoveryOptions {
  std::filesystem::path root;  // display paths are relative to it
  // Bounds which folder symlinks are followed.
  const files::ProjectFiles& project;
  // The configuration's `exclude` and `--exclude`: why a path is excluded,
  // nullopt when it is not; empty: nothing excluded.
  std::function<std::optional<SkipReason>(const std::filesystem::path&)> excluded;
  // Leave out what git ignores (.gitignore, info/exclude, the global file).
  bool gitignore = true;
  // Also leave out the paths given when git ignores them.
  bool force_exclude = false;
  GitEnvironment git;  // where the global excludes file is
};

Discovery discover(const std::vector<std::filesystem::path>& paths,
                   const DiscoveryOptions& options);

// `path` taken as a file given, whether or not it exists: the editor's
// buffer of --stdin-filename, which may not be saved yet.
Discovery discover_unsaved(const std::filesystem::path& path, const DiscoveryOptions& options);

std::string display_path(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace slotlint::driver
