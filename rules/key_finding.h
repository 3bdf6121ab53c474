// What every finding about one command's keys shares (SL001, SL003): the
// remark on a client assumed from its name, each key with its slot as a
// related location, the hash-tag fix, the fingerprint.
#pragma once

#include <optional>
#include <string_view>

#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"
#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"

namespace slotlint::rules {

// `numbered_as`: "KEYS" labels the keys KEYS[1], KEYS[2]...; empty: no label.
void add_key_evidence(ir::Finding& finding, const ir::RedisOp& op, const slot::SlotVerdict& verdict,
                      const std::optional<slot::TagSuggestion>& suggestion,
                      std::string_view numbered_as = {});

}  // namespace slotlint::rules
