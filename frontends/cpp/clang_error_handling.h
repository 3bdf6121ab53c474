// How C++ code around a call handles the error a TRYAGAIN reply becomes: the
// innermost `try` whose `catch` names the client's error class or a base of
// it (or is `catch (...)`), whether the handler rethrows, whether a loop
// around the try runs the call again, and whether that loop waits before it
// does (`do { ... } while (0)` is a block, not a loop).
#pragma once

#include <span>
#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

#include "analyzer/ir/redis_op.h"
#include "frontends/cpp/source_map.h"

namespace slotlint::cpp {

// `classes`: the error classes the client raises for TRYAGAIN (unqualified).
// Uses the AST's parent map (built over its traversal scope on first use).
ir::ErrorHandling error_handling(clang::ASTContext& context, SourceMap& map,
                                 const clang::Expr& call, std::span<const std::string> classes);

}  // namespace slotlint::cpp
