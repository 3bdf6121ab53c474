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

std::string consequence(const ir::RedisOp& op) {
  if (op.cross_slot_handling == ir::CrossSlotHandling::ClientRefuses && !op.handling_note.empty()) {
    return op.handling_note;
  }
  return "on Redis Cluster the server answers CROSSSLOT";
}

std::string advice(const std::optional<slot::TagSuggestion>& suggestion) {
  if (!suggestion) {
    return "Give every key the same hash tag (the part between '{' and '}' is all that is hashed), "
           "or split the call by slot";
  }
  std::string keys;
  for (std::size_t i = 0; i < suggestion->tagged_keys.size() && i < 3; ++i) {
    keys += (i == 0 ? "'" : ", '") + suggestion->tagged_keys[i] + "'";
  }
  if (suggestion->tagged_keys.size() > 3) keys += ", ...";
  return fmt::format("Put them under one hash tag {}: {}{}", suggestion->tag, keys,
                     suggestion->whole_family
                         ? " (that tag puts the whole key family in one slot, on one node)"
                         : "");
}

std::string key_name(const ir::KeyExpr& key) {
  if (key.is_unknown())
    return (key.is_collection() ? "keys in `" : "key `") + key.unknown_reason() + "`";
  return (key.is_collection() ? "keys " : "key ") + ("'" + key.display() + "'");
}

}  // namespace

void CrossSlotMultiKeyCommand::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                                     std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (!op.command_known || !names_several_keys(op)) continue;
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
                                  consequence(op), advice(suggestion));
    if (op.client.identified_by_name_only) {
      finding.message += fmt::format(" (Assumed a {} {} client from the receiver's name.)",
                                     op.client.library, op.client.api_class);
    }
    finding.primary = op.callee;
    for (std::size_t i = 0; i < op.keys.size(); ++i) {
      finding.related.push_back({op.keys[i].span(), fmt::format("{} ({})", key_name(op.keys[i]),
                                                                slot_note(verdict.keys[i]))});
    }
    if (suggestion && suggestion->fix) finding.fix = suggestion->fix;
    finding.fingerprint_basis = op.command;
    for (const auto& key : op.keys) finding.fingerprint_basis += "\x1f" + key.display();
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
