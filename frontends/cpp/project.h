// What the C/C++ frontend keeps for a whole run: the compilation database
// (read once), where Clang's builtin headers are, the project's roots (what
// is inside: reported, quoted; what is not: neither), the index of the
// tree's headers (built once, when a unit first needs it), and the Lua
// scripts the code runs.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/files/project_files.h"
#include "frontends/common/project_state.h"
#include "frontends/cpp/compile_commands.h"
#include "frontends/cpp/header_index.h"
#include "frontends/cpp/other_units.h"
#include "frontends/lua/script_library.h"

namespace slotlint::cpp {

class CppProject final : public frontend::ProjectState {
 public:
  CppProject(std::filesystem::path root, const std::optional<std::filesystem::path>& database,
             const files::ProjectFiles& files, std::vector<std::filesystem::path> include = {});

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }
  [[nodiscard]] const files::ProjectFiles& files() const { return files_; }
  // Null when the database could not be read (`database_error` says why).
  [[nodiscard]] const CompileCommands* commands() const { return commands_.get(); }
  [[nodiscard]] const std::string& database_error() const { return database_error_; }
  [[nodiscard]] const std::string& resource_dir() const { return resource_dir_; }
  // The configuration's include folders: searched after the compile
  // command's own.
  [[nodiscard]] const std::vector<std::filesystem::path>& include() const { return include_; }
  lua::ScriptLibrary& scripts() { return scripts_; }
  // Safe to call from the threads analysing units.
  const HeaderIndex& header_index();
  // Units lowered for the units that call into them (safe from any thread).
  OtherUnits& other_units() { return other_units_; }

 private:
  std::filesystem::path root_;
  const files::ProjectFiles& files_;  // the run's; outlives the project
  std::unique_ptr<CompileCommands> commands_;
  std::string database_error_;
  std::string resource_dir_;
  std::vector<std::filesystem::path> include_;
  lua::ScriptLibrary scripts_;
  std::once_flag index_built_;
  std::unique_ptr<HeaderIndex> header_index_;
  OtherUnits other_units_;
};

}  // namespace slotlint::cpp
