#include "frontends/cpp/project.h"

namespace slotlint::cpp {

CppProject::CppProject(std::filesystem::path root,
                       const std::optional<std::filesystem::path>& database)
    : root_(std::move(root)),
      files_({root_}),
      resource_dir_(SLOTLINT_CLANG_RESOURCE_DIR),
      scripts_(root_) {
  commands_ = CompileCommands::load(database, root_, database_error_);
}

}  // namespace slotlint::cpp
