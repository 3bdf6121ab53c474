// Go scopes: package-level consts, vars and functions, function parameters
// and locals (`:=`, `var`), struct field types and the file's imports,
// collected in one pass, plus the calls that may reach Redis.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/tree_sitter.h"

namespace slotlint::golang {

struct Scope;

struct Binding {
  enum class Kind : std::uint8_t { Const, Var, Parameter, Function, Other };
  Kind kind = Kind::Other;
  std::uint32_t position = 0;
  ts::Node value;                // Const/Var: the value; Function: the declaration
  const Scope* scope = nullptr;  // where `value` is evaluated
  std::string type{};            // declared type text, if any
  // `keys = append(keys, x)`: what was appended (for slices built in loops).
  bool appended = false;
  std::string embed{};  // //go:embed <file> above a string var: the file
};

struct Scope {
  enum class Kind : std::uint8_t { Package, Function };
  Kind kind = Kind::Package;
  const Scope* parent = nullptr;
  ts::Node node;
  std::string id;
  std::map<std::string, std::vector<Binding>, std::less<>> names;
  [[nodiscard]] const std::vector<Binding>* find(std::string_view name) const;
};

struct Call {
  ts::Node call;
  const Scope* scope = nullptr;
};

class ScopeTree {
 public:
  // `id_prefix` keeps hole symbols of a sibling file apart from the file's.
  static ScopeTree build(const ts::Tree& tree, std::string id_prefix = {});

  [[nodiscard]] const Scope& package() const { return *scopes_.front(); }
  [[nodiscard]] const std::vector<Call>& calls() const { return calls_; }
  [[nodiscard]] const Scope* scope_of(ts::Node function) const;
  [[nodiscard]] std::size_t error_nodes() const { return error_nodes_; }
  [[nodiscard]] std::uint32_t first_error_offset() const { return first_error_offset_; }
  // Import path by the name the file uses for it (`redis` for ".../go-redis/v9").
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& imports() const {
    return imports_;
  }
  // Interfaces the file declares, by name: their body text (a project's own
  // client interface embeds or returns the client library's types).
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& interfaces() const {
    return interfaces_;
  }
  // Struct fields' declared types, by field name (any struct of the file).
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& field_types() const {
    return field_types_;
  }

 private:
  void visit(ts::Node root);
  Scope& open_scope(ts::Node node, Scope& parent);
  void bind_parameters(ts::Node parameters, Scope& scope);

  std::string id_prefix_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<Call> calls_;
  std::map<std::uint32_t, const Scope*> by_node_;
  std::map<std::string, std::string, std::less<>> imports_;
  std::map<std::string, std::string, std::less<>> field_types_;
  std::map<std::string, std::string, std::less<>> interfaces_;
  std::string pending_embed_;
  std::size_t error_nodes_ = 0;
  std::uint32_t first_error_offset_ = 0;
};

// Strips parentheses and `&x` / `*x`.
ts::Node unwrap(ts::Node expr);

// A call's arguments, without comments.
std::vector<ts::Node> arguments_of(ts::Node call);

}  // namespace slotlint::golang
