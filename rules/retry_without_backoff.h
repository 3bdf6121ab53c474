// retry-without-backoff (SL007): a loop retries multi-key work after TRYAGAIN without waiting
// between attempts.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class RetryWithoutBackoff final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL007"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
