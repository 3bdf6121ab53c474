#include "frontends/python/scopes.h"

#include <algorithm>
#include <ranges>
#include <utility>

namespace slotlint::python {

const std::vector<Binding>* Scope::find(std::string_view name) const {
  auto it = names.find(name);
  return it == names.end() ? nullptr : &it->second;
}

Scope& ScopeTree::open_scope(Scope::Kind kind, ts::Node node, Scope& parent) {
  auto scope = std::make_unique<Scope>();
  scope->kind = kind;
  scope->parent = &parent;
  scope->enclosing_class = parent.kind == Scope::Kind::Class ? &parent : parent.enclosing_class;
  scope->node = node;
  scope->id = id_prefix_ + "s" + std::to_string(node.begin());
  by_definition_[node.begin()] = scope.get();
  scopes_.push_back(std::move(scope));
  return *scopes_.back();
}

const Scope* ScopeTree::scope_of(ts::Node definition) const {
  auto it = by_definition_.find(definition.begin());
  return it == by_definition_.end() ? nullptr : it->second;
}

std::vector<const Scope*> ScopeTree::lineage(const Scope& cls) const {
  constexpr std::size_t kMaxClasses = 16;
  std::vector<const Scope*> order;
  std::vector<const Scope*> pending{&cls};
  while (!pending.empty() && order.size() < kMaxClasses) {
    const Scope* current = pending.front();
    pending.erase(pending.begin());
    if (std::ranges::find(order, current) != order.end()) continue;
    order.push_back(current);
    for (const auto& name : current->bases) {
      const auto* bindings = module().find(name);
      if (bindings == nullptr || bindings->size() != 1) continue;
      if (const Scope* base = scope_of(bindings->front().value)) pending.push_back(base);
    }
  }
  return order;
}

void ScopeTree::bind_target(ts::Node target, Binding binding, Scope& scope) {
  auto type = target.type();
  if (type == "identifier") {
    scope.names[std::string(target.text())].push_back(binding);
  } else if (type == "attribute") {
    auto object = target.field("object");
    auto* cls = const_cast<Scope*>(scope.enclosing_class);
    // self.x = ..., and the class attribute set from a method: cls.x = ...
    // (a classmethod's cls, or `cls = self.__class__`), self.__class__.x = ...
    bool on_self = object.type() == "identifier" && (object.text() == "self" || object.text() == "cls");
    bool on_class = object.text() == "self.__class__" || object.text() == "type(self)";
    if (cls != nullptr && scope.kind == Scope::Kind::Function && (on_self || on_class)) {
      cls->self_attributes[std::string(target.field("attribute").text())].push_back(binding);
    }
  } else if (type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" ||
             type == "tuple" || type == "list") {
    // a, b = ...: each name gets a value we do not track.
    binding.kind = Binding::Kind::Other;
    for (std::uint32_t i = 0; i < target.named_child_count(); ++i) {
      bind_target(target.named_child(i), binding, scope);
    }
  }
}

void ScopeTree::bind_import(ts::Node statement, Scope& scope) {
  auto bind = [&](std::string name, int level, std::string module, std::string imported) {
    Binding binding{Binding::Kind::Import, statement.begin(), {}, {}, &scope};
    binding.import_level = level;
    binding.import_module = std::move(module);
    binding.import_name = std::move(imported);
    scope.names[std::move(name)].push_back(std::move(binding));
  };
  if (statement.type() == "import_statement") {
    // import keys / import app.keys as k (a bare `import app.keys` binds
    // `app`, whose attributes we do not follow).
    for (std::uint32_t i = 0; i < statement.named_child_count(); ++i) {
      auto item = statement.named_child(i);
      if (item.type() == "aliased_import") {
        bind(std::string(item.field("alias").text()), 0, std::string(item.field("name").text()),
             "");
      } else if (item.type() == "dotted_name" && item.text().find('.') == std::string_view::npos) {
        bind(std::string(item.text()), 0, std::string(item.text()), "");
      }
    }
    return;
  }
  // from [.]*module import name [as alias], ...
  auto module_node = statement.field("module_name");
  int level = 0;
  std::string module;
  if (module_node.type() == "relative_import") {
    for (std::uint32_t i = 0; i < module_node.named_child_count(); ++i) {
      auto part = module_node.named_child(i);
      if (part.type() == "import_prefix") level = static_cast<int>(part.text().size());
      if (part.type() == "dotted_name") module = std::string(part.text());
    }
  } else {
    module = std::string(module_node.text());
  }
  for (std::uint32_t i = 0; i < statement.named_child_count(); ++i) {
    auto item = statement.named_child(i);
    if (item == module_node) continue;
    if (item.type() == "aliased_import") {
      bind(std::string(item.field("alias").text()), level, module,
           std::string(item.field("name").text()));
    } else if (item.type() == "dotted_name") {
      bind(std::string(item.text()), level, module, std::string(item.text()));
    }
  }
}

void ScopeTree::bind_parameters(ts::Node parameters, Scope& function) {
  for (std::uint32_t i = 0; i < parameters.named_child_count(); ++i) {
    auto param = parameters.named_child(i);
    Binding binding{Binding::Kind::Parameter, param.begin(), {}, {}, &function};
    ts::Node name = param;
    auto type = param.type();
    if (type == "typed_parameter") {
      name = param.named_child(0);
      binding.annotation = std::string(param.field("type").text());
    } else if (type == "default_parameter" || type == "typed_default_parameter") {
      name = param.field("name");
      if (auto annotation = param.field("type"); !annotation.is_null()) {
        binding.annotation = std::string(annotation.text());
      }
    } else if (type == "list_splat_pattern" || type == "dictionary_splat_pattern") {
      name = param.named_child(0);
    }
    if (!name.is_null() && name.type() == "identifier") {
      function.names[std::string(name.text())].push_back(binding);
    }
  }
}

void ScopeTree::visit_all(ts::Node root, const std::function<bool(std::string_view)>& wanted) {
  auto module = std::make_unique<Scope>();
  module->node = root;
  module->id = id_prefix_ + "m";
  scopes_.push_back(std::move(module));

  // Iterative walk: deeply nested input must not exhaust the stack.
  std::vector<std::pair<ts::Node, Scope*>> stack{{root, scopes_.front().get()}};
  while (!stack.empty()) {
    auto [node, scope] = stack.back();
    stack.pop_back();
    auto type = node.type();
    Scope* inner = scope;

    if (node.is_error() || node.is_missing()) {
      if (error_nodes_++ == 0) first_error_offset_ = node.begin();
    }
    if (type == "function_definition") {
      auto name = node.field("name");
      if (!name.is_null()) {
        scope->names[std::string(name.text())].push_back(
            {Binding::Kind::Function, node.begin(), node, {}, scope});
      }
      inner = &open_scope(Scope::Kind::Function, node, *scope);
      if (auto params = node.field("parameters"); !params.is_null())
        bind_parameters(params, *inner);
    } else if (type == "class_definition") {
      auto name = node.field("name");
      if (!name.is_null()) {
        scope->names[std::string(name.text())].push_back(
            {Binding::Kind::Other, node.begin(), node, {}, scope});
      }
      inner = &open_scope(Scope::Kind::Class, node, *scope);
      auto superclasses = node.field("superclasses");
      for (std::uint32_t i = 0; i < superclasses.named_child_count(); ++i) {
        auto base = superclasses.named_child(i);
        if (base.type() == "identifier" || base.type() == "attribute")
          inner->bases.emplace_back(base.text());
      }
    } else if (type == "assignment") {
      auto right = node.field("right");
      Binding binding{right.is_null() ? Binding::Kind::Other : Binding::Kind::Assign,
                      node.begin(),
                      right,
                      {},
                      scope};
      if (right.type() == "assignment") binding.kind = Binding::Kind::Other;  // a = b = ...
      bind_target(node.field("left"), binding, *scope);
    } else if (type == "augmented_assignment") {
      bind_target(node.field("left"), {Binding::Kind::Other, node.begin(), {}, {}, scope}, *scope);
    } else if (type == "named_expression") {
      bind_target(node.field("name"),
                  {Binding::Kind::Assign, node.begin(), node.field("value"), {}, scope}, *scope);
    } else if (type == "for_statement") {
      bind_target(node.field("left"), {Binding::Kind::LoopTarget, node.begin(), {}, {}, scope},
                  *scope);
    } else if (type == "as_pattern" && node.parent().type() == "with_item") {
      auto alias = node.field("alias");
      if (!alias.is_null() && alias.named_child_count() > 0) {
        bind_target(alias.named_child(0),
                    {Binding::Kind::WithTarget, node.begin(), node.named_child(0), {}, scope},
                    *scope);
      }
    } else if (type == "import_statement" || type == "import_from_statement") {
      bind_import(node, *scope);
    } else if (type == "identifier") {
      ++scope->identifier_counts[std::string(node.text())];
    } else if (type == "call") {
      auto function = node.field("function");
      if (function.type() == "attribute" && wanted(function.field("attribute").text())) {
        calls_.push_back({node, scope});
      } else if (function.type() == "identifier" || function.type() == "attribute") {
        other_calls_.push_back({node, scope});
      }
    }
    auto children = node.children();
    for (auto child : std::views::reverse(children)) {
      if (child.is_named() || child.is_missing()) stack.emplace_back(child, inner);
    }
  }
}

}  // namespace slotlint::python
