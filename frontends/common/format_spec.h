// Values written through a format spec ("%05d", "%-8s", "{:>8}"), for every
// frontend that formats strings. What is written is not the value's own
// text: a literal is padded as the language pads it, through
// KeyExpr::padded (so a width of a gigabyte is a hole, never an
// allocation); anything else is a hole equal only to the same value written
// through the same spec.
#pragma once

#include <cstddef>
#include <string_view>

#include "analyzer/ir/key_expr.h"

namespace slotlint::frontend {

// The hole for `value` written through `spec`; unknown stays unknown.
ir::KeyExpr through_spec(const ir::KeyExpr& value, std::string_view spec, ir::SourceSpan span);

// printf's padding, which Python's `%`, Go's fmt.Sprintf and C's snprintf
// share: "%[-][0][width]<letter>", right-aligned unless '-', '0' filling an
// integer after its sign. d, i and u take integers, s and v anything (but
// not '0', which the languages read differently). Any other spec, or a value
// that is not a literal, gives through_spec's hole.
ir::KeyExpr through_printf_spec(const ir::KeyExpr& value, std::string_view spec,
                                ir::SourceSpan span);

// The decimal digits at spec[at...] as a width, saturating rather than
// wrapping; `at` moves past them.
std::size_t read_width(std::string_view spec, std::size_t& at);

// "42", "-7": what a padding spec may fill with zeros after the sign.
bool is_integer_text(std::string_view text);

}  // namespace slotlint::frontend
