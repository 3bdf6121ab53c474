// What the Java frontend keeps for a whole run: the Lua scripts the code
// loads and the other classes of the source tree it names, each read once and
// shared by every file and thread.
#pragma once

#include <filesystem>

#include "frontends/common/project_state.h"
#include "frontends/java/class_index.h"
#include "frontends/lua/script_library.h"

namespace slotlint::java {

class JavaProject final : public frontend::ProjectState {
 public:
  JavaProject(std::filesystem::path root, const files::ProjectFiles& files)
      : files_(files), scripts_(std::move(root), files), classes_(files) {}
  [[nodiscard]] const files::ProjectFiles& files() const { return files_; }
  lua::ScriptLibrary& scripts() { return scripts_; }
  ClassIndex& classes() { return classes_; }

 private:
  // Before the members that keep a reference to it.
  const files::ProjectFiles& files_;
  lua::ScriptLibrary scripts_;
  ClassIndex classes_;
};

}  // namespace slotlint::java
