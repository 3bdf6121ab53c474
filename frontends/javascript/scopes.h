// JavaScript/TypeScript scopes: which names are bound where (const/let/var,
// functions, parameters, imports, classes, `this.x` fields), collected in one
// pass before any call is evaluated, plus the calls that may reach Redis.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/tree_sitter.h"

namespace slotlint::javascript {

struct Scope;

struct Binding {
  enum class Kind : std::uint8_t { Const, Let, Parameter, Function, Class, Import, Type, Other };
  Kind kind = Kind::Other;
  std::uint32_t position = 0;
  ts::Node value;  // Const/Let: the initialiser; Function/Class: the definition; Type: the type
  const Scope* scope = nullptr;  // where `value` is evaluated
  std::string annotation{};      // TypeScript type annotation text, if any
  // Import: `import X from "m"` (name "default"), `import {a as X}` ("a"),
  // `import * as X` ("*"), `const X = require("m")` ("*").
  std::string import_source{};
  std::string import_name{};
};

struct Scope {
  enum class Kind : std::uint8_t { Module, Function, Class };
  Kind kind = Kind::Module;
  const Scope* parent = nullptr;
  const Scope* enclosing_class = nullptr;  // methods: their class
  ts::Node node;
  std::string id;  // prefix of hole symbols, unique in the file
  std::map<std::string, std::vector<Binding>, std::less<>> names;
  // Class scopes: fields (`x = ...` in the body) and `this.x = ...` in methods.
  std::map<std::string, std::vector<Binding>, std::less<>> fields;

  [[nodiscard]] const std::vector<Binding>* find(std::string_view name) const;
};

struct Call {
  ts::Node call;  // call_expression with a member callee: `x.mget(...)`
  const Scope* scope = nullptr;
};

class ScopeTree {
 public:
  // `id_prefix` keeps hole symbols of an imported module apart from the
  // importer's (empty for the analysed file).
  static ScopeTree build(const ts::Tree& tree, std::string id_prefix = {});

  [[nodiscard]] const Scope& module() const { return *scopes_.front(); }
  [[nodiscard]] const std::vector<Call>& calls() const { return calls_; }
  // Every `new X(...)` and call: where a client may be constructed.
  [[nodiscard]] const std::vector<Call>& constructions() const { return constructions_; }
  [[nodiscard]] std::size_t error_nodes() const { return error_nodes_; }
  [[nodiscard]] std::uint32_t first_error_offset() const { return first_error_offset_; }
  [[nodiscard]] const Scope* scope_of(ts::Node definition) const;
  // The innermost scope around a node.
  [[nodiscard]] const Scope& scope_at(ts::Node node) const;

 private:
  void visit(ts::Node root);
  Scope& open_scope(Scope::Kind kind, ts::Node node, Scope& parent);
  void bind_pattern(ts::Node pattern, Binding binding, Scope& scope);
  void bind_parameters(ts::Node function, Scope& scope);
  void bind_import(ts::Node statement, Scope& scope);

  std::string id_prefix_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<Call> calls_;
  std::vector<Call> constructions_;
  std::map<std::uint32_t, const Scope*> by_node_;
  std::size_t error_nodes_ = 0;
  std::uint32_t first_error_offset_ = 0;
};

// Strips what TypeScript adds around an expression (`x as T`, `x!`,
// `<T>x`, `x satisfies T`) and parentheses and `await`.
ts::Node unwrap(ts::Node expr);

}  // namespace slotlint::javascript
