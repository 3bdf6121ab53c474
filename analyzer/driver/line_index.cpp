#include "analyzer/driver/line_index.h"

#include <algorithm>

namespace slotlint::driver {
namespace {

// UTF-16 code units a byte of UTF-8 starts: none for a continuation byte, two
// for the lead of a 4-byte sequence (a surrogate pair).
std::uint32_t utf16_units(char c) {
  auto byte = static_cast<unsigned char>(c);
  if ((byte & 0xC0) == 0x80) return 0;
  return byte >= 0xF0 ? 2 : 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view source) : source_(source) {
  line_starts_.push_back(0);
  utf16_checkpoints_.reserve(source.size() / kCheckpointBytes + 1);
  std::uint32_t units = 0;
  for (std::uint32_t i = 0; i < source.size(); ++i) {
    if (i % kCheckpointBytes == 0) utf16_checkpoints_.push_back(units);
    units += utf16_units(source[i]);
    // "\r\n", "\n" and a lone "\r" each end a line, as editors count them.
    if (source[i] == '\n' ||
        (source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

std::uint32_t LineIndex::utf16_units_before(std::uint32_t offset) const {
  std::uint32_t checkpoint = offset / kCheckpointBytes;
  if (checkpoint >= utf16_checkpoints_.size()) checkpoint = utf16_checkpoints_.size() - 1;
  std::uint32_t units = utf16_checkpoints_[checkpoint];
  for (std::uint32_t i = checkpoint * kCheckpointBytes; i < offset; ++i)
    units += utf16_units(source_[i]);
  return units;
}

Position LineIndex::at(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(source_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t start = line_starts_[line - 1];
  if (utf16_checkpoints_.empty()) return {line, 1, 1};  // empty source
  std::uint32_t utf16 = utf16_units_before(offset) - utf16_units_before(start);
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
