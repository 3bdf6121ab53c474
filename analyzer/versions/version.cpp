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
  while (at < clause.size() && std::string_view("<>=!~^").find(clause[at]) != std::string_view::npos)
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
      number = std::min<std::uint64_t>(number * 10 + static_cast<unsigned>(text[at] - '0'),
                                       UINT32_MAX);
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

std::optional<Requirement> parse_requirement(std::string_view spec) {
  spec = trim(spec);
  // npm "1.2 || ^2": the lowest alternative.
  std::optional<Requirement> best;
  for (std::size_t start = 0; start <= spec.size();) {
    auto bar = spec.find("||", start);
    auto alternative = spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start);
    start = bar == std::string_view::npos ? spec.size() + 1 : bar + 2;
    // Clauses are separated by commas (PEP 440, Maven-less) or spaces (npm).
    std::optional<Version> lowest;
    bool exact = false;
    std::size_t clauses = 0;
    for (std::size_t at = 0; at <= alternative.size();) {
      auto end = alternative.find_first_of(", ", at);
      auto piece = alternative.substr(at, end == std::string_view::npos ? alternative.npos : end - at);
      at = end == std::string_view::npos ? alternative.size() + 1 : end + 1;
      auto clause = split_clause(piece);
      if (clause.op.empty() && clause.version.empty()) continue;
      ++clauses;
      // Upper bounds and exclusions say nothing about the lowest version.
      if (clause.op == "<" || clause.op == "<=" || clause.op == "!=") continue;
      auto version = parse_version(clause.version);
      if (!version) continue;
      if (!lowest || *version > *lowest) lowest = version;
      bool bare = clause.op.empty() || clause.op == "=";
      bool wildcard = clause.version.find_first_of("x*X") != std::string_view::npos;
      exact = clause.op == "==" || clause.op == "===" || (bare && !wildcard);
    }
    if (!lowest) continue;
    Requirement requirement{*lowest, exact && clauses == 1};
    if (!best || requirement.lowest < best->lowest) best = requirement;
  }
  return best;
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
