// The database a client selects on each new connection because its
// constructor says so (`db: 3`, `redis://host:6379/3`): the model names the
// options (database_options, url_options); this turns what a frontend found
// there into the SELECT the client sends, so that rules judge it like a call.
#pragma once

#include <optional>
#include <string>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/api_model.h"
#include "frontends/common/value.h"

namespace slotlint::frontend {

// The value at a dotted path (`redisOptions.db`) of an options mapping;
// nullptr when the mapping does not show it.
const Value* value_at_path(const Value& mapping, std::string_view path);

// Whether `value` is a Redis URL (redis://, rediss://, valkey://, valkeys://).
bool is_redis_url(const ir::KeyExpr& value);

// The database a Redis URL's path names: "3" for "redis://host:6379/3", a
// hole for "redis://host/${db}"; nullopt when it has no path (database 0).
std::optional<ir::KeyExpr> database_in_url(const ir::KeyExpr& url);

// The SELECT `index` a `cls` client sends when it connects; `option` is what
// set it, as the code names it ("db", "url"), and `where` its value.
ir::RedisOp connect_select(const model::ApiModel& api, const model::ClientClass& cls,
                           ir::KeyExpr index, ir::SourceSpan call, ir::SourceSpan where,
                           std::string option);

}  // namespace slotlint::frontend
