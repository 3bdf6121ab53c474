// The JavaScript lowering's walker, shared by its files (see lowering.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/lowering_support.h"
#include "frontends/javascript/lowering.h"
#include "frontends/javascript/syntax.h"

namespace slotlint::javascript::lowering {

using frontend::integer_value;
using frontend::named_children;
using frontend::squeezed;

class Lowerer {
 public:
  Lowerer(std::string_view path, ir::FileIndex file, const LoweringLimits& limits);
  il::Module run(ts::Node root);

  // ---- lowering.cpp: statements and declarations
  std::vector<il::StmtId> block(ts::Node block);
  // A statement, or a block of them, as a list.
  std::vector<il::StmtId> body_of(ts::Node node);
  void statement(ts::Node node, std::vector<il::StmtId>& out);
  void expression_statement(ts::Node expression, ts::Node at, std::vector<il::StmtId>& out);
  void declaration(ts::Node node, std::vector<il::StmtId>& out);
  il::StmtId if_statement(ts::Node node);
  void for_statement(ts::Node node, std::vector<il::StmtId>& out);
  il::StmtId for_in_statement(ts::Node node);
  il::StmtId try_statement(ts::Node node);
  il::StmtId switch_statement(ts::Node node);
  void import_statement(ts::Node node);
  void export_statement(ts::Node node, std::vector<il::StmtId>& out);
  // `const x = require("m")` and its destructured forms: an import (true),
  // or nothing done (false).
  bool require_declaration(ts::Node declarator);
  // `module.exports = v`, `exports.x = v`: the globals they export (true).
  bool export_assignment(ts::Node assignment, std::vector<il::StmtId>& out);
  // A global `name` assigned `value`, as an export.
  void bind_export(const std::string& name, il::ExprId value, ts::Node at,
                   std::vector<il::StmtId>& out);

  // Functions: declarations, expressions, arrows, methods.
  il::FunctionId function(ts::Node node, il::Function::Kind kind, il::ClassId owner,
                          std::string name);
  void parameters(ts::Node list, il::Function& function, std::vector<il::StmtId>& prologue);
  il::ClassId class_definition(ts::Node node, std::string name);
  // ES5 classes: constructor functions with prototype methods.
  void find_prototype_classes(ts::Node program);
  bool prototype_method(ts::Node statement, std::vector<il::StmtId>& out);

  // ---- lowering_expressions.cpp: expressions and patterns
  il::ExprId expr(ts::Node node);
  il::ExprId condition(ts::Node node);  // an expression used as a test
  il::PatternId pattern(ts::Node node);
  il::ExprId call(ts::Node node);
  il::ExprId construct(ts::Node node);
  std::vector<il::Argument> arguments(ts::Node list);
  il::ExprId object(ts::Node node);
  il::ExprId array(ts::Node node);
  il::ExprId string(ts::Node node);
  il::ExprId template_string(ts::Node node);
  il::ExprId binary(ts::Node node);
  il::ExprId member(ts::Node node);
  il::ExprId arrow(ts::Node node);
  il::ExprId opaque(ts::Node node, std::string reason, bool with_children = true);
  // A TypeScript annotation (`: T`) as written, the file's type aliases
  // written out (`type AnyRedis = Redis | Cluster`).
  std::string declared_type(ts::Node annotation) const;
  // A property key as a name: `a`, `"a"`, `1`; nullopt when computed.
  std::optional<std::string> property_name(ts::Node key);

  // ---- helpers
  [[nodiscard]] ir::SourceSpan span(ts::Node node) const {
    return {file_, node.begin(), node.end()};
  }
  il::ExprId add(il::ExprKind kind, ts::Node node) {
    return module_.add(il::Expr{std::move(kind), span(node)});
  }
  il::StmtId add_stmt(il::StmtKind kind, ts::Node node) {
    return module_.add(il::Stmt{std::move(kind), span(node)});
  }
  il::PatternId add_pattern(il::PatternKind kind, ts::Node node) {
    return module_.add(il::Pattern{std::move(kind), span(node)});
  }
  il::StmtId assign_name(const std::string& name, il::ExprId value, ts::Node at,
                         bool declares = true);
  struct Nest : frontend::Nesting {
    explicit Nest(Lowerer& l) : frontend::Nesting(l.depth_, l.limits_.nesting) {}
  };
  [[nodiscard]] std::string too_deep() const;

  il::Module module_;
  ir::FileIndex file_;
  LoweringLimits limits_;
  std::size_t depth_ = 0;
  il::FunctionId current_ = il::kNone;
  bool yields_ = false;
  bool at_top_ = true;  // lowering module-level statements
  // ES5 classes: constructor function name → class and its prototype
  // methods' nodes (function expressions by method name).
  struct PrototypeClass {
    ts::Node constructor;
    std::vector<std::pair<std::string, ts::Node>> methods;
    std::vector<std::pair<std::string, ts::Node>> getters;
  };
  std::map<std::string, PrototypeClass, std::less<>> prototype_classes_;
  std::map<std::string, std::string, std::less<>> type_aliases_;
};

// A string literal's contents, decoded; nullopt for a non-literal.
std::optional<std::string> literal_string(ts::Node node);
// Whether `node` has the anonymous token `token` (`async`, `static`, `get`, `*`).
bool has_token(ts::Node node, std::string_view token);
// A function written as a value: `function () {}`, `() => x`.
bool is_function_value(ts::Node node);

}  // namespace slotlint::javascript::lowering
