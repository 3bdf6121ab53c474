// non-zero-database (SL015): a client call that uses a database other than 0 (SELECT n,
// MOVE, SWAPDB), which a Redis Cluster does not have.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class NonZeroDatabase final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL015"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
