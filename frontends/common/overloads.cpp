#include "frontends/common/overloads.h"

#include <algorithm>

namespace slotlint::frontend {

bool kind_matches(std::string_view wanted, std::string_view actual) {
  if (wanted == actual) return true;
  return actual == "unknown" && (wanted == "string" || wanted == "list");
}

const model::Method* pick_overload(const std::vector<const model::Method*>& overloads,
                                   const std::vector<std::string>& kinds) {
  for (const auto* method : overloads) {
    if (method->arity && *method->arity != kinds.size()) continue;
    if (kinds.size() < method->min_arity) continue;
    bool fits = std::ranges::all_of(method->arg_kinds, [&](const auto& wanted) {
      return wanted.first < kinds.size() && kind_matches(wanted.second, kinds[wanted.first]);
    });
    if (fits) return method;
  }
  return nullptr;
}

namespace {

std::optional<std::size_t> varargs_position(const model::Method& method) {
  for (std::size_t i = 0; i < method.signature.size(); ++i) {
    if (method.signature[i].kind == model::Parameter::Kind::VarArgs) return i;
  }
  return std::nullopt;
}

Value as_elements(Value value) {
  if (value.kind == Value::Kind::Sequence) return value;
  Value sequence{Value::Kind::Sequence, {}, {}, {}, {}, false};
  sequence.items.push_back({std::move(value), true});
  return sequence;
}

}  // namespace

std::vector<PassedArgument> typed_arguments(const model::Method& method, std::vector<Value> values,
                                            const std::vector<std::string>& kinds,
                                            const std::vector<ts::Node>& nodes) {
  auto varargs = varargs_position(method);
  std::vector<PassedArgument> passed;
  for (std::size_t i = 0; i < values.size(); ++i) {
    bool list = i < kinds.size() && kinds[i] == "list";
    bool last = i + 1 == values.size();
    ts::Node node = i < nodes.size() ? nodes[i] : ts::Node{};
    if (varargs && i == *varargs && last && list) {
      passed.push_back({as_elements(std::move(values[i])), true, node});
    } else if (list && (!varargs || i < *varargs)) {
      passed.push_back({as_elements(std::move(values[i])), false, node});
    } else {
      passed.push_back({std::move(values[i]), false, node});
    }
  }
  return passed;
}

}  // namespace slotlint::frontend
