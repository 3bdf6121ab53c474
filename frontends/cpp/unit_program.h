// The translation units the engine can see (engine::Program) as lowered
// modules, and where a function one unit calls but does not define is
// defined: the unit whose module declares a top-level function of that
// qualified name (the lowering's import of kOtherUnit). A name defined by no
// unit of the set is a library's: it stays an External value.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine/host.h"
#include "analyzer/il/il.h"

namespace slotlint::cpp {

class UnitProgram final : public engine::Program {
 public:
  engine::ModuleId add(il::Module module);
  engine::ModuleId add(std::shared_ptr<const il::Module> module);
  [[nodiscard]] const il::Module& module(engine::ModuleId id) const override;
  [[nodiscard]] std::optional<engine::ModuleId> resolve_import(
      engine::ModuleId from, const il::Import& import) const override;
  [[nodiscard]] std::size_t size() const { return modules_.size(); }

 private:
  std::vector<std::shared_ptr<const il::Module>> modules_;
  // Qualified function name → the units that define it, in the order added.
  std::map<std::string, std::vector<engine::ModuleId>, std::less<>> definitions_;
};

}  // namespace slotlint::cpp
