// The C and C++ lowering: one translation unit's project code, as Clang typed
// it, → one il::Module, the program IL the value-flow engine
// (analyzer/engine/) reads, as the tree-sitter languages' lowerings give it.
//
// Design: one walk over the declarations of the project's files (the
// analysed file and its project headers; never system headers). Clang has
// resolved every name, so the lowering names declarations by what they are:
// a function or global by its qualified name (`app::drop`), a local or
// parameter by its name, a member through `this`. Declared types become
// annotations (a parameter's record type, `sw::redis::RedisCluster` or
// `redisContext`, through references, pointers and typedefs), which the host
// reads as it reads Python's `conn: Redis`. C++ syntax is decided here: string
// constructions and conversions are no values of their own, `a + b` on
// strings is a concatenation, `s += x` an augmented assignment, an
// initializer list a list, a range-for a loop over its range, a constructor's
// member initializers assignments to `this`'s fields. A call of a function a
// library declares (outside the project) whose first argument points to a
// record is a call on that argument (`redisCommand(c, ...)` is a method of
// `c`, which keeps its place among the arguments): the C form of a method.
// A call of a project function defined in another unit is an import of its
// qualified name, which the program resolves to the unit that defines it.
//
// Invariants:
// - Every node keeps the span of the code it came from (SourceMap's file
//   indexes); code from a macro body has the span of the macro's use.
// - What has no IL form is il::Opaque with a reason, keeping the
//   expressions it holds as children (calls inside still count).
// - Recursion is bounded by `nesting`: deeper code is one Opaque.
// - Overloads share their qualified name: the last one lowered wins a name.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include <clang/AST/ASTContext.h>

#include "analyzer/il/il.h"
#include "frontends/cpp/source_map.h"

namespace slotlint::cpp {

struct LoweringLimits {
  std::size_t nesting = 200;
  // C functions the models list as a context's methods (`redisClusterCommand`):
  // a call of one is a method of its first argument even where the project
  // declares it (a vendored client header). Data from the models.
  std::set<std::string, std::less<>> library_functions;
};

// The module an import of a function defined in another unit names.
inline constexpr std::string_view kOtherUnit = "<another unit>";

// `path` is the unit's main file as reported.
il::Module lower_unit(clang::ASTContext& context, SourceMap& map, std::string_view path,
                      const LoweringLimits& limits = {});

}  // namespace slotlint::cpp
