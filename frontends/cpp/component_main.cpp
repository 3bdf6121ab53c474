// slotlint-cpp: the C/C++ component, the only program of slotlint that links
// Clang. The core starts it when a run has C or C++ files and speaks
// frontends/cpp/protocol.h with it over standard input and output: a Setup,
// then one Unit per file, each answered by a Result (its RedisOps as the IR).
// It is not meant to be run by hand.
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <iostream>
#include <memory>

#include "analyzer/driver/api_models.h"
#include "frontends/cpp/cpp_frontend.h"
#include "frontends/cpp/project.h"
#include "frontends/cpp/protocol.h"

namespace {

using namespace slotlint;

struct Component {
  std::vector<model::ApiModel> all_models;
  std::vector<const model::ApiModel*> models;
  std::unique_ptr<files::ProjectFiles> files;
  std::unique_ptr<cpp::CppProject> project;
  std::string error;  // set up failed: every unit says why
};

Component set_up(const cpp::protocol::Setup& setup) {
  Component component;
  auto models = driver::load_api_models(component.error, setup.user_models);
  if (!models) return component;
  component.all_models = std::move(*models);
  for (const auto& library : setup.libraries) {
    auto it = std::ranges::find(component.all_models, library, &model::ApiModel::library);
    if (it == component.all_models.end()) {
      component.error = "no API model for " + library;
      return component;
    }
    component.models.push_back(&*it);
  }
  component.files = std::make_unique<files::ProjectFiles>(setup.project_roots);
  component.project = std::make_unique<cpp::CppProject>(setup.root, setup.compile_commands,
                                                        *component.files, setup.include);
  return component;
}

cpp::protocol::Result analyse(Component& component, const cpp::protocol::Unit& unit) {
  cpp::protocol::Result result;
  if (!component.error.empty()) {
    result.error = component.error;
    return result;
  }
  frontend::FileInput input{0, unit.path, unit.source, unit.filesystem_path};
  try {
    result.analysis = cpp::analyse(input, component.models, component.project.get());
  } catch (const std::exception& error) {
    result.error = error.what();
  }
  if (component.project->resource_dir().empty()) {
    result.analysis.notices.push_back(
        {ir::Level::Warning, "clang-resource-dir-missing",
         "Clang's builtin headers (stddef.h, ...) were not found beside the libclang-cpp "
         "slotlint-cpp loaded: code that includes them may not parse (Debian: install "
         "libclang-common-19-dev)"});
  }
  result.refusals = component.files->refusals();
  return result;
}

}  // namespace

int main(int argc, char**) {
  if (argc != 1 || isatty(STDIN_FILENO)) {
    std::cerr << "slotlint-cpp is slotlint's C and C++ component; slotlint runs it itself\n";
    return 2;
  }
  std::string error;
  auto first = cpp::protocol::read_message(STDIN_FILENO, error);
  if (!first) return error.empty() ? 0 : 3;
  Component component;
  try {
    component = set_up(cpp::protocol::decode_setup(*first));
  } catch (const std::exception& failure) {
    component.error = failure.what();
  }
  while (auto message = cpp::protocol::read_message(STDIN_FILENO, error)) {
    cpp::protocol::Result result;
    try {
      result = analyse(component, cpp::protocol::decode_unit(*message));
    } catch (const std::exception& failure) {
      result.error = failure.what();
    }
    if (!cpp::protocol::write_message(STDOUT_FILENO, cpp::protocol::encode(result), error))
      return 3;
  }
  return error.empty() ? 0 : 3;
}
