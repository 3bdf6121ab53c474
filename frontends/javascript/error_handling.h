// How JavaScript code around a call handles the error a TRYAGAIN reply
// becomes (a rejected promise): a `try`/`catch` around the awaited call or a
// `.catch(...)` on it, whether the handler throws again, whether a loop
// around it tries again, and whether that loop waits first.
#pragma once

#include <span>
#include <string>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::javascript {

ir::ErrorHandling error_handling(ts::Node raising_call, ir::FileIndex file);

// Where a command queued on a pipeline or multi() is sent: the execute call
// ending its chain, or the first `<name>.exec()` after it on the same variable.
ts::Node batch_execution(ts::Node queued_call, std::span<const std::string> execute_methods);

}  // namespace slotlint::javascript
