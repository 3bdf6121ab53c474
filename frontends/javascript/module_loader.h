// Finds and parses the project's JavaScript/TypeScript modules that analysed
// files import with a relative path (`import { userKey } from "./keys"`,
// `require("../lib/keys")`), so keys built by helpers and constants in other
// modules can be followed. Each module is read and parsed once per run and
// shared by all threads; one that cannot be found is simply not followed.
// Modules are read only inside the project.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/files/project_files.h"
#include "frontends/common/bounded_cache.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::javascript {

struct ParsedModule {
  std::filesystem::path path;
  std::string source;
  std::optional<ts::Tree> tree;
};

class ModuleLoader {
 public:
  explicit ModuleLoader(const files::ProjectFiles& files) : files_(files) {}

  // The module `specifier` names from `importer`; null when it is not a
  // relative import, is not found, or cannot be parsed. Shared: the caller
  // holds it while it reads it (the cache is bounded and may let it go).
  std::shared_ptr<const ParsedModule> load(const std::filesystem::path& importer,
                                           std::string_view specifier);

 private:
  std::shared_ptr<const ParsedModule> parse(
      const std::filesystem::path& path);  // under the cache's lock
  std::optional<std::filesystem::path> locate(const std::filesystem::path& importer,
                                              std::string_view specifier) const;

  const files::ProjectFiles& files_;
  frontend::BoundedCache<ParsedModule> modules_{256};  // by path; null: unusable
  std::map<std::string, ts::Parser> parsers_;          // by grammar; used under the cache's lock
};

}  // namespace slotlint::javascript
