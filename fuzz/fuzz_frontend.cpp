// Fuzzes one tree-sitter frontend and the rules after it: any bytes the
// driver would accept as source text (UTF-8, no NUL) analysed as a file of
// SLOTLINT_FUZZ_EXTENSION's language, with its client models, then every
// rule over the operations found. Built once per language.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "analyzer/driver/driver.h"
#include "analyzer/driver/languages.h"
#include "analyzer/driver/source_checks.h"
#include "rules/rule.h"

using namespace slotlint;

namespace {

struct Harness {
  std::optional<driver::Driver> driver;
  const driver::Language* language = nullptr;
  std::unique_ptr<files::ProjectFiles> files;  // outlives the project state that reads through it
  std::unique_ptr<frontend::ProjectState> project;
  std::optional<ts::Parser> parser;
  std::vector<std::unique_ptr<rules::Rule>> rules;
  std::filesystem::path path;
};

Harness make_harness() {
  Harness harness;
  std::string error;
  harness.driver = driver::Driver::create(error);
  std::string name = std::string("fuzz") + SLOTLINT_FUZZ_EXTENSION;
  harness.language = driver::language_for_path(name);
  auto root = std::filesystem::temp_directory_path() / "slotlint-fuzz-root";
  harness.path = root / name;
  harness.files = std::make_unique<files::ProjectFiles>(std::vector<std::filesystem::path>{root});
  harness.project = harness.language->make_project_state({root, *harness.files, std::nullopt});
  if (harness.language->grammar != nullptr)
    harness.parser = ts::Parser::create(harness.language->grammar(), error);
  harness.rules = rules::make_all_rules();
  return harness;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Harness harness = make_harness();
  if (!harness.driver || harness.language == nullptr || !harness.parser) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (driver::check_source_text(bytes)) return 0;  // the driver reports it instead
  auto text = driver::without_bom(bytes);
  std::string display = std::string("fuzz") + SLOTLINT_FUZZ_EXTENSION;
  frontend::FileInput input{0, display, text, harness.path};
  auto models = harness.driver->models_for(*harness.language);
  auto analysis =
      harness.language->analyse(input, models, &*harness.parser, {}, harness.project.get());
  std::vector<ir::Finding> findings;
  for (const auto& rule : harness.rules) rule->check(analysis.ops, {}, findings);
  return 0;
}
