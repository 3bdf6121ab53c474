#include "frontends/javascript/syntax.h"

namespace slotlint::javascript {

ts::Node unwrap(ts::Node expr) {
  // Bounded: a hostile file may wrap an expression thousands of times.
  for (int depth = 0; depth < 256 && !expr.is_null(); ++depth) {
    auto type = expr.type();
    if (type != "parenthesized_expression" && type != "await_expression" &&
        type != "non_null_expression" && type != "as_expression" &&
        type != "satisfies_expression" && type != "type_assertion")
      return expr;
    // `x as T`: x, then T; `<T>x`: T, then x.
    auto inner = type == "type_assertion" ? expr.named_child(expr.named_child_count() - 1)
                                          : expr.named_child(0);
    if (inner.is_null()) return expr;
    expr = inner;
  }
  return expr;
}

}  // namespace slotlint::javascript
