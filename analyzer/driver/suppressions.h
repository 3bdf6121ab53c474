// Inline suppressions: `slotlint: ignore[SL001]` (or the rule's name, or
// several separated by commas) in a comment on the finding's line or the line
// above. Suppressed findings stay in SARIF (`suppressions`, kind inSource)
// and leave text output and the exit code. A bare `slotlint: ignore` names no
// rule and is reported instead of silencing everything.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::driver {

struct Suppression {
  std::uint32_t line = 0;          // 1-based
  std::vector<std::string> rules;  // codes or names; empty for a bare ignore
  std::string comment;             // the comment text, as the justification
};

// Comments are found by the language's line-comment prefixes ("#", "//", "--").
std::vector<Suppression> find_suppressions(std::string_view source,
                                           std::span<const std::string_view> comment_prefixes);

// The suppression that covers a finding of `code`/`name` on `line`, if any.
const Suppression* covering(std::span<const Suppression> suppressions, std::uint32_t line,
                            std::string_view code, std::string_view name);

}  // namespace slotlint::driver
