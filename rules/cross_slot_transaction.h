// cross-slot-transaction (SL002): a MULTI/EXEC transaction whose commands'
// keys can hash to different slots.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class CrossSlotTransaction final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL002"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
