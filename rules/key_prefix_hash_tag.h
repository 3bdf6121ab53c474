// key-prefix-hash-tag (SL009): a key prefix set on the client that adds, empties or opens a hash
// tag in front of every key.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class KeyPrefixHashTag final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL009"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
