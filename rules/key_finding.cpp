#include "rules/key_finding.h"

#include <fmt/format.h>

#include "rules/verdict_wording.h"

namespace slotlint::rules {

void add_key_evidence(ir::Finding& finding, const ir::RedisOp& op, const slot::SlotVerdict& verdict,
                      const std::optional<slot::TagSuggestion>& suggestion,
                      std::string_view numbered_as) {
  if (op.client.identified_by_name_only) {
    finding.notes.push_back(fmt::format("Assumed a {} {} client from the receiver's name.",
                                        op.client.library, op.client.api_class));
  }
  finding.primary = op.callee;
  for (std::size_t i = 0; i < op.keys.size(); ++i) {
    std::string label = numbered_as.empty() ? "" : fmt::format("{}[{}]: ", numbered_as, i + 1);
    // A key chosen on a branch: the alternative that gives the verdict.
    const auto* chosen = chosen_alternative(op.keys[i], verdict, i);
    std::string described = describe_key_in(op.keys[i], verdict, i);
    if (op.shard_channels && described.starts_with("key ")) {
      described.replace(0, 3, "shard channel");
    }
    finding.related.push_back(
        {chosen != nullptr && !chosen->key.span().empty() ? chosen->key.span() : op.keys[i].span(),
         fmt::format("{}{} ({})", label, described, slot_note(verdict.keys[i]))});
  }
  if (suggestion && suggestion->fix) finding.fix = suggestion->fix;
  finding.fingerprint_basis = op.command;
  for (const auto& key : op.keys) finding.fingerprint_basis += "\x1f" + key.display();
}

}  // namespace slotlint::rules
