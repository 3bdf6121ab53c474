// Evaluates C and C++ expressions (as Clang typed them) into frontend Values:
// string literals, std::string / std::string_view construction and `+`,
// `+=` and `append` on a local before its use, `c_str()` / `data()`,
// std::to_string, fmt::format / std::format (`{}` fields are holes), snprintf
// / sprintf into a buffer, constants and static members (const, constexpr),
// locals assigned once, initializer lists and std::make_pair, containers
// filled with push_back / emplace_back / insert (in loops: one element per
// iteration), structs of public fields set one by one (a mapping). A hole's symbol is the
// declaration it reads, so two keys built from one variable are seen to share it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

#include "frontends/common/value.h"
#include "frontends/cpp/source_map.h"

namespace slotlint::cpp {

using frontend::Value;

class ClangValues {
 public:
  ClangValues(clang::ASTContext& context, SourceMap& map) : context_(context), map_(map) {}

  // `function`: the function the expression is in (for locals and buffers).
  Value evaluate(const clang::Expr* expr, const clang::FunctionDecl* function);

  // The expression with implicit conversions, temporaries, parentheses and
  // string constructions stripped.
  static const clang::Expr* strip(const clang::Expr* expr);
  // "number", "string", "list", "map", "other" or "unknown", from the type.
  std::string kind_of(const clang::Expr* expr) const;
  // An iterator pair's end (`keys.end()`, `std::end(keys)`): not an argument.
  static bool is_end_iterator(const clang::Expr* expr);
  // A span for an expression, in the analysed file when it is elsewhere.
  ir::SourceSpan span_of(const clang::Expr* expr) const;
  // The hole symbol of a declaration (the same for every read of it).
  std::string symbol_of(const clang::NamedDecl* decl) const;

 private:
  struct Context {
    const clang::FunctionDecl* function;
    std::map<const clang::Decl*, Value> locals;  // loop variables, per element
    int depth;
  };
  Value eval(const clang::Expr* expr, const Context& ctx);
  Value eval_literal(const clang::StringLiteral* literal) const;
  Value eval_declaration(const clang::ValueDecl* decl, const clang::Expr* use, const Context& ctx);
  Value eval_call(const clang::CallExpr* call, const Context& ctx);
  // A small helper of the project (`std::string key(const std::string& id)
  // { return "{" + kTag + "}:" + id; }`): its single return, parameters bound.
  std::optional<Value> call_helper(const clang::CallExpr* call, const clang::FunctionDecl* callee,
                                   const Context& ctx);
  Value brace_format(const clang::CallExpr* call, unsigned first_arg, const Context& ctx);
  Value printf_format(const clang::Expr* pattern, const clang::CallExpr* call, unsigned first_arg,
                      const Context& ctx);
  // `writes`: the statements before `use` that change `var` (writes_to).
  Value filled(const clang::VarDecl* var, const clang::Expr* use,
               const std::vector<const clang::Stmt*>& writes, const Context& ctx);
  // A struct of public fields (`sw::redis::ConnectionOptions opts;`): the
  // fields set before `use`, as a mapping.
  Value fields(const clang::VarDecl* var, const clang::Expr* use, const Context& ctx);
  Value hole(const clang::Expr* expr, const Context& ctx) const;
  Value named_hole(const clang::NamedDecl* decl, const clang::Expr* use) const;
  ir::SourceSpan fallback_span() const { return {0, 0, 0}; }

  clang::ASTContext& context_;
  SourceMap& map_;
  std::size_t steps_ = 0;
};

// A declaration's name when it is a plain identifier; "" for operators,
// conversions and other special names (whose getName() must not be asked).
llvm::StringRef simple_name(const clang::NamedDecl* decl);

// The function body statements that write `var` (assignments, compound
// assignments, `+=`, member calls that change it), in source order.
std::vector<const clang::Stmt*> writes_to(const clang::VarDecl* var,
                                          const clang::FunctionDecl* function);

}  // namespace slotlint::cpp
