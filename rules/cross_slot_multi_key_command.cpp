#include "rules/cross_slot_multi_key_command.h"

#include <fmt/format.h>

#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"
#include "rules/client_outcomes.h"
#include "rules/key_finding.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {

void CrossSlotMultiKeyCommand::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                                     std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (!op.command_known || !ir::names_several_keys(op.keys)) continue;
    if (ir::is_script_command(op.command)) continue;  // cross-slot-script-keys judges these
    auto verdict = slot::judge(op.keys, {context.assume_brace_free_values});
    if (verdict.verdict == slot::Verdict::SameSlot) continue;
    auto outcome = cross_slot_outcome(op);
    auto level = cross_slot_level(outcome, verdict.verdict);
    if (!level) continue;

    auto suggestion = slot::suggest_hash_tag(op.keys);
    std::string_view how = how_keys_hash(verdict.verdict);
    // What reaches the server (or what the client refuses), and what to do.
    std::string fact = cross_slot_consequence(op);
    std::string consequence = fact;
    std::string advice = tag_advice(suggestion, op.shard_channels ? "shard channel" : "key");
    if (outcome == CrossSlotOutcome::SplitHarmless ||
        outcome == CrossSlotOutcome::SplitAtomicityLost) {
      // A split command works: what it costs is the point, and a tag only
      // makes it one atomic command again.
      fact = op.handling_note.empty() ? op.client.library + " splits it by slot" : op.handling_note;
      consequence = outcome == CrossSlotOutcome::SplitHarmless
                        ? fact +
                              "; the results are right, but the keys are not read or "
                              "written at one point in time"
                        : fact + ": " + std::string(split_cost(op.command));
      advice = "To read or write them at one point in time, " +
               (suggestion ? "put them under one hash tag " + suggestion->tag
                           : std::string("give them one hash tag"));
    }
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = *level;
    finding.verdict = std::string(slot::verdict_name(verdict.verdict));
    // What a list of problems shows: the command, the keys, and what
    // happens to it on a cluster.
    std::string client = op.client.library.empty() ? "the client" : op.client.library;
    std::string outcome_words;
    switch (outcome) {
      case CrossSlotOutcome::ServerChecked:
        outcome_words = "CROSSSLOT";
        break;
      case CrossSlotOutcome::ClientRefused:
        outcome_words = client + " refuses it";
        break;
      case CrossSlotOutcome::SplitHarmless:
        outcome_words = client + " splits it by slot";
        break;
      case CrossSlotOutcome::SplitAtomicityLost:
        outcome_words = client + " splits it by slot: not atomic";
        break;
    }
    finding.message = fmt::format("{} {} {} {} ({})", op.command, key_noun(op),
                                  verdict_keys(op.keys, verdict), how, outcome_words);
    finding.notes = {ir::as_sentence(verdict.reason), ir::as_sentence(consequence),
                     ir::as_sentence(advice)};
    rest_on_client(finding, op, fact);
    add_key_evidence(finding, op, verdict, suggestion);
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
