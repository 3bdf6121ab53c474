// Choosing among a method's overloads (Java, C++): by how many arguments a
// call passes and what kind each is ("number", "string", "list", "map",
// "other", or "unknown" when the frontend cannot tell).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/api_model.h"
#include "frontends/common/bound_values.h"

namespace slotlint::frontend {

// The first declaration (in model order) whose arity and argument kinds fit.
const model::Method* pick_overload(const std::vector<const model::Method*>& overloads,
                                   const std::vector<std::string>& kinds);

// An unknown argument may be a string or a list, never a number or a map.
bool kind_matches(std::string_view wanted, std::string_view actual);

// A statically typed call's arguments as the template binds them: a list
// passed as the last argument where the method takes varargs (`String...
// keys`, `K... keys`) is its elements; a list passed for a single parameter
// stays a list of elements (a list we cannot see holds any keys, not copies
// of one). `nodes` (one per value, or empty) are the argument expressions.
std::vector<PassedArgument> typed_arguments(const model::Method& method, std::vector<Value> values,
                                            const std::vector<std::string>& kinds,
                                            const std::vector<ts::Node>& nodes = {});

}  // namespace slotlint::frontend
