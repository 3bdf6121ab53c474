#include "frontends/javascript/scopes.h"

#include <ranges>
#include <utility>

namespace slotlint::javascript {
namespace {

bool is_function(std::string_view type) {
  return type == "function_declaration" || type == "function_expression" ||
         type == "arrow_function" || type == "method_definition" ||
         type == "generator_function_declaration" || type == "generator_function" ||
         type == "function";
}

std::string_view string_content(ts::Node string) {
  auto text = string.text();
  if (text.size() >= 2) text = text.substr(1, text.size() - 2);
  return text;
}

// `require("m")`, also `require("m").Cluster`'s require part.
ts::Node require_call(ts::Node value) {
  value = unwrap(value);
  if (value.type() == "call_expression" && value.field("function").text() == "require")
    return value;
  return {};
}

}  // namespace

ts::Node unwrap(ts::Node expr) {
  for (int depth = 0; depth < 64; ++depth) {
    auto type = expr.type();
    if (type == "parenthesized_expression" || type == "await_expression" ||
        type == "non_null_expression" || type == "as_expression" ||
        type == "satisfies_expression" || type == "type_assertion") {
      // The expression is the first named child (`x as T`: x, then T).
      auto inner = type == "type_assertion" ? expr.named_child(1) : expr.named_child(0);
      if (inner.is_null()) return expr;
      expr = inner;
      continue;
    }
    return expr;
  }
  return expr;
}

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
  scope->id = id_prefix_ + "s" + std::to_string(scopes_.size());
  by_node_[node.begin()] = scope.get();
  scopes_.push_back(std::move(scope));
  return *scopes_.back();
}

void ScopeTree::bind_pattern(ts::Node pattern, Binding binding, Scope& scope) {
  auto type = pattern.type();
  if (type == "identifier" || type == "shorthand_property_identifier_pattern") {
    scope.names[std::string(pattern.text())].push_back(std::move(binding));
    return;
  }
  // Destructuring: each name gets a value we do not track, except names
  // taken from require("m"), which import "m"'s export of that name.
  auto required = require_call(binding.value);
  for (std::uint32_t i = 0; i < pattern.named_child_count(); ++i) {
    auto part = pattern.named_child(i);
    Binding inner = binding;
    inner.value = {};
    inner.kind = Binding::Kind::Other;
    ts::Node target = part;
    std::string_view property;
    if (part.type() == "shorthand_property_identifier_pattern") {
      property = part.text();
    } else if (part.type() == "pair_pattern") {
      property = part.field("key").text();
      target = part.field("value");
    } else if (part.type() == "object_assignment_pattern" || part.type() == "assignment_pattern") {
      target = part.field("left");
    } else if (part.type() == "rest_pattern") {
      target = part.named_child(0);
    }
    if (!required.is_null() && !property.empty()) {
      inner.kind = Binding::Kind::Import;
      inner.import_source = string_content(required.field("arguments").named_child(0));
      inner.import_name = property;
    }
    bind_pattern(target, std::move(inner), scope);
  }
}

void ScopeTree::bind_parameters(ts::Node function, Scope& scope) {
  auto single = function.field("parameter");  // x => ...
  if (!single.is_null()) {
    bind_pattern(single, {Binding::Kind::Parameter, function.begin(), {}, &scope}, scope);
    return;
  }
  auto parameters = function.field("parameters");
  for (std::uint32_t i = 0; i < parameters.named_child_count(); ++i) {
    auto parameter = parameters.named_child(i);
    Binding binding{Binding::Kind::Parameter, function.begin(), {}, &scope};
    auto pattern = parameter;
    auto type = parameter.type();
    if (type == "required_parameter" || type == "optional_parameter") {
      pattern = parameter.field("pattern");
      if (auto annotation = parameter.field("type"); !annotation.is_null())
        binding.annotation = annotation.text();
      // constructor(private redis: Redis): also a field of the class.
      bool property = false;
      for (std::uint32_t j = 0; j < parameter.named_child_count(); ++j) {
        auto modifier = parameter.named_child(j).type();
        property = property || modifier == "accessibility_modifier" || modifier == "readonly";
      }
      if (property && scope.enclosing_class != nullptr && pattern.type() == "identifier") {
        const_cast<Scope*>(scope.enclosing_class)
            ->fields[std::string(pattern.text())]
            .push_back(binding);
      }
    } else if (type == "assignment_pattern") {
      pattern = parameter.field("left");
    } else if (type == "rest_pattern") {
      pattern = parameter.named_child(0);
    }
    bind_pattern(pattern, std::move(binding), scope);
  }
}

void ScopeTree::bind_import(ts::Node statement, Scope& scope) {
  auto source = std::string(string_content(statement.field("source")));
  for (std::uint32_t i = 0; i < statement.named_child_count(); ++i) {
    auto clause = statement.named_child(i);
    if (clause.type() != "import_clause") continue;
    for (std::uint32_t j = 0; j < clause.named_child_count(); ++j) {
      auto part = clause.named_child(j);
      Binding binding{Binding::Kind::Import, statement.begin(), {}, &scope};
      binding.import_source = source;
      if (part.type() == "identifier") {
        binding.import_name = "default";
        scope.names[std::string(part.text())].push_back(binding);
      } else if (part.type() == "namespace_import") {
        binding.import_name = "*";
        scope.names[std::string(part.named_child(0).text())].push_back(binding);
      } else if (part.type() == "named_imports") {
        for (std::uint32_t k = 0; k < part.named_child_count(); ++k) {
          auto specifier = part.named_child(k);
          if (specifier.type() != "import_specifier") continue;
          auto name = specifier.field("name");
          auto alias = specifier.field("alias");
          binding.import_name = name.text();
          scope.names[std::string((alias.is_null() ? name : alias).text())].push_back(binding);
        }
      }
    }
  }
}

