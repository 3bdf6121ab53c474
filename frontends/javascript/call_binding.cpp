#include "frontends/javascript/call_binding.h"

namespace slotlint::javascript {
namespace {

using Kind = model::Parameter::Kind;

std::string varargs_of(const model::Method& method) {
  for (const auto& param : method.signature) {
    if (param.kind == Kind::VarArgs) return param.name;
  }
  return {};
}

struct Passed {
  Value value;
  bool spread = false;
  ts::Node node;
};

// What one argument stands for once the library flattens it.
void flatten_into(std::vector<Passed>& out, Passed passed, bool flattens) {
  if (!flattens || passed.spread) {
    out.push_back(std::move(passed));
    return;
  }
  auto& value = passed.value;
  if (value.kind == Value::Kind::Sequence) {
    for (auto& item : value.items) out.push_back({std::move(item.value), item.spread, {}});
    return;
  }
  if (value.kind == Value::Kind::Mapping) {
    for (std::size_t i = 0; i < value.keys.size(); ++i) {
      out.push_back({std::move(value.keys[i]), false, {}});
      out.push_back({std::move(value.values[i]), false, {}});
    }
    if (value.mapping_has_unknown_part) {
      out.push_back(
          {Value::opaque(ir::KeyExpr::unknown("...object", value.text.span())), true, {}});
    }
    return;
  }
  out.push_back(std::move(passed));
}

}  // namespace

JsArguments::JsArguments(const model::Method& method, ts::Node arguments,
                         const Evaluator& evaluator, const Scope& scope, ir::FileIndex file,
                         bool flattens)
    : BoundValues(varargs_of(method), {file, arguments.begin(), arguments.end()}) {
  std::vector<Passed> passed;
  for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
    auto arg = arguments.named_child(i);
    if (arg.type() == "comment") continue;
    bool spread = arg.type() == "spread_element";
    auto expr = spread ? arg.named_child(0) : arg;
    Value value = evaluator.evaluate(expr, scope, arg.begin());
    if (spread && value.kind == Value::Kind::Sequence) {
      for (auto& item : value.items)
        flatten_into(passed, {std::move(item.value), item.spread, {}}, false);
      continue;
    }
    flatten_into(passed, {std::move(value), spread, expr}, flattens);
  }
  std::vector<const model::Parameter*> positional;
  for (const auto& param : method.signature) {
    if (param.kind == Kind::Positional) positional.push_back(&param);
  }
  std::size_t next = 0;
  for (auto& arg : passed) {
    if (next < positional.size() && !arg.spread) {
      bind(positional[next++]->name, std::move(arg.value), arg.node);
    } else if (next < positional.size()) {
      // A spread where single parameters are expected: the rest is unknowable.
      Value seq{Value::Kind::Sequence, {}, {}, {}, {}, false};
      seq.items.push_back({std::move(arg.value), true});
      bind(positional[next]->name, std::move(seq));
      next = positional.size();
    } else {
      // An array we cannot see, named like one (`keys`), among the arguments
      // a flattening client spreads: its elements.
      bool many = flattens && !arg.spread && arg.value.kind == Value::Kind::Opaque &&
                  frontend::named_like_many(arg.value);
      add_vararg(std::move(arg.value), arg.spread || many);
    }
  }
}

}  // namespace slotlint::javascript
