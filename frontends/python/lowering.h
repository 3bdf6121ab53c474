// The Python lowering: a tree-sitter-python tree → one il::Module, the program
// IL the value-flow engine (analyzer/engine/) reads.
//
// Design: one recursive walk over the tree (lowering.cpp: module, imports,
// declarations and statements; lowering_expressions.cpp: expressions and
// patterns; lowering_strings.cpp: string literals, f-strings, `%` and
// `.format`). Python's syntax is decided here and nowhere else: implicit
// string concatenation and escapes are decoded, a format whose format string
// is a literal becomes an il::Template, `x is None` / `isinstance(x, T)` /
// `not x` become il::Tests, a method's first parameter becomes its receiver,
// `__init__` its constructor, `@property` a getter. The lowering never
// resolves a name and knows no client library: what `redis.Redis` is, is the
// host's business.
//
// Invariants:
// - Every IL node keeps the span of the syntax it came from (file `file`).
// - What has no IL form becomes il::Opaque with a reason, keeping the
//   expressions it holds as children (calls inside still count); a statement
//   with no IL form is an expression statement of such an Opaque.
// - Recursion is bounded by `nesting` (levels of statements and
//   expressions): deeper code is one Opaque that says so, never a crash.
// - Imports anywhere in the file are module imports (Python binds them
//   where they run; the engine sees them module-wide).
#pragma once

#include <cstddef>
#include <string_view>

#include "analyzer/il/il.h"
#include "analyzer/ir/source_span.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::python {

struct LoweringLimits {
  // Statements and expressions nested inside one another (the walk recurses
  // over them). Real code nests under 30.
  std::size_t nesting = 256;
};

// `root` is the `module` node of a parsed file; `path` is the file as
// reported (relative to the root, '/'-separated).
il::Module lower(ts::Node root, std::string_view path, ir::FileIndex file,
                 const LoweringLimits& limits = {});

}  // namespace slotlint::python