ScopeTree ScopeTree::build(const ts::Tree& tree, std::string id_prefix) {
  ScopeTree scopes;
  scopes.id_prefix_ = std::move(id_prefix);
  auto module = std::make_unique<Scope>();
  module->node = tree.root();
  module->id = scopes.id_prefix_ + "s0";
  scopes.by_node_[tree.root().begin()] = module.get();
  scopes.scopes_.push_back(std::move(module));
  scopes.visit(tree.root());
  return scopes;
}

void ScopeTree::visit(ts::Node root) {
  std::vector<std::pair<ts::Node, Scope*>> stack{{root, scopes_.front().get()}};
  while (!stack.empty()) {
    auto [node, scope] = stack.back();
    stack.pop_back();
    auto type = node.type();
    Scope* inner = scope;
    if (node.is_error() || node.is_missing()) {
      if (error_nodes_++ == 0) first_error_offset_ = node.begin();
    }
    if (is_function(type)) {
      auto name = node.field("name");
      if (!name.is_null() &&
          (type == "function_declaration" || type == "generator_function_declaration")) {
        scope->names[std::string(name.text())].push_back(
            {Binding::Kind::Function, node.begin(), node, scope});
      }
      inner = &open_scope(Scope::Kind::Function, node, *scope);
      bind_parameters(node, *inner);
    } else if (type == "class_declaration" || type == "class" ||
               type == "abstract_class_declaration") {
      auto name = node.field("name");
      if (!name.is_null()) {
        scope->names[std::string(name.text())].push_back(
            {Binding::Kind::Class, node.begin(), node, scope});
      }
      inner = &open_scope(Scope::Kind::Class, node, *scope);
    } else if (type == "field_definition" || type == "public_field_definition") {
      auto name = node.field(type == "field_definition" ? "property" : "name");
      auto value = node.field("value");
      if (scope->kind == Scope::Kind::Class && !name.is_null()) {
        Binding binding{Binding::Kind::Const, node.begin(), value, scope};
        if (auto annotation = node.field("type"); !annotation.is_null())
          binding.annotation = annotation.text();
        scope->fields[std::string(name.text())].push_back(std::move(binding));
      }
    } else if (type == "variable_declarator") {
      auto declaration = node.parent();
      bool constant = declaration.type() == "lexical_declaration" &&
                      declaration.field("kind").text() == "const";
      Binding binding{constant ? Binding::Kind::Const : Binding::Kind::Let, node.begin(),
                      node.field("value"), scope};
      if (auto annotation = node.field("type"); !annotation.is_null())
        binding.annotation = annotation.text();
      if (auto required = require_call(binding.value);
          !required.is_null() && node.field("name").type() == "identifier") {
        binding.kind = Binding::Kind::Import;
        binding.import_source = string_content(required.field("arguments").named_child(0));
        binding.import_name = "*";
      }
      bind_pattern(node.field("name"), std::move(binding), *scope);
    } else if (type == "import_statement") {
      bind_import(node, *scope);
    } else if (type == "type_alias_declaration") {
      // type Client = Redis | Cluster
      auto name = node.field("name");
      if (!name.is_null()) {
        scope->names[std::string(name.text())].push_back(
            {Binding::Kind::Type, node.begin(), node.field("value"), scope});
      }
    } else if (type == "assignment_expression") {
      auto left = node.field("left");
      Binding binding{Binding::Kind::Let, node.begin(), node.field("right"), scope};
      if (left.type() == "identifier") {
        // A later assignment: the name now has several values.
        for (Scope* s = scope; s != nullptr; s = const_cast<Scope*>(s->parent)) {
          if (auto it = s->names.find(left.text()); it != s->names.end()) {
            it->second.push_back(binding);
            break;
          }
        }
      } else if (left.type() == "member_expression" && scope->kind == Scope::Kind::Module &&
                 (left.field("object").text() == "exports" ||
                  left.field("object").text() == "module.exports")) {
        // CommonJS: exports.userKey = (id) => ... is the module's userKey.
        scope->names[std::string(left.field("property").text())].push_back(
            {Binding::Kind::Const, node.begin(), node.field("right"), scope});
      } else if (left.type() == "member_expression" && left.field("object").type() == "this" &&
                 scope->enclosing_class != nullptr) {
        auto* cls = const_cast<Scope*>(scope->enclosing_class);
        cls->fields[std::string(left.field("property").text())].push_back(binding);
      }
    } else if (type == "call_expression" && node.field("function").type() == "member_expression") {
      calls_.push_back({node, scope});
    }
    if (type == "new_expression" || type == "call_expression")
      constructions_.push_back({node, scope});
    auto children = node.children();
    for (auto child : std::views::reverse(children)) {
      if (child.is_named() || child.is_missing()) stack.emplace_back(child, inner);
    }
  }
}

const Scope* ScopeTree::scope_of(ts::Node definition) const {
  auto it = by_node_.find(definition.begin());
  return it == by_node_.end() ? nullptr : it->second;
}

const Scope& ScopeTree::scope_at(ts::Node node) const {
  auto scope_of_node = [&](ts::Node current) -> const Scope* {
    auto it = by_node_.find(current.begin());
    return it != by_node_.end() && it->second->node == current ? it->second : nullptr;
  };
  if (const auto* own = scope_of_node(node)) return *own;
  for (auto current : node.ancestors()) {
    if (const auto* scope = scope_of_node(current)) return *scope;
  }
  return module();
}

}  // namespace slotlint::javascript
