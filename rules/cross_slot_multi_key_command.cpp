#include "rules/cross_slot_multi_key_command.h"

#include <fmt/format.h>

#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"
#include "rules/client_outcomes.h"
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
    auto verdict = slot::judge(op.keys, {context.assume_brace_free_values});
    if (verdict.verdict == slot::Verdict::SameSlot) continue;
    auto outcome = cross_slot_outcome(op);
    auto level = cross_slot_level(outcome, verdict.verdict);
    if (!level) continue;

    auto suggestion = slot::suggest_hash_tag(op.keys);
    std::string_view how = how_keys_hash(verdict.verdict);
    bool split = outcome == CrossSlotOutcome::SplitHarmless ||
                 outcome == CrossSlotOutcome::SplitAtomicityLost;
    // A split command works; what it costs is the point of the finding.
    std::string split_note =
        op.handling_note.empty() ? op.client.library + " splits it by slot" : op.handling_note;
    std::string consequence =
        !split ? cross_slot_consequence(op)
        : outcome == CrossSlotOutcome::SplitHarmless
            ? fmt::format("{}; the results are right, but the keys are not read or written "
                          "at one point in time",
                          split_note)
            : fmt::format("{}: {}", split_note, split_cost(op.command));
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = *level;
    finding.verdict = std::string(slot::verdict_name(verdict.verdict));
    // A split call needs no splitting: a tag only makes it one atomic command.
    std::string advice = tag_advice(suggestion);
    if (split) {
      advice = suggestion ? fmt::format("To read or write them at one point in time, put them "
                                        "under one hash tag {}",
                                        suggestion->tag)
                          : "To read or write them at one point in time, give them one hash tag";
    }
    finding.message = fmt::format("{} keys {}: {}; {}. {}.", op.command, how, verdict.reason,
                                  consequence, advice);
    rest_on_client(finding, op, split ? split_note : cross_slot_consequence(op));
    add_key_evidence(finding, op, verdict, suggestion);
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
