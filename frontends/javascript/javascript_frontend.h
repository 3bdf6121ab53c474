// The JavaScript/TypeScript frontend: ioredis and node-redis calls → RedisOps.
//
// One pass collects scopes and member calls; each call whose receiver is a
// client of one of the language's models (by constructor, import, variable,
// field, TypeScript annotation or conventional name) is bound to the model's
// signature and expanded into an argv. Scripts defined on a client
// (defineCommand, node-redis `scripts`) become EVALSHA calls of their body.
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
