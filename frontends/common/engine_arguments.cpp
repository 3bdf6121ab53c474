#include "frontends/common/engine_arguments.h"

namespace slotlint::frontend {
namespace {

using engine::ValueKind;
using ParamKind = model::Parameter::Kind;

Value sequence_value() { return Value{Value::Kind::Sequence, {}, {}, {}, {}, false}; }

}  // namespace

Value from_engine(const engine::Value& value, ir::SourceSpan at, const engine::Limits& limits) {
  switch (value.kind()) {
    case ValueKind::String:
      return Value::string(value.as_string().key);
    case ValueKind::Number:
      if (value.as_number().value || !value.as_number().text.empty())
        return Value::number(engine::key_of(value, at, limits));
      return Value::opaque(engine::key_of(value, at, limits));
    case ValueKind::Path:
      return Value::file(Value::Kind::Path, value.as_path().path);
    case ValueKind::Sequence: {
      Value out = sequence_value();
      for (const auto& item : value.as_sequence().items)
        out.items.push_back({from_engine(item, at, limits), false});
      return out;
    }
    case ValueKind::Collection: {
      // Zero or more elements shaped like the element: one spread item.
      Value element = from_engine(value.as_collection().element.front(), at, limits);
      if (element.is_text() || element.kind == Value::Kind::Opaque) element.text.mark_collection();
      Value out = sequence_value();
      out.items.push_back({std::move(element), true});
      return out;
    }
    case ValueKind::Map: {
      Value out{Value::Kind::Mapping, {}, {}, {}, {}, false};
      for (const auto& [k, v] : value.as_map().entries) {
        out.keys.push_back(from_engine(k, at, limits));
        out.values.push_back(from_engine(v, at, limits));
      }
      return out;
    }
    case ValueKind::Alternatives: {
      // A key chosen on a branch (or a field two methods set): each
      // alternative judged on its own, when every one is a string or a
      // number; anything else widens to one template.
      std::vector<ir::KeyAlternative> choices;
      for (const auto& member : value.as_alternatives().members) {
        if (!member.is(ValueKind::String) && !member.is(ValueKind::Number)) {
          choices.clear();
          break;
        }
        choices.push_back({engine::key_of(member, at, limits), {}, {}});
      }
      if (!choices.empty()) return Value::string(ir::KeyExpr::one_of(std::move(choices), at));
      return Value::opaque(engine::key_of(value, at, limits));
    }
    case ValueKind::Unknown:
      return Value::opaque(engine::key_of(value, at, limits));
    default:
      return Value::opaque(ir::KeyExpr::unknown(value.describe(), at));
  }
}

std::unique_ptr<BoundValues> bind_arguments(const model::Method& method,
                                            const std::vector<engine::ArgValue>& args,
                                            ir::SourceSpan call, bool flattens,
                                            const engine::Limits& limits) {
  std::string varargs;
  std::vector<const model::Parameter*> positional;
  for (const auto& param : method.signature) {
    if (param.kind == ParamKind::VarArgs) varargs = param.name;
    if (param.kind == ParamKind::Positional) positional.push_back(&param);
  }
  if (flattens) {
    std::vector<PassedArgument> passed;
    for (const auto& arg : args) {
      if (arg.kind == il::Argument::Kind::Keyword || arg.kind == il::Argument::Kind::KeywordSpread)
        continue;
      passed.push_back(
          {from_engine(arg.value, arg.span, limits), arg.kind == il::Argument::Kind::Spread, {}});
    }
    return std::make_unique<PositionalArguments>(method, std::move(passed), call, true);
  }
  auto bound = std::make_unique<BoundValues>(varargs, call);
  std::size_t next = 0;
  for (const auto& arg : args) {
    Value value = from_engine(arg.value, arg.span, limits);
    switch (arg.kind) {
      case il::Argument::Kind::Keyword:
        bound->bind(arg.keyword, std::move(value));
        break;
      case il::Argument::Kind::KeywordSpread:
        break;  // **options: never keys here
      case il::Argument::Kind::Spread:
        if (next < positional.size()) {
          // Any number of positional arguments from here on: the rest goes to
          // the parameter it starts at.
          Value seq = sequence_value();
          seq.items.push_back({std::move(value), true});
          bound->bind(positional[next]->name, std::move(seq));
          next = positional.size();
        } else {
          bound->add_vararg(std::move(value), true);
        }
        break;
      case il::Argument::Kind::Positional:
        if (next < positional.size()) {
          bound->bind(positional[next++]->name, std::move(value));
        } else {
          bound->add_vararg(std::move(value), false);
        }
        break;
    }
  }
  return bound;
}

}  // namespace slotlint::frontend
