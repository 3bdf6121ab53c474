#include "frontends/cpp/clang_values.h"

#include <algorithm>
#include <vector>

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/StmtCXX.h>
#include <llvm/ADT/StringExtras.h>

#include "frontends/common/format_spec.h"
#include "frontends/common/source_helpers.h"
#include "frontends/cpp/hiredis_format.h"

namespace slotlint::cpp {
namespace {

constexpr int kMaxDepth = 24;
constexpr std::size_t kMaxSteps = 20'000;

std::string record_name(clang::QualType type) {
  type = type.getNonReferenceType().getCanonicalType();
  if (const auto* record = type->getAsCXXRecordDecl()) return record->getQualifiedNameAsString();
  return {};
}

bool is_string_record(const std::string& name) {
  return name.find("basic_string") != std::string::npos || name.ends_with("StringView") ||
         name.ends_with("string_view");
}

bool is_loop(const clang::Stmt* stmt) {
  return llvm::isa<clang::ForStmt, clang::CXXForRangeStmt, clang::WhileStmt, clang::DoStmt>(stmt);
}

// Statements of `root` in source order, children before their parents' siblings.
void walk(const clang::Stmt* root, const std::function<void(const clang::Stmt*)>& visit) {
  if (root == nullptr) return;
  visit(root);
  for (const auto* child : root->children()) walk(child, visit);
}

const clang::VarDecl* variable_of(const clang::Expr* expr) {
  if (expr == nullptr) return nullptr;
  expr = expr->IgnoreParenImpCasts();
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr))
    return llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
  return nullptr;
}

// The loops between `inner` and `outer` (exclusive), from the parent map.
std::vector<const clang::Stmt*> loops_between(clang::ASTContext& context, const clang::Stmt* inner,
                                              const clang::Decl* outer) {
  std::vector<const clang::Stmt*> loops;
  auto parents = context.getParents(*inner);
  for (int guard = 0; guard < 64 && !parents.empty(); ++guard) {
    const auto& parent = parents[0];
    if (parent.get<clang::Decl>() == outer) break;
    if (const auto* stmt = parent.get<clang::Stmt>()) {
      if (is_loop(stmt)) loops.push_back(stmt);
      parents = context.getParents(*stmt);
    } else if (const auto* decl = parent.get<clang::Decl>()) {
      if (llvm::isa<clang::FunctionDecl>(decl)) break;
      parents = context.getParents(*decl);
    } else {
      break;
    }
  }
  return loops;
}

bool inside_branch(clang::ASTContext& context, const clang::Stmt* inner, const clang::Stmt* until) {
  auto parents = context.getParents(*inner);
  for (int guard = 0; guard < 64 && !parents.empty(); ++guard) {
    const auto* stmt = parents[0].get<clang::Stmt>();
    if (stmt == nullptr || stmt == until) return false;
    if (llvm::isa<clang::IfStmt, clang::SwitchStmt, clang::ConditionalOperator>(stmt) ||
        is_loop(stmt)) {
      return true;
    }
    parents = context.getParents(*stmt);
  }
  return false;
}

// A struct that is only its public fields (no base, no constructor its
// author wrote, outside std): its value is the fields the program sets.
bool is_plain_data(clang::QualType type) {
  const auto* record = type.getNonReferenceType()->getAsCXXRecordDecl();
  if (record == nullptr || !record->hasDefinition()) return false;
  record = record->getDefinition();
  if (record->isInStdNamespace() || record->isUnion() || record->getNumBases() != 0 ||
      record->isPolymorphic() || record->field_empty())
    return false;
  return std::ranges::all_of(
             record->fields(),
             [](const auto* field) { return field->getAccess() == clang::AS_public; }) &&
         std::ranges::none_of(record->ctors(), [](const auto* constructor) {
           return constructor->isUserProvided();
         });
}

// The field `expr` names of `var` (`var.field`), or null.
const clang::FieldDecl* field_of(const clang::Expr* expr, const clang::VarDecl* var) {
  const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(expr->IgnoreParenImpCasts());
  if (member == nullptr || member->isArrow() || variable_of(member->getBase()) != var)
    return nullptr;
  return llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
}

}  // namespace

