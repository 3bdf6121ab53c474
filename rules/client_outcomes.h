// The rules' table of what a cross-slot command meets, by the class of its
// client's behaviour (a fact of the client's model and version), and the level
// each class gets. Models say what a client does; this table says how much
// that matters.
#pragma once

#include <optional>
#include <string_view>

#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"
#include "analyzer/slot/slot_engine.h"

namespace slotlint::rules {

enum class CrossSlotOutcome : std::uint8_t {
  ServerChecked,       // sent as is: the server answers CROSSSLOT
  ClientRefused,       // the client raises before sending
  SplitHarmless,       // split by slot: the server allows it (MULTI_SHARD), or it only reads
  SplitAtomicityLost,  // split or emulated, but the command writes and promises atomicity
};

CrossSlotOutcome cross_slot_outcome(const ir::RedisOp& op);

// The level of a finding about keys judged `verdict`; nullopt: not reported
// (a split command whose keys are not known to span slots).
std::optional<ir::Level> cross_slot_level(CrossSlotOutcome outcome, slot::Verdict verdict);

// What a split costs `command`, for the message.
std::string_view split_cost(std::string_view command);

}  // namespace slotlint::rules
