// What the Go frontend keeps for a whole run: the Lua scripts the code
// loads, each read once and shared by every file and thread.
#pragma once

#include <filesystem>

#include "frontends/common/project_state.h"
#include "frontends/go/package_index.h"
#include "frontends/lua/script_library.h"

namespace slotlint::golang {

class GoProject final : public frontend::ProjectState {
 public:
  GoProject(std::filesystem::path root, const files::ProjectFiles& files)
      : files_(files), scripts_(std::move(root), files), packages_(files) {}
  [[nodiscard]] const files::ProjectFiles& files() const { return files_; }
  lua::ScriptLibrary& scripts() { return scripts_; }
  PackageIndex& packages() { return packages_; }

 private:
  // Before the members that keep a reference to it.
  const files::ProjectFiles& files_;
  lua::ScriptLibrary scripts_;
  PackageIndex packages_;
};

}  // namespace slotlint::golang
