// Values bound to a model method's parameters, answering the argv template's
// questions (op_builder.h). Each frontend binds its language's call syntax
// (keyword arguments, splats, spreads) and leaves the rest to this class.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "frontends/common/op_builder.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/common/value.h"

namespace slotlint::frontend {

// A mapping, or a sequence that stands for one: [[k, v], ...] or a flat
// [k, v, k, v] (node-redis mSet). nullopt for anything else.
std::optional<Value> as_mapping(const Value& value);

// Whether a value we cannot see is named like a list (`keys`, `queue_names`).
bool named_like_many(const Value& value);

class BoundValues : public BoundArguments {
 public:
  // `varargs`: the name of the parameter that gathers extra positional
  // arguments (empty when the signature has none).
  BoundValues(std::string varargs, ir::SourceSpan call);

  void bind(std::string param, Value value, ts::Node node = {});
  // One more argument for the varargs parameter; `spread` when it stands for
  // any number of them (`*args`, `...rest`).
  void add_vararg(Value value, bool spread);

  bool bound(std::string_view param) const override;
  std::vector<ir::Arg> single(std::string_view param) const override;
  std::vector<ir::Arg> spread(std::string_view param) const override;
  std::optional<std::size_t> count(std::string_view param) const override;
  std::vector<ir::Arg> map_keys(std::string_view param) const override;
  std::vector<ir::Arg> map_values(std::string_view param) const override;
  std::vector<ir::Arg> map_items(std::string_view param) const override;
  // redis-py's list_or_args(keys, args): a list parameter followed by more
  // arguments is one key. Off for other libraries (`keys []string, args ...`).
  void treat_list_or_args() { list_or_args_ = true; }
  // The expression passed for `param` (null when it is not passed by itself).
  [[nodiscard]] ts::Node node_of(std::string_view param) const;
  [[nodiscard]] const std::string& varargs() const { return varargs_; }

 private:
  const Value* find(std::string_view param) const;

  std::map<std::string, Value, std::less<>> values_;  // the varargs parameter holds a Sequence
  std::map<std::string, ts::Node, std::less<>> nodes_;
  std::string varargs_;
  ir::SourceSpan call_;
  bool list_or_args_ = false;
};

// An argument as a call passes it: `...rest` / `keys...` are spreads.
struct PassedArgument {
  Value value;
  bool spread = false;
  ts::Node node{};
};

// Positional arguments (with spreads) bound to a signature, for languages
// without keyword arguments. A client that flattens its arguments (ioredis,
// go-redis) takes arrays as their elements and mappings as key/value pairs.
class PositionalArguments : public BoundValues {
 public:
  PositionalArguments(const model::Method& method, std::vector<PassedArgument> arguments,
                      ir::SourceSpan call, bool flattens);
};

}  // namespace slotlint::frontend
