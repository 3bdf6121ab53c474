#include "rules/cross_slot_transaction.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

struct Transaction {
  const ir::GroupRef* group = nullptr;
  std::vector<const ir::RedisOp*> ops;  // the commands queued in it that name keys
};

// Not "queued": after WATCH and before MULTI, redis-py runs commands at
// once, yet they still count.
std::string queued(const ir::RedisOp& op, const ir::KeyExpr& key, const slot::SlotVerdict& verdict,
                   std::size_t i) {
  const auto* chosen = chosen_alternative(key, verdict, i);
  return fmt::format("{} '{}'{} ({}){}", op.command,
                     chosen != nullptr ? chosen->key.display() : op.keys.front().display(),
                     chosen != nullptr && !chosen->condition.empty() ? " " + chosen->condition : "",
                     slot_note(verdict.keys[i]),
                     key.is_collection() ? ", once per loop iteration" : "");
}

// Whatever its keys: the client cannot run MULTI/EXEC at all.
ir::Finding unsupported_transaction(const Transaction& transaction, std::string_view code) {
  const auto& first = *transaction.ops.front();
  ir::Finding finding;
  finding.rule_code = std::string(code);
  finding.level = ir::Level::Error;
  finding.verdict = "client-cannot-run-transactions";
  finding.message = first.client.library.empty()
                        ? std::string("MULTI/EXEC transaction cannot run on this client")
                        : fmt::format("MULTI/EXEC transaction cannot run on a {} {}",
                                      first.client.library, first.client.api_class);
  finding.notes = {ir::as_sentence(first.transaction_note),
                   "Run it on a connection to one node with every key under one hash tag, or do "
                   "without the transaction."};
  rest_on_client(finding, first, first.transaction_note);
  finding.primary = first.callee;
  finding.related.push_back({transaction.group->origin, "the transaction starts here"});
  finding.fingerprint_basis = "MULTI-UNSUPPORTED";
  for (const auto* op : transaction.ops) {
    finding.fingerprint_basis += "\x1f" + op->command + " " + op->keys.front().display();
  }
  return finding;
}

}  // namespace

void CrossSlotTransaction::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                                 std::vector<ir::Finding>& findings) const {
  // In source order, by batch; first appearance orders the transactions.
  std::vector<Transaction> transactions;
  std::map<std::string, std::size_t> index;
  for (const auto& op : ops) {
    // MULTI/EXEC, and plain pipelines the client refuses across nodes.
    bool refused_pipeline = op.group && op.group->kind == ir::GroupRef::Kind::Pipeline &&
                            op.pipeline_handling == ir::CrossSlotHandling::ClientRefuses;
    if (!op.group || (op.group->kind != ir::GroupRef::Kind::Transaction && !refused_pipeline))
      continue;
    if (!op.command_known || op.keys.empty()) continue;
    auto [it, inserted] = index.try_emplace(op.group->id, transactions.size());
    if (inserted) transactions.push_back({&*op.group, {}});
    transactions[it->second].ops.push_back(&op);
  }
  for (auto& transaction : transactions) {
    // Source order of the commands: a chain's outer call is found first.
    std::ranges::stable_sort(transaction.ops, {},
                             [](const ir::RedisOp* op) { return op->callee.begin; });
    if (transaction.group->kind == ir::GroupRef::Kind::Transaction &&
        transaction.ops.front()->transactions_unsupported) {
      findings.push_back(unsupported_transaction(transaction, code()));
      continue;
    }
    // One key per command: keys within one command are SL001's to judge. A
    // command queued in a loop stands for one key per iteration.
    std::vector<ir::KeyExpr> keys;
    bool repeated = false;
    for (const auto* op : transaction.ops) {
      keys.push_back(op->keys.front());
      repeated = keys.back().vary(op->iteration_symbols) || repeated;
    }
    if (transaction.ops.size() < 2 && !repeated) continue;
    auto verdict = slot::judge(keys, {context.assume_brace_free_values});
    if (verdict.verdict == slot::Verdict::SameSlot) continue;
    // The server holds the queued commands to one slot; WATCH keys only to
    // one node, so a WATCH in another slot fails only when that slot lives
    // elsewhere (it usually does, and moves when the cluster rebalances).
    bool watch_apart = false;
    bool pipeline = transaction.group->kind == ir::GroupRef::Kind::Pipeline;
    if (pipeline && verdict.verdict == slot::Verdict::CrossSlot) {
      // The client checks nodes, not slots: two slots of one node pass.
      verdict.verdict = slot::Verdict::LikelyCrossSlot;
    } else if (verdict.verdict == slot::Verdict::CrossSlot) {
      std::vector<ir::KeyExpr> queued_keys;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (transaction.ops[i]->command != "WATCH") queued_keys.push_back(keys[i]);
      }
      watch_apart = queued_keys.size() < 2 ||
                    slot::judge(queued_keys, {context.assume_brace_free_values}).verdict !=
                        slot::Verdict::CrossSlot;
      if (watch_apart) verdict.verdict = slot::Verdict::LikelyCrossSlot;
    }

    const auto& breaker = *transaction.ops[verdict.second];
    auto suggestion = slot::suggest_hash_tag(keys);
    std::string_view how = how_keys_hash(verdict.verdict);
    std::string consequence = pipeline ? breaker.pipeline_note
                              : breaker.transaction_note.empty()
                                  ? "on Redis Cluster the transaction fails with CROSSSLOT"
                                  : breaker.transaction_note;
    std::string advice = "Give every key of the transaction the same hash tag, or split it";
    if (suggestion) {
      advice = fmt::format("Put its keys under one hash tag {}", suggestion->tag);
    }
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = level_for(verdict.verdict);
    finding.verdict = std::string(slot::verdict_name(verdict.verdict));
    std::string outcome = pipeline                           ? " (refused across nodes)"
                          : breaker.transaction_note.empty() ? " (CROSSSLOT)"
                                                             : "";
    finding.message =
        fmt::format("{} keys {} {}{}", pipeline ? "Pipeline" : "MULTI/EXEC transaction",
                    verdict_keys(keys, verdict), how, outcome);
    finding.notes = {ir::as_sentence(verdict.reason), ir::as_sentence(consequence)};
    if (watch_apart) {
      finding.notes.push_back(
          "A WATCHed key in another slot fails only when that slot is served by another node, "
          "as it is after most rebalancing: not proven here.");
    }
    finding.notes.push_back(ir::as_sentence(advice));
    finding.primary = breaker.callee;
    finding.related.push_back({transaction.group->origin, pipeline
                                                              ? "the pipeline starts here"
                                                              : "the transaction starts here"});
    for (std::size_t i = 0; i < transaction.ops.size(); ++i) {
      finding.related.push_back(
          {transaction.ops[i]->callee, queued(*transaction.ops[i], keys[i], verdict, i)});
    }
    if (suggestion && suggestion->fix) finding.fix = suggestion->fix;
    rest_on_client(finding, breaker, consequence);
    finding.fingerprint_basis = "MULTI";
    for (const auto* op : transaction.ops) {
      finding.fingerprint_basis += "\x1f" + op->command + " " + op->keys.front().display();
    }
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
