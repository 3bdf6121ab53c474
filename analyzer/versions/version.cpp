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
