// swallowed-tryagain (SL006): multi-key work whose TRYAGAIN error is caught and dropped, so the
// write is silently lost while a slot migrates.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class SwallowedTryAgain final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL006"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
