// Exclude patterns: globs over '/'-separated relative paths, where `*` and `?`
// match within one path segment, `**/` matches any number of leading
// segments (none included) and a trailing `**` matches everything left.
//
// A pattern is compiled once into tokens, and a path is matched by keeping
// every pattern position the path so far can have reached (an NFA run over
// the tokens), one path byte at a time. No position is tried twice for one
// byte, so a match takes at most (tokens + 1) × (path bytes + 1) steps,
// whatever the pattern: `*a*a*a*a*a*a*a*a*b` cannot make it backtrack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::config {

class Glob {
 public:
  explicit Glob(std::string_view pattern);

  struct Match {
    bool matched = false;
    std::size_t steps = 0;  // pattern positions visited, for the tests' work bounds
  };
  // The whole path matches.
  [[nodiscard]] Match match(std::string_view path) const;
  // The path or a folder above it matches ("vendor" covers "vendor/x/y.py").
  [[nodiscard]] Match match_path_or_folder(std::string_view path) const;

  [[nodiscard]] const std::string& pattern() const { return pattern_; }

 private:
  // `**/` is SkipFolders, AnyBytes, Byte '/': nothing, or anything ending in '/'.
  enum class Token : std::uint8_t {
    Byte,         // one byte, itself
    AnyByte,      // `?`: one byte but '/'
    Star,         // `*`: any bytes but '/'
    AnyBytes,     // any bytes (a trailing `**`, or inside `**/`)
    SkipFolders,  // reads nothing: goes on after the `**/` it starts, or into it
  };
  struct Step {
    Token token;
    char byte = 0;  // for Token::Byte
  };
  [[nodiscard]] Match run(std::string_view path, bool folders_match) const;

  std::string pattern_;
  std::vector<Step> steps_;
};

}  // namespace slotlint::config
