// One translation unit's Redis calls through the value-flow engine: the
// unit's lowering (clang_lowering.h) is run by the engine with the host over
// the C/C++ models (cpp_engine_host.h), and each op is completed with what
// only the unit's syntax says: the try/catch and retry loop around its call
// (clang_error_handling.h), MULTI ... EXEC sent on one context (or pushed
// into one request) in a function as a transaction, an EVAL's body read
// from the command's words, and a caveat when its arguments use names Clang
// could not resolve for a missing header.
//
// Invariants: every op is reported once (an entry point and its callers see
// the same call); ops keep the spans of the unit's project files.
#pragma once

#include <string>
#include <vector>

#include <clang/AST/ASTContext.h>

#include "analyzer/il/il.h"
#include "frontends/common/frontend.h"
#include "frontends/cpp/source_map.h"
#include "frontends/lua/script_library.h"

namespace slotlint::cpp {

struct ModelHeader;

// What the unit's #includes came to, filled while Clang preprocesses it.
struct IncludeOutcome {
  std::vector<std::string> missing;        // not found (skipped), as written
  std::vector<const ModelHeader*> models;  // model headers used
};

struct UnitInput {
  const frontend::FileInput& file;
  frontend::Models models;
  frontend::FileAnalysis& analysis;  // ops, notices and work go here
  lua::ScriptLibrary* scripts;       // may be null
  const IncludeOutcome* includes;    // may be null
};

// Adds the ops of `unit` (lowered from `context`) to `input.analysis`.
void analyse_unit(const il::Module& unit, clang::ASTContext& context, SourceMap& map,
                  const UnitInput& input);

}  // namespace slotlint::cpp
