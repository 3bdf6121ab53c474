#include "rules/hot_slot_hash_tag.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "analyzer/slot/hash_slot.h"
#include "analyzer/slot/tag_shape.h"

namespace slotlint::rules {
namespace {

// Enough distinct per-entity keys under one tag to call it a design, not a
// pair of keys that belong together.
constexpr std::size_t kEntityKeys = 3;

struct TagUse {
  std::set<std::string> keys;         // distinct keys under the tag
  std::set<std::string> entity_keys;  // ...that vary outside it (user:<id>)
  const ir::KeyExpr* first = nullptr;
  const ir::RedisOp* first_op = nullptr;
};

}  // namespace

void HotSlotHashTag::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                           std::vector<ir::Finding>& findings) const {
  std::map<std::string, TagUse> constant_tags;
  bool tags_per_entity = false;  // some key's tag holds a value: the code tags per entity
  for (const auto& op : ops) {
    if (op.key_prefix) continue;  // a prefix's tag is SL009's
    for (const auto& choice : ir::all_choices(op.keys)) {
      const auto& key = *choice.key;
      auto shape = slot::tag_shape(key);
      if (shape.kind != slot::TagShape::Kind::Tag) continue;
      if (!shape.constant_tag) {
        tags_per_entity = true;
        continue;
      }
      auto& use = constant_tags[shape.tag];
      if (use.first == nullptr || key.span().begin < use.first->span().begin) {
        use.first = &key;
        use.first_op = &op;
      }
      use.keys.insert(key.display());
      if (shape.varies_outside_tag || key.is_collection()) use.entity_keys.insert(key.display());
    }
  }
  if (tags_per_entity || constant_tags.size() != 1) return;
  const auto& [tag, use] = *constant_tags.begin();
  if (use.entity_keys.size() < kEntityKeys) return;
  std::string examples;
  std::size_t shown = 0;
  for (const auto& key : use.entity_keys) {
    if (shown++ == 3) break;
    examples += (examples.empty() ? "'" : ", '") + key + "'";
  }
  ir::Finding finding;
  finding.rule_code = std::string(code());
  finding.level = ir::Level::Note;
  finding.verdict = "hot-slot";
  auto slot = slot::key_hash_slot("{" + tag + "}");
  finding.message = fmt::format(
      "Every tagged key here uses the one constant hash tag {{{}}}: {} per-entity keys in slot "
      "{} (a hot slot)",
      tag, use.entity_keys.size(), slot);
  finding.notes = {
      fmt::format("The keys, such as {}, all live in slot {}, on one node, however many "
                  "entities there are; that node holds all of this data and takes all of its "
                  "traffic.",
                  examples, slot),
      "Tag by the entity instead ('{user:<id>}:profile'), so that one entity's keys share a slot "
      "and different entities spread over the cluster."};
  finding.primary = use.first->span().empty() ? use.first_op->callee : use.first->span();
  finding.fingerprint_basis = "hot-slot\x1f" + tag;
  findings.push_back(std::move(finding));
}

}  // namespace slotlint::rules
