#include "frontends/python/client_resolver.h"

#include "frontends/python/module_loader.h"
#include "frontends/python/source_text.h"

#include <algorithm>

namespace slotlint::python {
namespace {

constexpr int kMaxDepth = 16;

std::string_view last_name(std::string_view dotted) {
  auto dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

}  // namespace

std::optional<ClientRef> ClientResolver::by_name(std::string_view name) const {
  const auto* cls = api_.class_for_receiver_name(name);
  if (cls == nullptr) return std::nullopt;
  return ClientRef{cls, true};
}

std::optional<ClientRef> ClientResolver::from_annotation(std::string_view annotation) const {
  // "redis.Redis", "Optional[RedisCluster]", "'Redis'", "Redis | None".
  std::string text = squeeze(annotation);
  for (const auto& cls : api_.classes) {
    for (const auto& constructor : cls.constructors) {
      auto at = text.find(constructor);
      while (at != std::string::npos) {
        auto end = at + constructor.size();
        bool starts =
            at == 0 || std::string_view("[|'\"(,").find(text[at - 1]) != std::string_view::npos;
        bool ends = end == text.size() ||
                    std::string_view("]|'\"),[").find(text[end]) != std::string_view::npos;
        if (starts && ends) return ClientRef{&cls, false};
        at = text.find(constructor, at + 1);
      }
    }
  }
  return std::nullopt;
}

std::optional<ClientRef> ClientResolver::resolve_for(ts::Node receiver, std::string_view method,
                                                     const Scope& scope) const {
  if (auto found = resolve(receiver, scope)) return found;
  if (std::ranges::find(api_.identifying_methods, method) == api_.identifying_methods.end())
    return std::nullopt;
  const auto* cls = api_.find_class(api_.default_class);
  if (cls == nullptr) return std::nullopt;
  return ClientRef{cls, true};
}

const model::ClientClass* ClientResolver::client_base(const Scope& cls) const {
  for (const Scope* owner : scopes_.lineage(cls)) {
    for (const auto& base : owner->bases) {
      if (const auto* client = api_.class_for_constructor(base)) return client;
    }
  }
  return nullptr;
}

std::optional<ClientRef> ClientResolver::from_class_definition(ts::Node definition) const {
  if (definition.type() != "class_definition") return std::nullopt;
  const auto* cls = scopes_.scope_of(definition);
  const auto* client = cls == nullptr ? nullptr : client_base(*cls);
  if (client == nullptr) return std::nullopt;
  return ClientRef{client, false};
}

std::optional<ClientRef> ClientResolver::from_bindings(const std::vector<Binding>& bindings,
                                                       int depth) const {
  for (const auto& binding : bindings) {
    if (auto found = from_class_definition(binding.value)) return found;
    if ((binding.kind == Binding::Kind::Assign || binding.kind == Binding::Kind::WithTarget) &&
        !binding.value.is_null() && binding.scope != nullptr) {
      if (auto found = resolve(binding.value, *binding.scope, depth + 1)) return found;
    }
    if (binding.kind == Binding::Kind::Parameter && !binding.annotation.empty()) {
      if (auto found = from_annotation(binding.annotation)) return found;
    }
    if (binding.kind == Binding::Kind::Import && loader_ != nullptr &&
        !binding.import_name.empty() && depth < kMaxDepth) {
      // from app.db import client: what `client` is, in app/db.py.
      const auto* module = pin(loader_->load(path_, {binding.import_level, binding.import_module}));
      const auto* there =
          module != nullptr ? module->scopes->module().find(binding.import_name) : nullptr;
      if (there != nullptr) {
        ClientResolver other(api_, *module->scopes, loader_, module->path);
        if (auto found = other.from_bindings(*there, depth + 1)) return found;
      }
    }
  }
  return std::nullopt;
}

std::optional<ClientRef> ClientResolver::resolve(ts::Node receiver, const Scope& scope,
                                                 int depth) const {
  if (receiver.is_null() || depth > kMaxDepth) return std::nullopt;
  auto type = receiver.type();
  if (type == "parenthesized_expression" || type == "await") {
    return receiver.named_child_count() == 1 ? resolve(receiver.named_child(0), scope, depth + 1)
                                             : std::nullopt;
  }
  if (type == "call") {
    auto function = receiver.field("function");
    std::string callee = squeeze(function.text());
    if (const auto* cls = api_.class_for_constructor(callee)) return ClientRef{cls, false};
    if (function.type() == "identifier") {
      // Database(...) for `class Database(Redis)`, here or imported.
      for (const Scope* s = &scope; s != nullptr; s = s->parent) {
        const auto* bindings = s->find(function.text());
        if (bindings == nullptr) continue;
        bool classes = std::ranges::any_of(*bindings, [](const Binding& b) {
          return b.value.type() == "class_definition" || b.kind == Binding::Kind::Import;
        });
        if (classes) {
          if (auto found = from_bindings(*bindings, depth + 1)) return found;
        }
        break;
      }
    }
    if (function.type() == "attribute") {
      auto method = function.field("attribute").text();
      if (std::ranges::find(api_.same_client_methods, method) != api_.same_client_methods.end()) {
        auto client = resolve(function.field("object"), scope, depth + 1);
        if (client && client->cls != nullptr)
          client->cls = api_.derived_class(method, *client->cls);
        return client;
      }
    }
    // r.pipeline().set(a, 1).incr(b): a pipeline's commands return the
    // pipeline, so the chain is the pipeline it starts with.
    for (auto inner = function.field("object"); inner.type() == "call";
         inner = inner.field("function").field("object")) {
      auto inner_function = inner.field("function");
      if (inner_function.type() != "attribute") break;
      if (std::ranges::find(api_.pipeline_methods, inner_function.field("attribute").text()) !=
          api_.pipeline_methods.end()) {
        return resolve(inner, scope, depth + 1);
      }
    }
    return by_name(last_name(callee));  // get_redis(), redis_connection()
  }
  if (type == "identifier") {
    std::string name(receiver.text());
    if (name == "self") {
      // A method of a class that derives from a client class.
      const Scope* cls = scope.kind == Scope::Kind::Class ? &scope : scope.enclosing_class;
      if (const auto* client = cls == nullptr ? nullptr : client_base(*cls))
        return ClientRef{client, false};
    }
    for (const Scope* s = &scope; s != nullptr; s = s->parent) {
      if (s->kind == Scope::Kind::Class && s != &scope) continue;
      const auto* bindings = s->find(name);
      if (bindings == nullptr) continue;
      if (bindings->size() == 1) {
        if (const auto* run = run_for_parameter(bindings->front(), name, *s)) return run->pipe;
      }
      if (auto found = from_bindings(*bindings, depth)) return found;
      // Bound to something else we can see (r = requests.get(...)): not a
      // client, whatever its name; a bare parameter may still be one.
      // Only a bare parameter or an import we could not follow may still be a
      // client by its name.
      bool unseen = std::ranges::all_of(*bindings, [](const Binding& b) {
        return (b.kind == Binding::Kind::Parameter && b.annotation.empty()) ||
               b.kind == Binding::Kind::Import;
      });
      return unseen ? by_name(name) : std::nullopt;
    }
    return by_name(name);
  }
  if (type == "attribute") {
    auto object = receiver.field("object");
    std::string field(receiver.field("attribute").text());
    const Scope* cls = scope.kind == Scope::Kind::Class ? &scope : scope.enclosing_class;
    if (cls != nullptr && object.type() == "identifier" && object.text() == "self") {
      for (const Scope* owner : scopes_.lineage(*cls)) {
        if (auto it = owner->self_attributes.find(field); it != owner->self_attributes.end()) {
          if (auto found = from_bindings(it->second, depth)) return found;
          return by_name(field);  // self.redis = make_client()
        }
        if (const auto* bindings = owner->find(field)) {
          if (auto found = from_bindings(*bindings, depth)) return found;
        }
      }
    }
    return by_name(field);
  }
  return std::nullopt;
}

std::optional<ir::GroupRef> ClientResolver::batch_created_by(
    ts::Node call, std::string id, ir::FileIndex file,
    const model::ClientClass* batch_class) const {
  while (call.type() == "await" || call.type() == "parenthesized_expression")
    call = call.named_child(0);
  if (call.type() != "call") return std::nullopt;
  auto function = call.field("function");
  if (function.type() != "attribute" ||
      std::ranges::find(api_.pipeline_methods, function.field("attribute").text()) ==
          api_.pipeline_methods.end()) {
    return std::nullopt;
  }
  // transaction=True is the default (not for RedisCluster.pipeline(), whose
  // ClusterPipeline is plain unless asked); only a literal False makes a plain
  // batch. A flag we cannot read counts as plain, so that no finding rests on
  // a guess.
  bool plain_by_default = batch_class != nullptr && batch_class->plain_pipeline_by_default;
  auto kind = plain_by_default ? ir::GroupRef::Kind::Pipeline : ir::GroupRef::Kind::Transaction;
  auto arguments = call.field("arguments");
  for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
    auto arg = arguments.named_child(i);
    ts::Node value;
    if (arg.type() == "keyword_argument" && arg.field("name").text() == api_.transaction_keyword) {
      value = arg.field("value");
    } else if (i == 0 && arg.type() != "keyword_argument") {
      value = arg;
    }
    if (!value.is_null()) {
      kind = value.text() == "True" ? ir::GroupRef::Kind::Transaction : ir::GroupRef::Kind::Pipeline;
    }
  }
  return ir::GroupRef{kind, std::move(id), {file, call.begin(), call.end()}};
}

std::optional<ir::GroupRef> ClientResolver::batch_of(ts::Node receiver, const Scope& scope,
                                                     ir::FileIndex file,
                                                     const model::ClientClass* batch_class) const {
  // A chain: r.pipeline().set(a, 1).incr(b).execute()
  for (int depth = 0; receiver.type() == "call" && depth < kMaxDepth; ++depth) {
    if (auto batch =
            batch_created_by(receiver, "chain@" + std::to_string(receiver.begin()), file,
                             batch_class)) {
      return batch;
    }
    auto function = receiver.field("function");
    if (function.type() != "attribute") return std::nullopt;
    receiver = function.field("object");
  }
  if (receiver.type() != "identifier") return std::nullopt;
  std::string name(receiver.text());
  for (const Scope* s = &scope; s != nullptr; s = s->parent) {
    if (s->kind == Scope::Kind::Class && s != &scope) continue;
    const auto* bindings = s->find(name);
    if (bindings == nullptr) continue;
    if (bindings->size() != 1) return std::nullopt;  // rebound: which batch is unclear
    const auto& binding = bindings->front();
    if (const auto* run = run_for_parameter(binding, name, *s)) return run->group;
    if (binding.kind != Binding::Kind::Assign && binding.kind != Binding::Kind::WithTarget) {
      return std::nullopt;
    }
    return batch_created_by(binding.value,
                            s->id + ":" + name + "@" + std::to_string(binding.position), file,
                            batch_class);
  }
  return std::nullopt;
}

ts::Node ClientResolver::runner_function(ts::Node call, const Scope& scope) const {
  auto function = call.field("arguments").named_child(0);
  if (function.type() == "keyword_argument") return {};
  if (function.type() != "identifier") return {};
  for (const Scope* s = &scope; s != nullptr; s = s->parent) {
    if (s->kind == Scope::Kind::Class && s != &scope) continue;
    const auto* bindings = s->find(function.text());
    if (bindings == nullptr) continue;
    if (bindings->size() != 1 || bindings->front().kind != Binding::Kind::Function) return {};
    return bindings->front().value;
  }
  return {};
}

void ClientResolver::note_transaction_runs(std::span<const MethodCall> calls, ir::FileIndex file) {
  for (const auto& call : calls) {
    auto function = call.call.field("function");
    if (std::ranges::find(api_.transaction_runners, function.field("attribute").text()) ==
        api_.transaction_runners.end()) {
      continue;
    }
    auto definition = runner_function(call.call, *call.scope);
    auto client = resolve(function.field("object"), *call.scope);
    if (definition.is_null() || !client || client->cls == nullptr) continue;
    ClientRef pipe = *client;
    if (!api_.pipeline_methods.empty())
      pipe.cls = api_.derived_class(api_.pipeline_methods.front(), *client->cls);
    ir::GroupRef group{ir::GroupRef::Kind::Transaction,
                       "txfn@" + std::to_string(definition.begin()),
                       {file, call.call.begin(), call.call.end()}};
    runs_.try_emplace(definition.begin(), TransactionRun{pipe, std::move(group), call.call});
  }
}

std::optional<ir::GroupRef> ClientResolver::transaction_run(ts::Node call) const {
  for (const auto& [begin, run] : runs_) {
    if (run.call == call) return run.group;
  }
  return std::nullopt;
}

ts::Node ClientResolver::runner_call(std::string_view group_id) const {
  for (const auto& [begin, run] : runs_) {
    if (run.group.id == group_id) return run.call;
  }
  return {};
}

std::optional<std::uint32_t> ClientResolver::runner_function_start(
    std::string_view group_id) const {
  for (const auto& [begin, run] : runs_) {
    if (run.group.id == group_id) return begin;
  }
  return std::nullopt;
}

const ClientResolver::TransactionRun* ClientResolver::run_for_parameter(const Binding& binding,
                                                                        std::string_view name,
                                                                        const Scope& scope) const {
  if (runs_.empty() || binding.kind != Binding::Kind::Parameter ||
      scope.kind != Scope::Kind::Function) {
    return nullptr;
  }
  auto it = runs_.find(scope.node.begin());
  if (it == runs_.end()) return nullptr;
  auto first = scope.node.field("parameters").named_child(0);
  if (first.type() != "identifier") first = first.named_child(0);  // typed or default
  return first.text() == name ? &it->second : nullptr;
}

}  // namespace slotlint::python
