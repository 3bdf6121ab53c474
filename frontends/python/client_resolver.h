// Which redis-py client class, if any, a receiver expression is.
#pragma once

#include <filesystem>
#include <optional>

#include "frontends/common/api_model.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/python/scopes.h"

namespace slotlint::python {

class ModuleLoader;

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

  // The batch a call on `receiver` is queued in: the pipeline it was created
  // by (through a variable, a `with` target or a method chain).
  std::optional<ir::GroupRef> batch_of(ts::Node receiver, const Scope& scope,
                                       ir::FileIndex file) const;

 private:
  std::optional<ClientRef> from_bindings(const std::vector<Binding>& bindings, int depth) const;
  std::optional<ClientRef> from_annotation(std::string_view annotation) const;
  std::optional<ClientRef> by_name(std::string_view name) const;
  std::optional<ir::GroupRef> batch_created_by(ts::Node call, std::string id,
                                               ir::FileIndex file) const;

  const model::ApiModel& api_;
  const ScopeTree& scopes_;
  ModuleLoader* loader_;
  std::filesystem::path path_;
};

}  // namespace slotlint::python
