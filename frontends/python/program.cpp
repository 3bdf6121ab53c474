#include "frontends/python/program.h"

#include <utility>

namespace slotlint::python {
namespace {

// "a/b/c.py" → "a/b"; "c.py" → "".
std::string folder_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string{} : std::string(path.substr(0, slash));
}

std::string parent_folder(const std::string& folder) { return folder_of(folder); }

void add_candidates(const std::string& folder, std::string_view dotted,
                    std::vector<std::string>& out) {
  std::string base = folder;
  std::size_t start = 0;
  while (start < dotted.size()) {
    auto dot = std::min(dotted.find('.', start), dotted.size());
    if (!base.empty()) base += '/';
    base += dotted.substr(start, dot - start);
    start = dot + 1;
  }
  if (!dotted.empty()) out.push_back(base + ".py");
  out.push_back(base.empty() ? "__init__.py" : base + "/__init__.py");
}

}  // namespace

std::vector<std::string> module_candidates(std::string_view importer, std::string_view module) {
  std::vector<std::string> out;
  std::size_t level = 0;
  while (level < module.size() && module[level] == '.') ++level;
  std::string_view dotted = module.substr(level);
  std::string folder = folder_of(importer);
  if (level > 0) {
    // Relative to the importing package: `.` is its folder, `..` the one above.
    for (std::size_t up = 1; up < level; ++up) folder = parent_folder(folder);
    add_candidates(folder, dotted, out);
    return out;
  }
  if (dotted.empty()) return out;
  // Absolute: the package root is the importing file's folder or one above it.
  for (;;) {
    add_candidates(folder, dotted, out);
    if (folder.empty()) break;
    folder = parent_folder(folder);
  }
  return out;
}

engine::ModuleId ModuleSet::add(il::Module module) {
  auto id = static_cast<engine::ModuleId>(modules_.size());
  by_path_.emplace(module.path, id);
  modules_.push_back(std::move(module));
  return id;
}

const il::Module& ModuleSet::module(engine::ModuleId id) const { return modules_.at(id); }

std::optional<engine::ModuleId> ModuleSet::find(std::string_view path) const {
  auto found = by_path_.find(path);
  if (found == by_path_.end()) return std::nullopt;
  return found->second;
}

std::vector<engine::ModuleId> ModuleSet::shared_modules(engine::ModuleId from,
                                                        std::string_view file_name) const {
  std::vector<engine::ModuleId> out;
  std::string folder = folder_of(modules_.at(from).path);
  for (;;) {
    std::string candidate = folder.empty() ? std::string(file_name)
                                           : folder + "/" + std::string(file_name);
    if (auto found = find(candidate)) out.push_back(*found);
    if (folder.empty()) break;
    folder = parent_folder(folder);
  }
  return out;
}

std::optional<engine::ModuleId> ModuleSet::resolve_import(engine::ModuleId from,
                                                          const il::Import& import) const {
  for (const auto& candidate : module_candidates(modules_.at(from).path, import.module)) {
    if (auto found = find(candidate)) return found;
  }
  return std::nullopt;
}

}  // namespace slotlint::python
