// Which redis-py client class, if any, a receiver expression is.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "frontends/common/api_model.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/python/scopes.h"

namespace slotlint::python {

class ModuleLoader;
struct ParsedModule;

struct ClientRef {
  const model::ClientClass* cls = nullptr;
  bool by_name_only = false;
};

class ClientResolver {
 public:
  // `loader` and `path` (this module's file) let imported clients be followed.
  ClientResolver(const model::ApiModel& api, const ScopeTree& scopes,
                 ModuleLoader* loader = nullptr, std::filesystem::path path = {})
      : api_(api), scopes_(scopes), loader_(loader), path_(std::move(path)) {}
  std::optional<ClientRef> resolve(ts::Node receiver, const Scope& scope, int depth = 0) const;
  // resolve(), or, for a method only clients have (`x.register_script(...)`),
  // the default class assumed from that.
  std::optional<ClientRef> resolve_for(ts::Node receiver, std::string_view method,
                                       const Scope& scope) const;

  // The batch a call on `receiver` is queued in: the pipeline it was created
  // by (through a variable, a `with` target or a method chain).
  // `batch_class`: the class of the batch object the commands are queued on
  // (ClusterPipeline), when known.
  std::optional<ir::GroupRef> batch_of(ts::Node receiver, const Scope& scope, ir::FileIndex file,
                                       const model::ClientClass* batch_class = nullptr) const;

  // `r.transaction(func, *watches)`: func's first parameter is a pipeline of
  // r's class in MULTI/EXEC. Notes every such call before calls are resolved.
  void note_transaction_runs(std::span<const MethodCall> calls, ir::FileIndex file);
  // The transaction a runner call starts (its WATCH keys belong to it).
  [[nodiscard]] std::optional<ir::GroupRef> transaction_run(ts::Node call) const;
  // The runner call behind a transaction group (where its errors surface).
  [[nodiscard]] ts::Node runner_call(std::string_view group_id) const;
  // Where commands of that group start being queued: the function's start.
  [[nodiscard]] std::optional<std::uint32_t> runner_function_start(std::string_view group_id) const;

 private:
  std::optional<ClientRef> from_bindings(const std::vector<Binding>& bindings, int depth) const;
  std::optional<ClientRef> from_annotation(std::string_view annotation) const;
  std::optional<ClientRef> by_name(std::string_view name) const;
  std::optional<ir::GroupRef> batch_created_by(ts::Node call, std::string id,
                                               ir::FileIndex file,
                                               const model::ClientClass* batch_class) const;
  struct TransactionRun {
    ClientRef pipe;
    ir::GroupRef group;
    ts::Node call;
  };
  // The run whose function takes `name` as its first parameter, when the
  // binding is that parameter.
  // The client class a class of this module derives from (`class
  // Database(Redis)`): its instances and its `self` are such clients.
  const model::ClientClass* client_base(const Scope& cls) const;
  std::optional<ClientRef> from_class_definition(ts::Node definition) const;
  const TransactionRun* run_for_parameter(const Binding& binding, std::string_view name,
                                          const Scope& scope) const;
  ts::Node runner_function(ts::Node call, const Scope& scope) const;

  const model::ApiModel& api_;
  const ScopeTree& scopes_;
  ModuleLoader* loader_;
  // The modules this file's analysis has loaded, held while it runs (the
  // loader's cache is bounded).
  mutable std::vector<std::shared_ptr<const ParsedModule>> pinned_;
  const ParsedModule* pin(std::shared_ptr<const ParsedModule> module) const {
    if (!module) return nullptr;
    pinned_.push_back(std::move(module));
    return pinned_.back().get();
  }
  std::filesystem::path path_;
  std::map<std::uint32_t, TransactionRun> runs_;  // by the function's start
};

}  // namespace slotlint::python
