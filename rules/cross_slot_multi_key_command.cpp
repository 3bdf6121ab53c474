#include "rules/cross_slot_multi_key_command.h"

#include <fmt/format.h>

#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"
#include "rules/key_finding.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

bool names_several_keys(const ir::RedisOp& op) {
  return op.keys.size() >= 2 || (op.keys.size() == 1 && op.keys.front().is_collection());
}

}  // namespace

void CrossSlotMultiKeyCommand::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                                     std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (!op.command_known || !names_several_keys(op)) continue;
    if (ir::is_script_command(op.command)) continue;  // cross-slot-script-keys judges these
    // The client sends one command per slot: nothing reaches the server across slots.
    if (op.cross_slot_handling == ir::CrossSlotHandling::ClientSplits) continue;
    auto verdict = slot::judge(op.keys, {context.assume_brace_free_values});
    if (verdict.verdict == slot::Verdict::SameSlot) continue;

    auto suggestion = slot::suggest_hash_tag(op.keys);
    std::string_view how = how_keys_hash(verdict.verdict);
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = level_for(verdict.verdict);
    finding.verdict = std::string(slot::verdict_name(verdict.verdict));
    finding.message = fmt::format("{} keys {}: {}; {}. {}.", op.command, how, verdict.reason,
                                  cross_slot_consequence(op), tag_advice(suggestion));
    add_key_evidence(finding, op, verdict, suggestion);
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
