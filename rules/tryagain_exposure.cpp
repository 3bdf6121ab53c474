#include "rules/tryagain_exposure.h"

#include <map>

namespace slotlint::rules {

bool TryAgainExposure::raised_through_call() const {
  const auto& raised = op->error_handling.raised_at;
  bool within =
      raised.file == op->call.file && op->call.begin <= raised.begin && raised.end <= op->call.end;
  return !transaction && !raised.empty() && !within;
}

ir::SourceSpan TryAgainExposure::primary() const {
  return transaction || raised_through_call() ? op->error_handling.raised_at : op->callee;
}

std::vector<TryAgainExposure> tryagain_exposures(std::span<const ir::RedisOp> ops) {
  std::vector<TryAgainExposure> exposures;
  std::map<std::string, std::size_t> transactions;
  std::map<std::string, std::size_t> key_counts;
  for (const auto& op : ops) {
    if (!op.error_handling.caught || !op.command_known || op.keys.empty()) continue;
    // The server serves a shard channel from the source node until its slot
    // has moved and counts no missing keys for it: no TRYAGAIN (cluster.c,
    // getNodeByQuery: pubsubshard_included).
    if (op.shard_channels) continue;
    bool transaction = op.group && op.group->kind == ir::GroupRef::Kind::Transaction;
    if (transaction) {
      auto [it, inserted] = transactions.try_emplace(op.group->id, exposures.size());
      if (inserted) exposures.push_back({&op, {}, true});
      exposures[it->second].queued.push_back(&op);
      auto& count = key_counts[op.group->id];
      count += op.keys.size();
      for (const auto& key : op.keys) count += key.is_collection() ? 2 : 0;
      if (!op.iteration_symbols.empty() && !op.keys.empty()) count += 2;
      continue;
    }
    if (ir::names_several_keys(op.keys)) exposures.push_back({&op, {&op}, false});
  }
  // A transaction on one key cannot meet a half-migrated key set.
  std::erase_if(exposures, [&](const TryAgainExposure& exposure) {
    const auto& group = exposure.op->group;
    bool transaction = group && group->kind == ir::GroupRef::Kind::Transaction;
    return transaction && key_counts[group->id] < 2;
  });
  return exposures;
}

}  // namespace slotlint::rules
