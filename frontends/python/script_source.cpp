#include "frontends/python/script_source.h"

#include <algorithm>

#include <fmt/format.h>

#include "frontends/lua/script_use.h"
#include "frontends/python/module_loader.h"

namespace slotlint::python {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxDepth = 8;

ts::Node first_argument(ts::Node call, std::string_view keyword) {
  auto arguments = call.field("arguments");
  for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
    auto arg = arguments.named_child(i);
    if (arg.type() == "keyword_argument") {
      if (arg.field("name").text() == keyword) return arg.field("value");
      continue;
    }
    if (arg.type() != "comment") return arg;
  }
  return {};
}

bool calls_one_of(ts::Node value, const std::vector<std::string>& methods) {
  while (value.type() == "await") value = value.named_child(0);
  if (value.type() != "call") return false;
  auto function = value.field("function");
  return function.type() == "attribute" &&
         std::ranges::find(methods, function.field("attribute").text()) != methods.end();
}

}  // namespace

const Binding* ScriptSources::assignment_of(ts::Node expr, const Scope& scope) const {
  auto single_assign = [](const std::vector<Binding>* bindings) -> const Binding* {
    if (bindings == nullptr || bindings->size() != 1) return nullptr;
    return bindings->front().kind == Binding::Kind::Assign ? &bindings->front() : nullptr;
  };
  if (expr.type() == "identifier") {
    for (const Scope* s = &scope; s != nullptr; s = s->parent) {
      if (s->kind == Scope::Kind::Class && s != &scope) continue;
      if (const auto* bindings = s->find(expr.text())) return single_assign(bindings);
    }
    return nullptr;
  }
  if (expr.type() != "attribute" || expr.field("object").text() != "self") return nullptr;
  const Scope* cls = scope.kind == Scope::Kind::Class ? &scope : scope.enclosing_class;
  if (cls == nullptr) return nullptr;
  auto field = expr.field("attribute").text();
  for (const Scope* owner : scopes_.lineage(*cls)) {
    if (auto it = owner->self_attributes.find(field); it != owner->self_attributes.end())
      return single_assign(&it->second);
    if (const auto* bindings = owner->find(field)) return single_assign(bindings);
  }
  return nullptr;
}

std::optional<RegisteredScript> ScriptSources::registered(ts::Node callee,
                                                          const Scope& scope) const {
  const auto* binding = assignment_of(callee, scope);
  if (binding == nullptr || !calls_one_of(binding->value, api_.script_factories))
    return std::nullopt;
  auto call = binding->value;
  while (call.type() == "await") call = call.named_child(0);
  auto function = call.field("function");
  return RegisteredScript{first_argument(call, "script"), function.field("object"),
                          function.field("attribute").text(), binding->scope, binding->position};
}

std::optional<ir::ScriptUse> ScriptSources::body_of(ts::Node expr, const Scope& scope,
                                                    std::uint32_t position, int depth) {
  if (expr.is_null() || depth > kMaxDepth || loader_ == nullptr) return std::nullopt;
  // sha = r.script_load(BODY); script = r.register_script(BODY); script.sha
  auto behind = [&](ts::Node name) -> std::optional<ir::ScriptUse> {
    const auto* binding = assignment_of(name, scope);
    if (binding == nullptr) return std::nullopt;
    auto call = binding->value;
    while (call.type() == "await") call = call.named_child(0);
    if (!calls_one_of(call, api_.script_loaders) && !calls_one_of(call, api_.script_factories))
      return std::nullopt;
    return body_of(first_argument(call, "script"), *binding->scope, binding->position, depth + 1);
  };
  if (expr.type() == "attribute" && expr.field("attribute").text() == "sha") {
    if (auto found = behind(expr.field("object"))) return found;
  }
  if (auto found = behind(expr)) return found;

  Value value = evaluator_.evaluate(expr, scope, position);
  std::string name;
  if (expr.type() == "identifier" || expr.type() == "attribute") name = expr.text();
  return lua::script_from_value(
      value, {std::move(name), expr.begin(), file_, analysis_, loader_->scripts()});
}

}  // namespace slotlint::python
