#include "frontends/common/bound_values.h"

#include <algorithm>
#include <cctype>

namespace slotlint::frontend {
namespace {

ir::Arg opaque_spread(const Value& value, ir::SourceSpan span) {
  // A value we cannot see used as a list of keys; named as the code names it.
  std::string what = value.text.is_unknown() ? value.text.unknown_reason() : value.text.display();
  if (what.size() > 2 && what.front() == '<' && what.back() == '>' &&
      what.find('<', 1) == std::string::npos) {
    what = what.substr(1, what.size() - 2);
  }
  ir::KeyExpr keys =
      ir::KeyExpr::unknown(what, value.text.span().empty() ? span : value.text.span());
  keys.mark_collection();
  return {std::move(keys), true};
}

ir::Arg as_single(const Value& value, ir::SourceSpan span) {
  if (value.is_text() || value.kind == Value::Kind::Opaque) return {value.text, false};
  return {ir::KeyExpr::unknown("a collection passed as one argument", span), false};
}

std::vector<ir::Arg> items_of(const Value& value, ir::SourceSpan span) {
  std::vector<ir::Arg> args;
  for (const auto& item : value.items) {
    if (!item.spread) {
      args.push_back(as_single(item.value, span));
    } else if (item.value.text.is_collection() && !item.value.text.is_unknown()) {
      args.push_back({item.value.text, true});  // comprehension: element pattern
    } else if (item.value.kind == Value::Kind::Sequence) {
      auto inner = items_of(item.value, span);
      std::ranges::move(inner, std::back_inserter(args));
    } else {
      args.push_back(opaque_spread(item.value, span));
    }
  }
  return args;
}

// A mapping's keys, values, or both interleaved (MSET's key/value pairs).
}  // namespace

// Whether a value we cannot see is more likely a list of keys than one key,
// judged by how the code names it: `queue_keys`, `names`, `key_list` are
// lists; `queue_name`, `key`, `self.lock_key` are single keys.
bool named_like_many(const Value& value) {
  std::string name = value.text.is_unknown() ? value.text.unknown_reason() : value.text.display();
  auto dot = name.find_last_of(".<");
  if (dot != std::string::npos) name = name.substr(dot + 1);
  while (!name.empty() && (name.back() == '>' || name.back() == ')')) name.pop_back();
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!name.empty() && name.back() == '(') name.pop_back();
  // keys, queue_names, key_list, id_set; not get_set_key(), offset_key.
  return name.ends_with('s') || name.find("list") != std::string::npos ||
         name.find("keys") != std::string::npos || name.ends_with("set");
}

std::optional<Value> as_mapping(const Value& value) {
  if (value.kind == Value::Kind::Mapping) return value;
  if (value.kind != Value::Kind::Sequence ||
      std::ranges::any_of(value.items, [](const SequenceItem& i) { return i.spread; })) {
    return std::nullopt;
  }
  Value map{Value::Kind::Mapping, {}, {}, {}, {}, false};
  bool pairs = !value.items.empty() && std::ranges::all_of(value.items, [](const SequenceItem& i) {
    return i.value.kind == Value::Kind::Sequence && i.value.items.size() == 2;
  });
  if (pairs) {  // [[key, value], ...]
    for (const auto& item : value.items) {
      map.keys.push_back(item.value.items[0].value);
      map.values.push_back(item.value.items[1].value);
    }
    return map;
  }
  if (value.items.size() % 2 != 0) return std::nullopt;
  for (std::size_t i = 0; i < value.items.size(); i += 2) {  // [key, value, key, value]
    map.keys.push_back(value.items[i].value);
    map.values.push_back(value.items[i + 1].value);
  }
  return map;
}

namespace {

std::vector<ir::Arg> mapping_args(const Value* given, ir::SourceSpan call, bool keys, bool values) {
  if (given == nullptr) return {};
  auto mapping = as_mapping(*given);
  if (!mapping) return {opaque_spread(*given, call)};
  const Value* value = &*mapping;
  std::vector<ir::Arg> args;
  for (std::size_t i = 0; i < value->keys.size(); ++i) {
    if (keys) args.push_back(as_single(value->keys[i], call));
    if (values) args.push_back(as_single(value->values[i], call));
  }
  if (value->mapping_has_unknown_part) {
    args.push_back(opaque_spread(Value::opaque(ir::KeyExpr::unknown("**mapping", call)), call));
  }
  return args;
}

}  // namespace

BoundValues::BoundValues(std::string varargs, ir::SourceSpan call)
    : varargs_(std::move(varargs)), call_(call) {
  if (!varargs_.empty()) values_[varargs_] = Value{Value::Kind::Sequence, {}, {}, {}, {}, false};
}

void BoundValues::bind(std::string param, Value value, ts::Node node) {
  if (!node.is_null()) nodes_[param] = node;
  values_[std::move(param)] = std::move(value);
}

void BoundValues::add_vararg(Value value, bool spread) {
  if (varargs_.empty()) return;
  auto& items = values_[varargs_].items;
  if (spread && value.kind == Value::Kind::Sequence) {
    std::ranges::move(value.items, std::back_inserter(items));
  } else {
    items.push_back({std::move(value), spread});
  }
}

