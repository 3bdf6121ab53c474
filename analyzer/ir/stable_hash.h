// FNV-1a, 64 bits: the same text gives the same hash on every platform and
// run (fingerprints, script identities), unlike std::hash.
#pragma once

#include <cstdint>
#include <string_view>

namespace slotlint::ir {

constexpr std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace slotlint::ir