llvm::StringRef simple_name(const clang::NamedDecl* decl) {
  if (decl == nullptr || decl->getIdentifier() == nullptr) return {};
  return decl->getIdentifier()->getName();
}

std::vector<const clang::Stmt*> writes_to(const clang::VarDecl* var,
                                          const clang::FunctionDecl* function) {
  std::vector<const clang::Stmt*> writes;
  if (function == nullptr || !function->hasBody()) return writes;
  walk(function->getBody(), [&](const clang::Stmt* stmt) {
    if (const auto* assign = llvm::dyn_cast<clang::BinaryOperator>(stmt)) {
      if (assign->isAssignmentOp() && variable_of(assign->getLHS()) == var) writes.push_back(stmt);
    } else if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(stmt)) {
      auto kind = op->getOperator();
      if ((kind == clang::OO_Equal || kind == clang::OO_PlusEqual) && op->getNumArgs() > 0 &&
          variable_of(op->getArg(0)) == var) {
        writes.push_back(stmt);
      }
    } else if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(stmt)) {
      const auto* method = member->getMethodDecl();
      if (method != nullptr && !method->isConst() &&
          variable_of(member->getImplicitObjectArgument()) == var) {
        writes.push_back(stmt);
      }
    } else if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
      // snprintf(buf, ...), strcpy(buf, ...): a buffer passed where the
      // callee takes a pointer to non-const (varargs only read it).
      const auto* callee = call->getDirectCallee();
      for (unsigned i = 0; callee != nullptr && i < call->getNumArgs(); ++i) {
        if (variable_of(call->getArg(i)) != var || i >= callee->getNumParams()) continue;
        auto type = callee->getParamDecl(i)->getType().getCanonicalType();
        auto pointee = type->isPointerType() ? type->getPointeeType() : clang::QualType();
        if (!pointee.isNull() && !pointee.isConstQualified() && !pointee->isPointerType()) {
          writes.push_back(stmt);
          break;
        }
      }
    } else if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(stmt)) {
      if (address->getOpcode() == clang::UO_AddrOf && variable_of(address->getSubExpr()) == var)
        writes.push_back(stmt);
    }
  });
  return writes;
}

const clang::Expr* ClangValues::strip(const clang::Expr* expr) {
  for (int guard = 0; expr != nullptr && guard < 64; ++guard) {
    expr = expr->IgnoreParenImpCasts();
    if (const auto* cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(expr)) {
      expr = cleanups->getSubExpr();
    } else if (const auto* temporary = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(expr)) {
      expr = temporary->getSubExpr();
    } else if (const auto* bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(expr)) {
      expr = bind->getSubExpr();
    } else if (const auto* cast = llvm::dyn_cast<clang::CastExpr>(expr)) {
      expr = cast->getSubExpr();
    } else if (const auto* list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(expr)) {
      expr = list->getSubExpr();
    } else if (const auto* conversion = llvm::dyn_cast<clang::CXXMemberCallExpr>(expr);
               conversion != nullptr &&
               llvm::isa_and_nonnull<clang::CXXConversionDecl>(conversion->getMethodDecl())) {
      // std::string → std::string_view (operator basic_string_view): the string.
      expr = conversion->getImplicitObjectArgument();
    } else if (const auto* defaulted = llvm::dyn_cast<clang::CXXDefaultArgExpr>(expr)) {
      expr = defaulted->getExpr();
    } else if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr)) {
      // std::string(x), std::string_view(p, n), a copy: the value of the first.
      bool conversion =
          (is_string_record(record_name(construct->getType())) && construct->getNumArgs() >= 1 &&
           construct->getNumArgs() <= 2) ||
          (construct->getConstructor()->isCopyOrMoveConstructor() && construct->getNumArgs() >= 1);
      if (!conversion || llvm::isa<clang::CXXDefaultArgExpr>(construct->getArg(0))) return expr;
      expr = construct->getArg(0);
    } else {
      return expr;
    }
  }
  return expr;
}

