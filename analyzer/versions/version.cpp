#include "analyzer/versions/version.h"

#include <algorithm>

namespace slotlint::versions {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// One comparison of a requirement: ">=5.0" → (">=", "5.0").
struct Clause {
  std::string_view op;
  std::string_view version;
};

Clause split_clause(std::string_view clause) {
  clause = trim(clause);
  std::size_t at = 0;
  while (at < clause.size() &&
         std::string_view("<>=!~^").find(clause[at]) != std::string_view::npos)
    ++at;
  return {clause.substr(0, at), trim(clause.substr(at))};
}

}  // namespace

std::strong_ordering operator<=>(const Version& a, const Version& b) {
  auto size = std::max(a.numbers.size(), b.numbers.size());
  for (std::size_t i = 0; i < size; ++i) {
    std::uint32_t x = i < a.numbers.size() ? a.numbers[i] : 0;
    std::uint32_t y = i < b.numbers.size() ? b.numbers[i] : 0;
    if (x != y) return x <=> y;
  }
  return std::strong_ordering::equal;
}

std::optional<Version> parse_version(std::string_view text) {
  text = trim(text);
  if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) text.remove_prefix(1);
  if (text.empty() || !is_digit(text.front())) return std::nullopt;
  Version version;
  std::size_t at = 0;
  while (at < text.size() && is_digit(text[at])) {
    std::uint64_t number = 0;
    while (at < text.size() && is_digit(text[at])) {
      number =
          std::min<std::uint64_t>(number * 10 + static_cast<unsigned>(text[at] - '0'), UINT32_MAX);
      ++at;
    }
    version.numbers.push_back(static_cast<std::uint32_t>(number));
    if (at + 1 < text.size() && text[at] == '.' && is_digit(text[at + 1])) {
      ++at;
      continue;
    }
    break;
  }
  // The rest ("-beta.1", ".RELEASE", "+incompatible") is kept in the text only.
  auto end = text.find_first_of(" \t,;");
  version.text = std::string(text.substr(0, end));
  return version;
}

namespace {

// The next release of `version` at `level` (0: major, 1: minor, ...).
Version bump(const Version& version, std::size_t level) {
  Version next;
  next.numbers = version.numbers;
  next.numbers.resize(std::max(next.numbers.size(), level + 1), 0);
  next.numbers[level] += 1;
  next.numbers.resize(level + 1);
  for (std::size_t i = 0; i < next.numbers.size(); ++i)
    next.text += (i == 0 ? "" : ".") + std::to_string(next.numbers[i]);
  return next;
}

// How many numbers a wildcard version ("5.x", "6.2.*") fixes.
std::size_t fixed_parts(std::string_view text) {
  std::size_t parts = 0;
  for (std::size_t at = 0; at < text.size() && text[at] >= '0' && text[at] <= '9';) {
    ++parts;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at < text.size() && text[at] == '.') ++at;
  }
  return parts;
}

// The exclusive upper bound one clause sets, if any.
std::optional<Version> upper_bound(const Clause& clause, const Version& version) {
  auto parts = version.numbers.size();
  bool wildcard = clause.version.find_first_of("x*X") != std::string_view::npos;
  if (clause.op == "<") return version;
  if (clause.op == "<=") {
    auto bound = version;
    bound.numbers.push_back(UINT32_MAX);
    return bound;
  }
  if (wildcard && (clause.op.empty() || clause.op == "=" || clause.op == "==")) {
    auto fixed = fixed_parts(clause.version);
    return fixed == 0 ? std::nullopt : std::optional(bump(version, fixed - 1));
  }
  if (clause.op == "^") {
    std::size_t level = 0;  // the first non-zero number is the one that may not change
    while (level + 1 < parts && version.numbers[level] == 0) ++level;
    return bump(version, level);
  }
  if (clause.op == "~") return bump(version, parts >= 2 ? 1 : 0);
  if (clause.op == "~=") return bump(version, parts >= 2 ? parts - 2 : 0);
  return std::nullopt;
}

}  // namespace

std::optional<Requirement> parse_requirement(std::string_view spec) {
  spec = trim(spec);
  // npm "1.2 || ^2": the lowest alternative.
  std::optional<Requirement> best;
  for (std::size_t start = 0; start <= spec.size();) {
    auto bar = spec.find("||", start);
    auto alternative = spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start);
    start = bar == std::string_view::npos ? spec.size() + 1 : bar + 2;
    // Clauses are separated by commas (PEP 440) or spaces (npm).
    std::optional<Version> lowest;
    std::optional<Version> below;
    bool exact = false;
    std::size_t clauses = 0;
    for (std::size_t at = 0; at <= alternative.size();) {
      auto end = alternative.find_first_of(", ", at);
      auto piece =
          alternative.substr(at, end == std::string_view::npos ? alternative.npos : end - at);
      at = end == std::string_view::npos ? alternative.size() + 1 : end + 1;
      auto clause = split_clause(piece);
      if (clause.op.empty() && clause.version.empty()) continue;
      ++clauses;
      auto version = parse_version(clause.version);
      if (!version || clause.op == "!=") continue;
      if (auto bound = upper_bound(clause, *version); bound && (!below || *bound < *below)) {
        below = bound;
      }
      // An upper bound says nothing about the lowest version.
      if (clause.op == "<" || clause.op == "<=") continue;
      if (!lowest || *version > *lowest) lowest = version;
      bool bare = clause.op.empty() || clause.op == "=";
      bool wildcard = clause.version.find_first_of("x*X") != std::string_view::npos;
      exact = !wildcard && (clause.op == "==" || clause.op == "===" || bare);
    }
    if (!lowest) continue;
    Requirement requirement{*lowest, exact && clauses == 1,
                            exact && clauses == 1 ? std::nullopt : below};
    if (!best || requirement.lowest < best->lowest) best = requirement;
  }
  return best;
}

Version just_below(const Version& bound) {
  Version version;
  version.numbers = bound.numbers;
  for (auto it = version.numbers.rbegin(); it != version.numbers.rend(); ++it) {
    if (*it == 0) {
      *it = 99999;
      continue;
    }
    --*it;
    break;
  }
  version.numbers.resize(std::max<std::size_t>(version.numbers.size(), 3), 99999);
  version.text = "<" + bound.text;
  return version;
}

bool VersionRange::contains(const Version& version) const {
  if (from && version < *from) return false;
  if (before && !(version < *before)) return false;
  return true;
}

std::string VersionRange::describe() const {
  if (from && before) return from->text + " up to (not including) " + before->text;
  if (from) return from->text + " and later";
  if (before) return "before " + before->text;
  return "every version";
}

}  // namespace slotlint::versions
