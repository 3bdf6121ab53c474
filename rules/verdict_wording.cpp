#include "rules/verdict_wording.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace slotlint::rules {

ir::Level level_for(slot::Verdict verdict) {
  switch (verdict) {
    case slot::Verdict::CrossSlot:
      return ir::Level::Error;
    case slot::Verdict::LikelyCrossSlot:
      return ir::Level::Warning;
    default:
      return ir::Level::Note;
  }
}

std::string_view how_keys_hash(slot::Verdict verdict) {
  switch (verdict) {
    case slot::Verdict::CrossSlot:
      return "are in different slots";
    case slot::Verdict::LikelyCrossSlot:
      return "can hash to different slots";
    default:
      return "may hash to different slots";
  }
}

std::string slot_note(const slot::KeyHash& hash) {
  if (hash.unknown) return "not known before run time";
  if (hash.slot) return fmt::format("slot {}", *hash.slot);
  return "slot depends on run-time values";
}

std::string cross_slot_consequence(const ir::RedisOp& op) {
  // The model's words name the client and what it does (route by the first
  // key, refuse before sending).
  if (op.cross_slot_handling != ir::CrossSlotHandling::ClientSplits && !op.handling_note.empty()) {
    return op.handling_note;
  }
  return "on Redis Cluster the server answers CROSSSLOT";
}

std::string tag_advice(const std::optional<slot::TagSuggestion>& suggestion,
                       std::string_view item) {
  if (!suggestion) {
    return fmt::format(
        "Give every {} the same hash tag (the part between '{{' and '}}' is all that is hashed), "
        "or split the call by slot",
        item);
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

void rest_on_client(ir::Finding& finding, const ir::RedisOp& op, std::string fact) {
  if (op.client.library.empty()) return;
  finding.client = ir::ClientAssumption{op.client.library, op.client.api_class,   op.client.version,
                                        op.client.assumed, op.client.facts_range, std::move(fact)};
  if (!op.client.assumed.empty()) finding.notes.push_back("Client: " + op.client.assumed + ".");
  for (const auto& caveat : op.caveats) finding.notes.push_back(ir::as_sentence(caveat));
}

std::string_view key_noun(const ir::RedisOp& op) {
  return op.shard_channels ? "shard channels" : "keys";
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string describe_key(const ir::KeyExpr& key) {
  if (key.is_unknown())
    return (key.is_collection() ? "keys in `" : "key `") + key.unknown_reason() + "`";
  return (key.is_collection() ? "keys " : "key ") + ("'" + key.display() + "'");
}

const ir::KeyAlternative* chosen_alternative(const ir::KeyExpr& key,
                                             const slot::SlotVerdict& verdict, std::size_t i) {
  auto alternatives = key.alternatives();
  if (alternatives.empty() || i >= verdict.choice.size()) return nullptr;
  return &alternatives[verdict.choice[i]];
}

namespace {

std::string quoted_key(const ir::KeyExpr& key, const slot::SlotVerdict& verdict, std::size_t i) {
  const auto* chosen = chosen_alternative(key, verdict, i);
  const auto& shown = chosen != nullptr ? chosen->key : key;
  if (shown.is_unknown()) return "`" + shown.unknown_reason() + "`";
  return "'" + shown.display() + "'";
}

}  // namespace

std::string verdict_keys(std::span<const ir::KeyExpr> keys, const slot::SlotVerdict& verdict) {
  if (keys.empty()) return "";
  auto first = std::min(verdict.first, keys.size() - 1);
  auto second = std::min(verdict.second, keys.size() - 1);
  if (first == second) return quoted_key(keys[first], verdict, first);
  return quoted_key(keys[first], verdict, first) + " and " +
         quoted_key(keys[second], verdict, second);
}

std::string describe_key_in(const ir::KeyExpr& key, const slot::SlotVerdict& verdict,
                            std::size_t i) {
  const auto* chosen = chosen_alternative(key, verdict, i);
  if (chosen == nullptr) return describe_key(key);
  return describe_key(chosen->key) +
         (chosen->condition.empty()
              ? fmt::format(" (one of {} alternatives)", key.alternatives().size())
              : " " + chosen->condition);
}

}  // namespace slotlint::rules