std::string ClangValues::kind_of(const clang::Expr* expr) const {
  auto stripped = strip(expr);
  if (stripped == nullptr) return "unknown";
  if (llvm::isa<clang::InitListExpr>(stripped)) return "list";
  auto type = expr->getType().getNonReferenceType().getCanonicalType();
  if (type.isNull() || type->isDependentType()) return "unknown";
  if (type->isBooleanType() || type->isEnumeralType()) return "other";
  if (type->isIntegerType() || type->isFloatingType()) return "number";
  if ((type->isPointerType() && type->getPointeeType()->isCharType()) ||
      (type->isArrayType() && type->getArrayElementTypeNoTypeQual()->isCharType())) {
    return "string";
  }
  auto name = record_name(type);
  if (name.empty()) return type->isPointerType() ? "other" : "unknown";
  if (is_string_record(name)) return "string";
  for (std::string_view map : {"map", "unordered_map", "multimap", "unordered_multimap"}) {
    if (name.ends_with(map)) return "map";
  }
  for (std::string_view list : {"vector", "list", "set", "deque", "array", "initializer_list",
                                "unordered_set", "multiset", "span", "iterator"}) {
    if (name.ends_with(list)) return "list";
  }
  if (name.find("iterator") != std::string::npos) return "list";
  return "other";
}

bool ClangValues::is_end_iterator(const clang::Expr* expr) {
  expr = strip(expr);
  if (const auto* member = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(expr)) {
    const auto* method = member->getMethodDecl();
    return simple_name(method) == "end" || simple_name(method) == "cend";
  }
  if (const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(expr)) {
    const auto* callee = call->getDirectCallee();
    return callee != nullptr && (callee->getQualifiedNameAsString() == "std::end" ||
                                 callee->getQualifiedNameAsString() == "std::cend");
  }
  return false;
}

ir::SourceSpan ClangValues::span_of(const clang::Expr* expr) const {
  auto span = map_.span(expr->getSourceRange());
  return span ? *span : fallback_span();
}

Value ClangValues::evaluate(const clang::Expr* expr, const clang::FunctionDecl* function) {
  steps_ = 0;
  return eval(expr, Context{function, {}, 0});
}

Value ClangValues::hole(const clang::Expr* expr, const Context& ctx) const {
  std::string scope = ctx.function != nullptr ? ctx.function->getQualifiedNameAsString() : "";
  return frontend::expression_hole(map_.text(expr->getSourceRange()), scope,
                                   std::map<std::string, Value, std::less<>>{}, span_of(expr));
}

std::string ClangValues::symbol_of(const clang::NamedDecl* decl) const {
  auto location = map_.sources().getFileLoc(decl->getLocation());
  return "cpp:" + decl->getQualifiedNameAsString() + "@" +
         std::to_string(map_.sources().getFileOffset(location));
}

Value ClangValues::named_hole(const clang::NamedDecl* decl, const clang::Expr* use) const {
  return Value::opaque(ir::KeyExpr::hole(symbol_of(decl), decl->getNameAsString(), span_of(use)));
}

Value ClangValues::eval_literal(const clang::StringLiteral* literal) const {
  if (!literal->isOrdinary() && !literal->isUTF8())
    return Value::opaque(ir::KeyExpr::unknown("a wide string literal", span_of(literal)));
  std::string text = literal->getString().str();
  auto whole = span_of(literal);
  if (literal->getNumConcatenated() > 1 && !map_.from_macro(literal->getBeginLoc())) {
    // "a " "b": one segment per token, each where it is written.
    ir::KeyExpr joined;
    for (unsigned i = 0; i < literal->getNumConcatenated(); ++i) {
      auto location = literal->getStrTokenLoc(i);
      auto token = map_.text(clang::SourceRange(location, location));
      auto at = map_.span(location, location);
      if (token.size() < 2 || token.front() != '"' || !at ||
          token.find('\\') != std::string_view::npos) {
        joined = {};
        break;
      }
      joined.append(ir::KeyExpr::literal(std::string(token.substr(1, token.size() - 2)),
                                         {at->file, at->begin + 1, at->end - 1}, true));
    }
    if (joined.literal_text() == text && !joined.segments().empty()) {
      joined.set_span(whole);
      return Value::string(std::move(joined));
    }
  }
  // The bytes between the quotes, when they are exactly the text (one token,
  // no escapes, not from a macro): a fix may edit inside.
  bool exact = literal->getNumConcatenated() == 1 && !map_.from_macro(literal->getBeginLoc());
  ir::SourceSpan content = whole;
  if (exact) {
    auto written = map_.text(literal->getSourceRange());
    exact = written.size() == text.size() + 2 && written.front() == '"' &&
            written.substr(1, text.size()) == text;
    if (exact) content = {whole.file, whole.begin + 1, whole.end - 1};
  }
  auto key = ir::KeyExpr::literal(std::move(text), content, exact);
  key.set_span(whole);
  return Value::string(std::move(key));
}

