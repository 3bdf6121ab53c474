#include "analyzer/driver/fingerprints.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include <fmt/format.h>

#include "analyzer/ir/stable_hash.h"

namespace slotlint::driver {
namespace {

// Stable across platforms and runs, enough to tell findings apart.
std::string digest(std::string_view text) { return fmt::format("{:016x}", ir::stable_hash(text)); }

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

}  // namespace

std::uint64_t line_text_hash(std::string_view line) {
  // ir::stable_hash of the collapsed text, computed without copying it: a
  // minified line can be megabytes long.
  std::uint64_t hash = ir::stable_hash("");
  auto add = [&](char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  };
  bool space_pending = false;
  bool started = false;
  for (char c : line) {
    if (is_space(c)) {
      space_pending = started;
      continue;
    }
    if (space_pending) add(' ');
    add(c);
    space_pending = false;
    started = true;
  }
  return hash;
}

std::vector<std::string> line_fingerprints(std::span<const LineFingerprintSubject> subjects) {
  std::vector<std::size_t> order(subjects.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto position = [&](std::size_t i) {
    const auto& s = subjects[i];
    return std::tuple(s.path, s.line, s.byte_offset, s.byte_length, i);
  };
  std::ranges::sort(order, {}, position);
  std::map<std::string, int> occurrences;
  std::vector<std::string> fingerprints(subjects.size());
  for (auto i : order) {
    const auto& s = subjects[i];
    auto identity = fmt::format("{}\x1f{}\x1f{:016x}", s.rule_code, s.path, s.line_hash);
    int occurrence = occurrences[identity]++;
    fingerprints[i] = digest(fmt::format("{}\x1f{}", identity, occurrence));
  }
  return fingerprints;
}

std::string basis_fingerprint(std::string_view rule_code, std::string_view path,
                              std::string_view basis, int occurrence) {
  return digest(fmt::format("{}\x1f{}\x1f{}\x1f{}", rule_code, path, basis, occurrence));
}

}  // namespace slotlint::driver
