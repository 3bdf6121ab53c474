#include "analyzer/driver/discovery.h"

#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <ranges>
#include <set>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyzer/driver/languages.h"

namespace slotlint::driver {
namespace fs = std::filesystem;
namespace {

// Folders skipped by name, and why.
struct SkippedName {
  std::string_view name;
  SkipReason reason;
};
constexpr std::array<SkippedName, 4> kSkippedNames{{{"node_modules", SkipReason::NodeModules},
                                                    {"__pycache__", SkipReason::PyCache},
                                                    {"site-packages", SkipReason::SitePackages},
                                                    {"venv", SkipReason::Virtualenv}}};

// Version-control metadata: not the project's files, so not counted either.
constexpr std::array<std::string_view, 3> kVersionControl{".git", ".hg", ".svn"};

constexpr std::array<std::string_view, SkipCounts::kReasons> kReasonLabels{
    "node_modules",   "hidden",
    "__pycache__",    "site-packages",
    "virtualenv",     "excluded by the configuration",
    "ignored by git", "excluded by --exclude"};
static_assert(!kReasonLabels.back().empty(), "a SkipReason without a label");

// Ignore files are a few KiB; a larger one is not read (and says so), which
// bounds the matching work per path.
constexpr std::uint64_t kMaxIgnoreFileBytes = 256u << 10;
// A git index holds ~100 bytes a tracked file: this is millions of files.
constexpr std::uint64_t kMaxGitIndexBytes = 512u << 20;

using Scope = std::shared_ptr<const IgnoreScope>;

// `path` is `folder` or lies under it (both canonical).
bool under(const fs::path& path, const fs::path& folder) {
  auto relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

class Walker {
 public:
  Walker(const DiscoveryOptions& options, Discovery& found) : options_(options), found_(found) {}

  // A folder given on the command line (followed even when it is a link).
  void walk_given(const fs::path& dir) {
    if (auto reason = excluded(dir)) {
      found_.skipped.count_folder(*reason);
      return;
    }
    std::error_code ec;
    auto real = fs::canonical(dir, ec);
    if (ec) real = fs::absolute(dir, ec).lexically_normal();
    auto above = scope_above(real);
    bool leave_out = above.ignored && options_.force_exclude;
    if (leave_out && !above.holds_tracked) {
      found_.skipped.count_folder(SkipReason::IgnoredByGit);
      return;
    }
    walk({dir, real, above.scope, /*tracked_only=*/leave_out});
  }

  // The folder symlinks found inside the project, after the paths given, so
  // that a folder reached by its own path is read under that path.
  void follow_links() {
    while (!links_.empty()) {
      auto link = std::move(links_.front());
      links_.pop_front();
      walk(std::move(link));
    }
  }

  // A file given on the command line, or met in a folder; false when no
  // language (read or counted) claims its extension.
  bool file(const fs::path& path, bool given) {
    auto name = path.generic_string();
    auto configuration = spring_config::configuration_syntax(path.filename().string());
    bool read = configuration || language_for_path(name) != nullptr;
    const auto* unread = read ? nullptr : unread_language_for_path(name);
    if (!read && unread == nullptr) {
      if (given) {
        notice(path, ir::Level::Note, "unsupported-file",
               "no supported language has this file extension; not analysed");
      }
      return false;
    }
    if (auto reason = excluded(path)) {
      found_.skipped.count_file(*reason);
    } else if (given && options_.force_exclude && given_file_ignored(path)) {
      found_.skipped.count_file(SkipReason::IgnoredByGit);
    } else if (read) {
      found_.files.push_back({path, display_path(path, options_.root), configuration});
    } else {
      ++found_.skipped.unread_languages[unread->name];
    }
    return true;
  }

 private:
  static bool claimed(const fs::path& path) {
    auto name = path.generic_string();
    return language_for_path(name) != nullptr || unread_language_for_path(name) != nullptr ||
           spring_config::configuration_syntax(path.filename().string());
  }

  struct Folder {
    fs::path path;  // as reached (through a link, when followed)
    fs::path real;  // canonical
    Scope ignore;   // git's rules for the folder's own name; null outside a work tree
    // Inside a folder git ignores that holds files it tracks: only those are read.
    bool tracked_only = false;
  };

  // Git's rules for a folder's entries, and its path from the work tree's top.
  struct Rules {
    Scope scope;
    std::string path;  // "" at the top; else ending in '/'
  };

  // The rules for the entries of `folder` (canonical): `scope` (the rules
  // above it) with its own .gitignore; a folder holding `.git` starts a
  // repository of its own.
  Rules enter(const fs::path& real, const fs::path& path, Scope scope, bool holds_git) {
    if (!options_.gitignore) return {};
    if (holds_git && (!scope || scope->top() != real)) scope = repository_scope(real);
    if (!scope) return {};
    auto relative = real.lexically_relative(scope->top());
    if (relative.empty() || *relative.begin() == "..") return {};  // a link out of the work tree
    std::string prefix = relative == "." ? "" : relative.generic_string() + "/";
    if (auto own = read_ignore_file(path / ".gitignore", prefix, /*in_project=*/true))
      scope = std::make_shared<const IgnoreScope>(std::move(scope), std::move(own));
    return {std::move(scope), std::move(prefix)};
  }

  // info/exclude and the global file of the repository whose top is `top`.
  Scope repository_scope(const fs::path& top) {
    auto found = find_git_repository(top, options_.git);
    if (!found || found->top != top) return nullptr;
    std::vector<IgnoreList> lists;
    if (auto list = read_ignore_file(found->info_exclude, "", /*in_project=*/false))
      lists.push_back(std::move(*list));
    if (found->excludes_file) {
      if (auto list = read_ignore_file(*found->excludes_file, "", /*in_project=*/false))
        lists.push_back(std::move(*list));
    }
    return std::make_shared<const IgnoreScope>(top, std::move(lists), read_index(found->index));
  }

  std::shared_ptr<const TrackedFiles> read_index(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return nullptr;  // a repository with nothing added yet
    auto read = files::read_input_file(path, kMaxGitIndexBytes);
    std::string error = read ? "" : read.reason;
    std::optional<TrackedFiles> tracked;
    if (read) tracked = TrackedFiles::parse(*read.bytes, error);
    if (!tracked) {
      notice(path, ir::Level::Warning, "git-index-unreadable",
             fmt::format("git's index {}; files git tracks although its ignore patterns match "
                         "them are left out",
                         error));
      return nullptr;
    }
    return std::make_shared<const TrackedFiles>(std::move(*tracked));
  }

  std::optional<IgnoreList> read_ignore_file(const fs::path& path, std::string prefix,
                                             bool in_project) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec))) return std::nullopt;
    auto read = in_project ? options_.project.read(path, kMaxIgnoreFileBytes, /*log_refusal=*/false)
                           : files::read_input_file(path, kMaxIgnoreFileBytes);
    if (!read) {
      if (read.problem == files::Problem::kNotFound) return std::nullopt;
      notice(path, ir::Level::Warning, "ignore-file-unreadable",
             fmt::format("git's ignore file {}; its patterns are not applied, so files it would "
                         "leave out may be analysed",
                         read.reason));
      return std::nullopt;
    }
    return IgnoreList(*read.bytes, std::move(prefix));
  }

  // Git's rules for `real` (canonical) as an entry of its folder, and
  // whether it or a folder above it is ignored.
  struct Above {
    Scope scope;
    bool ignored = false;
    bool holds_tracked = false;  // ignored, but git tracks it (or files in the folder)
  };
  Above scope_above(const fs::path& real) {
    if (!options_.gitignore) return {};
    auto found = find_git_repository(real, options_.git);
    if (!found) return {};
    auto relative = real.lexically_relative(found->top);
    if (relative == ".") return {};  // the top is nobody's entry
    Above above;
    fs::path folder = found->top;
    Rules rules = enter(folder, folder, nullptr, /*holds_git=*/true);
    auto last = std::prev(relative.end());
    for (auto part = relative.begin(); part != last && rules.scope; ++part) {
      folder /= *part;
      above.ignored = above.ignored || rules.scope->ignored(rules.path + part->string(), true);
      rules = enter(folder, folder, rules.scope, false);
    }
    above.scope = rules.scope;
    if (above.scope) {
      auto path = rules.path + real.filename().string();
      bool folder_given = fs::is_directory(real);
      above.ignored = above.ignored || above.scope->ignored(path, folder_given);
      // Git lists what it tracks, ignored or not.
      const auto* tracked = above.scope->tracked();
      above.holds_tracked = above.ignored && tracked != nullptr &&
                            (folder_given ? tracked->tracked_under(path) : tracked->tracked(path));
    }
    return above;
  }

  bool given_file_ignored(const fs::path& path) {
    std::error_code ec;
    auto real = fs::canonical(path, ec);
    if (ec) return false;
    auto above = scope_above(real);
    return above.ignored && !above.holds_tracked;
  }

  std::optional<SkipReason> excluded(const fs::path& path) const {
    return options_.excluded ? options_.excluded(path) : std::nullopt;
  }

  void notice(const fs::path& path, ir::Level level, std::string id, std::string message) {
    found_.notices.push_back(
        {display_path(path, options_.root), {level, std::move(id), std::move(message)}});
  }

  // Why a folder met in the walk is not walked; nullopt: walk it.
  std::optional<SkipReason> skip_reason(const fs::path& dir, bool git_ignored) const {
    std::string name = dir.filename().string();
    if (name.size() > 1 && name.front() == '.') return SkipReason::Hidden;
    auto named = std::ranges::find(kSkippedNames, name, &SkippedName::name);
    if (named != kSkippedNames.end()) return named->reason;
    if (git_ignored) return SkipReason::IgnoredByGit;
    std::error_code ec;
    if (fs::exists(dir / "pyvenv.cfg", ec)) return SkipReason::Virtualenv;  // under another name
    return excluded(dir);
  }

  // Counted when skipped on purpose; false when the folder is not walked.
  bool wanted(const fs::path& dir, bool git_ignored) {
    if (std::ranges::find(kVersionControl, dir.filename().string()) != kVersionControl.end())
      return false;
    auto reason = skip_reason(dir, git_ignored);
    if (reason) found_.skipped.count_folder(*reason);
    return !reason;
  }

  void walk(Folder top) {
    std::vector<Folder> stack{std::move(top)};
    while (!stack.empty()) {
      auto folder = std::move(stack.back());
      stack.pop_back();
      if (!walked_.insert(folder.real).second) continue;  // read already, by this or another path
      std::vector<fs::directory_entry> entries;
      std::error_code ec;
      fs::directory_iterator it(folder.path, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
      if (ec) {
        notice(folder.path, ir::Level::Warning, "directory-unreadable",
               fmt::format("the folder cannot be read ({}); the files in it are not analysed",
                           ec.message()));
      }
      std::ranges::sort(entries, {}, [](const fs::directory_entry& e) { return e.path(); });
      bool holds_git = std::ranges::any_of(
          entries, [](const fs::directory_entry& e) { return e.path().filename() == ".git"; });
      Rules rules = enter(folder.real, folder.path, folder.ignore, holds_git);
      std::vector<Folder> subfolders;
      for (const auto& entry : entries) {
        std::error_code type_ec;
        auto own = entry.symlink_status(type_ec);
        auto relative = rules.path + entry.path().filename().string();
        const auto* tracked = rules.scope ? rules.scope->tracked() : nullptr;
        if (fs::is_directory(own)) {
          bool ignored = folder.tracked_only ||
                         (rules.scope && rules.scope->ignored(relative, /*is_folder=*/true));
          // Git still lists the files it tracks in an ignored folder.
          bool holds_tracked = ignored && tracked != nullptr && tracked->tracked_under(relative);
          if (wanted(entry.path(), ignored && !holds_tracked))
            subfolders.push_back(
                {entry.path(), folder.real / entry.path().filename(), rules.scope, ignored});
          continue;
        }
        bool ignored = folder.tracked_only ||
                       (rules.scope && rules.scope->ignored(relative, /*is_folder=*/false));
        if (ignored && (tracked == nullptr || !tracked->tracked(relative))) {
          // Counted as the configuration's exclusions are: files a language claims.
          if (claimed(entry.path())) found_.skipped.count_file(SkipReason::IgnoredByGit);
          continue;
        }
        if (fs::is_symlink(own)) {
          link(entry.path(), folder, rules, ignored);
          continue;
        }
        file(entry.path(), /*given=*/false);
      }
      // Depth first, in name order.
      std::ranges::move(subfolders | std::views::reverse, std::back_inserter(stack));
    }
  }

  // Why a link's target is refused, as "leads outside the project (ROOT)".
  std::string refusal_reason(files::Problem problem, const std::string& reason) const {
    if (problem == files::Problem::kOutsideProject) {
      std::vector<std::string> roots;
      for (const auto& root : options_.project.roots()) roots.push_back(root.generic_string());
      return fmt::format("leads outside the project ({})", fmt::join(roots, ", "));
    }
    if (problem == files::Problem::kPseudoFile) return "leads to a kernel pseudo file system";
    return reason;
  }

  void link(const fs::path& path, const Folder& parent, const Rules& rules, bool ignored) {
    std::error_code ec;
    auto target_status = fs::status(path, ec);
    std::error_code link_ec;
    auto written = fs::read_symlink(path, link_ec).generic_string();
    if (!fs::is_directory(target_status)) {
      // A file the walk found through a link out of the project is not the
      // project's: analysed code is untrusted (a fork's pull request may
      // link `app.py` to a secret), so it is never read. Files named on
      // the command line are the user's choice.
      if (fs::exists(target_status) && claimed(path)) {
        files::Problem problem{};
        std::string reason;
        if (!options_.project.resolve(path, problem, reason) &&
            (problem == files::Problem::kOutsideProject ||
             problem == files::Problem::kPseudoFile)) {
          notice(path, ir::Level::Warning, "symlink-not-followed",
                 fmt::format("a file symlink to '{}', which {}; not analysed", written,
                             refusal_reason(problem, reason)));
          return;
        }
      }
      // A file, or a broken link: the reader reports one a language claims.
      bool claimed = file(path, /*given=*/false);
      if (!claimed && ec == std::errc::too_many_symbolic_link_levels) {
        notice(path, ir::Level::Warning, "symlink-not-followed",
               fmt::format("a symlink to '{}' that never resolves (a loop of links); not followed",
                           written));
      }
      return;
    }
    if (!wanted(path, ignored || (rules.scope && rules.scope->ignored(
                                                     rules.path + path.filename().string(), true))))
      return;
    files::Problem problem{};
    std::string reason;
    auto target = options_.project.resolve(path, problem, reason);
    if (!target) {
      notice(path, ir::Level::Warning, "symlink-not-followed",
             fmt::format("a folder symlink to '{}', which {}; not followed, so the files there are "
                         "not analysed",
                         written, refusal_reason(problem, reason)));
      return;
    }
    if (under(parent.real, *target)) {
      // Nothing asked for is lost: the walk holding the link reads the rest.
      notice(path, ir::Level::Note, "symlink-not-followed",
             fmt::format("a folder symlink to '{}', a folder that holds it (a loop); not followed",
                         written));
      return;
    }
    links_.push_back({path, *target, scope_above(*target).scope});
  }

  const DiscoveryOptions& options_;
  Discovery& found_;
  std::set<fs::path> walked_;  // canonical folders
  std::deque<Folder> links_;   // folder symlinks inside the project, to follow
};

}  // namespace

std::string_view skip_reason_label(SkipReason reason) {
  return kReasonLabels.at(static_cast<std::size_t>(reason));
}

Discovery discover_unsaved(const fs::path& path, const DiscoveryOptions& options) {
  Discovery found;
  Walker walker(options, found);
  walker.file(path, /*given=*/true);
  return found;
}

std::string display_path(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
  return relative.generic_string();
}

Discovery discover(const std::vector<fs::path>& paths, const DiscoveryOptions& options) {
  Discovery found;
  Walker walker(options, found);
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      found.missing_path = true;
      found.notices.push_back({path.generic_string(),
                               {ir::Level::Error, "path-not-found", "no such file or directory"}});
      continue;
    }
    if (fs::is_directory(status)) {
      walker.walk_given(path);
    } else {
      walker.file(path, /*given=*/true);
    }
  }
  walker.follow_links();
  std::ranges::sort(found.files, {}, &SourceFile::display_path);
  auto duplicates = std::ranges::unique(found.files, {}, &SourceFile::display_path);
  found.files.erase(duplicates.begin(), duplicates.end());
  return found;
}

}  // namespace slotlint::driver
