#include "rules/key_prefix_hash_tag.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analyzer/slot/hash_slot.h"
#include "analyzer/slot/tag_shape.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

struct PrefixUse {
  const ir::RedisOp* first = nullptr;
  const ir::KeyExpr* own_tagged_key = nullptr;  // a key with a tag of its own, now ignored
};

std::size_t braces(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count(text, '{'));
}

}  // namespace

void KeyPrefixHashTag::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                             std::vector<ir::Finding>& findings) const {
  // By the prefix as written (its place and text): one finding each.
  std::map<std::pair<std::uint32_t, std::string>, PrefixUse> prefixes;
  for (const auto& op : ops) {
    if (!op.key_prefix || op.keys.empty()) continue;
    auto& use = prefixes[{op.key_prefix->span().begin, op.key_prefix->display()}];
    if (use.first == nullptr) use.first = &op;
    auto prefix_braces = braces(op.key_prefix->display());
    for (const auto& key : op.keys) {
      if (use.own_tagged_key == nullptr && braces(key.display()) > prefix_braces) {
        use.own_tagged_key = &key;
      }
    }
  }
  for (const auto& [id, use] : prefixes) {
    const auto& op = *use.first;
    const auto& prefix = *op.key_prefix;
    auto shape = slot::tag_shape(prefix);
    auto text = prefix.display();
    ir::Finding finding;
    finding.level = ir::Level::Warning;
    switch (shape.kind) {
      case slot::TagShape::Kind::EmptyTag:
        finding.message =
            fmt::format("Key prefix '{}' starts every key with an empty hash tag '{{}}'", text);
        finding.notes = {
            "The server hashes each whole key and ignores the keys' own tags, so no two keys are "
            "sure to share a slot."};
        break;
      case slot::TagShape::Kind::Unclosed:
        finding.message =
            fmt::format("Key prefix '{}' opens a hash tag that nothing in it closes", text);
        finding.notes = {
            "The first '}' of each key closes it, so what is hashed mixes the prefix with the "
            "key's own text and the keys' own tags no longer work."};
        break;
      case slot::TagShape::Kind::Tag: {
        if (!shape.constant_tag) continue;
        auto slot = slot::key_hash_slot("{" + shape.tag + "}");
        if (use.own_tagged_key != nullptr) {
          std::string own = use.own_tagged_key->display();
          if (own.starts_with(text)) own.erase(0, text.size());
          finding.message = fmt::format(
              "Key prefix '{}' puts hash tag {{{}}} before every key, so the keys' own tags are "
              "ignored",
              text, shape.tag);
          finding.notes = {
              fmt::format("Every key lands in slot {}, on one node: the keys' own tags (as in "
                          "'{}') are ignored.",
                          slot, own),
              "Drop the braces from the prefix, or the keys' own tags."};
        } else {
          finding.level = ir::Level::Note;
          finding.message = fmt::format(
              "Key prefix '{}' puts every key of this client in slot {} (hash tag {{{}}})", text,
              slot, shape.tag);
          finding.notes = {
              "All of them live on one node, which takes all of this client's data and traffic "
              "(a hot slot).",
              "That is what multi-key work across all of them needs; if it is not, drop the "
              "braces and tag keys per entity ('{user:1000}:cart')."};
        }
        break;
      }
      default:
        continue;
    }
    // Only a cluster hashes keys to slots: on one server this is a remark.
    if (!op.client.cluster_client) finding.level = ir::Level::Note;
    finding.rule_code = std::string(code());
    finding.verdict = "key-prefix-tag";
    finding.primary = prefix.span().empty() ? op.callee : prefix.span();
    finding.related.push_back({op.callee, op.command + " is sent with this prefix"});
    rest_on_client(finding, op, "the client puts its key prefix before every key it sends");
    finding.fingerprint_basis = "prefix-tag\x1f" + text;
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
