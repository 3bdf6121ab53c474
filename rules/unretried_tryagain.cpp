#include "rules/unretried_tryagain.h"

#include <map>

#include <fmt/format.h>

#include "analyzer/slot/slot_engine.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

// Only multi-key requests on one slot meet TRYAGAIN: keys that can span slots
// are the cross-slot rules' to report (SL001, SL002), a caught error is
// SL006's and SL007's, and a client that retries it needs nothing more.
bool exposed(const ir::RedisOp& op) {
  if (!op.client.cluster_client || op.tryagain.client_retries || !op.command_known) return false;
  if (op.shard_channels) return false;  // never TRYAGAIN: see tryagain_exposures
  const auto& handling = op.error_handling;
  if (handling.retries || (handling.caught && !handling.reraises)) return false;
  return true;
}

}  // namespace

void UnretriedTryAgain::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                              std::vector<ir::Finding>& findings) const {
  struct Work {
    const ir::RedisOp* op = nullptr;
    std::vector<ir::KeyExpr> keys;
    bool transaction = false;
  };
  std::vector<Work> work;
  std::map<std::string, std::size_t> transactions;
  for (const auto& op : ops) {
    if (!exposed(op) || op.keys.empty()) continue;
    if (op.group && op.group->kind == ir::GroupRef::Kind::Transaction) {
      auto [it, inserted] = transactions.try_emplace(op.group->id, work.size());
      if (inserted) work.push_back({&op, {}, true});
      auto& keys = work[it->second].keys;
      keys.insert(keys.end(), op.keys.begin(), op.keys.end());
      continue;
    }
    if (op.group) continue;  // a plain pipeline sends each command on its own
    if (ir::names_several_keys(op.keys)) work.push_back({&op, op.keys, false});
  }
  for (const auto& item : work) {
    if (!ir::names_several_keys(item.keys)) continue;
    auto verdict = slot::judge(item.keys, {context.assume_brace_free_values});
    if (verdict.verdict != slot::Verdict::SameSlot) continue;
    const auto& op = *item.op;
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = ir::Level::Note;
    finding.verdict = "tryagain-not-retried";
    finding.message =
        fmt::format("{} can fail with TRYAGAIN during resharding and nothing retries it",
                    item.transaction ? "This MULTI/EXEC transaction" : op.command);
    finding.notes = {
        fmt::format("It names several keys, so it can fail with TRYAGAIN while their slot "
                    "migrates (resharding, scaling out); {} does not retry TRYAGAIN and nothing "
                    "here retries it.",
                    op.client.library),
        "Retry the work a few times with a growing delay, or make sure a caller does."};
    rest_on_client(finding, op, op.tryagain.note);
    finding.primary = op.callee;
    finding.fingerprint_basis = "unretried\x1f" + op.command;
    for (const auto& key : item.keys) finding.fingerprint_basis += "\x1f" + key.display();
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
