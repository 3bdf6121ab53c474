// empty-hash-tag (SL008): a key whose hash tag is empty, so the whole key is hashed and any later
// tag is ignored.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class EmptyHashTag final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL008"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
