// What git leaves out of a work tree, read as git reads it: the .gitignore of
// each folder (nested ones included), the repository's info/exclude and the
// user's global excludes file. Patterns use glob.h's syntax; a pattern with a
// '/' before its end is anchored to its file's folder, one without matches a
// name at any depth; a trailing '/' matches folders only; '!' re-includes.
//
// Precedence is git's: the .gitignore nearest the path first, then those
// above it, then info/exclude, then the global file; within one file, the
// last matching pattern decides. A folder that is ignored is not walked, so
// nothing under it can be re-included (git's rule too).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/config/glob.h"
#include "analyzer/driver/git_index.h"

namespace slotlint::driver {

// The patterns of one ignore file.
class IgnoreList {
 public:
  // `base`: the folder the file's patterns are relative to, from the
  // repository's top, '/'-separated, ending in '/' ("" for the top).
  IgnoreList(std::string_view text, std::string base);

  // Whether the list ignores `path` (from the repository's top): nullopt when
  // none of its patterns matches.
  [[nodiscard]] std::optional<bool> decide(std::string_view path, bool is_folder) const;

 private:
  struct Pattern {
    config::Glob glob;
    bool negated = false;
    bool folders_only = false;
    bool anchored = false;  // matched against the path below `base`, else the name
  };
  std::string base_;
  std::vector<Pattern> patterns_;
};

// The ignore rules in force in one folder of a repository: its lists from
// the nearest to the farthest. Immutable and shared by the folders below.
class IgnoreScope {
 public:
  // The repository-wide lists (info/exclude, then the global file), and
  // what git tracks (null when its index could not be read).
  IgnoreScope(std::filesystem::path top, std::vector<IgnoreList> repository_lists,
              std::shared_ptr<const TrackedFiles> tracked);
  // `parent`'s rules plus a folder's own .gitignore, when it has one.
  IgnoreScope(std::shared_ptr<const IgnoreScope> parent, std::optional<IgnoreList> own);

  // `path` from the repository's top, '/'-separated.
  [[nodiscard]] bool ignored(std::string_view path, bool is_folder) const;
  // The repository's top (canonical).
  [[nodiscard]] const std::filesystem::path& top() const { return top_; }
  // What git tracks, which it lists even when ignored; null when unknown.
  [[nodiscard]] const TrackedFiles* tracked() const { return tracked_.get(); }

 private:
  std::shared_ptr<const IgnoreScope> parent_;
  std::filesystem::path top_;
  std::shared_ptr<const TrackedFiles> tracked_;
  std::vector<IgnoreList> lists_;  // nearest first
};

// Where a repository keeps what its ignore rules need.
struct GitLocations {
  std::filesystem::path top;                           // canonical work tree top
  std::filesystem::path info_exclude;                  // <common git dir>/info/exclude
  std::filesystem::path index;                         // <git dir>/index
  std::optional<std::filesystem::path> excludes_file;  // the global file, when there is one
};

// The environment git reads its configuration paths from (HOME,
// XDG_CONFIG_HOME, GIT_CONFIG_GLOBAL, GIT_CONFIG_SYSTEM, GIT_CONFIG_NOSYSTEM).
struct GitEnvironment {
  std::optional<std::string> home, xdg_config_home, config_global, config_system;
  bool no_system_config = false;

  static GitEnvironment from_process();
};

// The repository whose work tree holds `folder` (canonical): the nearest
// folder at or above it with a `.git` folder or file; nullopt outside any.
std::optional<GitLocations> find_git_repository(const std::filesystem::path& folder,
                                                const GitEnvironment& environment);

// The value of core.excludesFile in a git configuration text, if set (the last one).
std::optional<std::string> config_excludes_file(std::string_view config_text);

}  // namespace slotlint::driver