Value ClangValues::eval(const clang::Expr* expr, const Context& ctx) {
  if (expr == nullptr)
    return Value::opaque(ir::KeyExpr::unknown("missing expression", fallback_span()));
  if (ctx.depth > kMaxDepth)
    return Value::opaque(ir::KeyExpr::unknown("expression nested too deeply", span_of(expr)));
  if (++steps_ > kMaxSteps)
    return Value::opaque(ir::KeyExpr::unknown("too much to evaluate", span_of(expr)));
  Context inner = ctx;
  ++inner.depth;
  const clang::Expr* stripped = strip(expr);
  if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(stripped))
    return eval_literal(literal);
  if (const auto* integer = llvm::dyn_cast<clang::IntegerLiteral>(stripped)) {
    return Value::number(ir::KeyExpr::literal(llvm::toString(integer->getValue(), 10, true),
                                              span_of(stripped), false));
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stripped))
    return eval_declaration(ref->getDecl(), stripped, ctx);
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(stripped))
    return eval_declaration(member->getMemberDecl(), stripped, ctx);
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(stripped)) {
    Value sequence{Value::Kind::Sequence, {}, {}, {}, {}, false};
    for (unsigned i = 0; i < list->getNumInits(); ++i)
      sequence.items.push_back({eval(list->getInit(i), inner), false});
    return sequence;
  }
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(stripped)) {
    // std::pair<std::string, std::string>{k, v}, a container from a list.
    Value sequence{Value::Kind::Sequence, {}, {}, {}, {}, false};
    for (unsigned i = 0; i < construct->getNumArgs(); ++i) {
      if (llvm::isa<clang::CXXDefaultArgExpr>(construct->getArg(i))) continue;
      sequence.items.push_back({eval(construct->getArg(i), inner), false});
    }
    if (sequence.items.size() == 2) return sequence;
    if (sequence.items.size() == 1 && sequence.items[0].value.kind == Value::Kind::Sequence)
      return sequence.items[0].value;
    if (sequence.items.empty() && kind_of(stripped) == "list") return sequence;
    return hole(stripped, ctx);
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stripped)) return eval_call(call, ctx);
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(stripped)) {
    if (binary->getOpcode() == clang::BO_Comma) return eval(binary->getRHS(), inner);
  }
  return hole(stripped, ctx);
}

Value ClangValues::eval_declaration(const clang::ValueDecl* decl, const clang::Expr* use,
                                    const Context& ctx) {
  if (auto it = ctx.locals.find(decl); it != ctx.locals.end()) return it->second;
  const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
  if (var == nullptr || llvm::isa<clang::ParmVarDecl>(var) || var->isCXXForRangeDecl())
    return named_hole(decl, use);
  Context inner = ctx;
  ++inner.depth;
  const clang::VarDecl* defined = nullptr;
  const clang::Expr* init = var->getAnyInitializer(defined);
  if (!var->hasLocalStorage()) {
    // A constant: namespace scope, static member, static local.
    auto type = var->getType();
    bool constant = var->isConstexpr() || type.isConstQualified() ||
                    (type->isPointerType() && type->getPointeeType().isConstQualified());
    if (init == nullptr || !constant) return named_hole(decl, use);
    Value value = eval(init, inner);
    value.text.forbid_edits();
    if (value.kind == Value::Kind::Opaque && !value.text.is_unknown()) return named_hole(decl, use);
    return frontend::read_at(std::move(value), span_of(use));
  }
  if (is_plain_data(var->getType())) return fields(var, use, ctx);
  auto writes = writes_to(var, ctx.function);
  auto use_offset = use->getBeginLoc();
  std::erase_if(writes, [&](const clang::Stmt* write) {
    return !map_.sources().isBeforeInTranslationUnit(write->getBeginLoc(), use_offset);
  });
  if (writes.empty()) {
    if (init == nullptr) return named_hole(decl, use);
    Value value = eval(init, inner);
    if (value.kind == Value::Kind::Opaque && !value.text.is_unknown()) return named_hole(decl, use);
    return frontend::read_at(std::move(value), span_of(use));
  }
  return filled(var, use, writes, ctx);
}

