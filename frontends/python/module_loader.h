// Finds and parses the Python modules that analysed files import, so keys
// built by helpers and constants in other modules (`from .keys import
// user_key`) can be followed. Each module is read and parsed once per run and
// shared by all threads; a module that cannot be found or read is simply not
// followed (the key stays a hole). Modules are read only inside the project.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/files/project_files.h"
#include "frontends/common/bounded_cache.h"
#include "frontends/common/project_state.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/lua/script_library.h"

namespace slotlint::python {

struct ParsedModule {
  std::filesystem::path path;
  std::string source;
  std::optional<ts::Tree> tree;
};

// What an import statement names: `from ..pkg.keys import x` is level 2,
// dotted "pkg.keys".
struct ModuleRef {
  int level = 0;
  std::string dotted;
};

class ModuleLoader final : public frontend::ProjectState {
 public:
  ModuleLoader(std::filesystem::path root, const files::ProjectFiles& files)
      : root_(root), files_(files), scripts_(std::move(root), files) {}

  // The module `ref` names, imported from `importer` (a path under the root);
  // null when it is not found or cannot be parsed. Shared: the caller holds
  // it while it reads it (the cache is bounded and may let it go).
  std::shared_ptr<const ParsedModule> load(const std::filesystem::path& importer,
                                           const ModuleRef& ref);
  // The file of the module `ref` names, as an import in `importer` finds it.
  std::optional<std::filesystem::path> locate(const std::filesystem::path& importer,
                                              const ModuleRef& ref) const;
  // The files called `name` in the folder of `importer` and in each folder
  // above it up to the project's root, nearest first (conftest.py).
  std::vector<std::filesystem::path> files_above(const std::filesystem::path& importer,
                                                 std::string_view name) const;
  // The names of the regular files in the project folder `dir`, sorted;
  // nullopt when it is no folder, is refused or cannot be listed.
  std::optional<std::vector<std::string>> file_names(const std::filesystem::path& dir) const;
  // The module at `path` (a file `locate` or `files_above` gave), parsed
  // once per run like `load`'s.
  std::shared_ptr<const ParsedModule> load_file(const std::filesystem::path& path);
  // Lua scripts the Python code runs, read once per run.
  lua::ScriptLibrary& scripts() { return scripts_; }
  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  std::unique_ptr<ParsedModule> parse(const std::filesystem::path& path) const;
  std::optional<std::filesystem::path> module_file(const std::filesystem::path& base,
                                                   std::string_view dotted) const;

  std::filesystem::path root_;
  const files::ProjectFiles& files_;
  frontend::BoundedCache<ParsedModule> modules_{256};  // by path; null: unusable
  lua::ScriptLibrary scripts_;
};

}  // namespace slotlint::python
