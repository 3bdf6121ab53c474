#include "analyzer/slot/hash_slot.h"

#include <array>

namespace slotlint::slot {
namespace {

constexpr std::array<std::uint16_t, 256> make_crc16_table() {
  std::array<std::uint16_t, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    std::uint16_t crc = static_cast<std::uint16_t>(byte << 8);
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 0x8000) != 0 ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021)
                                : static_cast<std::uint16_t>(crc << 1);
    }
    table[byte] = crc;
  }
  return table;
}

constexpr auto kCrc16Table = make_crc16_table();

}  // namespace

std::uint16_t crc16_xmodem(std::string_view bytes) {
  std::uint16_t crc = 0;
  for (unsigned char byte : bytes) {
    crc = static_cast<std::uint16_t>((crc << 8) ^ kCrc16Table[((crc >> 8) ^ byte) & 0xFF]);
  }
  return crc;
}

std::optional<std::string_view> hash_tag(std::string_view key) {
  auto open = key.find('{');
  if (open == std::string_view::npos) return std::nullopt;
  auto close = key.find('}', open + 1);
  if (close == std::string_view::npos || close == open + 1) return std::nullopt;
  return key.substr(open + 1, close - open - 1);
}

std::string_view hashed_part(std::string_view key) { return hash_tag(key).value_or(key); }

std::uint16_t key_hash_slot(std::string_view key) {
  return static_cast<std::uint16_t>(crc16_xmodem(hashed_part(key)) % kSlotCount);
}

}  // namespace slotlint::slot
