// How deeply a source text nests, measured in one pass over its bytes before
// any parse: a parser must never be handed what it cannot hold. tree-sitter's
// Python scanner keeps its indentation stack in a 1 KiB state and overruns it
// past about 510 levels (SIGBUS, or an assertion under ASan).
#pragma once

#include <cstdint>
#include <string_view>

namespace slotlint::frontend {

struct Depth {
  std::uint32_t levels = 0;  // the deepest
  std::uint32_t line = 1;    // where it is first reached
};

struct Nesting {
  // Brackets, braces and parentheses open at once; those in strings and
  // comments count too (this is a bound, not a parse).
  Depth brackets;
  // Indentation levels open at once, as Python's scanner stacks them; every
  // line counts, those in strings and inside brackets too (an overcount is
  // safe). Measured only when asked for.
  Depth indentation;
};

Nesting measure_nesting(std::string_view text, bool measure_indentation);

}  // namespace slotlint::frontend
