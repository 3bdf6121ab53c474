// A byte range in one analysed file. Offsets, not lines: lines and columns are
// computed once, by the driver, when findings are reported.
#pragma once

#include <compare>
#include <cstdint>

namespace slotlint::ir {

// Index into the run's file table (Driver assigns it; frontends receive it).
using FileIndex = std::uint32_t;

struct SourceSpan {
  FileIndex file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] bool empty() const { return begin == end; }
  friend auto operator<=>(const SourceSpan&, const SourceSpan&) = default;
};

}  // namespace slotlint::ir
