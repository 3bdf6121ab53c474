// The engine's abstract values as the op builder reads arguments: strings and
// numbers as keys, sequences and collections as lists, maps as mappings; and
// a call's arguments bound to a model method's signature.
#pragma once

#include <memory>
#include <vector>

#include "analyzer/engine/host.h"
#include "frontends/common/bound_values.h"

namespace slotlint::frontend {

Value from_engine(const engine::Value& value, ir::SourceSpan at, const engine::Limits& limits);

// Keywords by name, positional arguments in order, the rest (and spreads) to
// the variadic parameter; `flattens`: the client spreads arrays and mappings
// among its arguments (ioredis, go-redis).
std::unique_ptr<BoundValues> bind_arguments(const model::Method& method,
                                            const std::vector<engine::ArgValue>& args,
                                            ir::SourceSpan call, bool flattens,
                                            const engine::Limits& limits);

}  // namespace slotlint::frontend
