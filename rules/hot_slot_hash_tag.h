// hot-slot-hash-tag (SL010): every per-entity key of a file under one constant hash tag, so one
// slot on one node holds them all.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class HotSlotHashTag final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL010"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
