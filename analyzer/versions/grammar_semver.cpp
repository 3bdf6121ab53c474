// Semantic versions: npm's ranges (node-semver, without its loose mode and
// includePrerelease option: npm reads package.json ranges strictly and
// installs pre-releases only when a range names one) and Go's module
// versions (golang.org/x/mod/semver: a leading 'v', vMAJOR and vMAJOR.MINOR
// shorthands, build metadata such as +incompatible ignored; a pseudo-version
// is a pre-release of the version after its base).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/versions/grammars.h"
#include "analyzer/versions/version_set.h"

namespace slotlint::versions {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_identifier_char(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
bool all_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, is_digit);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// npm's numbers stop at JavaScript's largest safe integer.
constexpr std::uint64_t kMaxSafeInteger = (std::uint64_t{1} << 53) - 1;

struct SemverKey {
  std::array<std::uint64_t, 3> release{};
  std::vector<std::string> prerelease;  // identifiers; none for a release

  friend std::weak_ordering operator<=>(const SemverKey& a, const SemverKey& b) {
    if (auto order = a.release <=> b.release; order != 0) return order;
    // A release is newer than its pre-releases.
    bool a_release = a.prerelease.empty();
    bool b_release = b.prerelease.empty();
    if (a_release || b_release) {
      if (a_release == b_release) return std::weak_ordering::equivalent;
      return a_release ? std::weak_ordering::greater : std::weak_ordering::less;
    }
    for (std::size_t i = 0; i < a.prerelease.size() && i < b.prerelease.size(); ++i) {
      const auto& x = a.prerelease[i];
      const auto& y = b.prerelease[i];
      bool x_number = all_digits(x);
      bool y_number = all_digits(y);
      if (x_number != y_number)
        return x_number ? std::weak_ordering::less : std::weak_ordering::greater;
      if (x_number && x.size() != y.size()) return x.size() <=> y.size();  // no leading zeros
      if (auto order = x.compare(y); order != 0) return order <=> 0;
    }
    return a.prerelease.size() <=> b.prerelease.size();
  }
  friend bool operator==(const SemverKey& a, const SemverKey& b) { return (a <=> b) == 0; }

