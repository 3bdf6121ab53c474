#include "frontends/go/package_index.h"

#include <algorithm>

#include "frontends/go/go_frontend.h"

namespace slotlint::golang {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxFileBytes = 1u << 20;
constexpr std::size_t kMaxFiles = 200;

}  // namespace

std::shared_ptr<const GoPackage> PackageIndex::package_of(const fs::path& file) {
  std::error_code ec;
  auto folder = fs::weakly_canonical(fs::absolute(file, ec).parent_path(), ec);
  return packages_.get(folder.string(), [&] { return load(folder); });
}

// Every `.go` file of the folder, the analysed one too (it finds its own
// names before it looks at its siblings, and the package serves them all).
std::shared_ptr<const GoPackage> PackageIndex::load(const fs::path& folder) {
  if (!parser_) {
    std::string error;
    parser_ = ts::Parser::create(tree_sitter_go(), error);
    if (!parser_) return nullptr;
  }
  auto package = std::make_shared<GoPackage>();
  std::string problem;
  for (const auto& path : files_.list_directory(folder, problem)) {
    if (path.extension() != ".go") continue;
    if (package->files.size() >= kMaxFiles) break;
    auto read = files_.read(path, kMaxFileBytes);
    if (!read) continue;
    auto go = std::make_unique<GoFile>();
    go->path = path;
    go->source = std::move(*read.bytes);
    go->tree = frontend::parse(*parser_, go->source, {}).tree;
    if (!go->tree) continue;
    go->scopes = ScopeTree::build(*go->tree, path.filename().string() + "#");
    package->files.push_back(std::move(go));
  }
  return package;
}

}  // namespace slotlint::golang
