// Which calls can get TRYAGAIN, shared by the TRYAGAIN rules: multi-key work
// (a command, script or MULTI/EXEC naming more than one key) while one of its
// slots migrates. One entry per place the error surfaces.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analyzer/ir/redis_op.h"

namespace slotlint::rules {

struct TryAgainExposure {
  const ir::RedisOp* op = nullptr;         // the op (the first of a transaction)
  std::vector<const ir::RedisOp*> queued;  // a transaction's commands
  bool transaction = false;
  // Where a finding points: the command itself, or where its error surfaces
  // when that is elsewhere (a transaction's EXEC, the call of a helper that
  // does the multi-key work inside the try).
  [[nodiscard]] ir::SourceSpan primary() const;
  // The helper's command, when the error surfaces at the helper's call.
  [[nodiscard]] bool raised_through_call() const;
};

std::vector<TryAgainExposure> tryagain_exposures(std::span<const ir::RedisOp> ops);

}  // namespace slotlint::rules
