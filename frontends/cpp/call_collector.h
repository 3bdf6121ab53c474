// Finds the Redis calls of one translation unit: calls whose callee is
// declared by a client library (matched by the declaration Clang resolved,
// not by spelling) — hiredis and hiredis-cluster functions by the type of
// their context argument, redis-plus-plus and Boost.Redis methods by their
// class — and turns each into a RedisOp through the client's API model.
// Batches: redis-plus-plus pipeline()/transaction() objects and chains,
// Boost.Redis requests, and MULTI ... EXEC sent on one hiredis context (or
// pushed into one request) within a function.
#pragma once

#include <string>
#include <vector>

#include <clang/AST/ASTContext.h>

#include "frontends/common/frontend.h"
#include "frontends/cpp/clang_values.h"
#include "frontends/cpp/source_map.h"
#include "frontends/lua/script_library.h"

namespace slotlint::cpp {

struct ModelHeader;

// What the unit's #includes came to, filled while Clang preprocesses it.
struct IncludeOutcome {
  std::vector<std::string> missing;        // not found (skipped), as written
  std::vector<const ModelHeader*> models;  // model headers used
};

struct CollectorInput {
  const frontend::FileInput& file;
  frontend::Models models;
  frontend::FileAnalysis& analysis;
  lua::ScriptLibrary* scripts;     // may be null
  const IncludeOutcome* includes;  // may be null
};

// Adds the ops of the translation unit's project code to `input.analysis`.
void collect_calls(clang::ASTContext& context, SourceMap& map, const CollectorInput& input);

}  // namespace slotlint::cpp
