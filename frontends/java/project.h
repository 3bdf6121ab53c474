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
  explicit JavaProject(std::filesystem::path root) : scripts_(std::move(root)) {}
  lua::ScriptLibrary& scripts() { return scripts_; }
  ClassIndex& classes() { return classes_; }

 private:
  lua::ScriptLibrary scripts_;
  ClassIndex classes_;
};

}  // namespace slotlint::java
