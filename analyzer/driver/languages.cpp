#include "analyzer/driver/languages.h"

#include <algorithm>

#include "frontends/go/go_frontend.h"
#include "frontends/go/project.h"
#include "frontends/java/java_frontend.h"
#include "frontends/java/project.h"
#include "frontends/javascript/javascript_frontend.h"
#include "frontends/javascript/project.h"
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

std::unique_ptr<frontend::ProjectState> javascript_project(const std::filesystem::path& root) {
  return std::make_unique<javascript::JsProject>(root);
}

frontend::FileAnalysis analyse_javascript(const frontend::FileInput& file, frontend::Models models,
                                          ts::Parser& parser, const FrontendLimits& limits,
                                          frontend::ProjectState* project) {
  return javascript::analyse(file, models, parser, limits.parse_timeout_micros,
                             dynamic_cast<javascript::JsProject*>(project));
}

std::unique_ptr<frontend::ProjectState> go_project(const std::filesystem::path& root) {
  return std::make_unique<golang::GoProject>(root);
}

frontend::FileAnalysis analyse_go(const frontend::FileInput& file, frontend::Models models,
                                  ts::Parser& parser, const FrontendLimits& limits,
                                  frontend::ProjectState* project) {
  return golang::analyse(file, models, parser, limits.parse_timeout_micros,
                         dynamic_cast<golang::GoProject*>(project));
}

std::unique_ptr<frontend::ProjectState> java_project(const std::filesystem::path& root) {
  return std::make_unique<java::JavaProject>(root);
}

frontend::FileAnalysis analyse_java(const frontend::FileInput& file, frontend::Models models,
                                    ts::Parser& parser, const FrontendLimits& limits,
                                    frontend::ProjectState* project) {
  return java::analyse(file, models, parser, limits.parse_timeout_micros,
                       dynamic_cast<java::JavaProject*>(project));
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
      {"javascript",
       {".js", ".mjs", ".cjs", ".jsx"},
       tree_sitter_javascript,
       {"ioredis", "node-redis"},
       {"//"},
       javascript_project,
       analyse_javascript},
      {"typescript",
       {".ts", ".mts", ".cts"},
       tree_sitter_typescript,
       {"ioredis", "node-redis"},
       {"//"},
       javascript_project,
       analyse_javascript},
      {"go", {".go"}, tree_sitter_go, {"go-redis", "rueidis"}, {"//"}, go_project, analyse_go},
      {"java",
       {".java"},
       tree_sitter_java,
       {"jedis", "lettuce", "spring-data-redis", "redisson"},
       {"//"},
       java_project,
       analyse_java},
      {"tsx",
       {".tsx"},
       tree_sitter_tsx,
       {"ioredis", "node-redis"},
       {"//"},
       javascript_project,
       analyse_javascript},
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
