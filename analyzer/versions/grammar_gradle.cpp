// Gradle versions and selectors (build.gradle, build.gradle.kts, version
// catalogs). Versions split into parts at '.', '-', '_', '+' and where
// digits meet letters; numbers compare as numbers and are newer than words;
// words compare case-sensitively, except dev (oldest) and rc < snapshot <
// final < ga < release < sp (newest); a longer version is newer when its
// extra part is a number, older when it is a word ("1.0-rc" < "1.0").
// Selectors: a plain version (a pin), `1.2.3!!` (strictly), `[1.0,2.0)`
// and `]1.0,2.0[` ranges (an exclusive upper bound also excludes versions
// that start with it: `[1,2)` excludes 2-beta), `1.+` (versions that start
// with "1."), `latest.release` and `+` (any).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/versions/grammars.h"
#include "analyzer/versions/version_set.h"

namespace slotlint::versions {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

struct GradleKey {
  std::string source;
  std::vector<std::string> parts;
  std::vector<std::optional<std::int64_t>> numbers;  // a part that is a number

  friend std::weak_ordering operator<=>(const GradleKey& a, const GradleKey& b);
};

// rc, snapshot, final, ga, release and sp are newer than other words, dev older.
std::optional<int> special_rank(const std::string& part) {
  std::string word;
  for (char c : part) word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static constexpr std::array<std::pair<std::string_view, int>, 7> kRanks = {{{"dev", -1},
                                                                              {"rc", 1},
                                                                              {"snapshot", 2},
                                                                              {"final", 3},
                                                                              {"ga", 4},
                                                                              {"release", 5},
                                                                              {"sp", 6}}};
  for (auto [name, rank] : kRanks) {
    if (word == name) return rank;
  }
  return std::nullopt;
}

std::weak_ordering operator<=>(const GradleKey& a, const GradleKey& b) {
  if (a.source == b.source) return std::weak_ordering::equivalent;
  std::size_t i = 0;
  for (; i < a.parts.size() && i < b.parts.size(); ++i) {
    if (a.parts[i] == b.parts[i]) continue;
    const auto& x = a.numbers[i];
    const auto& y = b.numbers[i];
    if (x && !y) return std::weak_ordering::greater;
    if (y && !x) return std::weak_ordering::less;
    if (x && y) {
      if (*x == *y) continue;
      return *x <=> *y;
    }
    auto rank_a = special_rank(a.parts[i]);
    auto rank_b = special_rank(b.parts[i]);
    // "RC" and "rc" are one rank: equal, whatever follows.
    if (rank_a || rank_b) return rank_a.value_or(0) <=> rank_b.value_or(0);
    return a.parts[i].compare(b.parts[i]) <=> 0;
  }
  if (i < a.parts.size())
    return a.numbers[i] ? std::weak_ordering::greater : std::weak_ordering::less;
  if (i < b.parts.size())
    return b.numbers[i] ? std::weak_ordering::less : std::weak_ordering::greater;
  return std::weak_ordering::equivalent;
}

std::optional<std::int64_t> as_number(std::string_view part) {
  if (part.empty() || !std::ranges::all_of(part, is_digit)) return std::nullopt;
  std::int64_t value = 0;
  for (char c : part) {
    if (value > (INT64_MAX - 9) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

GradleKey parse_key(std::string_view text) {
  GradleKey key;
  key.source = std::string(text);
  bool digit = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' || c == '_' || c == '-' || c == '+') {
      key.parts.emplace_back(text.substr(start, i - start));
      start = i + 1;
      digit = false;
    } else if (is_digit(c) != digit && i > start) {  // where digits meet letters
      key.parts.emplace_back(text.substr(start, i - start));
      start = i;
      digit = is_digit(c);
    } else {
      digit = is_digit(c);
    }
  }
  if (text.size() > start) key.parts.emplace_back(text.substr(start));
  for (const auto& part : key.parts) key.numbers.push_back(as_number(part));
  return key;
}

using Set = VersionSet<GradleKey>;

class GradleRequirement final : public SetRequirement<GradleKey> {
 public:
  GradleRequirement(Set set, std::optional<Version> pinned, std::string prefix,
                    std::string excluded_prefix)
      : SetRequirement(std::move(set), std::move(pinned)),
        prefix_(std::move(prefix)),
        excluded_prefix_(std::move(excluded_prefix)) {}

  [[nodiscard]] bool contains(std::string_view text) const override {
    if (!prefix_.empty()) return text.starts_with(prefix_);
    if (!excluded_prefix_.empty() && text.starts_with(excluded_prefix_) &&
        (parse_key(text) <=> parse_key(excluded_prefix_)) < 0) {
      return false;
    }
    return set_.contains(parse_key(text));
  }

 private:
  [[nodiscard]] std::optional<GradleKey> key_of_release(const Version& version) const override {
    return parse_key(release_text(version, 1));
  }
  std::string prefix_;           // 1.+: what every version starts with
  std::string excluded_prefix_;  // an exclusive upper bound's text
};

Requirement make(Set set, std::optional<Version> pinned, std::string prefix = {},
                 std::string excluded_prefix = {}) {
  return Requirement(std::make_shared<GradleRequirement>(
      std::move(set), std::move(pinned), std::move(prefix), std::move(excluded_prefix)));
}

bool is_plain_part(char c) {
  return !is_space(c) && c != ',' && c != '[' && c != ']' && c != '(' && c != ')';
}

// "[1.0,2.0)", "]1.0,2.0[", "(,2.0]", "[1.0,)", "[1.0]".
std::optional<Requirement> parse_range(std::string_view text) {
  char open = text.front();
  char close = text.back();
  if (text.size() < 3 || (close != ']' && close != '[' && close != ')')) return std::nullopt;
  auto inside = text.substr(1, text.size() - 2);
  auto comma = inside.find(',');
  auto plain = [](std::string_view part) {
    return !part.empty() && std::ranges::all_of(part, is_plain_part);
  };
  if (comma == std::string_view::npos) {
    auto single = trim(inside);
    if (open != '[' || close != ']' || !plain(single)) return std::nullopt;
    Bound<GradleKey> bound{parse_key(single), true, std::string(single)};
    return make(Set::of({bound, bound}), parse_version(single));
  }
  auto low = trim(inside.substr(0, comma));
  auto high = trim(inside.substr(comma + 1));
  Interval<GradleKey> interval;
  if (low.empty()) {
    if (open != '(') return std::nullopt;
  } else {
    if (!plain(low)) return std::nullopt;
    interval.lower = Bound<GradleKey>{parse_key(low), open == '[', std::string(low)};
  }
  std::string excluded;
  if (high.empty()) {
    if (close != ')' || low.empty()) return std::nullopt;
  } else {
    if (!plain(high)) return std::nullopt;
    interval.upper = Bound<GradleKey>{parse_key(high), close == ']', std::string(high)};
    if (close != ']') excluded = std::string(high);
  }
  return make(Set::of(std::move(interval)), std::nullopt, {}, std::move(excluded));
}

}  // namespace

std::optional<Requirement> parse_gradle_requirement(std::string_view spec) {
  auto text = trim(spec);
  if (text.empty()) return std::nullopt;
  // "[1.0,2.0[!!1.5": strictly the range, preferring 1.5; "1.2.3!!": strictly 1.2.3.
  if (auto bangs = text.find("!!"); bangs != std::string_view::npos) {
    auto prefer = trim(text.substr(bangs + 2));
    auto strictly = parse_gradle_requirement(text.substr(0, bangs));
    if (!strictly || prefer.empty()) return strictly;
    if (!strictly->contains(prefer)) return std::nullopt;
    auto version = parse_version(prefer);
    if (!version) return std::nullopt;
    return make(Set::of({Bound<GradleKey>{parse_key(prefer), true, std::string(prefer)},
                         Bound<GradleKey>{parse_key(prefer), true, std::string(prefer)}}),
                version);
  }
  if (text == "+" || text.starts_with("latest.")) return make(Set::everything(), std::nullopt);
  if (text.front() == '[' || text.front() == ']' || text.front() == '(') return parse_range(text);
  if (text.ends_with('+')) {
    // "1.+" is every 1.x; "1.2+" also takes 1.20 (a prefix of text), which
    // the newest allowed version does not follow: it stays below 1.3.
    auto prefix = text.substr(0, text.size() - 1);
    auto base = prefix.ends_with('.') ? prefix.substr(0, prefix.size() - 1) : prefix;
    auto version = parse_version(base);
    if (!version || version->text != base) return std::nullopt;
    auto next = version->numbers;
    next.back() += 1;
    std::string next_text;
    for (auto part : next) next_text += (next_text.empty() ? "" : ".") + std::to_string(part);
    Interval<GradleKey> interval{Bound<GradleKey>{parse_key(base), true, std::string(base)},
                                 Bound<GradleKey>{parse_key(next_text), false, next_text}};
    return make(Set::of(std::move(interval)), std::nullopt, std::string(prefix));
  }
  if (!std::ranges::all_of(text, is_plain_part)) return std::nullopt;
  Bound<GradleKey> bound{parse_key(text), true, std::string(text)};
  return make(Set::of({bound, bound}), parse_version(text));
}

std::optional<std::weak_ordering> compare_gradle_versions(std::string_view a, std::string_view b) {
  return parse_key(a) <=> parse_key(b);
}

}  // namespace slotlint::versions
