// The other classes of the analysed source tree that a file names: constants
// (`RedisKeys.USER_PREFIX`, `import static ...KEY`) and static helpers
// (`Keys.user(id)`) are often declared in a class of their own. Found the way
// javac finds sources: by package path under the file's source root (its
// folder minus its package), the same package's folder, and the file's
// imports. Each file is read and parsed once per run and shared by all threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "frontends/common/tree_sitter.h"
#include "frontends/java/scopes.h"

namespace slotlint::java {

struct JavaFile {
  std::filesystem::path path;
  std::string source;
  std::optional<ts::Tree> tree;
  std::optional<ScopeTree> scopes;
};

// Where a class was found: its file and its scope there.
struct ClassRef {
  const JavaFile* file = nullptr;  // null: the class is in the referring file
  const Scope* scope = nullptr;
};

class ClassIndex {
 public:
  // The class `simple_name` as the file at `from` (with `scopes`) names it,
  // looked up in other files; nullopt when not found.
  std::optional<ClassRef> find(const std::filesystem::path& from, const ScopeTree& scopes,
                               std::string_view simple_name);
  // The class a fully qualified name names (`a.b.Keys`), for static imports.
  std::optional<ClassRef> find_qualified(const std::filesystem::path& from,
                                         const ScopeTree& scopes, std::string_view qualified);

 private:
  const JavaFile* load(const std::filesystem::path& path);

  std::mutex mutex_;
  std::optional<ts::Parser> parser_;
  std::map<std::string, std::unique_ptr<JavaFile>> files_;  // by path; null: unreadable
};

}  // namespace slotlint::java
