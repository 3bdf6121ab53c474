// Fuzzes every manifest and lockfile reader (package.json, go.mod, pom.xml,
// poetry.lock, ...) with any bytes: the first byte picks the reader, the rest
// is the file's text. A reader may find nothing or set an error; it must not
// crash, throw or hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/versions/manifests.h"
#include "analyzer/versions/requirement.h"
#include "analyzer/versions/version.h"

using namespace slotlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto kinds = versions::manifest_kinds();
  const auto& kind = kinds[data[0] % kinds.size()];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string error;
  for (const auto& dependency : kind.read(text, error)) {
    (void)dependency.requirement.newest_allowed(versions::parse_version("6.3.1"));
    (void)dependency.requirement.contains(dependency.spec);
  }
  // The text as a spec and as a version in every grammar.
  for (auto grammar : {versions::Grammar::Npm, versions::Grammar::Pep440, versions::Grammar::Poetry,
                       versions::Grammar::Maven, versions::Grammar::Gradle, versions::Grammar::Go,
                       versions::Grammar::Conan, versions::Grammar::Plain}) {
    if (auto requirement = versions::parse_requirement(grammar, text)) {
      (void)requirement->newest_allowed(std::nullopt);
      (void)requirement->contains(text);
    }
    (void)versions::compare_versions(grammar, text, "1.0");
  }
  return 0;
}
