// Redis Cluster's key → slot mapping, exactly as the server computes it
// (cluster.c keyHashSlot): CRC16-XMODEM of the hashed part, mod 16384.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace slotlint::slot {

inline constexpr std::uint16_t kSlotCount = 16384;

std::uint16_t crc16_xmodem(std::string_view bytes);

// The bytes the server hashes: between the first '{' and the first '}' after
// it when that is non-empty; otherwise the whole key.
std::string_view hashed_part(std::string_view key);

// The hash tag (without braces) when one is in effect.
std::optional<std::string_view> hash_tag(std::string_view key);

std::uint16_t key_hash_slot(std::string_view key);

}  // namespace slotlint::slot
