// JavaScript / TypeScript syntax read the same way by the lowering and the
// error-handling finder.
#pragma once

#include "frontends/common/tree_sitter.h"

namespace slotlint::javascript {

// The expression inside `( )`, `await`, `!`, `as T`, `satisfies T` and `<T>x`:
// none of them is a value of its own.
ts::Node unwrap(ts::Node expr);

}  // namespace slotlint::javascript
