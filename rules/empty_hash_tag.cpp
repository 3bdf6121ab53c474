#include "rules/empty_hash_tag.h"

#include <set>

#include <fmt/format.h>

#include "analyzer/slot/tag_shape.h"

namespace slotlint::rules {

void EmptyHashTag::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                         std::vector<ir::Finding>& findings) const {
  std::set<std::pair<std::uint32_t, std::string>> reported;  // one finding per key written
  for (const auto& op : ops) {
    // A prefix that empties every tag is the client's problem (SL009).
    if (op.key_prefix && slot::tag_shape(*op.key_prefix).kind != slot::TagShape::Kind::NoBrace)
      continue;
    for (const auto& choice : ir::all_choices(op.keys)) {
      const auto& key = *choice.key;
      auto shape = slot::tag_shape(key);
      if (shape.kind != slot::TagShape::Kind::EmptyTag) continue;
      auto where = key.span().empty() ? op.callee : key.span();
      if (!reported.emplace(where.begin, key.display()).second) continue;
      ir::Finding finding;
      finding.rule_code = std::string(code());
      finding.level = ir::Level::Warning;
      finding.verdict = "empty-hash-tag";
      finding.message = fmt::format(
          "Key '{}' has an empty hash tag '{{}}': the whole key is hashed", key.display());
      finding.notes = {
          fmt::format("The first '{{' of the key is closed at once: that makes the server hash "
                      "the whole key{}, so this key shares a slot with no other by its tag.",
                      shape.later_tag ? " and ignore the tag after it" : ""),
          "Put the shared part between the braces ('{user:1000}:profile') or drop them."};
      finding.primary = where;
      if (where != op.callee) finding.related.push_back({op.callee, op.command + " uses it"});
      finding.fingerprint_basis = "empty-tag\x1f" + key.display();
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace slotlint::rules
