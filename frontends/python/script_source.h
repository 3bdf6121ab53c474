// Finds the Lua body behind a script argument or a script object: a string
// literal or constant, a `.lua` file the code reads, the argument of
// `script_load(...)` behind a SHA, the body given to `register_script(...)`.
#pragma once

#include <optional>

#include "analyzer/ir/script.h"
#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/python/evaluator.h"
#include "frontends/python/scopes.h"

namespace slotlint::python {

class ModuleLoader;

// `s = client.register_script(body)`: what `s(...)` runs and on which client.
struct RegisteredScript {
  ts::Node body;
  ts::Node client;
  std::string_view factory;  // the method that registered it
  const Scope* scope = nullptr;
  std::uint32_t position = 0;
};

class ScriptSources {
 public:
  ScriptSources(const model::ApiModel& api, const ScopeTree& scopes, const Evaluator& evaluator,
                ModuleLoader* loader, const frontend::FileInput& file,
                frontend::FileAnalysis& analysis)
      : api_(api),
        scopes_(scopes),
        evaluator_(evaluator),
        loader_(loader),
        file_(file),
        analysis_(analysis) {}

  // The script `expr` holds at `position`; nullopt when its body cannot be
  // seen (a notice says so when a named file is missing or unreadable).
  std::optional<ir::ScriptUse> body_of(ts::Node expr, const Scope& scope, std::uint32_t position,
                                       int depth = 0);
  // The registration a call's callee names (`s(...)`, `self.release(...)`).
  std::optional<RegisteredScript> registered(ts::Node callee, const Scope& scope) const;

 private:
  // The single assignment a name or `self.x` is bound by.
  const Binding* assignment_of(ts::Node expr, const Scope& scope) const;

  const model::ApiModel& api_;
  const ScopeTree& scopes_;
  const Evaluator& evaluator_;
  ModuleLoader* loader_;
  const frontend::FileInput& file_;
  frontend::FileAnalysis& analysis_;
};

}  // namespace slotlint::python
