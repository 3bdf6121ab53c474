#include "frontends/javascript/client_resolver.h"

#include "frontends/common/connect_options.h"

#include <algorithm>
#include <cctype>

namespace slotlint::javascript {
namespace {

constexpr int kMaxDepth = 16;

std::string without_space(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) out += c;
  }
  return out;
}

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

}  // namespace

std::string ClientResolver::canonical_callee(ts::Node callee, const Scope& scope) const {
  std::string text = without_space(unwrap(callee).text());
  auto dot = text.find('.');
  std::string head = text.substr(0, dot);
  const auto* binding = evaluator_.binding_of(head, scope);
  if (binding == nullptr || binding->kind != Binding::Kind::Import) return text;
  for (const auto* api : models_) {
    auto module = api->modules.find(binding->import_source);
    if (module == api->modules.end()) continue;
    auto name = module->second.find(binding->import_name);
    if (name == module->second.end()) continue;
    return name->second + (dot == std::string::npos ? "" : text.substr(dot));
  }
  return text;
}

std::optional<ClientRef> ClientResolver::from_constructor(ts::Node call, const Scope& scope) const {
  auto callee =
      call.type() == "new_expression" ? call.field("constructor") : call.field("function");
  std::string name = canonical_callee(callee, scope);
  for (const auto* api : models_) {
    if (const auto* cls = api->class_for_constructor(name))
      return ClientRef{api, cls, false, call, &scope};
  }
  return std::nullopt;
}

std::optional<ClientRef> ClientResolver::from_annotation(std::string_view annotation,
                                                         const Scope* scope, int depth) const {
  if (auto found = annotation_names_class(annotation)) return found;
  if (scope == nullptr || depth > kMaxDepth) return std::nullopt;
  // Each type name in it: an alias to follow, or an import to name canonically.
  std::string text(annotation);
  for (std::size_t at = 0; at < text.size();) {
    auto is_part = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' || c == '.';
    };
    if (!is_part(text[at]) || std::isdigit(static_cast<unsigned char>(text[at])) != 0) {
      ++at;
      continue;
    }
    auto end = at;
    while (end < text.size() && is_part(text[end])) ++end;
    std::string name = text.substr(at, end - at);
    at = end;
    auto dot = name.find('.');
    const auto* binding = evaluator_.binding_of(name.substr(0, dot), *scope);
    if (binding == nullptr) continue;
    if (binding->kind == Binding::Kind::Type && binding->scope != nullptr) {
      if (auto found = from_annotation(binding->value.text(), binding->scope, depth + 1))
        return found;
    }
    if (binding->kind == Binding::Kind::Import) {
      for (const auto* api : models_) {
        auto module = api->modules.find(binding->import_source);
        if (module == api->modules.end()) continue;
        auto canonical = module->second.find(binding->import_name);
        if (canonical == module->second.end()) continue;
        std::string full = canonical->second + (dot == std::string::npos ? "" : name.substr(dot));
        if (auto found = annotation_names_class(full)) return found;
        if (const auto* cls = api->class_for_constructor(full)) return ClientRef{api, cls, false};
      }
    }
  }
  return std::nullopt;
}

std::optional<ClientRef> ClientResolver::from_return_type(ts::Node call, const Scope& scope) const {
  auto function = unwrap(call.field("function"));
  ts::Node definition;
  const Scope* where = &scope;
  if (function.type() == "identifier") {
    if (const auto* binding = evaluator_.binding_of(function.text(), scope)) {
      definition =
          binding->kind == Binding::Kind::Function ? binding->value : unwrap(binding->value);
      where = binding->scope;
    }
  } else if (function.type() == "member_expression" &&
             unwrap(function.field("object")).type() == "this") {
    const Scope* cls = scope.kind == Scope::Kind::Class ? &scope : scope.enclosing_class;
    auto body = cls == nullptr ? ts::Node{} : cls->node.field("body");
    for (std::uint32_t i = 0; i < body.named_child_count(); ++i) {
      auto member = body.named_child(i);
      if (member.type() == "method_definition" &&
          member.field("name").text() == function.field("property").text()) {
        definition = member;
        where = cls;
      }
    }
  }
  auto declared = definition.field("return_type");
  if (declared.is_null() || where == nullptr) return std::nullopt;
  return from_annotation(declared.text(), where);
}

