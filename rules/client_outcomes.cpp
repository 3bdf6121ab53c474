#include "rules/client_outcomes.h"

#include <array>
#include <utility>

#include "rules/verdict_wording.h"

namespace slotlint::rules {

CrossSlotOutcome cross_slot_outcome(const ir::RedisOp& op) {
  switch (op.cross_slot_handling) {
    case ir::CrossSlotHandling::ClientRefuses:
      return CrossSlotOutcome::ClientRefused;
    case ir::CrossSlotHandling::ClientSplits:
      return op.multi_shard || !op.writes ? CrossSlotOutcome::SplitHarmless
                                          : CrossSlotOutcome::SplitAtomicityLost;
    case ir::CrossSlotHandling::SentAsIs:
      break;
  }
  return CrossSlotOutcome::ServerChecked;
}

std::optional<ir::Level> cross_slot_level(CrossSlotOutcome outcome, slot::Verdict verdict) {
  bool apart = verdict == slot::Verdict::CrossSlot || verdict == slot::Verdict::LikelyCrossSlot;
  switch (outcome) {
    case CrossSlotOutcome::ServerChecked:
    case CrossSlotOutcome::ClientRefused:
      return level_for(verdict);
    case CrossSlotOutcome::SplitHarmless:
      // Works, one command per slot; worth knowing only when it does happen.
      return apart ? std::optional(ir::Level::Note) : std::nullopt;
    case CrossSlotOutcome::SplitAtomicityLost:
      return apart ? ir::Level::Warning : ir::Level::Note;
  }
  return std::nullopt;
}

std::string_view split_cost(std::string_view command) {
  using Cost = std::pair<std::string_view, std::string_view>;
  static constexpr std::array costs = {
      Cost{"MSETNX",
           "MSETNX promises all keys or none, but each slot's part is decided on its own, so some "
           "keys can be set while others are not"},
      Cost{"MSETEX",
           "MSETEX's condition and expiry are applied per slot, so some keys can be set while "
           "others are not"},
      Cost{"RENAME",
           "the rename becomes DUMP, RESTORE and DEL: a failure between them leaves both "
           "keys or neither"},
      Cost{"RENAMENX",
           "the rename becomes DUMP, RESTORE and DEL: a failure between them leaves both "
           "keys or neither"},
      Cost{"COPY", "the copy becomes DUMP and RESTORE, not one atomic step"},
      Cost{"RPOPLPUSH", "the element moves in two commands: a failure between them loses it"},
      Cost{"LMOVE", "the element moves in two commands: a failure between them loses it"},
      Cost{"BLMOVE", "the element moves in two commands: a failure between them loses it"},
      Cost{"BRPOPLPUSH", "the element moves in two commands: a failure between them loses it"},
      Cost{"SMOVE", "the member moves in two commands: a failure between them loses it"},
  };
  for (const auto& [name, cost] : costs) {
    if (name == command) return cost;
  }
  return "the server runs the command atomically, the client's one command per slot does not";
}

}  // namespace slotlint::rules
