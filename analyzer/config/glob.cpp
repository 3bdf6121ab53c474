#include "analyzer/config/glob.h"

namespace slotlint::config {

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  for (std::size_t at = 0; at < pattern.size();) {
    auto rest = pattern.substr(at);
    if (rest.starts_with("**/")) {
      steps_.push_back({Token::SkipFolders});
      steps_.push_back({Token::AnyBytes});
      steps_.push_back({Token::Byte, '/'});
      at += 3;
    } else if (rest == "**") {
      steps_.push_back({Token::AnyBytes});
      at += 2;
    } else if (rest.front() == '*') {
      steps_.push_back({Token::Star});
      ++at;
    } else if (rest.front() == '?') {
      steps_.push_back({Token::AnyByte});
      ++at;
    } else if (rest.front() == '\\' && rest.size() > 1) {
      steps_.push_back({Token::Byte, rest[1]});
      at += 2;
    } else if (auto set = rest.front() == '[' ? read_class(rest) : std::nullopt) {
      steps_.push_back({Token::Class, 0, static_cast<std::uint32_t>(classes_.size())});
      classes_.push_back(set->first);
      at += set->second;
    } else {
      steps_.push_back({Token::Byte, rest.front()});
      ++at;
    }
  }
}

std::optional<std::pair<Glob::ByteSet, std::size_t>> Glob::read_class(std::string_view pattern) {
  std::size_t at = 1;
  bool negated = at < pattern.size() && (pattern[at] == '!' || pattern[at] == '^');
  if (negated) ++at;
  ByteSet set;
  bool first = true;
  while (at < pattern.size() && (first || pattern[at] != ']')) {
    first = false;
    unsigned char low = pattern[at];
    if (low == '\\' && at + 1 < pattern.size()) low = pattern[++at];
    ++at;
    unsigned char high = low;
    if (at + 1 < pattern.size() && pattern[at] == '-' && pattern[at + 1] != ']') {
      high = pattern[at + 1];
      if (high == '\\' && at + 2 < pattern.size()) high = pattern[++at + 1];
      at += 2;
    }
    for (unsigned byte = low; byte <= high; ++byte) set.set(byte);
  }
  if (at >= pattern.size()) return std::nullopt;
  if (negated) set.flip();
  set.reset('/');
  return std::pair{set, at + 1};
}

Glob::Match Glob::match(std::string_view path) const { return run(path, false); }

Glob::Match Glob::match_path_or_folder(std::string_view path) const { return run(path, true); }

Glob::Match Glob::run(std::string_view path, bool folders_match) const {
  const auto accept = steps_.size();
  // reached[i]: the pattern's first i tokens can match the path read so far.
  std::vector<char> reached(accept + 1, 0);
  std::vector<char> next(accept + 1, 0);
  Match result;
  // What a position reaches without reading a byte: past a star (which may
  // match nothing), past or into a `**/`. Only forward, so one pass.
  auto close = [&](std::vector<char>& positions) {
    for (std::size_t i = 0; i < accept; ++i) {
      if (!positions[i]) continue;
      switch (steps_[i].token) {
        case Token::Star:
        case Token::AnyBytes:
          positions[i + 1] = 1;
          break;
        case Token::SkipFolders:
          positions[i + 1] = 1;
          positions[i + 3] = 1;
          break;
        case Token::Byte:
        case Token::AnyByte:
        case Token::Class:
          break;
      }
    }
  };
  reached[0] = 1;
  close(reached);
  for (char byte : path) {
    // A folder the pattern matched: what is under it is matched too.
    if (folders_match && byte == '/' && reached[accept]) {
      result.matched = true;
      return result;
    }
    std::fill(next.begin(), next.end(), 0);
    bool alive = false;
    for (std::size_t i = 0; i < accept; ++i) {
      ++result.steps;
      if (!reached[i]) continue;
      const auto& step = steps_[i];
      switch (step.token) {
        case Token::Byte:
          if (byte == step.byte) next[i + 1] = 1;
          break;
        case Token::AnyByte:
          if (byte != '/') next[i + 1] = 1;
          break;
        case Token::Star:
          if (byte != '/') next[i] = 1;
          break;
        case Token::AnyBytes:
          next[i] = 1;
          break;
        case Token::Class:
          if (classes_[step.set].test(static_cast<unsigned char>(byte))) next[i + 1] = 1;
          break;
        case Token::SkipFolders:
          break;
      }
      alive = true;
    }
    if (!alive) return result;
    close(next);
    reached.swap(next);
  }
  result.matched = reached[accept] != 0;
  return result;
}

}  // namespace slotlint::config
