#include "frontends/cpp/project.h"

namespace slotlint::cpp {

CppProject::CppProject(std::filesystem::path root,
                       const std::optional<std::filesystem::path>& database,
                       const files::ProjectFiles& files)
    : root_(std::move(root)),
      files_(files),
      resource_dir_(SLOTLINT_CLANG_RESOURCE_DIR),
      scripts_(root_, files) {
  commands_ = CompileCommands::load(database, root_, database_error_);
}

}  // namespace slotlint::cpp
