#include "frontends/cpp/unit_program.h"

#include <algorithm>

#include "frontends/cpp/clang_lowering.h"

namespace slotlint::cpp {

engine::ModuleId UnitProgram::add(il::Module module) {
  return add(std::make_shared<const il::Module>(std::move(module)));
}

engine::ModuleId UnitProgram::add(std::shared_ptr<const il::Module> module) {
  auto id = static_cast<engine::ModuleId>(modules_.size());
  for (il::FunctionId f = 0; f < module->functions.size(); ++f) {
    const auto& function = module->functions[f];
    if (f == module->body || function.owner != il::kNone || function.name.empty()) continue;
    auto& units = definitions_[function.name];
    if (std::ranges::find(units, id) == units.end()) units.push_back(id);
  }
  modules_.push_back(std::move(module));
  return id;
}

const il::Module& UnitProgram::module(engine::ModuleId id) const { return *modules_.at(id); }

std::optional<engine::ModuleId> UnitProgram::resolve_import(engine::ModuleId from,
                                                            const il::Import& import) const {
  if (import.module != kOtherUnit || import.names.size() != 1) return std::nullopt;
  auto found = definitions_.find(import.names.front().first);
  if (found == definitions_.end()) return std::nullopt;
  // One definition program-wide (the linker's rule); another unit's, never
  // the importer's own.
  for (auto unit : found->second) {
    if (unit != from) return unit;
  }
  return std::nullopt;
}

}  // namespace slotlint::cpp