const Value* BoundValues::find(std::string_view param) const {
  // "options.keys": the field `keys` of the object passed as `options`.
  auto dot = param.find('.');
  auto it = values_.find(param.substr(0, dot));
  if (it == values_.end()) return nullptr;
  if (dot == std::string_view::npos) return &it->second;
  const Value* value = &it->second;
  for (auto rest = param.substr(dot + 1); value != nullptr;) {
    auto next = rest.find('.');
    auto field = rest.substr(0, next);
    const Value* found = nullptr;
    for (std::size_t i = 0; value->kind == Value::Kind::Mapping && i < value->keys.size(); ++i) {
      if (value->keys[i].text.is_literal() && value->keys[i].text.literal_text() == field)
        found = &value->values[i];
    }
    value = found;
    if (next == std::string_view::npos) break;
    rest = rest.substr(next + 1);
  }
  return value;
}

ts::Node BoundValues::node_of(std::string_view param) const {
  auto it = nodes_.find(param);
  return it == nodes_.end() ? ts::Node{} : it->second;
}

bool BoundValues::bound(std::string_view param) const { return find(param) != nullptr; }

std::vector<ir::Arg> BoundValues::single(std::string_view param) const {
  const auto* value = find(param);
  if (value == nullptr) return {};
  if (value->kind == Value::Kind::Sequence && value->items.size() == 1 && value->items[0].spread) {
    return {opaque_spread(value->items[0].value, call_)};
  }
  return {as_single(*value, call_)};
}

std::vector<ir::Arg> BoundValues::spread(std::string_view param) const {
  const auto* value = find(param);
  if (value == nullptr) return {};
  switch (value->kind) {
    case Value::Kind::Sequence:
      return items_of(*value, call_);
    case Value::Kind::Mapping:
      return map_keys(param);
    case Value::Kind::String:
    case Value::Kind::Number:
      return {as_single(*value, call_)};
    case Value::Kind::Opaque: {
      // A list-or-first-key parameter (redis-py's list_or_args(keys, args),
      // ioredis's flattened arguments): with more after it, it is one key.
      const auto* more =
          !list_or_args_ || varargs_.empty() || param == varargs_ ? nullptr : find(varargs_);
      if (more != nullptr && !more->items.empty()) return {as_single(*value, call_)};
      return {named_like_many(*value) ? opaque_spread(*value, call_) : as_single(*value, call_)};
    }
    case Value::Kind::Path:
    case Value::Kind::OpenFile:
    case Value::Kind::FileContents:
      return {as_single(*value, call_)};  // a path or file is one argument, never keys
  }
  return {};
}

std::optional<std::size_t> BoundValues::count(std::string_view param) const {
  const auto* value = find(param);
  if (value == nullptr) return std::nullopt;
  if (value->kind == Value::Kind::Sequence) {
    auto args = items_of(*value, call_);
    if (std::ranges::any_of(args, [](const ir::Arg& a) { return a.spread; })) return std::nullopt;
    return args.size();
  }
  if (value->kind == Value::Kind::Mapping && !value->mapping_has_unknown_part)
    return value->keys.size();
  if (value->is_text()) return 1;
  return std::nullopt;
}

std::vector<ir::Arg> BoundValues::map_keys(std::string_view param) const {
  return mapping_args(find(param), call_, true, false);
}

std::vector<ir::Arg> BoundValues::map_values(std::string_view param) const {
  return mapping_args(find(param), call_, false, true);
}

std::vector<ir::Arg> BoundValues::map_items(std::string_view param) const {
  return mapping_args(find(param), call_, true, true);
}

namespace {

using ParamKind = model::Parameter::Kind;

std::string varargs_name(const model::Method& method) {
  for (const auto& param : method.signature) {
    if (param.kind == ParamKind::VarArgs) return param.name;
  }
  return {};
}

// What one argument stands for once the library flattens it.
void flatten_into(std::vector<PassedArgument>& out, PassedArgument passed, bool flattens) {
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
          {Value::opaque(ir::KeyExpr::unknown("...mapping", value.text.span())), true, {}});
    }
    return;
  }
  out.push_back(std::move(passed));
}

}  // namespace

PositionalArguments::PositionalArguments(const model::Method& method,
                                         std::vector<PassedArgument> arguments, ir::SourceSpan call,
                                         bool flattens)
    : BoundValues(varargs_name(method), call) {
  std::vector<const model::Parameter*> positional;
  for (const auto& param : method.signature) {
    if (param.kind == ParamKind::Positional) positional.push_back(&param);
  }
  // Named parameters take arguments as they are; what is left for the
  // variadic parameter is flattened (go-redis MSet(ctx, map), ioredis
  // mget(["a", "b"])).
  std::vector<PassedArgument> passed;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    bool named =
        i < positional.size() &&
        std::ranges::none_of(arguments.begin(), arguments.begin() + static_cast<std::ptrdiff_t>(i),
                             [](const PassedArgument& a) { return a.spread; });
    if (named) {
      passed.push_back(std::move(arguments[i]));
    } else {
      flatten_into(passed, std::move(arguments[i]), flattens);
    }
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
                  named_like_many(arg.value);
      add_vararg(std::move(arg.value), arg.spread || many);
    }
  }
}

}  // namespace slotlint::frontend
