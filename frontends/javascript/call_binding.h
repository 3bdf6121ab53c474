// Binds a JavaScript call's arguments (positional, `...spread`) to a model
// method's signature. A library that flattens its arguments (ioredis) takes
// arrays as their elements and objects as key/value pairs.
#pragma once

#include "frontends/common/bound_values.h"
#include "frontends/javascript/evaluator.h"

namespace slotlint::javascript {

class JsArguments final : public frontend::BoundValues {
 public:
  JsArguments(const model::Method& method, ts::Node arguments, const Evaluator& evaluator,
              const Scope& scope, ir::FileIndex file, bool flattens);
};

}  // namespace slotlint::javascript
