// Turns what a host language's code passes as a script (a string literal or
// constant holding the body, or the contents of a `.lua` file it reads) into
// a ScriptUse: the body read once through the run's ScriptLibrary, and where
// its bytes sit, so findings can point into the literal or the `.lua` file.
// Missing or unreadable files and Lua syntax errors become notices.
#pragma once

#include <optional>
#include <string>

#include "analyzer/ir/script.h"
#include "frontends/common/engine_host.h"
#include "frontends/common/frontend.h"
#include "frontends/common/value.h"
#include "frontends/lua/script_library.h"

namespace slotlint::lua {

struct ScriptReference {
  std::string name;      // how the code names the script (`RELEASE`); empty: written inline
  std::uint32_t at = 0;  // where the code refers to it, for notices
  const frontend::FileInput& file;
  frontend::FileAnalysis& analysis;
  ScriptLibrary& library;
};

// nullopt when the value is not a script body we can read.
std::optional<ir::ScriptUse> script_from_value(const frontend::Value& value,
                                               const ScriptReference& reference);

// What a frontend on the engine hands its host to read scripts: a body the
// analysed file's code holds or reads from a file (findings then point into
// that file), read through `library`; bodies met in other modules are not
// read here.
frontend::EngineHost::ScriptReader engine_script_reader(const frontend::FileInput& file,
                                                        frontend::FileAnalysis& analysis,
                                                        ScriptLibrary& library);

}  // namespace slotlint::lua
