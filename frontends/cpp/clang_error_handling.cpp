#include "frontends/cpp/clang_error_handling.h"

#include <algorithm>
#include <functional>

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/StmtCXX.h>

#include "frontends/common/source_helpers.h"

namespace slotlint::cpp {
namespace {

bool contains(const clang::Stmt* root, const std::function<bool(const clang::Stmt*)>& wanted) {
  if (root == nullptr) return false;
  if (wanted(root)) return true;
  return std::ranges::any_of(root->children(),
                             [&](const clang::Stmt* child) { return contains(child, wanted); });
}

// The loop around a try that runs it again after the handler, unless the
// handler always leaves; and whether the loop waits before the next try.
void find_retry(clang::ASTContext& context, SourceMap& map, const clang::CXXTryStmt* attempt,
                const clang::CXXCatchStmt* handler, ir::ErrorHandling& handling) {
  if (const auto* block = llvm::dyn_cast_or_null<clang::CompoundStmt>(handler->getHandlerBlock())) {
    for (const auto* statement : block->body()) {
      if (llvm::isa<clang::ReturnStmt, clang::BreakStmt, clang::CXXThrowExpr>(statement)) return;
    }
  }
  auto parents = context.getParents(*attempt);
  for (int guard = 0; guard < 64 && !parents.empty(); ++guard) {
    const auto* stmt = parents[0].get<clang::Stmt>();
    if (stmt == nullptr || llvm::isa<clang::CXXForRangeStmt>(stmt)) return;
    const clang::Stmt* body = nullptr;
    const clang::Expr* condition = nullptr;
    if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(stmt)) {
      body = loop->getBody();
      condition = loop->getCond();
    } else if (const auto* loop = llvm::dyn_cast<clang::DoStmt>(stmt)) {
      body = loop->getBody();
      condition = loop->getCond();
    } else if (const auto* loop = llvm::dyn_cast<clang::ForStmt>(stmt)) {
      body = loop->getBody();
      condition = loop->getCond();
    }
    // do { ... } while (0): a block in disguise (macros), not a retry.
    bool runs_again = true;
    if (condition != nullptr && !condition->isValueDependent() &&
        condition->EvaluateAsBooleanCondition(runs_again, context) && !runs_again) {
      return;
    }
    if (body != nullptr) {
      handling.retries = true;
      if (auto at = map.span(stmt->getBeginLoc(), stmt->getBeginLoc())) handling.retry_loop = *at;
      bool any = false;
      bool nonzero = false;
      contains(body, [&](const clang::Stmt* s) {
        const auto* call = llvm::dyn_cast<clang::CallExpr>(s);
        const auto* callee = call != nullptr ? call->getDirectCallee() : nullptr;
        if (callee == nullptr || !frontend::names_a_wait(callee->getQualifiedNameAsString()))
          return false;
        any = true;
        const auto* delay =
            call->getNumArgs() > 0 ? call->getArg(0)->IgnoreParenImpCasts() : nullptr;
        const auto* zero = llvm::dyn_cast_or_null<clang::IntegerLiteral>(delay);
        nonzero = nonzero || zero == nullptr || zero->getValue() != 0;
        return false;
      });
      handling.waits = any;
      handling.waits_zero = any && !nonzero;
      return;
    }
    parents = context.getParents(*stmt);
  }
}

}  // namespace

ir::ErrorHandling error_handling(clang::ASTContext& context, SourceMap& map,
                                 const clang::Expr& call, std::span<const std::string> classes) {
  ir::ErrorHandling handling;
  if (auto at = map.span(call.getSourceRange())) handling.raised_at = *at;
  if (classes.empty()) return handling;
  auto parents = context.getParents(call);
  const clang::Stmt* previous = &call;
  for (int guard = 0; guard < 64 && !parents.empty(); ++guard) {
    const auto* stmt = parents[0].get<clang::Stmt>();
    if (stmt == nullptr) break;
    const auto* attempt = llvm::dyn_cast<clang::CXXTryStmt>(stmt);
    if (attempt != nullptr && previous == attempt->getTryBlock()) {
      for (unsigned i = 0; i < attempt->getNumHandlers(); ++i) {
        const auto* handler = attempt->getHandler(i);
        auto type = handler->getCaughtType();
        std::string name = "...";
        if (!type.isNull()) {
          auto bare = type.getNonReferenceType().getUnqualifiedType();
          const auto* record = bare->getAsCXXRecordDecl();
          name = record != nullptr ? record->getNameAsString() : bare.getAsString();
        }
        if (name != "..." && std::ranges::find(classes, name) == classes.end()) continue;
        handling.caught = true;
        handling.caught_as = name;
        handling.handler_text = "`catch (" + name + ")`";
        if (auto at = map.span(handler->getBeginLoc(), handler->getBeginLoc()))
          handling.handler = *at;
        handling.reraises = contains(handler->getHandlerBlock(), [](const clang::Stmt* s) {
          return llvm::isa<clang::CXXThrowExpr>(s);
        });
        if (!handling.reraises) find_retry(context, map, attempt, handler, handling);
        return handling;
      }
    }
    previous = stmt;
    parents = context.getParents(*stmt);
  }
  return handling;
}

}  // namespace slotlint::cpp
