// unretried-tryagain (SL011): multi-key work on a cluster client that does not retry TRYAGAIN, with
// no retry around it.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class UnretriedTryAgain final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL011"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
