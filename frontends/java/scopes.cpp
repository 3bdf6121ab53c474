#include "frontends/java/scopes.h"

#include <algorithm>
#include <cctype>
#include <ranges>
#include <utility>

namespace slotlint::java {
namespace {

bool is_class_node(std::string_view type) {
  return type == "class_declaration" || type == "interface_declaration" ||
         type == "enum_declaration" || type == "record_declaration" ||
         type == "annotation_type_declaration";
}

bool has_modifier(ts::Node declaration, std::string_view modifier) {
  for (std::uint32_t i = 0; i < declaration.named_child_count(); ++i) {
    auto child = declaration.named_child(i);
    if (child.type() != "modifiers") continue;
    for (std::uint32_t j = 0; j < child.child_count(); ++j) {
      if (child.child(j).text() == modifier) return true;
    }
  }
  return false;
}

// Calls that build a collection element by element (`add`, `put`), or a
// StringBuilder piece by piece (`append`).
bool adds_elements(std::string_view method) {
  return method == "add" || method == "addAll" || method == "put" || method == "putAll" ||
         method == "offer" || method == "push" || method == "append";
}

}  // namespace

ts::Node unwrap(ts::Node expr) {
  for (int depth = 0; depth < 32; ++depth) {
    auto type = expr.type();
    if (type == "parenthesized_expression") {
      expr = expr.named_child(0);
    } else if (type == "cast_expression") {
      expr = expr.field("value");
    } else {
      return expr;
    }
  }
  return expr;
}

std::vector<ts::Node> arguments_of(ts::Node call) {
  std::vector<ts::Node> args;
  auto list = call.field("arguments");
  for (std::uint32_t i = 0; i < list.named_child_count(); ++i) {
    auto arg = list.named_child(i);
    if (arg.type() != "line_comment" && arg.type() != "block_comment") args.push_back(arg);
  }
  return args;
}

std::string simple_type(std::string_view written) {
  std::string out;
  int depth = 0;
  for (char c : written) {
    if (c == '<') ++depth;
    if (depth == 0 && c != ' ' && c != '\n' && c != '\t') out += c;
    if (c == '>') --depth;
  }
  // Annotations on the type (`@NonNull String`) and the package.
  if (auto space = out.rfind('@'); space != std::string::npos) out.clear();
  auto dot = out.rfind('.');
  if (dot != std::string::npos && out.find("...") == std::string::npos) out = out.substr(dot + 1);
  return out;
}

bool starts_with_upper(std::string_view name) {
  return !name.empty() && std::isupper(static_cast<unsigned char>(name.front())) != 0;
}

bool is_function_node(std::string_view type) {
  return type == "method_declaration" || type == "constructor_declaration" ||
         type == "lambda_expression" || type == "static_initializer" ||
         type == "compact_constructor_declaration";
}

ts::Node enclosing_function(ts::Node node) {
  return node.nearest_ancestor([](ts::Node n) { return is_function_node(n.type()); });
}

std::vector<ts::Node> calls_on(ts::Node function, std::string_view receiver) {
  std::vector<ts::Node> calls;
  std::vector<ts::Node> stack{function};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == "method_invocation" && unwrap(current.field("object")).text() == receiver)
      calls.push_back(current);
    if (current != function && is_function_node(current.type())) continue;
    for (auto child : current.named_children()) stack.push_back(child);
  }
  std::ranges::sort(calls, {}, [](ts::Node call) { return call.begin(); });
  return calls;
}

bool is_block_node(std::string_view type) {
  return type == "block" || type == "constructor_body" || type == "switch_block_statement_group" ||
         type == "for_statement" || type == "enhanced_for_statement" ||
         type == "try_with_resources_statement" || type == "catch_clause" ||
         is_function_node(type) || type == "class_body";
}

const std::vector<Binding>* Scope::find(std::string_view name) const {
  auto it = names.find(name);
  return it == names.end() ? nullptr : &it->second;
}

const Scope* Scope::enclosing_class() const {
  const Scope* scope = this;
  while (scope != nullptr && scope->kind != Kind::Class) scope = scope->parent;
  return scope;
}

Scope& ScopeTree::open_scope(ts::Node node, Scope& parent, Scope::Kind kind) {
  auto scope = std::make_unique<Scope>();
  scope->kind = kind;
  scope->parent = &parent;
  scope->node = node;
  scope->id = id_prefix_ + "s" + std::to_string(scopes_.size());
  by_node_[node.begin()] = scope.get();
  scopes_.push_back(std::move(scope));
  return *scopes_.back();
}

