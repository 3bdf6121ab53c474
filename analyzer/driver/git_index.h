// The paths git tracks, read from its index (.git/index, versions 2 to 4),
// because git lists a tracked file even when an ignore pattern matches it:
// `git ls-files -co --exclude-standard` is tracked files plus untracked ones
// not ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::driver {

class TrackedFiles {
 public:
  // nullopt, with `error` set, when `index` is not an index slotlint reads
  // (a version other than 2-4, a SHA-256 repository's, or cut short).
  static std::optional<TrackedFiles> parse(std::string_view index, std::string& error);

  // `path` (from the work tree's top, '/'-separated) is tracked.
  [[nodiscard]] bool tracked(std::string_view path) const;
  // Some tracked path lies under the folder `path`.
  [[nodiscard]] bool tracked_under(std::string_view path) const;

 private:
  std::vector<std::string> paths_;  // sorted
};

}  // namespace slotlint::driver
