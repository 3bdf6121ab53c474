#include "frontends/cpp/project.h"

namespace slotlint::cpp {

CppProject::CppProject(std::filesystem::path root,
                       const std::optional<std::filesystem::path>& database,
                       const files::ProjectFiles& files, std::vector<std::filesystem::path> include)
    : root_(std::move(root)),
      files_(files),
      resource_dir_(SLOTLINT_CLANG_RESOURCE_DIR),
      include_(std::move(include)),
      scripts_(root_, files) {
  commands_ = CompileCommands::load(database, database_error_);
}

const HeaderIndex& CppProject::header_index() {
  std::call_once(index_built_,
                 [this] { header_index_ = std::make_unique<HeaderIndex>(files_.roots()); });
  return *header_index_;
}

}  // namespace slotlint::cpp
