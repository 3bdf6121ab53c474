// How Python code around a call handles the error a TRYAGAIN reply becomes:
// the innermost `try` whose `except` names that error class or a base of it
// (or is bare), whether the handler re-raises, whether a loop around the try
// runs the call again, and whether that loop sleeps before it does.
#pragma once

#include <span>
#include <string>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::python {

// `classes`: the error class the client raises for TRYAGAIN and its bases.
ir::ErrorHandling error_handling(ts::Node raising_call, std::span<const std::string> classes,
                                 ir::FileIndex file);

// Where a command queued on a pipeline is sent: the `.execute()` ending its
// chain, or the first `<name>.execute()` after it on the same variable in
// the same function. Null when none is found.
ts::Node batch_execution(ts::Node queued_call);

// How many times the pipeline variable a command is queued on was executed
// before it: a pipeline reused after execute() starts a new batch.
std::size_t executions_before(ts::Node queued_call);

}  // namespace slotlint::python
