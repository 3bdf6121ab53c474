// Byte offsets to lines and columns (bytes, and UTF-16 code units for SARIF),
// on lines of any length: a minified line with 50,000 findings is not
// rescanned from its start for each.
#include "analyzer/driver/line_index.h"

#include <gtest/gtest.h>

#include <string>

namespace slotlint {
namespace {

// The UTF-16 column of `offset`, counted from the start of its line.
std::uint32_t naive_utf16_column(std::string_view text, std::uint32_t offset) {
  auto start = text.find_last_of("\n\r", offset == 0 ? std::string_view::npos : offset - 1);
  std::uint32_t from = start == std::string_view::npos || offset == 0 ? 0 : start + 1;
  std::uint32_t units = 0;
  for (std::uint32_t i = from; i < offset; ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80) units += byte >= 0xF0 ? 2 : 1;
  }
  return units + 1;
}

TEST(LineIndex, ColumnsAcrossCheckpointsMatchCountingFromTheLineStart) {
  // Multi-byte characters (2, 3 and 4 bytes) straddling the checkpoints.
  std::string text = "a\n";
  for (int i = 0; i < 500; ++i) text += i % 3 == 0 ? "é" : i % 3 == 1 ? "€x" : "𝄞ab";
  text += "\r\nend\rlast";
  driver::LineIndex lines(text);
  for (std::uint32_t offset = 0; offset <= text.size(); ++offset) {
    auto byte = static_cast<unsigned char>(offset < text.size() ? text[offset] : 0);
    if ((byte & 0xC0) == 0x80) continue;  // mid-character: not a position
    if (offset > 0 && text[offset - 1] == '\r' && byte == '\n') continue;  // inside a line end
    auto at = lines.at(offset);
    ASSERT_EQ(at.utf16_column, naive_utf16_column(text, offset)) << "offset " << offset;
  }
  EXPECT_EQ(lines.at(2).line, 2u);
  EXPECT_EQ(lines.at(static_cast<std::uint32_t>(text.find("end"))).line, 3u);
  auto last = lines.at(static_cast<std::uint32_t>(text.find("last")) + 2);
  EXPECT_EQ(last.line, 4u);
  EXPECT_EQ(last.byte_column, 3u);
  EXPECT_EQ(last.utf16_column, 3u);
}

TEST(LineIndex, EmptySourceAndOffsetsPastTheEnd) {
  driver::LineIndex empty("");
  EXPECT_EQ(empty.at(0).line, 1u);
  EXPECT_EQ(empty.at(5).utf16_column, 1u);
  std::string text(2 * driver::LineIndex::kCheckpointBytes, 'x');
  driver::LineIndex lines(text);
  EXPECT_EQ(lines.at(static_cast<std::uint32_t>(text.size()) + 10).byte_column, text.size() + 1);
}

}  // namespace
}  // namespace slotlint