void ScopeTree::bind_parameters(ts::Node parameters, Scope& scope) {
  if (parameters.type() == "identifier") {  // x -> ...
    scope.names[std::string(parameters.text())].push_back(
        {Binding::Kind::Parameter, parameters.begin(), {}, &scope, {}, {}});
    return;
  }
  for (std::uint32_t i = 0; i < parameters.named_child_count(); ++i) {
    auto parameter = parameters.named_child(i);
    auto type = parameter.type();
    if (type == "identifier") {  // (a, b) -> ...
      scope.names[std::string(parameter.text())].push_back(
          {Binding::Kind::Parameter, parameter.begin(), {}, &scope, {}, {}});
    } else if (type == "formal_parameter") {
      auto written = parameter.field("type").text();
      scope.names[std::string(parameter.field("name").text())].push_back({Binding::Kind::Parameter,
                                                                          parameter.begin(),
                                                                          {},
                                                                          &scope,
                                                                          simple_type(written),
                                                                          std::string(written)});
    } else if (type == "spread_parameter") {
      // String... keys: an array inside the method.
      std::string written;
      ts::Node name;
      for (std::uint32_t j = 0; j < parameter.named_child_count(); ++j) {
        auto child = parameter.named_child(j);
        if (child.type() == "variable_declarator") {
          name = child.field("name");
        } else if (child.type() != "modifiers") {
          written = std::string(child.text());
        }
      }
      if (!name.is_null()) {
        scope.names[std::string(name.text())].push_back({Binding::Kind::Parameter,
                                                         parameter.begin(),
                                                         {},
                                                         &scope,
                                                         simple_type(written) + "[]",
                                                         written + "[]"});
      }
    }
  }
}

void ScopeTree::read_import(ts::Node declaration) {
  bool is_static = false;
  bool wildcard = false;
  std::string path;
  for (std::uint32_t i = 0; i < declaration.child_count(); ++i) {
    auto child = declaration.child(i);
    if (child.text() == "static") is_static = true;
    if (child.type() == "asterisk") wildcard = true;
    if (child.type() == "scoped_identifier" || child.type() == "identifier")
      path = std::string(child.text());
  }
  if (path.empty()) return;
  if (wildcard) {
    (is_static ? static_wildcards_ : wildcards_).push_back(path);
    return;
  }
  auto dot = path.rfind('.');
  std::string last = dot == std::string::npos ? path : path.substr(dot + 1);
  if (is_static) {
    static_imports_[last] = dot == std::string::npos ? path : path.substr(0, dot);
  } else {
    imports_[last] = path;
  }
}

bool ScopeTree::imports_under(std::string_view prefix) const {
  auto under = [&](std::string_view path) { return path.starts_with(prefix); };
  return std::ranges::any_of(imports_, [&](const auto& i) { return under(i.second); }) ||
         std::ranges::any_of(wildcards_, under) ||
         std::ranges::any_of(static_imports_, [&](const auto& i) { return under(i.second); }) ||
         std::ranges::any_of(static_wildcards_, under);
}

const Scope* ScopeTree::scope_of(ts::Node node) const {
  auto it = by_node_.find(node.begin());
  return it == by_node_.end() || it->second->node != node ? nullptr : it->second;
}

const Scope* ScopeTree::scope_at(std::uint32_t offset) const {
  const Scope* best = scopes_.front().get();
  for (const auto& scope : scopes_) {
    if (scope->node.begin() <= offset && offset < scope->node.end() &&
        scope->node.end() - scope->node.begin() <= best->node.end() - best->node.begin()) {
      best = scope.get();
    }
  }
  return best;
}

const Scope* ScopeTree::find_class(std::string_view simple_name) const {
  auto it = classes_.find(simple_name);
  return it == classes_.end() ? nullptr : it->second;
}

ScopeTree ScopeTree::build(const ts::Tree& tree, std::string id_prefix) {
  ScopeTree scopes;
  scopes.id_prefix_ = std::move(id_prefix);
  auto file = std::make_unique<Scope>();
  file->kind = Scope::Kind::Class;
  file->node = tree.root();
  file->id = scopes.id_prefix_ + "s0";
  scopes.by_node_[tree.root().begin()] = file.get();
  scopes.scopes_.push_back(std::move(file));
  scopes.visit(tree.root());
  return scopes;
}

