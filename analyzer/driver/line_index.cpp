#include "analyzer/driver/line_index.h"

#include <algorithm>

namespace slotlint::driver {

LineIndex::LineIndex(std::string_view source) : source_(source) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < source.size(); ++i) {
    // "\r\n", "\n" and a lone "\r" each end a line, as editors count them.
    if (source[i] == '\n' ||
        (source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

Position LineIndex::at(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(source_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t start = line_starts_[line - 1];
  std::uint32_t utf16 = 0;
  for (std::uint32_t i = start; i < offset; ++i) {
    auto byte = static_cast<unsigned char>(source_[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    utf16 += byte >= 0xF0 ? 2 : 1;        // 4-byte sequences are surrogate pairs
  }
  return {line, utf16 + 1, offset - start + 1};
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end =
      line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(source_.size());
  auto text = source_.substr(start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace slotlint::driver
