// Python scopes: which names are bound where, collected in one pass over the
// tree before any call is evaluated (module constants may be defined below the
// functions that use them).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/tree_sitter.h"

namespace slotlint::python {

struct Scope;

struct Binding {
  enum class Kind : std::uint8_t {
    Assign,
    Parameter,
    LoopTarget,
    WithTarget,
    Function,
    Import,
    Other
  };
  Kind kind = Kind::Other;
  std::uint32_t position = 0;    // where the binding statement starts
  ts::Node value;                // Assign/WithTarget: the value; Function: the def
  std::string annotation;        // Parameter: its type annotation text
  const Scope* scope = nullptr;  // where `value` is evaluated
  // Import: `from <module> import <name>` (name empty: the module itself).
  int import_level = 0;         // leading dots of a relative import
  std::string import_module{};  // dotted, without the leading dots
  std::string import_name{};
};

struct Scope {
  enum class Kind : std::uint8_t { Module, Class, Function };
  Kind kind = Kind::Module;
  const Scope* parent = nullptr;
  const Scope* enclosing_class = nullptr;  // for methods: the class scope
  ts::Node node;
  std::string id;  // prefix of hole symbols, unique in the file
  std::map<std::string, std::vector<Binding>, std::less<>> names;
  // Class scopes: `self.x = ...` assignments made in any of its methods.
  std::map<std::string, std::vector<Binding>, std::less<>> self_attributes;
  // Class scopes: the names of its base classes, as written (dotted too).
  std::vector<std::string> bases;

  // How often an identifier occurs in this scope's own code (bindings included).
  std::map<std::string, std::uint32_t, std::less<>> identifier_counts;

  [[nodiscard]] const std::vector<Binding>* find(std::string_view name) const;
  [[nodiscard]] std::uint32_t uses(std::string_view name) const {
    auto it = identifier_counts.find(name);
    return it == identifier_counts.end() ? 0 : it->second;
  }
};

// A call whose callee is `<object>.<method>`, with the scope it sits in.
struct MethodCall {
  ts::Node call;
  const Scope* scope = nullptr;
};

class ScopeTree {
 public:
  // One pass over the tree: builds scopes and collects method calls whose
  // method name satisfies `wanted`.
  // `id_prefix` makes hole symbols unique across modules (empty for the file
  // being analysed, the module's path for modules it imports).
  template <typename Wanted>
  static ScopeTree build(const ts::Tree& tree, Wanted&& wanted, std::string id_prefix = {});

  [[nodiscard]] const Scope& module() const { return *scopes_.front(); }
  [[nodiscard]] const std::vector<MethodCall>& calls() const { return calls_; }
  // Calls of a name or attribute whose method name is not wanted: a script
  // object's call (`release(keys=[k])`) is found among these.
  [[nodiscard]] const std::vector<MethodCall>& other_calls() const { return other_calls_; }
  [[nodiscard]] std::size_t error_nodes() const { return error_nodes_; }
  [[nodiscard]] std::uint32_t first_error_offset() const { return first_error_offset_; }
  // The scope a function or class definition opens.
  [[nodiscard]] const Scope* scope_of(ts::Node definition) const;
  // A class followed by its base classes defined in this module, nearest
  // first (depth-first, as far as `self.x` lookups need).
  [[nodiscard]] std::vector<const Scope*> lineage(const Scope& cls) const;

 private:
  void visit_all(ts::Node root, const std::function<bool(std::string_view)>& wanted);
  Scope& open_scope(Scope::Kind kind, ts::Node node, Scope& parent);
  void bind_parameters(ts::Node parameters, Scope& function);
  void bind_target(ts::Node target, Binding binding, Scope& scope);
  void bind_import(ts::Node statement, Scope& scope);

  std::string id_prefix_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<MethodCall> calls_;
  std::vector<MethodCall> other_calls_;
  std::map<std::uint32_t, const Scope*> by_definition_;
  std::size_t error_nodes_ = 0;
  std::uint32_t first_error_offset_ = 0;
};

template <typename Wanted>
ScopeTree ScopeTree::build(const ts::Tree& tree, Wanted&& wanted, std::string id_prefix) {
  ScopeTree scopes;
  scopes.id_prefix_ = std::move(id_prefix);
  scopes.visit_all(tree.root(), std::function<bool(std::string_view)>(wanted));
  return scopes;
}

}  // namespace slotlint::python
