#include "sarif/source_line.h"

#include <algorithm>

namespace slotlint::report {

std::optional<LineSlice> slice_on_line(const Region& region) {
  std::string_view line = region.snippet;
  while (line.ends_with('\n') || line.ends_with('\r')) line.remove_suffix(1);
  if (line.empty() || region.start_byte_column == 0) return std::nullopt;
  std::size_t begin = region.start_byte_column - 1;
  if (begin > line.size()) return std::nullopt;
  std::size_t wanted_end = begin + region.byte_length;
  bool one_line = region.end_line == region.start_line;
  std::size_t end = one_line ? std::min(wanted_end, line.size()) : line.size();
  return LineSlice{line, begin, end, one_line && end == wanted_end};
}

}  // namespace slotlint::report
