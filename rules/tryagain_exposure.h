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
};

std::vector<TryAgainExposure> tryagain_exposures(std::span<const ir::RedisOp> ops);

}  // namespace slotlint::rules
