// The Python frontend: redis-py calls → RedisOps.
//
// One pass collects scopes and candidate method calls (`x.mget(...)` where
// mget is in the API model); each candidate whose receiver is a Redis client
// (by what it was assigned from, its annotation, or a conventional name) is
// bound to the model's signature and expanded into an argv. The frontend never
// decides about slots; it only records what the code sends.
#pragma once

#include <optional>

#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/common/parsing.h"
#include "frontends/common/tree_sitter.h"

extern "C" const TSLanguage* tree_sitter_python();

namespace slotlint::python {

// Python's indentation nests too: tree-sitter's scanner holds every level.
inline frontend::ParseLimits parse_limits(frontend::ParseLimits limits = {}) {
  limits.indentation_nests = true;
  return limits;
}

class ModuleLoader;

// `modules` follows imports into other modules of the project (may be null).
frontend::FileAnalysis analyse(const frontend::FileInput& file, const model::ApiModel& api,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               ModuleLoader* modules);

}  // namespace slotlint::python
