#include "frontends/python/module_loader.h"

#include "frontends/python/python_frontend.h"

namespace slotlint::python {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxModuleBytes = 4u << 20;
constexpr int kMaxAncestors = 12;

}  // namespace

std::optional<fs::path> ModuleLoader::module_file(const fs::path& base,
                                                  std::string_view dotted) const {
  fs::path path = base;
  std::size_t start = 0;
  while (start < dotted.size()) {
    auto dot = std::min(dotted.find('.', start), dotted.size());
    path /= std::string(dotted.substr(start, dot - start));
    start = dot + 1;
  }
  if (auto file = fs::path(path).concat(".py"); files_.is_file(file)) return file;
  if (auto init = path / "__init__.py"; files_.is_file(init)) return init;
  return std::nullopt;
}

std::optional<fs::path> ModuleLoader::locate(const fs::path& importer, const ModuleRef& ref) const {
  fs::path dir = importer.parent_path();
  if (ref.level > 0) {
    // from . import x / from ..pkg import x: relative to the importing package.
    for (int up = 1; up < ref.level; ++up) dir = dir.parent_path();
    return module_file(dir, ref.dotted);
  }
  // An absolute import: the package root is the importing file's folder or one
  // of its ancestors, up to the project root (src/ layouts included).
  std::error_code ec;
  fs::path root = fs::weakly_canonical(root_, ec);
  for (int step = 0; step < kMaxAncestors && !dir.empty(); ++step) {
    if (auto found = module_file(dir, ref.dotted)) return found;
    if (fs::weakly_canonical(dir, ec) == root || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return module_file(root_, ref.dotted);
}

std::unique_ptr<ParsedModule> ModuleLoader::parse(const fs::path& path) const {
  auto read = files_.read(path, kMaxModuleBytes);
  if (!read) return nullptr;
  auto module = std::make_unique<ParsedModule>();
  module->path = path;
  module->source = std::move(*read.bytes);
  if (module->source.find('\0') != std::string::npos) return nullptr;
  std::string error;
  auto parser = ts::Parser::create(tree_sitter_python(), error);
  if (!parser) return nullptr;
  module->tree = frontend::parse(*parser, module->source, parse_limits()).tree;
  if (!module->tree) return nullptr;
  return module;
}

std::vector<fs::path> ModuleLoader::files_above(const fs::path& importer,
                                                std::string_view name) const {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::path root = fs::weakly_canonical(root_, ec);
  fs::path dir = importer.parent_path();
  for (int step = 0; step < kMaxAncestors && !dir.empty(); ++step) {
    if (auto file = dir / name; files_.is_file(file)) found.push_back(file);
    if (fs::weakly_canonical(dir, ec) == root || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return found;
}

std::optional<std::vector<std::string>> ModuleLoader::file_names(const fs::path& dir) const {
  // Candidates are probed (the calling module's folder, then the root):
  // only an existing folder that cannot be listed is a refusal.
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return std::nullopt;
  std::string reason;
  auto paths = files_.list_directory(dir, reason);
  if (paths.empty() && !reason.empty()) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& path : paths) names.push_back(path.filename().string());
  return names;
}

std::shared_ptr<const ParsedModule> ModuleLoader::load_file(const fs::path& path) {
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  return modules_.get(key, [&] { return std::shared_ptr<const ParsedModule>(parse(path)); });
}

std::shared_ptr<const ParsedModule> ModuleLoader::load(const fs::path& importer,
                                                       const ModuleRef& ref) {
  auto path = locate(importer, ref);
  if (!path) return nullptr;
  return load_file(*path);
}

}  // namespace slotlint::python
