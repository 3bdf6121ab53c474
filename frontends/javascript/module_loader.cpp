#include "frontends/javascript/module_loader.h"

#include <array>

#include "frontends/javascript/javascript_frontend.h"

namespace slotlint::javascript {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxModuleBytes = 1u << 20;

const TSLanguage* grammar_for(const fs::path& path) {
  auto ext = path.extension();
  if (ext == ".ts" || ext == ".mts" || ext == ".cts") return tree_sitter_typescript();
  if (ext == ".tsx") return tree_sitter_tsx();
  return tree_sitter_javascript();
}

}  // namespace

std::optional<fs::path> ModuleLoader::locate(const fs::path& importer,
                                             std::string_view specifier) const {
  if (!specifier.starts_with("./") && !specifier.starts_with("../")) return std::nullopt;
  fs::path base = (importer.parent_path() / fs::path(specifier)).lexically_normal();
  std::vector<fs::path> candidates{base};
  static constexpr std::array<std::string_view, 6> kExtensions{".js",  ".ts",  ".mjs",
                                                               ".cjs", ".jsx", ".tsx"};
  for (auto ext : kExtensions) candidates.emplace_back(base.string() + std::string(ext));
  for (auto ext : kExtensions) candidates.push_back(base / ("index" + std::string(ext)));
  // TypeScript's ESM convention: import "./keys.js" resolves to keys.ts.
  if (base.extension() == ".js") {
    auto stem = base;
    stem.replace_extension(".ts");
    candidates.push_back(stem);
  }
  for (const auto& candidate : candidates) {
    if (files_.is_file(candidate)) return candidate;
  }
  return std::nullopt;
}

std::shared_ptr<const ParsedModule> ModuleLoader::load(const fs::path& importer,
                                                       std::string_view specifier) {
  auto path = locate(importer, specifier);
  if (!path) return nullptr;
  std::error_code ec;
  std::string key = fs::weakly_canonical(*path, ec).string();
  return modules_.get(key, [&] { return parse(*path); });
}

std::shared_ptr<const ParsedModule> ModuleLoader::parse(const fs::path& path) {
  auto read = files_.read(path, kMaxModuleBytes);
  if (!read) return nullptr;
  auto module = std::make_shared<ParsedModule>();
  module->path = path;
  module->source = std::move(*read.bytes);
  std::string grammar = path.extension().string();
  auto parser = parsers_.find(grammar);
  if (parser == parsers_.end()) {
    std::string error;
    auto created = ts::Parser::create(grammar_for(path), error);
    if (!created) return nullptr;
    parser = parsers_.emplace(grammar, std::move(*created)).first;
  }
  module->tree = frontend::parse(parser->second, module->source, {}).tree;
  if (!module->tree) return nullptr;
  return module;
}

}  // namespace slotlint::javascript
