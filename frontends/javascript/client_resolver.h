// Which client (library model and class), if any, a JavaScript receiver is:
// `new Redis(...)`, `new Redis.Cluster(...)`, `createClient()`, imports of
// those under any name, variables, `this.x` fields, TypeScript annotations,
// conventional names; and the batch (pipeline, multi) a call is queued in.
#pragma once

#include <optional>
#include <string>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/javascript/evaluator.h"
#include "frontends/javascript/scopes.h"

namespace slotlint::javascript {

struct ClientRef {
  const model::ApiModel* api = nullptr;
  const model::ClientClass* cls = nullptr;
  bool by_name_only = false;
  ts::Node created_by{};  // the constructor call, when seen (its options hold keyPrefix)
  const Scope* created_in = nullptr;
};

class ClientResolver {
 public:
  ClientResolver(frontend::Models models, const ScopeTree& scopes, const Evaluator& evaluator)
      : models_(models), scopes_(scopes), evaluator_(evaluator) {}

  std::optional<ClientRef> resolve(ts::Node receiver, const Scope& scope, int depth = 0) const;
  // The batch a call on `receiver` is queued in (a chain or a variable).
  std::optional<ir::GroupRef> batch_of(ts::Node receiver, const Scope& scope,
                                       ir::FileIndex file) const;
  // The key prefix the client's constructor options set (ioredis keyPrefix).
  std::optional<ir::KeyExpr> key_prefix(const ClientRef& client) const;
  // The client `call` constructs (`new Redis(...)`, `createClient(...)`).
  std::optional<ClientRef> constructed_by(ts::Node call, const Scope& scope) const {
    return from_constructor(call, scope);
  }
  // The value at a dotted path (`redisOptions.db`) of the client's options:
  // the last object literal its constructor is given; nullptr when unseen.
  // `options` keeps the evaluated options alive.
  const Value* option(const ClientRef& client, std::string_view path, Value& options) const;
  // The name a constructor or factory is known by in the models, through
  // the file's imports: `new IORedis.Cluster()` with `import IORedis from
  // "ioredis"` is "Redis.Cluster".
  std::string canonical_callee(ts::Node callee, const Scope& scope) const;

 private:
  std::optional<ClientRef> from_constructor(ts::Node call, const Scope& scope) const;
  std::optional<ClientRef> from_binding(const Binding& binding, int depth) const;
  std::optional<ClientRef> from_callback(const Binding& binding, int depth) const;
  // The binding shows a value that is not a client (a Map, a literal, a
  // non-client type annotation).
  bool seen_not_a_client(const Binding& binding) const;
  // A TypeScript type: a client class's name, also through type aliases and
  // imports under another name (`import { Redis as R } from "ioredis"`).
  std::optional<ClientRef> from_annotation(std::string_view annotation,
                                           const Scope* scope = nullptr, int depth = 0) const;
  // The declared return type of the function or method a call runs.
  std::optional<ClientRef> from_return_type(ts::Node call, const Scope& scope) const;
  std::optional<ClientRef> annotation_names_class(std::string_view annotation) const;
  std::optional<ClientRef> by_name(std::string_view name) const;
  std::optional<ir::GroupRef> batch_created_by(ts::Node call, const Scope& scope, std::string id,
                                               ir::FileIndex file) const;

  frontend::Models models_;
  const ScopeTree& scopes_;
  const Evaluator& evaluator_;
};

}  // namespace slotlint::javascript
