// The JavaScript/TypeScript frontend: ioredis and node-redis calls → RedisOps.
//
// Each file is lowered to the program IL (lowering.h) and run through the
// value-flow engine (analyzer/engine/) with the project modules its relative
// imports name; the API-model host (frontends/common/engine_host.h) turns the
// calls the engine reports on clients, batches and scripts into RedisOps.
// What stays here is JavaScript's: where a file the code reads is, and the
// try/catch, `.catch(...)` and retry loops around a call (error_handling.h).
#pragma once

#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/common/parsing.h"
#include "frontends/common/tree_sitter.h"

extern "C" const TSLanguage* tree_sitter_javascript();
extern "C" const TSLanguage* tree_sitter_typescript();
extern "C" const TSLanguage* tree_sitter_tsx();

namespace slotlint::javascript {

class JsProject;

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               JsProject* project);

}  // namespace slotlint::javascript
