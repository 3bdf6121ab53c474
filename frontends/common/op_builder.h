// Turns a model method plus the values bound to its parameters into a RedisOp:
// expands the argv template, then asks the command table which arguments are
// keys. Language-neutral: frontends supply values already converted to Args.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/api_model.h"

namespace slotlint::frontend {

// How a frontend answers the template's questions about one parameter.
class BoundArguments {
 public:
  virtual ~BoundArguments() = default;
  virtual bool bound(std::string_view param) const = 0;
  virtual std::vector<ir::Arg> single(std::string_view param) const = 0;       // "$p"
  virtual std::vector<ir::Arg> spread(std::string_view param) const = 0;       // "...p"
  virtual std::optional<std::size_t> count(std::string_view param) const = 0;  // "#p"
  virtual std::vector<ir::Arg> map_keys(std::string_view param) const = 0;
  virtual std::vector<ir::Arg> map_values(std::string_view param) const = 0;
  virtual std::vector<ir::Arg> map_items(std::string_view param) const = 0;
};

// The argv (command name first) a call sends; a default from the signature is
// used for an unbound "$p" ("" when there is none, and the element is dropped).
std::vector<ir::Arg> expand_template(const model::Method& method, const BoundArguments& args,
                                     ir::SourceSpan call_span);

// Fills command, argv, keys from a full argv (command name first). Returns false
// when the command name is not a literal: the call cannot be classified.
bool assign_command(ir::RedisOp& op, std::vector<ir::Arg> full_argv);

// (Re)computes op.keys from op.argv; with `prefix`, first puts it before every
// key argument, as a client with a key prefix (ioredis keyPrefix) sends them.
void derive_keys(ir::RedisOp& op, const ir::KeyExpr* prefix = nullptr);

// For clients whose single-key commands are methods named like the command
// with the key first (redis-py's `set(name, value)`, `incr(name)`): the
// method for `name` when the command table has a single-key command of that
// name whose key is its first argument.
std::optional<model::Method> command_named_method(std::string_view name);

// For command builders whose first step names the command (rueidis
// `B().ClientNoEvict()`): its words, one per capitalised part, read against
// the command table: a container's subcommand joins the rest with dashes
// (CLIENT NO-EVICT, CLUSTER COUNT-FAILURE-REPORTS), a command whose words
// join with underscores is that command (GEORADIUS_RO, EVAL_RO); else one
// word each (CLIENT LIST, JSON SET).
std::string builder_step_command(std::string_view step);

// Client facts for a call of `method` on a `cls` client.
void apply_client_behaviour(ir::RedisOp& op, const model::ApiModel& api,
                            const model::ClientClass& cls, const model::Method& method,
                            bool identified_by_name_only);

// The class's cluster facts (cross-slot handling, splits, transactions,
// pipelines, TRYAGAIN) on an op whose client is already known; the driver
// calls it again with the facts of the version the project uses.
void apply_class_facts(ir::RedisOp& op, const model::ClientClass& cls);

}  // namespace slotlint::frontend
