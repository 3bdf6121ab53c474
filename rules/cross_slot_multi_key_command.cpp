#include "rules/cross_slot_multi_key_command.h"

#include <fmt/format.h>

#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"
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
    if (op.client.identified_by_name_only) {
      finding.message += fmt::format(" (Assumed a {} {} client from the receiver's name.)",
                                     op.client.library, op.client.api_class);
    }
    finding.primary = op.callee;
    for (std::size_t i = 0; i < op.keys.size(); ++i) {
      finding.related.push_back({op.keys[i].span(), fmt::format("{} ({})", describe_key(op.keys[i]),
                                                                slot_note(verdict.keys[i]))});
    }
    if (suggestion && suggestion->fix) finding.fix = suggestion->fix;
    finding.fingerprint_basis = op.command;
    for (const auto& key : op.keys) finding.fingerprint_basis += "\x1f" + key.display();
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
