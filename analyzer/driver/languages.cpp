#include "analyzer/driver/languages.h"

#include <algorithm>

#include "analyzer/driver/cpp_component.h"
#include "frontends/go/go_frontend.h"
#include "frontends/go/project.h"
#include "frontends/java/java_frontend.h"
#include "frontends/java/project.h"
#include "frontends/javascript/javascript_frontend.h"
#include "frontends/javascript/project.h"
#include "frontends/lua/script_file.h"
#include "frontends/python/module_loader.h"
#include "frontends/python/python_frontend.h"

extern "C" const TSLanguage* tree_sitter_lua();

namespace slotlint::driver {
namespace {

std::unique_ptr<frontend::ProjectState> python_project(const ProjectSettings& settings) {
  return std::make_unique<python::ModuleLoader>(settings.root, settings.files);
}

frontend::FileAnalysis analyse_python(const frontend::FileInput& file, frontend::Models models,
                                      ts::Parser* parser, const FrontendLimits& limits,
                                      frontend::ProjectState* project) {
  return python::analyse(file, models, *parser, limits.parse,
                         dynamic_cast<python::ModuleLoader&>(*project));
}

std::unique_ptr<frontend::ProjectState> javascript_project(const ProjectSettings& settings) {
  return std::make_unique<javascript::JsProject>(settings.root, settings.files);
}

frontend::FileAnalysis analyse_javascript(const frontend::FileInput& file, frontend::Models models,
                                          ts::Parser* parser, const FrontendLimits& limits,
                                          frontend::ProjectState* project) {
  return javascript::analyse(file, models, *parser, limits.parse,
                             dynamic_cast<javascript::JsProject*>(project));
}

std::unique_ptr<frontend::ProjectState> go_project(const ProjectSettings& settings) {
  return std::make_unique<golang::GoProject>(settings.root, settings.files);
}

frontend::FileAnalysis analyse_go(const frontend::FileInput& file, frontend::Models models,
                                  ts::Parser* parser, const FrontendLimits& limits,
                                  frontend::ProjectState* project) {
  return golang::analyse(file, models, *parser, limits.parse,
                         dynamic_cast<golang::GoProject*>(project));
}

std::unique_ptr<frontend::ProjectState> java_project(const ProjectSettings& settings) {
  return std::make_unique<java::JavaProject>(settings.root, settings.files);
}

frontend::FileAnalysis analyse_java(const frontend::FileInput& file, frontend::Models models,
                                    ts::Parser* parser, const FrontendLimits& limits,
                                    frontend::ProjectState* project) {
  return java::analyse(file, models, *parser, limits.parse,
                       dynamic_cast<java::JavaProject*>(project));
}

const std::vector<Language>& table();

// C and C++ are read by a separate program that links Clang (slotlint-cpp,
// analyzer/driver/cpp_component.h).
std::unique_ptr<frontend::ProjectState> cpp_project(const ProjectSettings& settings) {
  cpp::protocol::Setup setup;
  setup.root = settings.root;
  setup.project_roots = settings.files.roots();
  setup.compile_commands = settings.compile_commands;
  setup.include = settings.include;
  setup.user_models = settings.user_models;
  auto cpp = std::ranges::find(table(), std::string_view("cpp"), &Language::name);
  for (auto library : cpp->libraries) setup.libraries.emplace_back(library);
  return std::make_unique<CppComponent>(settings.cpp_component, std::move(setup), settings.files);
}

frontend::FileAnalysis analyse_cpp(const frontend::FileInput& file, frontend::Models, ts::Parser*,
                                   const FrontendLimits&, frontend::ProjectState* project) {
  return dynamic_cast<CppComponent&>(*project).analyse(file);
}

std::unique_ptr<frontend::ProjectState> lua_project(const ProjectSettings& settings) {
  return std::make_unique<lua::ScriptFileProject>(settings.root, settings.files);
}

frontend::FileAnalysis analyse_lua(const frontend::FileInput& file, frontend::Models,
                                   ts::Parser* parser, const FrontendLimits& limits,
                                   frontend::ProjectState* project) {
  return lua::analyse_script_file(file, *parser, limits.parse,
                                  dynamic_cast<const lua::ScriptFileProject&>(*project));
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
      {"cpp",
       {".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx"},
       nullptr,
       {"hiredis", "hiredis-cluster", "libvalkey", "redis-plus-plus", "boost-redis"},
       {"//"},
       cpp_project,
       analyse_cpp,
       true},
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
      // Redis scripts read on their own; no client library, so the frontend
      // decides itself which files are scripts.
      {"lua", {".lua"}, tree_sitter_lua, {}, {"--"}, lua_project, analyse_lua, true},
  };
  return languages;
}

const std::vector<UnreadLanguage>& unread_table() {
  static const std::vector<UnreadLanguage> languages{
      {"Ruby", {".rb"}},
      // Gradle's Kotlin build scripts are read, as manifests (client versions).
      {"Kotlin", {".kt", ".kts"}, {".gradle.kts"}},
      {"Groovy", {".groovy"}},
      {"Rust", {".rs"}},
      {"PHP", {".php"}},
      {"C#", {".cs"}},
      {"Elixir", {".ex", ".exs"}},
  };
  return languages;
}

bool ends_with_any(std::string_view path, std::span<const std::string_view> suffixes) {
  return std::ranges::any_of(suffixes,
                             [&](std::string_view suffix) { return path.ends_with(suffix); });
}

}  // namespace

std::span<const Language> all_languages() { return table(); }

const Language* language_for_path(std::string_view path) {
  auto found = std::ranges::find_if(
      table(), [&](const Language& language) { return ends_with_any(path, language.extensions); });
  return found == table().end() ? nullptr : &*found;
}

const UnreadLanguage* unread_language_for_path(std::string_view path) {
  auto found = std::ranges::find_if(unread_table(), [&](const UnreadLanguage& language) {
    return ends_with_any(path, language.extensions) && !ends_with_any(path, language.read_as);
  });
  return found == unread_table().end() ? nullptr : &*found;
}

}  // namespace slotlint::driver