  [[nodiscard]] std::string text() const {
    std::string out = std::to_string(release[0]) + "." + std::to_string(release[1]) + "." +
                      std::to_string(release[2]);
    for (std::size_t i = 0; i < prerelease.size(); ++i) out += (i == 0 ? "-" : ".") + prerelease[i];
    return out;
  }
};

// A number without leading zeros, at most `max`.
std::optional<std::uint64_t> number(std::string_view text, std::uint64_t max) {
  if (!all_digits(text) || (text.size() > 1 && text.front() == '0') || text.size() > 19) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  for (char c : text) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  if (value > max) return std::nullopt;
  return value;
}

// "-alpha.1+build.5" after the release: the pre-release identifiers, and
// whether the rest is well-formed.
bool parse_suffix(std::string_view text, std::vector<std::string>& prerelease) {
  auto plus = text.find('+');
  auto build = plus == std::string_view::npos ? std::string_view{} : text.substr(plus + 1);
  auto pre = text.substr(0, plus);
  auto identifiers = [](std::string_view list, bool numbers_strict,
                        std::vector<std::string>* out) -> bool {
    for (std::size_t at = 0;;) {
      auto dot = list.find('.', at);
      auto identifier = list.substr(at, dot == std::string_view::npos ? list.npos : dot - at);
      if (identifier.empty() || !std::ranges::all_of(identifier, is_identifier_char)) return false;
      if (numbers_strict && all_digits(identifier) && identifier.size() > 1 &&
          identifier.front() == '0') {
        return false;
      }
      if (out != nullptr) out->emplace_back(identifier);
      if (dot == std::string_view::npos) return true;
      at = dot + 1;
    }
  };
  if (!pre.empty()) {
    if (pre.front() != '-' || !identifiers(pre.substr(1), true, &prerelease)) return false;
  }
  if (plus != std::string_view::npos && !identifiers(build, false, nullptr)) return false;
  return true;
}

// "1.2.3-pre+build": a full version, as npm's strict mode reads one.
std::optional<SemverKey> parse_npm_version(std::string_view text) {
  text = trim(text);
  if (text.starts_with('v') || text.starts_with('V')) text.remove_prefix(1);
  SemverKey key;
  std::size_t at = 0;
  for (std::size_t part = 0; part < 3; ++part) {
    auto end = at;
    while (end < text.size() && is_digit(text[end])) ++end;
    auto value = number(text.substr(at, end - at), kMaxSafeInteger);
    if (!value) return std::nullopt;
    key.release[part] = *value;
    at = end;
    if (part < 2) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
  }
  if (!parse_suffix(text.substr(at), key.prerelease)) return std::nullopt;
  return key;
}

// Go: "v1.2.3-pre+meta", or the shorthands "v1" and "v1.2" (no suffix).
std::optional<SemverKey> parse_go_version(std::string_view text) {
  if (!text.starts_with('v')) return std::nullopt;
  text.remove_prefix(1);
  SemverKey key;
  std::size_t at = 0;
  for (std::size_t part = 0; part < 3; ++part) {
    auto end = at;
    while (end < text.size() && is_digit(text[end])) ++end;
    auto value = number(text.substr(at, end - at), UINT64_MAX / 10);
    if (!value) return std::nullopt;
    key.release[part] = *value;
    at = end;
    if (at == text.size()) return key;  // a shorthand, or all three
    if (part < 2 && text[at] != '.') return std::nullopt;
    if (part < 2) ++at;
  }
  if (!parse_suffix(text.substr(at), key.prerelease)) return std::nullopt;
  return key;
}

// A partial version in a range: each part a number or a wildcard
// (x, X, *, or missing).
struct Partial {
  std::array<std::optional<std::uint64_t>, 3> release;  // nullopt: wildcard
  std::vector<std::string> prerelease;
  [[nodiscard]] std::size_t fixed() const {
    std::size_t n = 0;
    while (n < 3 && release[n]) ++n;
    return n;
  }
};

// "1.2.x", "v1", "=1.2.3-pre+b", "*": what a range names.
std::optional<Partial> parse_partial(std::string_view text) {
  while (!text.empty() && (text.front() == 'v' || text.front() == '=' || is_space(text.front()))) {
    text.remove_prefix(1);
  }
  Partial partial;
  bool wildcard = false;
  std::size_t at = 0;
  std::size_t part = 0;
  for (; part < 3; ++part) {
    if (at < text.size() && (text[at] == 'x' || text[at] == 'X' || text[at] == '*')) {
      wildcard = true;
      ++at;
    } else {
      auto end = at;
      while (end < text.size() && is_digit(text[end])) ++end;
      auto value = number(text.substr(at, end - at), kMaxSafeInteger);
      if (!value) return std::nullopt;
      // After a wildcard every part counts as one: "1.x.3" is "1.x".
      if (!wildcard) partial.release[part] = *value;
      at = end;
    }
    if (at == text.size()) return partial;
    if (part < 2) {
      if (text[at] != '.') break;
      ++at;
    }
  }
  if (part < 3) return std::nullopt;  // a suffix only follows all three parts
  if (!parse_suffix(text.substr(at), partial.prerelease)) return std::nullopt;
  if (wildcard) partial.prerelease.clear();
  return partial;
}

// One primitive comparison: `op` is "<", "<=", ">", ">=" or "=".
struct Comparison {
  std::string_view op;
  SemverKey key;
};

SemverKey release_of(std::uint64_t major, std::uint64_t minor, std::uint64_t patch,
                     std::vector<std::string> prerelease = {}) {
  return {{major, minor, patch}, std::move(prerelease)};
}
// The lowest pre-release of a version: "<2.0.0-0" excludes 2.0.0's pre-releases.
SemverKey lowest_of(std::uint64_t major, std::uint64_t minor, std::uint64_t patch) {
  return release_of(major, minor, patch, {"0"});
}

// A comparator set: what all of its comparisons allow, and the releases
// whose pre-releases it names (npm allows a pre-release only then).
struct ComparatorSet {
  std::vector<Comparison> comparisons;
  bool nothing = false;  // a comparison no version meets (<0.0.0-0)
};

void add_range(ComparatorSet& set, std::string_view op, const Partial& partial) {
  auto& r = partial.release;
  std::uint64_t major = r[0].value_or(0), minor = r[1].value_or(0), patch = r[2].value_or(0);
  auto fixed = partial.fixed();
  auto add = [&](std::string_view o, SemverKey key) {
    set.comparisons.push_back({o, std::move(key)});
  };
  if (op == "~" || op == "~>") {
    if (fixed == 0) return;
    add(">=", release_of(major, minor, patch,
                         fixed == 3 ? partial.prerelease : std::vector<std::string>{}));
    add("<", fixed == 1 ? lowest_of(major + 1, 0, 0) : lowest_of(major, minor + 1, 0));
    return;
  }
  if (op == "^") {
    if (fixed == 0) return;
    add(">=", release_of(major, minor, patch,
                         fixed == 3 ? partial.prerelease : std::vector<std::string>{}));
    if (fixed == 1 || major != 0) {
      add("<", lowest_of(major + 1, 0, 0));
    } else if (fixed == 2 || minor != 0) {
      add("<", lowest_of(0, minor + 1, 0));
    } else {
      add("<", lowest_of(0, 0, patch + 1));
    }
    return;
  }
  if (fixed == 3) {
    add(op.empty() ? "=" : op, release_of(major, minor, patch, partial.prerelease));
    return;
  }
  // An x-range.
  if (fixed == 0) {
    if (op == "<" || op == ">") set.nothing = true;
    return;
  }
  if (op.empty() || op == "=") {
    add(">=", release_of(major, minor, 0));
    add("<", fixed == 1 ? lowest_of(major + 1, 0, 0) : lowest_of(major, minor + 1, 0));
  } else if (op == ">") {
    add(">=", fixed == 1 ? release_of(major + 1, 0, 0) : release_of(major, minor + 1, 0));
  } else if (op == "<=") {
    add("<", fixed == 1 ? lowest_of(major + 1, 0, 0) : lowest_of(major, minor + 1, 0));
  } else if (op == "<") {
    add("<", lowest_of(major, minor, 0));
  } else {  // >=
    add(">=", release_of(major, minor, 0));
  }
}

// "1.2 - 2.x": inclusive at both ends, as far as each end is given.
void add_hyphen(ComparatorSet& set, const Partial& from, const Partial& to) {
  auto& f = from.release;
  if (auto fixed = from.fixed(); fixed > 0) {
    set.comparisons.push_back(
        {">=", release_of(*f[0], f[1].value_or(0), f[2].value_or(0),
                          fixed == 3 ? from.prerelease : std::vector<std::string>{})});
  }
  auto& t = to.release;
  switch (to.fixed()) {
    case 0:
      break;
    case 1:
      set.comparisons.push_back({"<", lowest_of(*t[0] + 1, 0, 0)});
      break;
    case 2:
      set.comparisons.push_back({"<", lowest_of(*t[0], *t[1] + 1, 0)});
      break;
    default:
      set.comparisons.push_back({"<=", release_of(*t[0], *t[1], *t[2], to.prerelease)});
  }
}

constexpr std::array<std::string_view, 8> kOperators = {"<=", ">=", "~>", "<", ">", "=", "~", "^"};

std::string_view operator_of(std::string_view word) {
  for (auto op : kOperators) {
    if (word.starts_with(op)) return op;
  }
  return {};
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < text.size();) {
    while (at < text.size() && is_space(text[at])) ++at;
    auto end = at;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

std::optional<ComparatorSet> parse_set(std::string_view text) {
  ComparatorSet set;
  auto list = words(text);
  if (list.size() == 3 && list[1] == "-") {
    auto from = parse_partial(list[0]);
    auto to = parse_partial(list[2]);
    if (!from || !to) return std::nullopt;
    add_hyphen(set, *from, *to);
    return set;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto word = list[i];
    auto op = operator_of(word);
    std::string joined;
    // An operator may stand apart from its version: ">= 1.2", "~> 1", "^ 1.2".
    if (op.size() == word.size()) {
      if (i + 1 == list.size()) return std::nullopt;
      joined = std::string(word) + std::string(list[++i]);
      word = joined;
    }
    auto partial = parse_partial(word.substr(op.size()));
    if (!partial) return std::nullopt;
    add_range(set, op, *partial);
  }
  return set;
}

using Set = VersionSet<SemverKey>;

Interval<SemverKey> interval_of(const ComparatorSet& set) {
  Interval<SemverKey> interval;
  for (const auto& comparison : set.comparisons) {
    Bound<SemverKey> bound{comparison.key, comparison.op != "<" && comparison.op != ">", {}};
    // Results name the release a bound stands for, as short as it goes:
    // "<6.2.0-0" (what ~6.1.0 stays below) is "<6.2".
    bound.text = comparison.key.text();
    if (comparison.op == "<" && comparison.key.prerelease == std::vector<std::string>{"0"}) {
      const auto& r = comparison.key.release;
      bound.text = std::to_string(r[0]);
      if (r[1] != 0 || r[2] != 0) bound.text += "." + std::to_string(r[1]);
      if (r[2] != 0) bound.text += "." + std::to_string(r[2]);
    }
    std::optional<Bound<SemverKey>> as{bound};
    if (comparison.op != "<" && comparison.op != "<=") {
      interval.lower = tighter_lower(interval.lower, as);
    }
    if (comparison.op != ">" && comparison.op != ">=") {
      interval.upper = tighter_upper(interval.upper, as);
    }
  }
  return interval;
}

class NpmRequirement final : public SetRequirement<SemverKey> {
 public:
  NpmRequirement(std::vector<ComparatorSet> sets, Set set, std::optional<Version> pinned)
      : SetRequirement(std::move(set), std::move(pinned)), sets_(std::move(sets)) {}

  [[nodiscard]] bool contains(std::string_view text) const override {
    auto key = parse_npm_version(text);
    if (!key) return false;
    return std::ranges::any_of(sets_, [&](const ComparatorSet& set) {
      if (set.nothing || !interval_of(set).contains(*key)) return false;
      if (key->prerelease.empty()) return true;
      // A pre-release only when the set names one of the same release.
      return std::ranges::any_of(set.comparisons, [&](const Comparison& comparison) {
        return !comparison.key.prerelease.empty() && comparison.key.release == key->release;
      });
    });
  }

 private:
  [[nodiscard]] std::optional<SemverKey> key_of_release(const Version& version) const override {
    return parse_npm_version(release_text(version, 3));
  }
  std::vector<ComparatorSet> sets_;
};

}  // namespace

std::optional<Requirement> parse_npm_requirement(std::string_view spec) {
  std::vector<ComparatorSet> sets;
  std::vector<Interval<SemverKey>> intervals;
  for (std::size_t start = 0; start <= spec.size();) {
    auto bar = spec.find("||", start);
    auto text = spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start);
    start = bar == std::string_view::npos ? spec.size() + 1 : bar + 2;
    auto set = parse_set(text);
    if (!set) return std::nullopt;
    if (!set->nothing) intervals.push_back(interval_of(*set));
    sets.push_back(std::move(*set));
  }
  Set set(std::move(intervals));
  // "4.6.13", "=4.6.13", "v4.6.13": that version.
  std::optional<Version> pinned;
  if (sets.size() == 1 && sets.front().comparisons.size() == 1 &&
      sets.front().comparisons.front().op == "=") {
    pinned = parse_version(sets.front().comparisons.front().key.text());
  }
  return Requirement(std::make_shared<NpmRequirement>(std::move(sets), std::move(set), pinned));
}

std::optional<std::weak_ordering> compare_npm_versions(std::string_view a, std::string_view b) {
  return compare_parsed(parse_npm_version, a, b);
}

std::optional<Requirement> parse_go_requirement(std::string_view spec) {
  spec = trim(spec);
  auto key = parse_go_version(spec);
  if (!key) return std::nullopt;
  auto version = parse_version(key->text());
  if (!version) return std::nullopt;
  // As written ("9.10.0+incompatible" stays that), without the 'v'.
  version->text = std::string(spec.substr(1));
  return pinned_requirement(*version);
}

std::optional<std::weak_ordering> compare_go_versions(std::string_view a, std::string_view b) {
  return compare_parsed(parse_go_version, a, b);
}

}  // namespace slotlint::versions
