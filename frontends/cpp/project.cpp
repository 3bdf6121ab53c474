#include "frontends/cpp/project.h"

#include "frontends/cpp/resource_dir.h"

namespace slotlint::cpp {

CppProject::CppProject(std::filesystem::path root,
                       const std::optional<std::filesystem::path>& database,
                       const files::ProjectFiles& files, std::vector<std::filesystem::path> include)
    : root_(std::move(root)),
      files_(files),
      resource_dir_(find_resource_dir().string()),
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