// A local changed before its use: a string built with `+=` / append, a
// container filled with push_back / insert, a buffer written by snprintf, or
// one assignment.
Value ClangValues::filled(const clang::VarDecl* var, const clang::Expr* use,
                          const std::vector<const clang::Stmt*>& writes, const Context& ctx) {
  Context inner = ctx;
  ++inner.depth;
  const clang::Expr* init = var->getInit();
  auto kind = kind_of(use);
  auto body = ctx.function != nullptr ? ctx.function->getBody() : nullptr;
  if (kind == "list" || kind == "map") {
    Value result =
        init != nullptr ? eval(init, inner) : Value{Value::Kind::Sequence, {}, {}, {}, {}, false};
    if (result.kind != Value::Kind::Sequence)
      result = {Value::Kind::Sequence, {}, {}, {}, {}, false};
    for (const auto* write : writes) {
      const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(write);
      if (member == nullptr || member->getNumArgs() == 0) return named_hole(var, use);
      auto name = simple_name(member->getMethodDecl());
      if (name != "push_back" && name != "emplace_back" && name != "insert" && name != "emplace" &&
          name != "push_front" && name != "reserve") {
        return named_hole(var, use);
      }
      if (name == "reserve") continue;
      Context body_ctx = inner;
      bool per_element = false;
      for (const auto* loop : loops_between(context_, write, var)) {
        if (const auto* range = llvm::dyn_cast<clang::CXXForRangeStmt>(loop)) {
          const auto* loop_var = range->getLoopVariable();
          auto location = map_.sources().getFileLoc(loop_var->getLocation());
          body_ctx.locals[loop_var] = Value::opaque(
              ir::KeyExpr::hole("cpp:" + loop_var->getNameAsString() + "@" +
                                    std::to_string(map_.sources().getFileOffset(location)),
                                loop_var->getNameAsString(), span_of(member->getArg(0)), true));
        }
        per_element = true;
      }
      // insert(pos, value) / insert(value) / emplace(k, v): the last argument(s).
      Value element = member->getNumArgs() == 2 && (name == "emplace" || kind == "map")
                          ? Value{Value::Kind::Sequence,
                                  {},
                                  {{eval(member->getArg(0), body_ctx), false},
                                   {eval(member->getArg(1), body_ctx), false}},
                                  {},
                                  {},
                                  false}
                          : eval(member->getArg(member->getNumArgs() - 1), body_ctx);
      bool spread = (per_element || frontend::varies_per_element(element)) &&
                    element.kind != Value::Kind::Sequence;
      if (spread) element.text.mark_collection();
      result.items.push_back({std::move(element), spread});
    }
    return result;
  }
  if (kind == "string" && var->getType()->isArrayType()) {
    // char key[64]; snprintf(key, sizeof key, "user:%d", id);
    if (writes.size() != 1) return named_hole(var, use);
    const auto* call = llvm::dyn_cast<clang::CallExpr>(writes.front());
    const auto* callee = call != nullptr ? call->getDirectCallee() : nullptr;
    if (callee == nullptr) return named_hole(var, use);
    auto name = simple_name(callee);
    if ((name == "snprintf" || name == "__builtin_snprintf") && call->getNumArgs() >= 3)
      return printf_format(call->getArg(2), call, 3, ctx);
    if ((name == "sprintf" || name == "__builtin_sprintf") && call->getNumArgs() >= 2)
      return printf_format(call->getArg(1), call, 2, ctx);
    if ((name == "strcpy" || name == "strncpy") && call->getNumArgs() >= 2)
      return eval(call->getArg(1), inner);
    return named_hole(var, use);
  }
  // std::string key = "user:"; key += id; key.append(":name");
  Value result = init != nullptr ? eval(init, inner)
                                 : Value::string(ir::KeyExpr::literal("", span_of(use), false));
  for (const auto* write : writes) {
    if (inside_branch(context_, write, body)) return named_hole(var, use);
    const clang::Expr* added = nullptr;
    if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(write)) {
      if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2) {
        result = eval(op->getArg(1), inner);
        continue;
      }
      if (op->getOperator() == clang::OO_PlusEqual && op->getNumArgs() == 2) added = op->getArg(1);
    } else if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(write)) {
      if (simple_name(member->getMethodDecl()) == "append" && member->getNumArgs() >= 1)
        added = member->getArg(0);
    } else if (const auto* assign = llvm::dyn_cast<clang::BinaryOperator>(write)) {
      if (assign->getOpcode() == clang::BO_Assign) {
        result = eval(assign->getRHS(), inner);
        continue;
      }
    }
    if (added == nullptr) return named_hole(var, use);
    ir::KeyExpr text = frontend::to_text(result, span_of(use));
    text.append(frontend::to_text(eval(added, inner), span_of(added)));
    result = Value::string(std::move(text));
  }
  if (result.kind == Value::Kind::Opaque && !result.text.is_unknown()) return named_hole(var, use);
  return result;
}

