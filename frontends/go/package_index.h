// The other files of a Go package (the `.go` files of the same folder): what
// one file may use from its siblings without importing anything — struct
// field types, interfaces, package-level consts, vars and functions, and
// whether the package imports a client library at all. Each folder is read
// and parsed once per run and shared by all threads.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/files/project_files.h"
#include "frontends/common/bounded_cache.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/go/scopes.h"

namespace slotlint::golang {

struct GoFile {
  std::filesystem::path path;
  std::string source;
  std::optional<ts::Tree> tree;
  std::optional<ScopeTree> scopes;
};

struct GoPackage {
  std::vector<std::unique_ptr<GoFile>> files;
};

class PackageIndex {
 public:
  explicit PackageIndex(const files::ProjectFiles& files) : files_(files) {}

  // The package of the folder holding `file` (its other files; null when it
  // cannot be read). Files of one folder are analysed one after the other,
  // so a few recent packages are all that need to stay in memory.
  std::shared_ptr<const GoPackage> package_of(const std::filesystem::path& file);

 private:
  std::shared_ptr<const GoPackage> load(const std::filesystem::path& folder);
  const files::ProjectFiles& files_;
  std::optional<ts::Parser> parser_;                // used under the cache's lock
  frontend::BoundedCache<GoPackage> packages_{64};  // by folder
};

}  // namespace slotlint::golang
