// The Python frontend: a file's Redis work → RedisOps, on the shared engine.
//
// The file is lowered to the IL (lowering.h); the project modules its imports
// name are lowered when the engine first reaches them (ModuleLoader parses
// each once per run). The value-flow engine follows values through them, and
// the API-model host (frontends/common/engine_host.h) turns every call on a
// client, batch or script into a RedisOp. Only what Python alone says stays
// here: how a format spec writes a value, where a file the code opens is,
// and how a `try` around the call or its batch's execute() handles TRYAGAIN
// (error_handling.h). The frontend never decides about slots.
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

// `modules` finds the project modules the file's imports name.
frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               ModuleLoader& modules);

}  // namespace slotlint::python