void ScopeTree::visit(ts::Node root) {
  struct Pending {
    std::string name;
    Binding binding;
    Scope* at;        // where it happens; attached to the scope that declares the name
    bool field_only;  // `this.x = ...`
  };
  std::vector<Pending> pending;
  // Each node's parent and enclosing block come down with it: asking
  // tree-sitter for them walks down from the root, which nested blocks make
  // quadratic.
  struct Visit {
    ts::Node node;
    Scope* scope;
    ts::Node parent;
    ts::Node block;
  };
  std::vector<Visit> stack{{root, scopes_.front().get(), {}, {}}};
  while (!stack.empty()) {
    auto [node, scope, parent, block] = stack.back();
    stack.pop_back();
    auto type = node.type();
    Scope* inner = scope;
    if (node.is_error() || node.is_missing()) {
      if (error_nodes_++ == 0) first_error_offset_ = node.begin();
    }
    if (type == "package_declaration") {
      for (std::uint32_t i = 0; i < node.named_child_count(); ++i) {
        auto child = node.named_child(i);
        if (child.type() == "scoped_identifier" || child.type() == "identifier")
          package_ = std::string(child.text());
      }
      continue;
    }
    if (type == "import_declaration") {
      read_import(node);
      continue;
    }
    if (is_class_node(type)) {
      inner = &open_scope(node, *scope, Scope::Kind::Class);
      inner->class_name = std::string(node.field("name").text());
      classes_.try_emplace(inner->class_name, inner);
    } else if (type == "class_body" && parent.type() == "object_creation_expression") {
      inner = &open_scope(node, *scope, Scope::Kind::Class);  // an anonymous class
    } else if (type == "field_declaration" || type == "constant_declaration") {
      bool is_static = has_modifier(node, "static") || type == "constant_declaration" ||
                       parent.type() == "interface_body";
      auto written = node.field("type").text();
      for (std::uint32_t i = 0; i < node.named_child_count(); ++i) {
        auto declarator = node.named_child(i);
        if (declarator.type() != "variable_declarator") continue;
        Binding binding{Binding::Kind::Field, declarator.begin(),  declarator.field("value"), scope,
                        simple_type(written), std::string(written)};
        binding.is_static = is_static;
        scope->names[std::string(declarator.field("name").text())].push_back(std::move(binding));
      }
    } else if (type == "method_declaration" || type == "constructor_declaration" ||
               type == "compact_constructor_declaration") {
      auto name =
          type == "method_declaration" ? std::string(node.field("name").text()) : scope->class_name;
      scope->methods[name].push_back(node);
      inner = &open_scope(node, *scope, Scope::Kind::Function);
      bind_parameters(node.field("parameters"), *inner);
    } else if (type == "lambda_expression") {
      inner = &open_scope(node, *scope, Scope::Kind::Function);
      bind_parameters(node.field("parameters"), *inner);
    } else if (type == "static_initializer" || (type == "block" && parent.type() == "class_body")) {
      inner = &open_scope(node, *scope, Scope::Kind::Function);
    } else if (type == "local_variable_declaration") {
      auto written = node.field("type").text();
      for (std::uint32_t i = 0; i < node.named_child_count(); ++i) {
        auto declarator = node.named_child(i);
        if (declarator.type() != "variable_declarator") continue;
        Binding binding{Binding::Kind::Local, declarator.end(),    declarator.field("value"), scope,
                        simple_type(written), std::string(written)};
        binding.visible_until = block.end();
        scope->names[std::string(declarator.field("name").text())].push_back(std::move(binding));
      }
    } else if (type == "resource" && !node.field("name").is_null()) {
      auto written = node.field("type").text();
      Binding binding{Binding::Kind::Local, node.end(),          node.field("value"), scope,
                      simple_type(written), std::string(written)};
      binding.visible_until = node.parent().parent().end();
      scope->names[std::string(node.field("name").text())].push_back(std::move(binding));
    } else if (type == "enhanced_for_statement" || type == "catch_formal_parameter") {
      auto written =
          type == "catch_formal_parameter" ? std::string_view{} : node.field("type").text();
      Binding binding{Binding::Kind::Local, node.begin(),        {}, scope,
                      simple_type(written), std::string(written)};
      binding.visible_until = (type == "catch_formal_parameter" ? parent : node).end();
      scope->names[std::string(node.field("name").text())].push_back(std::move(binding));
    } else if (type == "assignment_expression") {
      auto left = node.field("left");
      bool plain = node.field("operator").text() == "=";
      Binding binding{Binding::Kind::Assignment,
                      node.end(),
                      plain ? node.field("right") : ts::Node{},
                      scope,
                      {},
                      {}};
      if (left.type() == "identifier") {
        pending.push_back({std::string(left.text()), std::move(binding), scope, false});
      } else if (left.type() == "field_access" && left.field("object").type() == "this") {
        pending.push_back(
            {std::string(left.field("field").text()), std::move(binding), scope, true});
      }
    } else if (type == "object_creation_expression") {
      constructions_.push_back({node, scope});
    } else if (type == "method_invocation") {
      calls_.push_back({node, scope});
      constructions_.push_back({node, scope});
      auto object = unwrap(node.field("object"));
      if (object.type() == "identifier" && adds_elements(node.field("name").text())) {
        pending.push_back({std::string(object.text()),
                           Binding{Binding::Kind::Added, node.begin(), node, scope, {}, {}}, scope,
                           false});
      }
    }
    auto inner_block = is_block_node(type) ? node : block;
    auto children = node.named_children();
    for (auto child : std::views::reverse(children))
      stack.push_back({child, inner, node, inner_block});
  }
  // Assignments and additions belong to the scope that declares the name.
  std::map<const Scope*, Scope*> writable;
  for (const auto& owned : scopes_) writable[owned.get()] = owned.get();
  for (auto& item : pending) {
    for (Scope* s = item.at; s != nullptr; s = writable[s->parent]) {
      if (item.field_only && s->kind != Scope::Kind::Class) continue;
      auto it = s->names.find(item.name);
      if (it == s->names.end()) continue;
      it->second.push_back(std::move(item.binding));
      break;
    }
  }
}

}  // namespace slotlint::java
