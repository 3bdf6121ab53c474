// Version numbers as the client models use them, and the ranges the models
// give their facts for. Only the numeric release part is compared: "v9.11.0",
// "9.11", "6.3.0.RELEASE" and "9.11.0-beta.1" are all 9.11 (a pre-release
// has its release's behaviour). Each package manager's own order and range
// grammar is requirement.h's.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::versions {

struct Version {
  std::vector<std::uint32_t> numbers;  // 9, 11, 0
  std::string text;                    // as written, without a leading 'v'

  // 9.11 == 9.11.0: missing parts count as zero.
  friend std::strong_ordering operator<=>(const Version& a, const Version& b);
  friend bool operator==(const Version& a, const Version& b) {
    return (a <=> b) == std::strong_ordering::equal;
  }
};

// "9.11.0", "v9.11", "6.3.0.RELEASE"; nullopt when it does not start with a number.
std::optional<Version> parse_version(std::string_view text);

// The newest version under `bound` as far as ranges are concerned
// (6.99999.99999 for 7.0.0), written "<7.0.0".
Version just_below(const Version& bound);

// [from, before): either end may be open.
struct VersionRange {
  std::optional<Version> from;
  std::optional<Version> before;
  [[nodiscard]] bool contains(const Version& version) const;
  [[nodiscard]] std::string describe() const;  // "9.11 and later", "before 9.11", "6.1 to 6.4"
};

}  // namespace slotlint::versions
