#include "frontends/python/call_binding.h"

namespace slotlint::python {

using Kind = model::Parameter::Kind;

namespace {

std::string varargs_of(const model::Method& method) {
  for (const auto& param : method.signature) {
    if (param.kind == Kind::VarArgs) return param.name;
  }
  return {};
}

}  // namespace

PythonArguments::PythonArguments(const model::Method& method, ts::Node argument_list,
                                 const Evaluator& evaluator, const Scope& scope, ir::FileIndex file)
    : BoundValues(varargs_of(method), {file, argument_list.begin(), argument_list.end()}) {
  treat_list_or_args();
  std::vector<const model::Parameter*> positional;
  for (const auto& param : method.signature) {
    if (param.kind == Kind::Positional) positional.push_back(&param);
  }
  std::size_t next = 0;
  for (std::uint32_t i = 0; i < argument_list.named_child_count(); ++i) {
    auto arg = argument_list.named_child(i);
    auto type = arg.type();
    if (type == "comment") continue;
    if (type == "keyword_argument") {
      bind(std::string(arg.field("name").text()),
           evaluator.evaluate(arg.field("value"), scope, arg.begin()), arg.field("value"));
      continue;
    }
    if (type == "dictionary_splat") continue;  // **options: never keys here
    bool starred = type == "list_splat";
    Value value = evaluator.evaluate(starred ? arg.named_child(0) : arg, scope, arg.begin());
    if (next < positional.size()) {
      if (starred) {
        // *args stands for any number of positional arguments from here on:
        // the rest is unknowable, it all goes to the varargs parameter.
        Value seq{Value::Kind::Sequence, {}, {}, {}, {}, false};
        seq.items.push_back({std::move(value), true});
        bind(positional[next]->name, std::move(seq));
        next = positional.size();
      } else {
        bind(positional[next++]->name, std::move(value), arg);
      }
    } else {
      add_vararg(std::move(value), starred);
    }
  }
}

}  // namespace slotlint::python