std::optional<ClientRef> ClientResolver::annotation_names_class(std::string_view annotation) const {
  std::string text = without_space(annotation);
  if (text.starts_with(":")) text = text.substr(1);
  // Redis, Redis | null, Promise<Cluster>, RedisClientType<...>
  for (const auto* api : models_) {
    for (const auto& cls : api->classes) {
      for (const auto& name : cls.annotations) {
        for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
          auto end = at + name.size();
          bool starts =
              at == 0 || std::string_view("<|(,").find(text[at - 1]) != std::string_view::npos;
          bool ends = end == text.size() ||
                      std::string_view(">|),<[").find(text[end]) != std::string_view::npos;
          if (starts && ends) return ClientRef{api, &cls, false};
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<ClientRef> ClientResolver::by_name(std::string_view name) const {
  for (const auto* api : models_) {
    if (const auto* cls = api->class_for_receiver_name(name)) return ClientRef{api, cls, true};
  }
  return std::nullopt;
}

std::optional<ClientRef> ClientResolver::from_binding(const Binding& binding, int depth) const {
  if (!binding.annotation.empty()) {
    if (auto found = from_annotation(binding.annotation, binding.scope)) return found;
  }
  if ((binding.kind == Binding::Kind::Const || binding.kind == Binding::Kind::Let) &&
      !binding.value.is_null() && binding.scope != nullptr) {
    return resolve(binding.value, *binding.scope, depth + 1);
  }
  return std::nullopt;
}

bool ClientResolver::seen_not_a_client(const Binding& binding) const {
  if (!binding.annotation.empty()) return true;  // a type that is no client's
  auto type = unwrap(binding.value).type();
  return type == "new_expression" || type == "object" || type == "array" || type == "string" ||
         type == "template_string" || type == "number" || type == "arrow_function" ||
         type == "function_expression";
}

std::optional<ClientRef> ClientResolver::from_callback(const Binding& binding, int depth) const {
  // client.executeIsolated(async (isolated) => ...): `isolated` is a client.
  if (binding.kind != Binding::Kind::Parameter || binding.scope == nullptr ||
      binding.scope->kind != Scope::Kind::Function) {
    return std::nullopt;
  }
  auto function = binding.scope->node;
  auto arguments = function.parent();
  auto call = arguments.parent();
  if (arguments.type() != "arguments" || call.type() != "call_expression") return std::nullopt;
  auto callee = unwrap(call.field("function"));
  if (callee.type() != "member_expression") return std::nullopt;
  auto client = resolve(callee.field("object"), *binding.scope->parent, depth + 1);
  if (!client || !listed(client->api->callback_client_methods, callee.field("property").text()))
    return std::nullopt;
  return client;
}

std::optional<ClientRef> ClientResolver::resolve(ts::Node receiver, const Scope& scope,
                                                 int depth) const {
  if (receiver.is_null() || depth > kMaxDepth) return std::nullopt;
  for (auto cast = receiver;
       cast.type() == "as_expression" || cast.type() == "satisfies_expression" ||
       cast.type() == "parenthesized_expression" || cast.type() == "await_expression";
       cast = cast.named_child(0)) {
    // (await this.getClient()) as RedisClientType
    if (cast.type() != "parenthesized_expression" && cast.type() != "await_expression") {
      if (auto found = from_annotation(cast.named_child(1).text(), &scope)) return found;
    }
  }
  receiver = unwrap(receiver);
  auto type = receiver.type();
  if (type == "new_expression") return from_constructor(receiver, scope);
  if (type == "call_expression") {
    if (auto found = from_constructor(receiver, scope)) return found;
    if (auto found = from_return_type(receiver, scope)) return found;
    auto function = unwrap(receiver.field("function"));
    if (function.type() != "member_expression") return std::nullopt;
    auto method = function.field("property").text();
    auto inner = resolve(function.field("object"), scope, depth + 1);
    if (!inner) return std::nullopt;
    // client.duplicate(), client.pipeline().set(...): the same API.
    const auto& api = *inner->api;
    bool same = listed(api.same_client_methods, method) || listed(api.pipeline_methods, method) ||
                listed(api.transaction_methods, method) ||
                api.find_method_any_case(method, *inner->cls) != nullptr ||
                (api.command_named_methods && !listed(api.execute_methods, method));
    if (!same) return std::nullopt;
    inner->by_name_only = inner->by_name_only && listed(api.same_client_methods, method);
    return inner;
  }
  if (type == "identifier") {
    std::string name(receiver.text());
    if (const auto* binding = evaluator_.binding_of(name, scope)) {
      if (auto found = from_binding(*binding, depth)) return found;
      if (auto found = from_callback(*binding, depth)) return found;
      bool unseen = (binding->kind == Binding::Kind::Parameter && binding->annotation.empty()) ||
                    binding->kind == Binding::Kind::Import;
      return unseen ? by_name(name) : std::nullopt;
    }
    return by_name(name);
  }
  if (type == "member_expression") {
    auto object = unwrap(receiver.field("object"));
    auto property = receiver.field("property").text();
    if (object.type() == "this") {
      if (const auto* fields = evaluator_.fields_of(property, scope)) {
        bool something_else = false;
        for (const auto& field : *fields) {
          if (auto found = from_binding(field, depth)) return found;
          something_else = something_else || seen_not_a_client(field);
        }
        // `private redisListeners: Map<...>`, `this.redisCache = new Map()`:
        // what it is can be seen, and it is not a client, whatever its name.
        if (something_else) return std::nullopt;
      }
    }
    return by_name(property);
  }
  return std::nullopt;
}

const Value* ClientResolver::option(const ClientRef& client, std::string_view path,
                                    Value& options) const {
  if (client.created_by.is_null() || client.created_in == nullptr) return nullptr;
  // The options object: the last object literal argument (new Redis(port,
  // host, {keyPrefix}), new Cluster(nodes, {keyPrefix})).
  auto arguments = client.created_by.field("arguments");
  for (std::uint32_t i = arguments.named_child_count(); i-- > 0;) {
    options = evaluator_.evaluate(arguments.named_child(i), *client.created_in,
                                  client.created_by.begin());
    if (options.kind != Value::Kind::Mapping) continue;
    return frontend::value_at_path(options, path);
  }
  return nullptr;
}

std::optional<ir::KeyExpr> ClientResolver::key_prefix(const ClientRef& client) const {
  if (client.cls == nullptr) return std::nullopt;
  for (const auto& path : client.cls->key_prefix_options) {
    Value options;
    const auto* value = option(client, path, options);
    if (value != nullptr && value->is_text()) {
      ir::KeyExpr prefix = value->text;
      prefix.forbid_edits();
      return prefix;
    }
  }
  return std::nullopt;
}

std::optional<ir::GroupRef> ClientResolver::batch_created_by(ts::Node call, const Scope& scope,
                                                             std::string id,
                                                             ir::FileIndex file) const {
  call = unwrap(call);
  if (call.type() != "call_expression") return std::nullopt;
  auto function = unwrap(call.field("function"));
  if (function.type() != "member_expression") return std::nullopt;
  auto method = function.field("property").text();
  auto client = resolve(function.field("object"), scope);
  if (!client) return std::nullopt;
  std::optional<ir::GroupRef::Kind> kind;
  if (listed(client->api->pipeline_methods, method)) kind = ir::GroupRef::Kind::Pipeline;
  if (listed(client->api->transaction_methods, method)) {
    // multi({pipeline: false}) runs each command at once: still one MULTI/EXEC.
    kind = ir::GroupRef::Kind::Transaction;
  }
  if (!kind) return std::nullopt;
  return ir::GroupRef{*kind, std::move(id), {file, call.begin(), call.end()}};
}

std::optional<ir::GroupRef> ClientResolver::batch_of(ts::Node receiver, const Scope& scope,
                                                     ir::FileIndex file) const {
  receiver = unwrap(receiver);
  // A chain: redis.multi().set(a, 1).incr(b).exec()
  for (int depth = 0; receiver.type() == "call_expression" && depth < kMaxDepth; ++depth) {
    if (auto batch =
            batch_created_by(receiver, scope, "chain@" + std::to_string(receiver.begin()), file)) {
      return batch;
    }
    auto function = unwrap(receiver.field("function"));
    if (function.type() != "member_expression") return std::nullopt;
    receiver = unwrap(function.field("object"));
  }
  if (receiver.type() != "identifier") return std::nullopt;
  const auto* binding = evaluator_.binding_of(receiver.text(), scope);
  if (binding == nullptr || binding->value.is_null() || binding->scope == nullptr)
    return std::nullopt;
  return batch_created_by(binding->value, *binding->scope,
                          binding->scope->id + ":" + std::string(receiver.text()) + "@" +
                              std::to_string(binding->position),
                          file);
}

}  // namespace slotlint::javascript
