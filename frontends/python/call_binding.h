// Binds a Python call's arguments (positional, keyword, *splats) to a model
// method's signature.
#pragma once

#include "frontends/common/bound_values.h"
#include "frontends/python/evaluator.h"

namespace slotlint::python {

class PythonArguments final : public frontend::BoundValues {
 public:
  PythonArguments(const model::Method& method, ts::Node argument_list, const Evaluator& evaluator,
                  const Scope& scope, ir::FileIndex file);
};

}  // namespace slotlint::python
