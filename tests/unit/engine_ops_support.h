// What tests of a language on the engine ask of the host's ops: those of one
// command, and an op's keys as displayed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/engine_host.h"

namespace slotlint::test {

inline std::vector<const frontend::EngineOp*> ops_of(const std::vector<frontend::EngineOp>& ops,
                                                     std::string_view command) {
  std::vector<const frontend::EngineOp*> out;
  for (const auto& op : ops) {
    if (op.op.command == command) out.push_back(&op);
  }
  return out;
}

inline std::vector<std::string> keys(const ir::RedisOp& op) {
  std::vector<std::string> out;
  for (const auto& key : op.keys) out.push_back(key.display());
  return out;
}

}  // namespace slotlint::test
