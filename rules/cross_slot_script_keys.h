// cross-slot-script-keys (SL003): the KEYS passed to an EVAL, EVALSHA, FCALL or script-object call
// can hash to different slots.
#pragma once

#include "rules/rule.h"

namespace slotlint::rules {

class CrossSlotScriptKeys final : public Rule {
 public:
  [[nodiscard]] std::string_view code() const override { return "SL003"; }
  void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
             std::vector<ir::Finding>& findings) const override;
};

}  // namespace slotlint::rules
