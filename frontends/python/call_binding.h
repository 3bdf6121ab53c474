// Binds a Python call's arguments to a model method's signature and answers
// the argv template's questions about them.
#pragma once

#include <map>
#include <string>

#include "frontends/common/op_builder.h"
#include "frontends/python/evaluator.h"

namespace slotlint::python {

class PythonArguments final : public frontend::BoundArguments {
 public:
  PythonArguments(const model::Method& method, ts::Node argument_list, const Evaluator& evaluator,
                  const Scope& scope, ir::FileIndex file);

  bool bound(std::string_view param) const override;
  std::vector<ir::Arg> single(std::string_view param) const override;
  std::vector<ir::Arg> spread(std::string_view param) const override;
  std::optional<std::size_t> count(std::string_view param) const override;
  std::vector<ir::Arg> map_keys(std::string_view param) const override;
  std::vector<ir::Arg> map_values(std::string_view param) const override;
  std::vector<ir::Arg> map_items(std::string_view param) const override;
  // The expression passed for `param` (null when it is not passed by itself).
  [[nodiscard]] ts::Node node_of(std::string_view param) const;

 private:
  const Value* find(std::string_view param) const;

  std::map<std::string, Value, std::less<>> values_;  // a VarArgs parameter holds a Sequence
  std::map<std::string, ts::Node, std::less<>> nodes_;
  std::string varargs_;  // the VarArgs parameter's name, if any
  ir::SourceSpan call_;
};

}  // namespace slotlint::python
