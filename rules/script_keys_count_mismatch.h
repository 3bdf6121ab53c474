// script-keys-count-mismatch (SL005): the number of keys a call passes to a script differs from the
// KEYS the script reads.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class ScriptKeysCountMismatch final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL005"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
