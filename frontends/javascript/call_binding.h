// Binds a JavaScript call's arguments (positional, `...spread`) to a model
// method's signature.
#pragma once

#include "frontends/common/bound_values.h"
#include "frontends/javascript/evaluator.h"

namespace slotlint::javascript {

// The arguments of a call (or the elements of an array standing for one).
std::vector<frontend::PassedArgument> passed_arguments(ts::Node arguments,
                                                       const Evaluator& evaluator,
                                                       const Scope& scope);

class JsArguments final : public frontend::PositionalArguments {
 public:
  JsArguments(const model::Method& method, ts::Node arguments, const Evaluator& evaluator,
              const Scope& scope, ir::FileIndex file, bool flattens)
      : PositionalArguments(method, passed_arguments(arguments, evaluator, scope),
                            {file, arguments.begin(), arguments.end()}, flattens) {}
};

}  // namespace slotlint::javascript