// From its initializer (made empty, a copy, a braced or designated list)
// and the assignments before `use`: to a field (`opts.db = 2`; on a branch,
// the field's value is not known) or to the whole (`opts = other`). Anything
// else done to it (a method called, its address taken) makes it unknown.
Value ClangValues::fields(const clang::VarDecl* var, const clang::Expr* use, const Context& ctx) {
  Context inner = ctx;
  ++inner.depth;
  Value result{Value::Kind::Mapping, {}, {}, {}, {}, false};
  auto set = [&](const clang::FieldDecl* field, Value value, const clang::Expr* at) {
    auto name = simple_name(field).str();
    for (std::size_t k = 0; k < result.keys.size(); ++k) {
      if (result.keys[k].text.literal_text() == name) {
        result.values[k] = std::move(value);
        return;
      }
    }
    result.keys.push_back(Value::string(ir::KeyExpr::literal(name, span_of(at), false)));
    result.values.push_back(std::move(value));
  };
  auto assign = [&](const clang::Expr* value) {
    Value whole = eval(value, inner);
    if (whole.kind != Value::Kind::Mapping) return false;
    result = std::move(whole);
    return true;
  };
  const auto* init = strip(var->getInit());
  if (const auto* list = llvm::dyn_cast_or_null<clang::InitListExpr>(init)) {
    // The semantic form: one initializer per field, in order.
    auto field = var->getType()->getAsCXXRecordDecl()->getDefinition()->field_begin();
    for (unsigned i = 0; i < list->getNumInits(); ++i, ++field) {
      const auto* item = list->getInit(i);
      if (!llvm::isa<clang::ImplicitValueInitExpr>(item)) set(*field, eval(item, inner), item);
    }
  } else if (const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(init);
             init != nullptr && (construct == nullptr || construct->getNumArgs() != 0) &&
             !assign(init)) {
    return named_hole(var, use);
  }
  if (ctx.function == nullptr || !ctx.function->hasBody()) return result;
  const clang::Stmt* scope = ctx.function->getBody();
  for (const auto& parent : context_.getParents(*var)) {
    if (const auto* declaration = parent.get<clang::DeclStmt>()) {
      auto above = context_.getParents(*declaration);
      if (!above.empty() && above[0].get<clang::Stmt>() != nullptr)
        scope = above[0].get<clang::Stmt>();
    }
  }
  auto whole_writes = writes_to(var, ctx.function);
  bool unknown = false;
  walk(ctx.function->getBody(), [&](const clang::Stmt* stmt) {
    // What ends before the use (`&opts` around the use is the use).
    if (unknown || !map_.sources().isBeforeInTranslationUnit(stmt->getEndLoc(), use->getBeginLoc()))
      return;
    const clang::Expr* left = nullptr;
    const clang::Expr* right = nullptr;
    bool plain = false;
    if (const auto* op = llvm::dyn_cast<clang::BinaryOperator>(stmt);
        op != nullptr && op->isAssignmentOp()) {
      left = op->getLHS();
      right = op->getRHS();
      plain = op->getOpcode() == clang::BO_Assign;
    } else if (const auto* call = llvm::dyn_cast<clang::CXXOperatorCallExpr>(stmt);
               call != nullptr && call->isAssignmentOp() && call->getNumArgs() == 2) {
      left = call->getArg(0);
      right = call->getArg(1);
      plain = call->getOperator() == clang::OO_Equal;
    }
    if (const auto* field = left != nullptr ? field_of(left, var) : nullptr) {
      bool known = plain && !inside_branch(context_, stmt, scope);
      set(field, known ? eval(right, inner) : hole(left, ctx), left);
      return;
    }
    if (std::ranges::find(whole_writes, stmt) == whole_writes.end()) return;
    unknown = !plain || inside_branch(context_, stmt, scope) || !assign(right);
  });
  if (unknown) return named_hole(var, use);
  return result;
}

