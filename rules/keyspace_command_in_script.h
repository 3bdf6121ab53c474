// keyspace-command-in-script (SL013): a Lua script that runs a keyspace-wide command (KEYS,
// SCAN, RANDOMKEY, DBSIZE, FLUSHDB, FLUSHALL) or SELECT, which on a cluster sees one node.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class KeyspaceCommandInScript final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL013"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
