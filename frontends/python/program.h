// The Python modules the engine can see (engine::Program), and how a Python
// import finds one of them: `from .keys import k` beside the importing file,
// `import app.keys` from the importing file's folder or any folder above it
// (src/ layouts), `pkg/__init__.py` for a package. What no module of the set
// answers is a library: its names become External values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine/host.h"
#include "analyzer/il/il.h"

namespace slotlint::python {

// The module paths (relative, '/'-separated) an import in `importer` may
// name, most specific first.
std::vector<std::string> module_candidates(std::string_view importer, std::string_view module);

class ModuleSet final : public engine::Program {
 public:
  engine::ModuleId add(il::Module module);
  [[nodiscard]] const il::Module& module(engine::ModuleId id) const override;
  [[nodiscard]] std::optional<engine::ModuleId> resolve_import(
      engine::ModuleId from, const il::Import& import) const override;
  [[nodiscard]] std::vector<engine::ModuleId> shared_modules(
      engine::ModuleId from, std::string_view file_name) const override;
  [[nodiscard]] std::optional<engine::ModuleId> find(std::string_view path) const;
  [[nodiscard]] std::size_t size() const { return modules_.size(); }

 private:
  std::vector<il::Module> modules_;
  std::map<std::string, engine::ModuleId, std::less<>> by_path_;
};

}  // namespace slotlint::python
