#include "frontends/go/scopes.h"

#include <cctype>
#include <ranges>
#include <utility>

namespace slotlint::golang {
namespace {

std::string unquote(std::string_view literal) {
  if (literal.size() >= 2) literal = literal.substr(1, literal.size() - 2);
  return std::string(literal);
}

}  // namespace

ts::Node unwrap(ts::Node expr) {
  for (int depth = 0; depth < 32; ++depth) {
    auto type = expr.type();
    if (type == "parenthesized_expression") {
      expr = expr.named_child(0);
    } else if (type == "unary_expression" &&
               (expr.field("operator").text() == "&" || expr.field("operator").text() == "*")) {
      expr = expr.field("operand");
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
    if (arg.type() != "comment") args.push_back(arg);
  }
  return args;
}

const std::vector<Binding>* Scope::find(std::string_view name) const {
  auto it = names.find(name);
  return it == names.end() ? nullptr : &it->second;
}

Scope& ScopeTree::open_scope(ts::Node node, Scope& parent) {
  auto scope = std::make_unique<Scope>();
  scope->kind = Scope::Kind::Function;
  scope->parent = &parent;
  scope->node = node;
  scope->id = id_prefix_ + "s" + std::to_string(scopes_.size());
  by_node_[node.begin()] = scope.get();
  scopes_.push_back(std::move(scope));
  return *scopes_.back();
}

void ScopeTree::bind_parameters(ts::Node parameters, Scope& scope) {
  for (std::uint32_t i = 0; i < parameters.named_child_count(); ++i) {
    auto declaration = parameters.named_child(i);
    if (declaration.type() != "parameter_declaration" &&
        declaration.type() != "variadic_parameter_declaration") {
      continue;
    }
    std::string type(declaration.field("type").text());
    for (std::uint32_t j = 0; j < declaration.named_child_count(); ++j) {
      auto name = declaration.named_child(j);
      if (name.type() != "identifier") continue;
      scope.names[std::string(name.text())].push_back(
          {Binding::Kind::Parameter, declaration.begin(), {}, &scope, type});
    }
  }
}

ScopeTree ScopeTree::build(const ts::Tree& tree, std::string id_prefix) {
  ScopeTree scopes;
  scopes.id_prefix_ = std::move(id_prefix);
  auto package = std::make_unique<Scope>();
  package->node = tree.root();
  package->id = scopes.id_prefix_ + "s0";
  scopes.by_node_[tree.root().begin()] = package.get();
  scopes.scopes_.push_back(std::move(package));
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
    if (type == "function_declaration" || type == "method_declaration" || type == "func_literal") {
      auto name = node.field("name");
      if (!name.is_null() && type == "function_declaration") {
        scope->names[std::string(name.text())].push_back(
            {Binding::Kind::Function, node.begin(), node, scope});
      }
      inner = &open_scope(node, *scope);
      if (type == "method_declaration") bind_parameters(node.field("receiver"), *inner);
      bind_parameters(node.field("parameters"), *inner);
    } else if (type == "comment" && node.text().starts_with("//go:embed ")) {
      pending_embed_ = std::string(node.text().substr(11));
      while (!pending_embed_.empty() &&
             std::isspace(static_cast<unsigned char>(pending_embed_.back())))
        pending_embed_.pop_back();
    } else if (type == "const_spec" || type == "var_spec") {
      auto values = node.field("value");
      std::string declared(node.field("type").text());
      std::uint32_t index = 0;
      for (std::uint32_t i = 0; i < node.named_child_count(); ++i) {
        auto name = node.named_child(i);
        if (name.type() != "identifier" || name == node.field("type")) continue;
        // const ( A = "x" ) binds in order; `var a, b = f()` gives b nothing we read.
        Binding binding{type == "const_spec" ? Binding::Kind::Const : Binding::Kind::Var,
                        node.begin(), values.named_child(index++), scope, declared};
        binding.embed = std::exchange(pending_embed_, {});
        scope->names[std::string(name.text())].push_back(std::move(binding));
      }
    } else if (type == "short_var_declaration" || type == "assignment_statement") {
      auto left = node.field("left");
      auto right = node.field("right");
      bool declares = type == "short_var_declaration";
      for (std::uint32_t i = 0; i < left.named_child_count(); ++i) {
        auto name = left.named_child(i);
        if (name.type() != "identifier" || name.text() == "_") continue;
        // client, err := rueidis.NewClient(...): the first name takes the call's
        // first result, which is what the call builds.
        ts::Node value;
        if (right.named_child_count() == left.named_child_count()) {
          value = right.named_child(i);
        } else if (i == 0 && right.named_child_count() == 1) {
          value = right.named_child(0);
        }
        Binding binding{Binding::Kind::Var, node.begin(), value, scope};
        auto assigned = unwrap(binding.value);
        binding.appended =
            assigned.type() == "call_expression" && assigned.field("function").text() == "append";
        if (declares) {
          scope->names[std::string(name.text())].push_back(std::move(binding));
          continue;
        }
        // A later assignment: the name now has several values.
        for (Scope* s = scope; s != nullptr; s = const_cast<Scope*>(s->parent)) {
          if (auto it = s->names.find(name.text()); it != s->names.end()) {
            it->second.push_back(std::move(binding));
            break;
          }
        }
      }
    } else if (type == "range_clause") {
      auto left = node.field("left");
      for (std::uint32_t i = 0; i < left.named_child_count(); ++i) {
        auto name = left.named_child(i);
        if (name.type() == "identifier")
          scope->names[std::string(name.text())].push_back(
              {Binding::Kind::Other, node.begin(), {}, scope});
      }
    } else if (type == "import_spec") {
      std::string path = unquote(node.field("path").text());
      auto alias = node.field("name");
      std::string name;
      if (!alias.is_null()) {
        name = alias.text();
      } else {
        auto slash = path.rfind('/');
        name = path.substr(slash == std::string::npos ? 0 : slash + 1);
        // ".../go-redis/v9" is package redis; a version suffix is not the name.
        if (name.size() >= 2 && name[0] == 'v' &&
            name.find_first_not_of("0123456789", 1) == std::string::npos &&
            slash != std::string::npos) {
          auto before = path.substr(0, slash);
          auto prior = before.rfind('/');
          name = before.substr(prior == std::string::npos ? 0 : prior + 1);
        }
        if (name.starts_with("go-")) name = name.substr(3);
      }
      imports_[name] = path;
    } else if (type == "type_spec" && node.field("type").type() == "interface_type") {
      interfaces_[std::string(node.field("name").text())] = node.field("type").text();
    } else if (type == "field_declaration") {
      std::string declared(node.field("type").text());
      for (std::uint32_t i = 0; i < node.named_child_count(); ++i) {
        auto name = node.named_child(i);
        if (name.type() == "field_identifier") field_types_[std::string(name.text())] = declared;
      }
    } else if (type == "call_expression") {
      calls_.push_back({node, scope});
    }
    auto children = node.children();
    for (auto child : std::views::reverse(children)) {
      if (child.is_named() || child.is_missing()) stack.emplace_back(child, inner);
    }
  }
}

const Scope* ScopeTree::scope_of(ts::Node function) const {
  auto it = by_node_.find(function.begin());
  return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace slotlint::golang
