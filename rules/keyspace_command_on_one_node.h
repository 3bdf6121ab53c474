// keyspace-command-on-one-node (SL014): a keyspace-wide command (KEYS, SCAN, DBSIZE,
// RANDOMKEY, FLUSHDB, FLUSHALL, INFO keyspace) that a cluster client sends to one node only.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class KeyspaceCommandOnOneNode final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL014"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