Value ClangValues::printf_format(const clang::Expr* pattern, const clang::CallExpr* call,
                                 unsigned first_arg, const Context& ctx) {
  Context inner = ctx;
  ++inner.depth;
  Value format = eval(pattern, inner);
  if (!format.text.is_literal()) return hole(call, ctx);
  auto pattern_text = format.text.literal_text();
  auto split = split_printf_format(pattern_text);
  if (!split.valid || split.arguments.size() != 1) return hole(call, ctx);
  ir::KeyExpr text;
  for (const auto& piece : split.arguments.front().pieces) {
    if (piece.kind == FormatPiece::Kind::Literal) {
      text.append(ir::KeyExpr::literal(piece.text, span_of(pattern), false));
      continue;
    }
    auto index = first_arg + piece.vararg;
    if (index >= call->getNumArgs()) return hole(call, ctx);
    auto at = span_of(call->getArg(index));
    auto value = frontend::to_text(eval(call->getArg(index), inner), at);
    text.append(piece.plain ? value
                            : frontend::through_printf_spec(
                                  value, pattern_text.substr(piece.offset, piece.length), at));
  }
  text.set_span(span_of(call));
  return Value::string(std::move(text));
}

// fmt::format("user:{}:{}", a, b) / std::format: `{}` fields are the
// arguments in order (`{0}` by position); `{{` and `}}` are braces.
Value ClangValues::brace_format(const clang::CallExpr* call, unsigned first_arg,
                                const Context& ctx) {
  Context inner = ctx;
  ++inner.depth;
  if (call->getNumArgs() <= first_arg - 1) return hole(call, ctx);
  Value format = eval(call->getArg(first_arg - 1), inner);
  if (!format.text.is_literal()) return hole(call, ctx);
  std::string pattern = format.text.literal_text();
  ir::KeyExpr text;
  std::string pending;
  unsigned next = first_arg;
  auto flush = [&] {
    if (!pending.empty())
      text.append(ir::KeyExpr::literal(pending, span_of(call->getArg(first_arg - 1)), false,
                                       ir::BraceEscaping::Doubled));
    pending.clear();
  };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      pending += c;
      ++i;
      continue;
    }
    if (c != '{') {
      pending += c;
      continue;
    }
    auto close = pattern.find('}', i);
    if (close == std::string::npos) return hole(call, ctx);
    auto field = std::string_view(pattern).substr(i + 1, close - i - 1);
    auto index = next++;
    if (!field.empty() && field.front() >= '0' && field.front() <= '9')
      index = first_arg + static_cast<unsigned>(field.front() - '0');
    if (index >= call->getNumArgs()) return hole(call, ctx);
    flush();
    text.append(frontend::to_text(eval(call->getArg(index), inner), span_of(call->getArg(index))));
    i = close;
  }
  flush();
  text.set_span(span_of(call));
  return Value::string(std::move(text));
}

