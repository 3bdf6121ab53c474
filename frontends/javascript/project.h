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
  JsProject(std::filesystem::path root, const files::ProjectFiles& files)
      : files_(files), root_(root), scripts_(std::move(root), files), modules_(files) {}
  [[nodiscard]] const files::ProjectFiles& files() const { return files_; }
  [[nodiscard]] const std::filesystem::path& root() const { return root_; }
  lua::ScriptLibrary& scripts() { return scripts_; }
  ModuleLoader& modules() { return modules_; }

 private:
  // Before the members that keep a reference to it.
  const files::ProjectFiles& files_;
  std::filesystem::path root_;
  lua::ScriptLibrary scripts_;
  ModuleLoader modules_;
};

}  // namespace slotlint::javascript
