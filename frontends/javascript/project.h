// What the JavaScript frontend keeps for a whole run: the Lua scripts the
// code loads and the modules it imports, each read once and shared by every
// file and thread.
#pragma once

#include <filesystem>

#include "frontends/common/project_state.h"
#include "frontends/javascript/module_loader.h"
#include "frontends/lua/script_library.h"

namespace slotlint::javascript {

class JsProject final : public frontend::ProjectState {
 public:
  explicit JsProject(std::filesystem::path root) : scripts_(std::move(root)) {}
  lua::ScriptLibrary& scripts() { return scripts_; }
  ModuleLoader& modules() { return modules_; }

 private:
  lua::ScriptLibrary scripts_;
  ModuleLoader modules_;
};

}  // namespace slotlint::javascript
