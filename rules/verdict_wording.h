// How every slot rule turns a slot-engine verdict into a level and words, so
// that the same verdict reads the same in every rule.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"
#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"

namespace slotlint::rules {

// Proven → error, likely → warning, unknown → note.
ir::Level level_for(slot::Verdict verdict);

// "are in different slots", "can hash to different slots", ...
std::string_view how_keys_hash(slot::Verdict verdict);

// "slot 12182", "slot depends on run-time values", "not known before run time".
std::string slot_note(const slot::KeyHash& hash);

// What the client or server does with the op's keys across slots.
std::string cross_slot_consequence(const ir::RedisOp& op);

// "Put them under one hash tag {user:1000}: '...', '...'" or general advice.
// `item` names what carries the tags: "key", or "shard channel" (SSUBSCRIBE).
std::string tag_advice(const std::optional<slot::TagSuggestion>& suggestion,
                       std::string_view item = "key");

// What a command's key arguments are, in messages: "keys", or "shard
// channels" for sharded pub/sub (hashed like keys, but not keys).
std::string_view key_noun(const ir::RedisOp& op);

// Records that `finding` rests on what op's client does (`fact`), and names
// the client and the version assumed in its notes (after the others).
void rest_on_client(ir::Finding& finding, const ir::RedisOp& op, std::string fact);

// `text` with its first letter in upper case, to start a sentence.
std::string capitalised(std::string text);

// "key 'user:<uid>'", "keys in `ids`".
std::string describe_key(const ir::KeyExpr& key);

// The alternative key `i` (`key`) takes where `verdict` holds; nullptr for a
// key without alternatives.
const ir::KeyAlternative* chosen_alternative(const ir::KeyExpr& key,
                                             const slot::SlotVerdict& verdict, std::size_t i);

// The two keys that show `verdict`, for a finding's headline: "'a' and
// 'b'", or "'[x, ...]'" when the elements of one collection differ.
std::string verdict_keys(std::span<const ir::KeyExpr> keys, const slot::SlotVerdict& verdict);

// describe_key of the alternative key `i` takes where `verdict` holds, with
// its condition: "key '' when `delayed` is false"; a plain key as it is.
std::string describe_key_in(const ir::KeyExpr& key, const slot::SlotVerdict& verdict,
                            std::size_t i);

}  // namespace slotlint::rules
