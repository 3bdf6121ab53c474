// Byte offsets → 1-based lines and columns, counted both in UTF-16 code units
// (SARIF's default columnKind, what GitHub and VS Code expect) and in bytes
// (what gcc-style `file:line:col:` output uses).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::driver {

struct Position {
  std::uint32_t line = 1;
  std::uint32_t utf16_column = 1;
  std::uint32_t byte_column = 1;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view source);
  [[nodiscard]] Position at(std::uint32_t offset) const;
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;  // without the line end

 private:
  std::string_view source_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace slotlint::driver
