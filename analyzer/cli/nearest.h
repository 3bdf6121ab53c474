// "Did you mean": the known word nearest a mistyped one, by edit distance
// (insertions, deletions, substitutions and swaps of neighbours, one each).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace slotlint::cli {

// The nearest of `known` to `typed`, when it is close enough to be a typo:
// at most a third of its length away (at least 2 edits allowed). Ties go to
// the first in `known`.
std::optional<std::string_view> nearest(std::string_view typed,
                                        std::span<const std::string_view> known);

}  // namespace slotlint::cli
