// The IR as JSON, both ways: what the C/C++ component (slotlint-cpp, a
// separate process that links Clang) hands the core. Every field round-trips
// exactly, so a rule sees the same RedisOp whichever process built it.
// A malformed document throws nlohmann::json::exception.
#pragma once

#include <nlohmann/json.hpp>

#include "analyzer/ir/redis_op.h"

namespace slotlint::ir {

void to_json(nlohmann::json& json, const SourceSpan& span);
void from_json(const nlohmann::json& json, SourceSpan& span);
void to_json(nlohmann::json& json, const KeyExpr& key);
void from_json(const nlohmann::json& json, KeyExpr& key);
void to_json(nlohmann::json& json, const RedisOp& op);
void from_json(const nlohmann::json& json, RedisOp& op);

}  // namespace slotlint::ir
