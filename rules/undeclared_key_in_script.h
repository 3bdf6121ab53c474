// undeclared-key-in-script (SL004): a Lua script touches a key not passed in KEYS whose slot can
// differ from the declared keys' slot.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class UndeclaredKeyInScript final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL004"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
