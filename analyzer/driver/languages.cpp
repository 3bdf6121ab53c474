#include "analyzer/driver/languages.h"

#include <algorithm>

#include "frontends/python/module_loader.h"
#include "frontends/python/python_frontend.h"

namespace slotlint::driver {
namespace {

std::unique_ptr<frontend::ProjectState> python_project(const std::filesystem::path& root) {
  return std::make_unique<python::ModuleLoader>(root);
}

frontend::FileAnalysis analyse_python(const frontend::FileInput& file, frontend::Models models,
                                      ts::Parser& parser, const FrontendLimits& limits,
                                      frontend::ProjectState* project) {
  return python::analyse(file, *models.front(), parser, python::Limits{limits.parse_timeout_micros},
                         dynamic_cast<python::ModuleLoader*>(project));
}

const std::vector<Language>& table() {
  static const std::vector<Language> languages{
      {"python",
       {".py", ".pyi"},
       tree_sitter_python,
       {"redis-py"},
       {"#"},
       python_project,
       analyse_python},
  };
  return languages;
}

}  // namespace

std::span<const Language> all_languages() { return table(); }

const Language* language_for_path(std::string_view path) {
  for (const auto& language : table()) {
    if (std::ranges::any_of(language.extensions,
                            [&](std::string_view ext) { return path.ends_with(ext); })) {
      return &language;
    }
  }
  return nullptr;
}

}  // namespace slotlint::driver
