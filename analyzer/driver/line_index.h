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
  // Costs at most one checkpoint interval of bytes, however long the line:
  // a minified line with 50,000 findings is not rescanned for each.
  [[nodiscard]] Position at(std::uint32_t offset) const;
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;  // without the line end

  // Bytes between UTF-16 checkpoints.
  static constexpr std::uint32_t kCheckpointBytes = 64;

 private:
  [[nodiscard]] std::uint32_t utf16_units_before(std::uint32_t offset) const;

  std::string_view source_;
  std::vector<std::uint32_t> line_starts_;
  // UTF-16 code units before each multiple of kCheckpointBytes.
  std::vector<std::uint32_t> utf16_checkpoints_;
};

}  // namespace slotlint::driver
