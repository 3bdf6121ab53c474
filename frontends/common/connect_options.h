// The database a client selects on each new connection because its
// constructor says so (`db: 3`, `redis://host:6379/3`): the model names the
// options (database_options, url_options); this turns what a frontend found
// there into the SELECT the client sends, so that rules judge it like a call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/api_model.h"
#include "frontends/common/value.h"

namespace slotlint::frontend {

// The value at a dotted path (`redisOptions.db`) of an options mapping;
// nullptr when the mapping does not show it.
const Value* value_at_path(const Value& mapping, std::string_view path);

// Whether `value` is a URL of one of the client's schemes (`form`, model
// data: redis://, rediss://, valkey://, valkeys:// unless it says otherwise).
bool is_redis_url(const ir::KeyExpr& value, const model::UrlForm& form);

// The database a Redis URL names: "3" for "redis://host:6379/3", a hole for
// "redis://host/${db}"; nullopt when it names none (no path, or a path that
// is not a number: database 0). Where the number sits is the form's.
std::optional<ir::KeyExpr> database_in_url(const ir::KeyExpr& url, const model::UrlForm& form);

// The SELECT `index` a `cls` client sends when it connects; `option` is what
// set it, as the code names it ("db", "url"), and `where` its value.
ir::RedisOp connect_select(const model::ApiModel& api, const model::ClientClass& cls,
                           ir::KeyExpr index, ir::SourceSpan call, ir::SourceSpan where,
                           std::string option);

// The SELECT a `cls` client sends on each connection because of the values
// passed to its constructor (in order): a database option of an options
// mapping, a URL option of one, or a URL given as an argument
// (url_arguments); located at the option's value when it shows where it is
// written, else at the call. nullopt when they select none.
std::optional<ir::RedisOp> constructor_select(const model::ApiModel& api,
                                              const model::ClientClass& cls,
                                              const std::vector<Value>& args, ir::SourceSpan call);

}  // namespace slotlint::frontend
