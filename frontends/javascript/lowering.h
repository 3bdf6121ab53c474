// The JavaScript / TypeScript lowering: a tree-sitter-javascript, -typescript
// or -tsx tree → one il::Module, the program IL the value-flow engine
// (analyzer/engine/) reads. All three lower to the language row
// "javascript": the models and builtins are the same.
//
// Design: one recursive walk (lowering.cpp: module, imports and exports,
// declarations, classes and statements; lowering_expressions.cpp:
// expressions, patterns, strings and template literals). JavaScript's syntax
// is decided here and nowhere else:
// - template literals and `+` chains holding a string literal become
//   il::Templates; `await`, parentheses, `!`, `as`, `satisfies` and type
//   assertions are not values and are dropped;
// - `x == null`, `x instanceof T`, `!x` become il::Tests;
// - `import`, `require(...)` (bound to a name or destructured), `export`,
//   `module.exports = ...` and `exports.x = ...` become il::Imports and
//   module globals: what a module exports is the global of that name
//   (`default` for `export default` and `module.exports = v`, and each key of
//   an object literal assigned to `module.exports`);
// - classes (declarations and expressions), and ES5 constructor functions
//   whose prototype gets methods (`F.prototype.m = function`,
//   `Object.assign(F.prototype, {...})`), are il::Classes; a TypeScript
//   constructor's parameter properties (`constructor(private r: Redis)`) are
//   fields it assigns;
// - `switch` is a chain of branches, `for (;;)` its initializer then a
//   while loop, destructuring everywhere a MapPattern / SequencePattern;
// - TypeScript annotations are declared types, as written.
// The lowering never resolves a name and knows no client library.
//
// Invariants:
// - Every IL node keeps the span of the syntax it came from (file `file`).
// - What has no IL form becomes il::Opaque with a reason, keeping the
//   expressions it holds as children (calls inside still count).
// - Recursion is bounded by `nesting`: deeper code is one Opaque that says
//   so, never a crash.
#pragma once

#include <cstddef>
#include <string_view>

#include "analyzer/il/il.h"
#include "analyzer/ir/source_span.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::javascript {

struct LoweringLimits {
  // Statements and expressions nested inside one another (the walk recurses
  // over them). Real code nests under 40.
  std::size_t nesting = 256;
};

// `root` is the `program` node of a parsed file; `path` is the file as
// reported (relative to the root, '/'-separated).
il::Module lower(ts::Node root, std::string_view path, ir::FileIndex file,
                 const LoweringLimits& limits = {});

}  // namespace slotlint::javascript
