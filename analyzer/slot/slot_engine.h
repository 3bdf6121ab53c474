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
//   - likely-cross-slot also: the same template filled with different
//     variables (`{user:<a>}` vs `{user:<b>}`): two variables usually hold
//     two values, and the server answers CROSSSLOT whenever they differ;
//   - unknown: keys we cannot see, or a key that is only a variable (it may
//     carry its own hash tag).
//
// A key chosen on a branch has alternatives (ir::choices): every combination
// of the keys' alternatives is judged on its own and the worst is the verdict,
// with the branch that gives it. More than kMaxCombinations are not judged one
// by one: the verdict is then at least unknown, with a reason.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/key_expr.h"

namespace slotlint::slot {

// The most combinations of alternatives one set of keys is judged in.
inline constexpr std::size_t kMaxCombinations = 256;

enum class Verdict : std::uint8_t { SameSlot, Unknown, LikelyCrossSlot, CrossSlot };

std::string_view verdict_name(Verdict verdict);  // "same-slot", "cross-slot", ...

// What the server would hash for one key.
struct KeyHash {
  std::vector<ir::Token> hashed;    // under the assumption above
  bool unknown = false;             // the key (or collection) cannot be seen
  bool varies_per_element = false;  // a collection whose elements hash differently
  bool in_literal_tag = false;      // `hashed` is what a literal `{...}` encloses
  // Where the brace assumption mattered, e.g. "`prefix` could contain '{'".
  std::optional<std::string> assumption;
  std::optional<std::uint16_t> slot;  // when the hashed part is all literal
  [[nodiscard]] bool provable() const { return slot.has_value() && !assumption; }
};

KeyHash analyse_key(const ir::KeyExpr& key);

struct SlotVerdict {
  Verdict verdict = Verdict::SameSlot;
  std::string reason;         // one sentence a person can check
  std::size_t first = 0;      // the two keys that show the verdict (may be equal
  std::size_t second = 0;     // for a collection whose own elements differ)
  std::vector<KeyHash> keys;  // of the alternatives in `choice`
  // The alternative each key takes where the verdict holds (0 for a plain
  // key), and that branch in words ("when `delayed` is false"); `branch` is
  // empty when no key has alternatives or the verdict does not depend on them.
  std::vector<std::size_t> choice;
  std::string branch;
  std::size_t combinations = 1;  // judged; 0 when there were too many
};

struct JudgeOptions {
  // The project says values never hold braces: what rests only on that
  // assumption counts as proven.
  bool assume_brace_free_values = false;
};

SlotVerdict judge(std::span<const ir::KeyExpr> keys, const JudgeOptions& options = {});

// One combination of alternatives (`choice[i]` indexes ir::choices(keys[i]))
// and its verdict as if the keys had no other values.
struct CombinationVerdict {
  std::vector<std::size_t> choice;
  SlotVerdict verdict;
};
// Every combination in order (the last key's alternative changes fastest);
// nullopt when there are more than kMaxCombinations. judge() is the worst of these.
std::optional<std::vector<CombinationVerdict>> judge_each_combination(
    std::span<const ir::KeyExpr> keys, const JudgeOptions& options = {});

}  // namespace slotlint::slot
