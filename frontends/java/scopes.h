// Java scopes: the file's package and imports, every class (nested ones too)
// with its fields and methods, and the parameters and locals of each method,
// constructor, lambda and initializer, collected in one pass, plus the method
// calls that may reach Redis.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/tree_sitter.h"

namespace slotlint::java {

struct Scope;

struct Binding {
  enum class Kind : std::uint8_t { Field, Local, Parameter, Assignment, Added };
  Kind kind = Kind::Local;
  std::uint32_t position = 0;    // where the name gets this value
  ts::Node value;                // the initializer or assigned expression (Added: the add/put call)
  const Scope* scope = nullptr;  // where `value` is evaluated
  std::string type{};            // declared type, generics and package stripped (`List`)
  std::string full_type{};       // as written (`List<String>`)
  // Locals are visible from `position` to the end of their block.
  std::uint32_t visible_until = UINT32_MAX;
  bool is_static = false;
};

struct Scope {
  enum class Kind : std::uint8_t { Class, Function };
  Kind kind = Kind::Function;
  const Scope* parent = nullptr;
  ts::Node node;
  std::string id;
  std::string class_name;  // Class: its simple name
  std::map<std::string, std::vector<Binding>, std::less<>> names;
  // Class: its methods (and constructors, named after the class) by name.
  std::map<std::string, std::vector<ts::Node>, std::less<>> methods;
  [[nodiscard]] const std::vector<Binding>* find(std::string_view name) const;
  [[nodiscard]] const Scope* enclosing_class() const;
};

struct Call {
  ts::Node call;  // method_invocation (or object_creation_expression: constructions())
  const Scope* scope = nullptr;
};

class ScopeTree {
 public:
  // `id_prefix` keeps hole symbols of another class's file apart from the file's.
  static ScopeTree build(const ts::Tree& tree, std::string id_prefix = {});

  [[nodiscard]] const std::vector<Call>& calls() const { return calls_; }
  // Every `new X(...)` and method call: where a client may be constructed.
  [[nodiscard]] const std::vector<Call>& constructions() const { return constructions_; }
  [[nodiscard]] const Scope* scope_of(ts::Node node) const;
  // The innermost scope around a byte offset.
  [[nodiscard]] const Scope* scope_at(std::uint32_t offset) const;
  [[nodiscard]] const Scope* find_class(std::string_view simple_name) const;
  [[nodiscard]] const std::string& package_name() const { return package_; }
  // `import a.b.C;` by simple name ("C" -> "a.b.C").
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& imports() const {
    return imports_;
  }
  [[nodiscard]] const std::vector<std::string>& wildcard_imports() const { return wildcards_; }
  // `import static a.b.C.NAME;` by member name ("NAME" -> "a.b.C"), and the
  // classes of `import static a.b.C.*;`.
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& static_imports() const {
    return static_imports_;
  }
  [[nodiscard]] const std::vector<std::string>& static_wildcards() const {
    return static_wildcards_;
  }
  // Whether any import (plain or static) starts with `prefix`.
  [[nodiscard]] bool imports_under(std::string_view prefix) const;
  [[nodiscard]] std::size_t error_nodes() const { return error_nodes_; }
  [[nodiscard]] std::uint32_t first_error_offset() const { return first_error_offset_; }

 private:
  void visit(ts::Node root);
  Scope& open_scope(ts::Node node, Scope& parent, Scope::Kind kind);
  void bind_parameters(ts::Node parameters, Scope& scope);
  void read_import(ts::Node declaration);

  std::string id_prefix_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<Call> calls_;
  std::vector<Call> constructions_;
  std::map<std::uint32_t, const Scope*> by_node_;
  std::map<std::string, const Scope*, std::less<>> classes_;
  std::string package_;
  std::map<std::string, std::string, std::less<>> imports_;
  std::vector<std::string> wildcards_;
  std::map<std::string, std::string, std::less<>> static_imports_;
  std::vector<std::string> static_wildcards_;
  std::size_t error_nodes_ = 0;
  std::uint32_t first_error_offset_ = 0;
};

// Strips parentheses and casts.
ts::Node unwrap(ts::Node expr);

// A call's (or object creation's) arguments, without comments.
std::vector<ts::Node> arguments_of(ts::Node call);

// `Map<String, List<Long>>` -> "Map", `redis.clients.jedis.Jedis` -> "Jedis",
// `String[]` -> "String[]".
std::string simple_type(std::string_view written);

// A node a statement can declare its locals in (their visibility ends there).
bool is_block_node(std::string_view type);

bool is_function_node(std::string_view type);

// Java's naming says a class or a constant (`Keys`, `BitOP.AND`); false for
// "" (a node error recovery left empty).
bool starts_with_upper(std::string_view name);

// The method, constructor, lambda or initializer around a node.
ts::Node enclosing_function(ts::Node node);

// The calls `receiver.x(...)` in `function` (not in functions nested in it),
// in source order: what a receiver does before and after one of its calls
// (multi() ... exec(), watch() then multi()).
std::vector<ts::Node> calls_on(ts::Node function, std::string_view receiver);

}  // namespace slotlint::java
