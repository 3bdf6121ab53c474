// cross-slot-multi-key-command (SL001): a multi-key command whose keys can hash
// to different slots.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class CrossSlotMultiKeyCommand final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL001"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
