#include "rules/cross_slot_script_keys.h"

#include <fmt/format.h>

#include "analyzer/ir/script.h"
#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"
#include "rules/key_finding.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {

void CrossSlotScriptKeys::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                                std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (!op.command_known || !ir::is_script_command(op.command)) continue;
    if (!ir::names_several_keys(op.keys) || op.cross_slot_handling == ir::CrossSlotHandling::ClientSplits) continue;
    auto verdict = slot::judge(op.keys, {context.assume_brace_free_values});
    if (verdict.verdict == slot::Verdict::SameSlot) continue;

    auto suggestion = slot::suggest_hash_tag(op.keys);
    std::string what = op.script                         ? ir::script_label(*op.script)
                       : op.command.starts_with("FCALL") ? "function"
                                                         : "script";
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = level_for(verdict.verdict);
    finding.verdict = std::string(slot::verdict_name(verdict.verdict));
    finding.message =
        fmt::format("{} KEYS {} of {} {} (CROSSSLOT)", op.command, verdict_keys(op.keys, verdict),
                    what, how_keys_hash(verdict.verdict));
    finding.notes = {ir::as_sentence(verdict.reason),
                     ir::as_sentence(cross_slot_consequence(op) +
                                     ", and a node runs a script only for keys of one slot"),
                     ir::as_sentence(tag_advice(suggestion))};
    rest_on_client(finding, op, cross_slot_consequence(op));
    add_key_evidence(finding, op, verdict, suggestion, "KEYS");
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