Value ClangValues::eval_call(const clang::CallExpr* call, const Context& ctx) {
  Context inner = ctx;
  ++inner.depth;
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(call)) {
    if (op->getOperator() == clang::OO_Plus && op->getNumArgs() == 2) {
      Value left = eval(op->getArg(0), inner);
      Value right = eval(op->getArg(1), inner);
      if (auto text = frontend::concatenated(left, right, span_of(call))) return *text;
    }
    return hole(call, ctx);
  }
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
    const auto* method = member->getMethodDecl();
    auto name = simple_name(method);
    const auto* object = member->getImplicitObjectArgument();
    if (name == "c_str" || name == "data" || name == "str" || name == "begin" || name == "cbegin")
      return eval(object, inner);
    if (auto value = call_helper(call, method, ctx)) return *value;
    if (name == "append" && member->getNumArgs() >= 1) {
      Value left = eval(object, inner);
      Value right = eval(member->getArg(0), inner);
      if (auto text = frontend::concatenated(left, right, span_of(call))) return *text;
    }
    return hole(call, ctx);
  }
  const auto* callee = call->getDirectCallee();
  if (callee == nullptr) return hole(call, ctx);
  if (auto value = call_helper(call, callee, ctx)) return *value;
  auto name = callee->getQualifiedNameAsString();
  if ((name == "std::to_string" || name == "std::move" || name == "std::string_view" ||
       name == "std::begin" || name == "std::cbegin" || name == "absl::string_view") &&
      call->getNumArgs() >= 1) {
    Value value = eval(call->getArg(0), inner);
    if (name == "std::to_string" && value.is_text()) return Value::string(value.text);
    return value;
  }
  if ((name == "std::make_pair" || name == "std::make_tuple") && call->getNumArgs() == 2) {
    return Value{Value::Kind::Sequence,
                 {},
                 {{eval(call->getArg(0), inner), false}, {eval(call->getArg(1), inner), false}},
                 {},
                 {},
                 false};
  }
  if ((name.starts_with("fmt::") || name == "std::format") &&
      (simple_name(callee) == "format" || simple_name(callee) == "sprintf")) {
    if (simple_name(callee) == "sprintf" && call->getNumArgs() >= 1)
      return printf_format(call->getArg(0), call, 1, ctx);
    return brace_format(call, 1, ctx);
  }
  if (name == "absl::StrCat") {
    ir::KeyExpr text;
    for (unsigned i = 0; i < call->getNumArgs(); ++i)
      text.append(frontend::to_text(eval(call->getArg(i), inner), span_of(call->getArg(i))));
    text.set_span(span_of(call));
    return Value::string(std::move(text));
  }
  return hole(call, ctx);
}

std::optional<Value> ClangValues::call_helper(const clang::CallExpr* call,
                                              const clang::FunctionDecl* callee,
                                              const Context& ctx) {
  const clang::FunctionDecl* defined = nullptr;
  if (callee == nullptr || !callee->hasBody(defined) || defined == nullptr) return std::nullopt;
  // The project's own code only: a library's bodies say nothing about keys.
  if (!map_.in_project(defined->getLocation())) return std::nullopt;
  const clang::ReturnStmt* returned = nullptr;
  int returns = 0;
  walk(defined->getBody(), [&](const clang::Stmt* stmt) {
    if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(stmt)) {
      ++returns;
      returned = ret;
    }
  });
  if (returns != 1 || returned->getRetValue() == nullptr) return std::nullopt;
  unsigned first =
      llvm::isa<clang::CXXOperatorCallExpr>(call) && llvm::isa<clang::CXXMethodDecl>(defined) ? 1
                                                                                              : 0;
  if (defined->getNumParams() + first > call->getNumArgs()) return std::nullopt;
  Context body{defined, {}, ctx.depth + 1};
  for (unsigned i = 0; i < defined->getNumParams(); ++i)
    body.locals[defined->getParamDecl(i)] =
        eval(call->getArg(i + first), Context{ctx.function, ctx.locals, ctx.depth + 1});
  Value value = eval(returned->getRetValue(), body);
  return frontend::relocated(std::move(value), span_of(call));
}

}  // namespace slotlint::cpp
