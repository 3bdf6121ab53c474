// The interpreter's calls: arguments to parameters, summaries applied at a
// call site, constructors, and calls on clients.
#include "analyzer/engine/frame.h"

#include <algorithm>
#include <utility>

namespace slotlint::engine {

using namespace frame_detail;

std::vector<ArgValue> Frame::arguments(const std::vector<il::Argument>& args) {
  std::vector<ArgValue> values;
  for (const auto& arg : args) {
    std::string written_as;
    if (arg.value != il::kNone) {
      const auto& kind = module_.exprs[arg.value].kind;
      if (const auto* name = std::get_if<il::Name>(&kind)) written_as = name->name;
      if (const auto* attribute = std::get_if<il::Attribute>(&kind)) written_as = attribute->name;
      if (const auto* entry = std::get_if<il::Index>(&kind)) {
        const auto* table = std::get_if<il::Name>(&module_.exprs[entry->object].kind);
        auto key = literal_text(module_, entry->index);
        if (table != nullptr && key) written_as = table->name + "[\"" + *key + "\"]";
      }
    }
    values.push_back({arg.kind, arg.keyword, eval(arg.value),
                      arg.value == il::kNone ? ir::SourceSpan{} : module_.exprs[arg.value].span,
                      std::move(written_as)});
  }
  return values;
}

Value Frame::call(const il::Call& call, il::ExprId id) {
  const CallSite site = site_of(id);
  if (call.callee == il::kNone) {
    arguments(call.args);
    return Value::unknown("a call without a callee");
  }
  if (const auto* attr = std::get_if<il::Attribute>(&module_.exprs[call.callee].kind)) {
    if (auto outcome = super_call(*attr, call, site)) return *outcome;
    Value receiver = eval(attr->object);
    auto args = arguments(call.args);
    auto outcome = call_method(receiver, attr->name, args, site);
    if (outcome.self_after) rebind(attr->object, *outcome.self_after);
    return outcome.value;
  }
  Value callee = eval(call.callee);
  auto args = arguments(call.args);
  return call_value(callee, args, site).value;
}

// `super().name(...)` in a method: the base classes' method, on this
// receiver (a base constructor sets fields on it).
std::optional<Value> Frame::super_call(const il::Attribute& attr, const il::Call& call,
                                       const CallSite& site) {
  const auto* inner = std::get_if<il::Call>(&module_.exprs[attr.object].kind);
  if (inner == nullptr || inner->callee == il::kNone || receiver_name_.empty() ||
      function_.owner == il::kNone)
    return std::nullopt;
  const auto* name = std::get_if<il::Name>(&module_.exprs[inner->callee].kind);
  if (name == nullptr || name->name != "super" || env_.contains("super")) return std::nullopt;
  for (auto base : module_.classes[function_.owner].bases) {
    auto found = engine_.base_value(invocation_.module, base, invocation_.level - 1);
    if (!found || !found->is(ValueKind::ClassRef)) continue;
    const auto& ref = found->as_class_ref();
    auto method = engine_.find_method(
        ref.module, ref.cls, [&](const il::Function& f) { return f.name == attr.name; },
        invocation_.level - 1);
    if (!method) continue;
    Value self = env_[receiver_name_];
    auto args = arguments(call.args);
    auto outcome =
        invoke(Value::function({method->first, method->second, nullptr, {self}}), args, site);
    if (outcome.self_after) env_[receiver_name_] = *outcome.self_after;
    return outcome.value;
  }
  return std::nullopt;
}

Frame::CallOutcome Frame::call_method(const Value& receiver, const std::string& name,
                                      const std::vector<ArgValue>& args, const CallSite& site) {
  switch (receiver.kind()) {
    case ValueKind::Alternatives: {
      std::optional<Value> out;
      for (const auto& member : receiver.as_alternatives().members) {
        Value each = call_method(member, name, args, site).value;
        out = out ? join(*out, each, limits_) : each;
      }
      return {*out, std::nullopt};
    }
    case ValueKind::Client:
    case ValueKind::Batch:
    case ValueKind::Script:
      return {client_call(receiver, name, args, site), std::nullopt};
    case ValueKind::Instance:
    case ValueKind::ClassRef:
    case ValueKind::Module:
    case ValueKind::External: {
      Value callee = attribute(receiver, name, il::kNone);
      return call_value(callee, args, site);
    }
    case ValueKind::Map: {
      Value callee = attribute(receiver, name, il::kNone);
      if (!callee.is(ValueKind::BoundMethod)) return call_value(callee, args, site);
      break;
    }
    default:
      break;
  }
  // A file's name and stem are attributes (frame_expressions.cpp), never called.
  if (const auto* row = engine_.builtins.find(module_.language, name, true);
      row != nullptr && row->op != BuiltinOp::FileStem && row->op != BuiltinOp::Basename) {
    if (calls_back(row->op)) return {each_element(row->op, receiver, args, site), std::nullopt};
    auto result = apply_builtin(row->op, receiver, args, engine_.host, limits_, site);
    return {result.value, result.receiver_after};
  }
  if (receiver.is(ValueKind::Unknown)) {
    if (auto client = engine_.host.identified(name, module_.language, site.id() + ".receiver"))
      return {client_call(*client, name, args, site), std::nullopt};
    return {Value::unknown("`" + name + "` called on " + receiver.describe()), std::nullopt};
  }
  return {Value::unknown("the method `" + name + "` of " + receiver.describe() +
                         " is not a builtin the engine knows"),
          std::nullopt};
}

Value Frame::each_element(BuiltinOp op, const Value& receiver, const std::vector<ArgValue>& args,
                          const CallSite& site) {
  const ArgValue* callback = nullptr;
  for (const auto& arg : args) {
    if (arg.kind == il::Argument::Kind::Positional) {
      callback = &arg;
      break;
    }
  }
  if (callback == nullptr) return Value::unknown("an iteration without a function");
  auto call_with = [&](const Value& element) {
    return call_value(callback->value,
                      {{il::Argument::Kind::Positional, {}, element, callback->span, {}}}, site)
        .value;
  };
  std::vector<Value> results;
  if (receiver.is(ValueKind::Sequence)) {
    for (const auto& item : receiver.as_sequence().items) results.push_back(call_with(item));
  } else {
    // One call stands for every element, as a loop's body does.
    std::string display = "element";
    if (callback->value.is(ValueKind::Function)) {
      const auto& data = callback->value.as_function();
      const auto& f = engine_.program.module(data.module).functions.at(data.function);
      if (!f.params.empty() && !f.params.front().name.empty()) display = f.params.front().name;
    }
    std::string element_symbol = "each:" + site.id();
    Value element = element_of(receiver, element_symbol, display);
    loop_symbols_.push_back(element_symbol);
    Value result = call_with(element);
    loop_symbols_.pop_back();
    if (op == BuiltinOp::FlatMapElements) result = element_of(result, element_symbol, display);
    if (op == BuiltinOp::MapElements || op == BuiltinOp::FlatMapElements)
      return Value::collection(result, "a map over a collection");
  }
  switch (op) {
    case BuiltinOp::EachElement:
      return Value::null();
    case BuiltinOp::FilterElements:
      return receiver;
    case BuiltinOp::FlatMapElements: {
      std::vector<Value> flat;
      for (const auto& result : results) {
        if (!result.is(ValueKind::Sequence)) {
          return Value::collection(element_of(result, "flat:" + site.id(), "item"),
                                   "a flat map of values the engine does not know");
        }
        const auto& items = result.as_sequence().items;
        flat.insert(flat.end(), items.begin(), items.end());
      }
      return Value::sequence(std::move(flat));
    }
    default:
      return Value::sequence(std::move(results));
  }
}

Frame::CallOutcome Frame::call_value(const Value& callee, const std::vector<ArgValue>& args,
                                     const CallSite& site) {
  switch (callee.kind()) {
    case ValueKind::Function:
      return invoke(callee, args, site);
    case ValueKind::BoundMethod: {
      const auto& data = callee.as_bound_method();
      return {call_method(data.receiver.front(), data.name, args, site).value, std::nullopt};
    }
    case ValueKind::ClassRef:
      return {construct(callee, args, site), std::nullopt};
    case ValueKind::Script:
      return {client_call(callee, "__call__", args, site), std::nullopt};
    case ValueKind::Alternatives: {
      std::optional<Value> out;
      for (const auto& member : callee.as_alternatives().members) {
        Value each = call_value(member, args, site).value;
        out = out ? join(*out, each, limits_) : each;
      }
      return {*out, std::nullopt};
    }
    case ValueKind::External: {
      const auto& name = callee.as_external().qualified_name;
      if (auto made = engine_.host.construct({callee, name, args, module_.language, site})) {
        return {constructed(*made, args, site), std::nullopt};
      }
      if (const auto* row = engine_.builtins.find(module_.language, name, false)) {
        return {apply_builtin(row->op, std::nullopt, args, engine_.host, limits_, site, row->name)
                    .value,
                std::nullopt};
      }
      return {Value::unknown("`" + name + "(...)` is a call no model or builtin describes"),
              std::nullopt};
    }
    default:
      if (auto made = engine_.host.construct({callee, {}, args, module_.language, site})) {
        return {constructed(*made, args, site), std::nullopt};
      }
      return {Value::unknown("a call of " + callee.describe()), std::nullopt};
  }
}

Frame::CallOutcome Frame::invoke(const Value& function, const std::vector<ArgValue>& args,
                                 const CallSite& site, bool called_back) {
  const auto& data = function.as_function();
  const auto& mod = engine_.program.module(data.module);
  const auto& f = mod.functions.at(data.function);
  const std::string name = f.name.empty() ? "a lambda" : "`" + f.name + "`";
  if (invocation_.depth_left == 0) {
    std::string reason = "the call depth limit (" + std::to_string(engine_.budgets.call_depth) +
                         ") was reached at the call of " + name;
    note(site.span, "unknown, because " + reason);
    return {Value::unknown(reason), std::nullopt};
  }
  // A function calling itself: unrolling it to the depth limit costs a
  // summary per level (its arguments differ at each), and finds no call its
  // first level does not make already.
  if (data.module == invocation_.module && data.function == invocation_.function)
    return {Value::unknown("the result of a recursive call of " + name), std::nullopt};
  Invocation callee{data.module,
                    data.function,
                    invocation_.level,
                    invocation_.depth_left - 1,
                    data.self.empty() ? std::nullopt : std::optional<Value>(data.self.front()),
                    data.closure,
                    std::vector<std::optional<Value>>(f.params.size()),
                    {}};
  if (data.closure) callee.callee = function;

  // Arguments to parameters: positional in order, keywords by name, the rest
  // to *args / **kwargs.
  std::vector<Value> extra_positional;
  std::vector<std::pair<Value, Value>> extra_keywords;
  bool unknown_spread = false;
  std::size_t next = 0;
  auto bind_positional = [&](const Value& value) {
    while (next < f.params.size() &&
           (f.params[next].kind != il::Parameter::Kind::Positional || callee.params[next])) {
      ++next;
    }
    if (next < f.params.size()) {
      callee.params[next++] = value;
    } else {
      extra_positional.push_back(value);
    }
  };
  for (const auto& arg : args) {
    switch (arg.kind) {
      case il::Argument::Kind::Positional:
        bind_positional(arg.value);
        break;
      case il::Argument::Kind::Spread:
        if (arg.value.is(ValueKind::Sequence)) {
          for (const auto& item : arg.value.as_sequence().items) bind_positional(item);
        } else {
          unknown_spread = true;
          extra_positional.push_back(element_of(arg.value, {}, {}));
        }
        break;
      case il::Argument::Kind::Keyword: {
        auto found = std::ranges::find_if(f.params, [&](const il::Parameter& p) {
          return p.name == arg.keyword && (p.kind == il::Parameter::Kind::Positional ||
                                           p.kind == il::Parameter::Kind::KeywordOnly);
        });
        if (found != f.params.end()) {
          callee.params[static_cast<std::size_t>(found - f.params.begin())] = arg.value;
        } else {
          extra_keywords.emplace_back(string_literal(arg.keyword), arg.value);
        }
        break;
      }
      case il::Argument::Kind::KeywordSpread:
        if (arg.value.is(ValueKind::Map)) {
          for (const auto& [k, v] : arg.value.as_map().entries) {
            std::string keyword = literal_key(k) ? key_of(k, {}, limits_).literal_text() : "";
            auto found = std::ranges::find_if(f.params, [&](const il::Parameter& p) {
              return !keyword.empty() && p.name == keyword;
            });
            if (found != f.params.end()) {
              callee.params[static_cast<std::size_t>(found - f.params.begin())] = v;
            } else {
              extra_keywords.emplace_back(k, v);
            }
          }
        }
        break;
    }
  }
  for (std::size_t i = 0; i < f.params.size(); ++i) {
    const auto& param = f.params[i];
    if (param.kind == il::Parameter::Kind::VarArgs) {
      if (unknown_spread) {
        Value element =
            extra_positional.empty() ? Value::unknown("no argument") : extra_positional.front();
        for (const auto& v : extra_positional) element = join(element, v, limits_);
        callee.params[i] = Value::collection(element, "arguments spread from a collection");
      } else {
        callee.params[i] = Value::sequence(extra_positional, il::SequenceLiteral::Kind::Tuple);
      }
    } else if (param.kind == il::Parameter::Kind::KeywordArgs) {
      callee.params[i] = Value::map(extra_keywords);
    } else if (!callee.params[i] && unknown_spread &&
               param.kind == il::Parameter::Kind::Positional) {
      callee.params[i] = Value::unknown("an argument spread from a collection");
    } else if (!callee.params[i] && called_back && param.default_value != il::kNone) {
      callee.params[i] = engine_.parameter_hole(data.module, data.function, param);
    }
  }

  auto [summary, generic] = engine_.summarise_call(callee);

  // What the callee made is new at each call: rename its batches and
  // instances. A generic summary's parameter holes are new here too: they
  // are not this call's arguments. Its receiver is the class's entry
  // instance, kept whole: renaming it per call would copy every field at
  // every call, and receivers past the budget are one instance anyway.
  IdSet inputs;
  const Invocation& input_of = generic ? *generic : callee;
  if (input_of.self) collect_ids(*input_of.self, inputs, engine_.ids);
  if (input_of.closure) {
    for (const auto& [_, v] : *input_of.closure) collect_ids(v, inputs, engine_.ids);
  }
  for (const auto& param : callee.params) {
    if (param) collect_ids(*param, inputs, engine_.ids);
  }
  // A generic summary is instantiated for this call: each parameter's hole
  // becomes the string or number passed for it (`prefixed(key)`'s "p:<key>"
  // the caller's "p:{<id>}/-1"); holes of other parameters stay, renamed.
  // Only such scalars: an instance put in place of a hole would make every
  // later call on what it returns a context of its own, at the full cost.
  std::map<std::string, Value> arguments_by_hole;
  if (generic) {
    for (std::size_t i = 0; i < callee.params.size() && i < generic->params.size(); ++i) {
      const auto& hole = generic->params[i];
      if (!callee.params[i] || !hole) continue;
      if (!callee.params[i]->is(ValueKind::String) && !callee.params[i]->is(ValueKind::Number))
        continue;
      std::string symbol = hole->is(ValueKind::Unknown)  ? hole->as_unknown().symbol
                           : hole->is(ValueKind::Number) ? hole->as_number().symbol
                                                         : std::string();
      if (!symbol.empty()) arguments_by_hole.emplace(std::move(symbol), *callee.params[i]);
    }
  }
  auto instantiated = [&](const Value& v) { return substitute(v, arguments_by_hole, limits_); };
  const std::string prefix = site.id() + ">";
  if (dry_ == 0) {
    for (const auto& made : summary->calls) {
      ClientCall c = made;
      if (generic) {
        c.receiver = instantiated(c.receiver);
        for (auto& arg : c.args) arg.value = instantiated(arg.value);
      }
      // A call's keys are compared with each other, and with the other
      // commands of its batch: only a batch made inside the callee is new
      // at each call, with all it holds. Any other call is the same at
      // every call site, so the paths to it share one entry (renaming it
      // per path made a summary's calls grow with the paths to them).
      Value receiver = rename_ids(c.receiver, inputs, prefix, engine_.ids);
      if (c.receiver.is(ValueKind::Batch) && receiver.digest() != c.receiver.digest()) {
        c.receiver = receiver;
        for (auto& arg : c.args) arg.value = rename_ids(arg.value, inputs, prefix, engine_.ids);
        for (auto& symbol : c.iteration_symbols) {
          symbol = rename_ids(Value::unknown({}, symbol), inputs, prefix, engine_.ids)
                       .as_unknown()
                       .symbol;
        }
      }
      c.via.insert(c.via.begin(), site);
      c.handlers.insert(c.handlers.end(), handlers_.rbegin(), handlers_.rend());
      c.iteration_symbols.insert(c.iteration_symbols.begin(), loop_symbols_.begin(),
                                 loop_symbols_.end());
      keep_call(std::move(c));
    }
  }
  for (const auto& n : summary->notes) {
    bool seen = std::ranges::any_of(notes_, [&](const Note& other) {
      return other.span == n.span && other.message == n.message;
    });
    if (!seen) notes_.push_back(n);
  }
  std::optional<Value> self_after;
  // Only a constructor's fields come back to the caller. What other methods
  // write to their receiver is seen flow-insensitively instead: each method,
  // analysed as an entry point, starts from the fields the constructor and
  // every method of the class leave, joined (Engine::Impl::entry_instance).
  // Carrying each call's writes back would make the receiver's state part of
  // every later call's context (a counter bumped by one method makes every
  // later call a new summary): the cost on real classes grows without bound.
  if (summary->self_after && f.kind == il::Function::Kind::Constructor)
    self_after = rename_ids(*summary->self_after, inputs, prefix, engine_.ids);
  return {rename_ids(instantiated(summary->result), inputs, prefix, engine_.ids), self_after};
}

Value Frame::construct(const Value& class_ref, const std::vector<ArgValue>& args,
                       const CallSite& site) {
  const auto& data = class_ref.as_class_ref();
  const auto& cls = engine_.program.module(data.module).classes[data.cls];
  // An instance of a client class's subclass is a client of that class (its
  // own methods are not followed then).
  if (auto client = engine_.client_base(data.module, data.cls, args, site, invocation_.level - 1))
    return constructed(*client, args, site);
  Value instance = Value::instance({data.module, data.cls, site.id(), {}});
  auto constructor = engine_.find_method(
      data.module, data.cls,
      [](const il::Function& f) { return f.kind == il::Function::Kind::Constructor; },
      invocation_.level - 1);
  if (constructor) {
    Value bound = Value::function({constructor->first, constructor->second, nullptr, {instance}});
    return invoke(bound, args, site).self_after.value_or(instance);
  }
  if (data.module != invocation_.module) return instance;
  InstanceData fields = instance.as_instance();
  for (const auto& field : cls.fields) {
    if (!field.is_static && field.initializer != il::kNone)
      fields.fields[field.name] = eval(field.initializer);
  }
  return Value::instance(std::move(fields));
}

void Frame::keep_call(ClientCall call) {
  if (engine_.drops_calls_made_in(call.site.module)) return;
  // Everything the host reads of a call but the path that led to it.
  std::string key = call.site.id() + "\x1f" + call.method + "\x1f" + call.receiver.digest();
  for (const auto& arg : call.args) key += "\x1f" + arg.keyword + "=" + arg.value.digest();
  for (const auto& handler : call.handlers) {
    key += "\x1f" + std::to_string(handler.span.file) + ":" + std::to_string(handler.span.begin);
  }
  for (const auto& symbol : call.iteration_symbols) key += "\x1f" + symbol;
  // Made in a module not analysed on its own: reported at the analysed
  // module's call on its path (the nearest), so each such call is its own.
  if (engine_.analysed && call.site.module != *engine_.analysed) {
    auto caller =
        std::ranges::find(call.via.rbegin(), call.via.rend(), *engine_.analysed, &CallSite::module);
    if (caller != call.via.rend()) key += "\x1f@" + caller->id();
  }
  if (call_keys_.insert(std::move(key)).second) calls_.push_back(std::move(call));
}

Value Frame::constructed(Value client, const std::vector<ArgValue>& args, const CallSite& site) {
  if (dry_ == 0 && client.is(ValueKind::Client)) {
    keep_call({client,
               std::string(kConstructed),
               args,
               module_.language,
               site,
               {site},
               {handlers_.rbegin(), handlers_.rend()},
               loop_symbols_});
  }
  return client;
}

Value Frame::client_call(const Value& receiver, const std::string& method,
                         const std::vector<ArgValue>& args, const CallSite& site) {
  ClientCall c{receiver,
               method,
               args,
               module_.language,
               site,
               {site},
               {handlers_.rbegin(), handlers_.rend()},
               loop_symbols_};
  Value result = engine_.host.call_result(c);
  auto callbacks = engine_.host.callbacks(c);
  if (dry_ == 0) keep_call(c);
  // Functions the client calls back run as if called here.
  for (const auto& callback : callbacks) {
    std::size_t position = 0;
    for (const auto& arg : args) {
      bool positional = arg.kind == il::Argument::Kind::Positional;
      bool named = !callback.keyword.empty() && arg.kind == il::Argument::Kind::Keyword &&
                   arg.keyword == callback.keyword;
      bool chosen =
          named || (positional && callback.keyword.empty() && position == callback.position);
      if (positional) ++position;
      if (!chosen) continue;
      std::vector<ArgValue> passed;
      for (const auto& value : callback.args)
        passed.push_back({il::Argument::Kind::Positional, {}, value, site.span, {}});
      for (const auto& function : arg.value.members()) {
        if (function.is(ValueKind::Function)) invoke(function, passed, site, true);
      }
    }
  }
  return result;
}

}  // namespace slotlint::engine
