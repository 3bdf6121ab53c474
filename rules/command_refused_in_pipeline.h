// command-refused-in-pipeline (SL012): a command the client refuses inside its cluster pipelines
// and transactions, whatever its keys.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class CommandRefusedInPipeline final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL012"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
