// Where a region sits on its source line. Region::snippet carries the line the
// region starts on (what the driver has at hand, and what the text reporter
// shows under a diagnostic); this cuts the region out of it by byte columns.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "sarif/report.h"

namespace slotlint::report {

struct LineSlice {
  std::string_view line;      // without its line break
  std::size_t begin = 0;      // byte offsets of the region within `line`
  std::size_t end = 0;        // at most line.size(); the line's end for a multi-line region
  bool whole_region = false;  // [begin, end) is all of the region
};

// Nullopt when the region has no line to show or does not start on it.
std::optional<LineSlice> slice_on_line(const Region& region);

}  // namespace slotlint::report
