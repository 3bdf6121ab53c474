// Proposes the hash tag that would put a set of keys in one slot, and the
// source edits that write it.
//
// Two shapes, tried in order:
//   1. the keys share a leading part up to a separator: tag that part
//      (user:1000:profile, user:1000:email → {user:1000}:profile ...);
//   2. every key contains the same variable: tag the variable
//      (cart:<uid>, user:<uid>:profile → cart:{<uid>}, user:{<uid>}:profile).
// A leading part that is only a fixed namespace before a variable ("stats:"
// for stats:<day>) is not proposed: it would put every such key in one hot
// slot. For literal keys a one-word tag ({price}) is proposed, marked
// whole_family, and offered without an automatic fix.
// Edits are only proposed when every insertion lands in a literal that maps
// onto the source; braces are doubled where the literal's syntax needs it.
// Keys with alternatives get no suggestion: one tag may not fit every branch.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyzer/ir/finding.h"
#include "analyzer/ir/key_expr.h"

namespace slotlint::slot {

struct TagSuggestion {
  std::string tag;                       // "{user:<uid>}"
  std::vector<std::string> tagged_keys;  // each key as it would read
  // The tag is one fixed word ("{price}"): every key of that family would share
  // one slot, so one node holds them all.
  bool whole_family = false;
  std::optional<ir::Fix> fix;
};

std::optional<TagSuggestion> suggest_hash_tag(std::span<const ir::KeyExpr> keys);

}  // namespace slotlint::slot
