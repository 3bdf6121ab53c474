// FNV-1a, 64 bits: the same text gives the same hash on every platform and
// run (fingerprints, script identities), unlike std::hash.
#pragma once

#include <cstdint>
#include <string_view>

namespace slotlint::ir {

// `state`: the hash of a text this one continues (stable_hash(a + b) is
// stable_hash(b, stable_hash(a))).
constexpr std::uint64_t stable_hash(std::string_view text,
                                    std::uint64_t state = 14695981039346656037ull) {
  std::uint64_t hash = state;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace slotlint::ir
