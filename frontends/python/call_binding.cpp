#include "frontends/python/call_binding.h"

#include <algorithm>
#include <cctype>

namespace slotlint::python {
namespace {

using Kind = model::Parameter::Kind;

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

// Whether a value we cannot see is more likely a list of keys than one key,
// judged by how the code names it: `queue_keys`, `names`, `key_list` are
// lists; `queue_name`, `key`, `self.lock_key` are single keys.
bool named_like_many(const Value& value) {
  std::string name = value.text.is_unknown() ? value.text.unknown_reason() : value.text.display();
  auto dot = name.find_last_of(".<");
  if (dot != std::string::npos) name = name.substr(dot + 1);
  while (!name.empty() && (name.back() == '>' || name.back() == ')')) name.pop_back();
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.ends_with('s') || name.find("list") != std::string::npos ||
         name.find("keys") != std::string::npos || name.find("set") != std::string::npos;
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
std::vector<ir::Arg> mapping_args(const Value* value, ir::SourceSpan call, bool keys, bool values) {
  if (value == nullptr) return {};
  if (value->kind != Value::Kind::Mapping) return {opaque_spread(*value, call)};
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

PythonArguments::PythonArguments(const model::Method& method, ts::Node argument_list,
                                 const Evaluator& evaluator, const Scope& scope, ir::FileIndex file)
    : call_{file, argument_list.begin(), argument_list.end()} {
  std::vector<const model::Parameter*> positional;
  const model::Parameter* varargs = nullptr;
  for (const auto& param : method.signature) {
    if (param.kind == Kind::Positional) positional.push_back(&param);
    if (param.kind == Kind::VarArgs) varargs = &param;
  }
  if (varargs != nullptr) {
    varargs_ = varargs->name;
    values_[varargs_] = Value{Value::Kind::Sequence, {}, {}, {}, {}, false};
  }

  std::size_t next = 0;
  for (std::uint32_t i = 0; i < argument_list.named_child_count(); ++i) {
    auto arg = argument_list.named_child(i);
    auto type = arg.type();
    if (type == "comment") continue;
    if (type == "keyword_argument") {
      values_[std::string(arg.field("name").text())] =
          evaluator.evaluate(arg.field("value"), scope, arg.begin());
      nodes_[std::string(arg.field("name").text())] = arg.field("value");
      continue;
    }
    if (type == "dictionary_splat") continue;  // **options: never keys here
    bool starred = type == "list_splat";
    Value value = evaluator.evaluate(starred ? arg.named_child(0) : arg, scope, arg.begin());
    if (starred) {
      // *args stands for any number of positional arguments from here on.
      Value seq{Value::Kind::Sequence, {}, {}, {}, {}, false};
      seq.items.push_back({std::move(value), true});
      value = std::move(seq);
    }
    if (next < positional.size()) {
      if (!starred) nodes_[positional[next]->name] = arg;
      values_[positional[next++]->name] = std::move(value);
      if (starred) next = positional.size();  // the rest is unknowable; it all goes to *args
    } else if (varargs != nullptr) {
      auto& items = values_[varargs->name].items;
      if (starred) {
        std::ranges::move(value.items, std::back_inserter(items));
      } else {
        items.push_back({std::move(value), false});
      }
    }
  }
}

const Value* PythonArguments::find(std::string_view param) const {
  auto it = values_.find(param);
  return it == values_.end() ? nullptr : &it->second;
}

ts::Node PythonArguments::node_of(std::string_view param) const {
  auto it = nodes_.find(param);
  return it == nodes_.end() ? ts::Node{} : it->second;
}

bool PythonArguments::bound(std::string_view param) const { return find(param) != nullptr; }

std::vector<ir::Arg> PythonArguments::single(std::string_view param) const {
  const auto* value = find(param);
  if (value == nullptr) return {};
  if (value->kind == Value::Kind::Sequence && value->items.size() == 1 && value->items[0].spread) {
    return {opaque_spread(value->items[0].value, call_)};
  }
  return {as_single(*value, call_)};
}

std::vector<ir::Arg> PythonArguments::spread(std::string_view param) const {
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
      // redis-py's list_or_args(keys, args): with more keys after it, `keys`
      // is one key, not a list.
      const auto* more = varargs_.empty() || param == varargs_ ? nullptr : find(varargs_);
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

std::optional<std::size_t> PythonArguments::count(std::string_view param) const {
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

std::vector<ir::Arg> PythonArguments::map_keys(std::string_view param) const {
  return mapping_args(find(param), call_, true, false);
}

std::vector<ir::Arg> PythonArguments::map_values(std::string_view param) const {
  return mapping_args(find(param), call_, false, true);
}

std::vector<ir::Arg> PythonArguments::map_items(std::string_view param) const {
  return mapping_args(find(param), call_, true, true);
}

}  // namespace slotlint::python
