// The other classes of the analysed source tree that a file names: constants
// (`RedisKeys.USER_PREFIX`, `import static ...KEY`) and static helpers
// (`Keys.user(id)`) are often declared in a class of their own. Found the way
// javac finds sources: by package path under the file's source root (its
// folder minus its package), the same package's folder, and the file's
// imports. Each file is read and parsed once per run and shared by all threads.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/files/project_files.h"
#include "frontends/common/bounded_cache.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/java/scopes.h"

namespace slotlint::java {

struct JavaFile {
  std::filesystem::path path;
  std::string source;
  std::optional<ts::Tree> tree;
  std::optional<ScopeTree> scopes;
};

// Where a class was found: its file (held while in use) and its scope there.
struct ClassRef {
  std::shared_ptr<const JavaFile> file;  // null: the class is in the referring file
  const Scope* scope = nullptr;
};

class ClassIndex {
 public:
  explicit ClassIndex(const files::ProjectFiles& files) : project_files_(files) {}
  // Where the project's files are read through (also for classpath resources).
  [[nodiscard]] const files::ProjectFiles& project_files() const { return project_files_; }

  // The class `simple_name` as the file at `from` (with `scopes`) names it,
  // looked up in other files; nullopt when not found.
  std::optional<ClassRef> find(const std::filesystem::path& from, const ScopeTree& scopes,
                               std::string_view simple_name);
  // The class a fully qualified name names (`a.b.Keys`), for static imports.
  std::optional<ClassRef> find_qualified(const std::filesystem::path& from, const ScopeTree& scopes,
                                         std::string_view qualified);

 private:
  std::shared_ptr<const JavaFile> load(const std::filesystem::path& path);
  std::shared_ptr<const JavaFile> read(
      const std::filesystem::path& path);  // under the cache's lock

  const files::ProjectFiles& project_files_;
  std::optional<ts::Parser> parser_;  // used under the cache's lock
  // By path; a null entry remembers a file that is not there. Bounded: memory
  // follows what is in use, not the size of the source tree.
  frontend::BoundedCache<JavaFile> files_{256};
};

}  // namespace slotlint::java
