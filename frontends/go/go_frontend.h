// The Go frontend: go-redis calls → RedisOps.
//
// One pass collects scopes, struct field types, imports and calls; each call
// `x.Method(...)` whose receiver is a go-redis client (by constructor, a
// parameter or field of a client type, a conventional name) is bound to the
// model's signature (ctx first, variadic values flattened) and expanded into
// an argv. Pipelines (Pipeline, TxPipeline, Pipelined/TxPipelined callbacks,
// Watch) group their commands; scripts run with Eval or redis.NewScript.
#pragma once

#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/common/parsing.h"
#include "frontends/common/tree_sitter.h"

extern "C" const TSLanguage* tree_sitter_go();

namespace slotlint::golang {

class GoProject;

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               GoProject* project);

}  // namespace slotlint::golang
