// Exclude patterns: globs over '/'-separated relative paths, where `*` and `?`
// match within one path segment, `**/` matches any number of segments (none
// included) and a trailing `**` matches everything left; `[abc]`, `[a-z]`,
// `[!a-z]` (or `[^a-z]`) match one byte of a set (never '/'), and a backslash
// makes the next byte literal: the syntax of .gitignore patterns too. A `[`
// with no closing `]` is literal.
//
// A pattern is compiled once into tokens, and a path is matched by keeping
// every pattern position the path so far can have reached (an NFA run over
// the tokens), one path byte at a time. No position is tried twice for one
// byte, so a match takes at most (tokens + 1) × (path bytes + 1) steps,
// whatever the pattern: `*a*a*a*a*a*a*a*a*b` cannot make it backtrack.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
    Class,        // `[...]`: one byte of classes_[byte]
  };
  struct Step {
    Token token;
    char byte = 0;          // for Token::Byte
    std::uint32_t set = 0;  // for Token::Class: its index in classes_
  };
  using ByteSet = std::bitset<256>;
  // The class `[...]` starting `pattern`, and the bytes it takes; nullopt
  // when it is not closed.
  static std::optional<std::pair<ByteSet, std::size_t>> read_class(std::string_view pattern);
  [[nodiscard]] Match run(std::string_view path, bool folders_match) const;

  std::string pattern_;
  std::vector<Step> steps_;
  std::vector<ByteSet> classes_;
};

}  // namespace slotlint::config
