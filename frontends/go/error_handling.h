// How Go code around a call handles the error a TRYAGAIN reply becomes: a
// result whose error is never read (`rdb.MSet(...)` as a statement, `_ =`),
// an `if err != nil { }` that only logs, or a `for` loop that tries again,
// and whether that loop sleeps first.
#pragma once

#include "analyzer/ir/redis_op.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::golang {

ir::ErrorHandling error_handling(ts::Node call, ir::FileIndex file);

}  // namespace slotlint::golang
