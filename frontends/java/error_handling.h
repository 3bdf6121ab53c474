// How Java code around a Redis call treats the error a TRYAGAIN reply
// becomes: a try/catch naming that exception class (or a base of it), what
// the catch block does with it, and the retry loop around it.
#pragma once

#include <span>
#include <string>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::java {

// `classes`: the exception classes a catch must name to catch TRYAGAIN (the
// client's and its bases, from the API model).
ir::ErrorHandling error_handling(ts::Node raising_call, std::span<const std::string> classes,
                                 ir::FileIndex file);

// The call that sends a queued command's batch: `t.exec()`, `p.sync()`,
// `batch.execute()` on the same receiver later in the function (null when
// there is none to see).
ts::Node batch_execution(ts::Node queued_call, std::string_view receiver,
                         std::span<const std::string> execute_methods);

}  // namespace slotlint::java
