#include "frontends/javascript/call_binding.h"

namespace slotlint::javascript {

std::vector<frontend::PassedArgument> passed_arguments(ts::Node arguments,
                                                       const Evaluator& evaluator,
                                                       const Scope& scope) {
  std::vector<frontend::PassedArgument> passed;
  for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
    auto arg = arguments.named_child(i);
    if (arg.type() == "comment") continue;
    bool spread = arg.type() == "spread_element";
    auto expr = spread ? arg.named_child(0) : arg;
    Value value = evaluator.evaluate(expr, scope, arg.begin());
    if (spread && value.kind == Value::Kind::Sequence) {
      // ...[a, b]: the elements themselves.
      for (auto& item : value.items) passed.push_back({std::move(item.value), item.spread, {}});
      continue;
    }
    passed.push_back({std::move(value), spread, expr});
  }
  return passed;
}

}  // namespace slotlint::javascript
