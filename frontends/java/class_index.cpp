#include "frontends/java/class_index.h"

#include <sstream>
#include <vector>

#include "frontends/common/parsing.h"

extern "C" const TSLanguage* tree_sitter_java();

namespace slotlint::java {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxFileBytes = 1u << 20;

// The folder package paths start from: the file's folder without the
// trailing folders its package names (src/main/java for com/acme/Keys.java).
fs::path source_root(const fs::path& file, const std::string& package) {
  auto folder = file.parent_path();
  if (package.empty()) return folder;
  std::vector<std::string> parts;
  std::stringstream stream(package);
  for (std::string part; std::getline(stream, part, '.');) parts.push_back(part);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (folder.filename() != *it) return file.parent_path();
    folder = folder.parent_path();
  }
  return folder;
}

fs::path package_path(std::string_view qualified) {
  std::string path(qualified);
  for (char& c : path) c = c == '.' ? '/' : c;
  return path;
}

}  // namespace

std::shared_ptr<const JavaFile> ClassIndex::load(const fs::path& path) {
  std::error_code ec;
  return files_.get(fs::weakly_canonical(path, ec).string(), [&] { return read(path); });
}

std::shared_ptr<const JavaFile> ClassIndex::read(const fs::path& path) {
  auto read = project_files_.read(path, kMaxFileBytes);
  if (!read) return nullptr;
  if (!parser_) {
    std::string error;
    parser_ = ts::Parser::create(tree_sitter_java(), error);
    if (!parser_) return nullptr;
  }
  auto file = std::make_shared<JavaFile>();
  file->path = path;
  file->source = std::move(*read.bytes);
  file->tree = frontend::parse(*parser_, file->source, {}).tree;
  if (!file->tree) return nullptr;
  file->scopes = ScopeTree::build(*file->tree, path.filename().string() + "#");
  return file;
}

std::optional<ClassRef> ClassIndex::find_qualified(const fs::path& from, const ScopeTree& scopes,
                                                   std::string_view qualified) {
  auto root = source_root(from, scopes.package_name());
  // a.b.Outer.Inner lives in a/b/Outer.java: try each prefix as the file.
  std::string name(qualified);
  auto last_dot = name.rfind('.');
  std::string simple = last_dot == std::string::npos ? name : name.substr(last_dot + 1);
  std::vector<std::size_t> cuts{name.size()};
  for (auto dot = last_dot; dot != std::string::npos && dot > 0; dot = name.rfind('.', dot - 1))
    cuts.push_back(dot);
  for (auto cut : cuts) {
    auto candidate = root / package_path(std::string_view(name).substr(0, cut));
    candidate += ".java";
    if (auto file = load(candidate)) {
      if (const auto* scope = file->scopes->find_class(simple)) return ClassRef{file, scope};
    }
  }
  return std::nullopt;
}

std::optional<ClassRef> ClassIndex::find(const fs::path& from, const ScopeTree& scopes,
                                         std::string_view simple_name) {
  if (auto import = scopes.imports().find(simple_name); import != scopes.imports().end())
    return find_qualified(from, scopes, import->second);
  auto try_file = [&](const fs::path& candidate) -> std::optional<ClassRef> {
    if (auto file = load(candidate)) {
      if (const auto* scope = file->scopes->find_class(simple_name)) return ClassRef{file, scope};
    }
    return std::nullopt;
  };
  std::string file_name = std::string(simple_name) + ".java";
  if (auto found = try_file(from.parent_path() / file_name)) return found;
  auto root = source_root(from, scopes.package_name());
  for (const auto& package : scopes.wildcard_imports()) {
    if (auto found = try_file(root / package_path(package) / file_name)) return found;
  }
  return std::nullopt;
}

}  // namespace slotlint::java
