// The slot engine: given the keys of one command (or group), can they land in
// different hash slots?
//
// Each key is reduced to what the server would hash. Literal bytes are exact;
// holes are values we cannot see. We assume a hole's value holds no '{' or '}'
// and is not empty (real ids rarely do) and record where that assumption was
// needed, so that a verdict resting on it is never called proven:
//   - same-slot: the hashed parts are provably equal (same literals, same
//     symbols), or equal literals under the assumption;
//   - cross-slot: two hashed parts are literal, fixed before any hole, and
//     hash to different slots — the server will answer CROSSSLOT;
//   - likely-cross-slot: two hashed parts are templates with different fixed
//     text (`user:<id>:a` vs `user:<id>:b`), or differ only under the assumption;
//   - unknown: keys we cannot see, a key that is only a variable, or the same
//     template filled with different variables (`{user:<a>}` vs `{user:<b>}`).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/key_expr.h"

namespace slotlint::slot {

enum class Verdict : std::uint8_t { SameSlot, Unknown, LikelyCrossSlot, CrossSlot };

std::string_view verdict_name(Verdict verdict);  // "same-slot", "cross-slot", ...

// What the server would hash for one key.
struct KeyHash {
  std::vector<ir::Token> hashed;    // under the assumption above
  bool unknown = false;             // the key (or collection) cannot be seen
  bool varies_per_element = false;  // a collection whose elements hash differently
  // Where the brace assumption mattered, e.g. "`prefix` could contain '{'".
  std::optional<std::string> assumption;
  std::optional<std::uint16_t> slot;  // when the hashed part is all literal
  [[nodiscard]] bool provable() const { return slot.has_value() && !assumption; }
};

KeyHash analyse_key(const ir::KeyExpr& key);

struct SlotVerdict {
  Verdict verdict = Verdict::SameSlot;
  std::string reason;      // one sentence a person can check
  std::size_t first = 0;   // the two keys that show the verdict (may be equal
  std::size_t second = 0;  // for a collection whose own elements differ)
  std::vector<KeyHash> keys;
};

struct JudgeOptions {
  // The project says values never hold braces: what rests only on that
  // assumption counts as proven.
  bool assume_brace_free_values = false;
};

SlotVerdict judge(std::span<const ir::KeyExpr> keys, const JudgeOptions& options = {});

}  // namespace slotlint::slot
