#include "frontends/cpp/compile_commands.h"

#include <algorithm>

#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/JSONCompilationDatabase.h>

namespace slotlint::cpp {
namespace fs = std::filesystem;

CompileCommands::CompileCommands(std::unique_ptr<clang::tooling::CompilationDatabase> database)
    : database_(std::move(database)) {}

CompileCommands::~CompileCommands() = default;

std::unique_ptr<CompileCommands> CompileCommands::load(const std::optional<fs::path>& database,
                                                       std::string& error) {
  std::unique_ptr<clang::tooling::CompilationDatabase> loaded;
  if (database) {
    loaded = clang::tooling::JSONCompilationDatabase::loadFromFile(
        database->string(), error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (!loaded) return nullptr;
  }
  return std::unique_ptr<CompileCommands>(new CompileCommands(std::move(loaded)));
}

CompileCommand CompileCommands::command_for(const fs::path& file, const std::string& resource_dir,
                                            const fs::path& project_root) const {
  CompileCommand command;
  if (database_ != nullptr) {
    auto found = database_->getCompileCommands(file.string());
    if (!found.empty()) {
      command.directory = found.front().Directory;
      command.arguments = found.front().CommandLine;
      command.from_database = true;
    }
  }
  if (!command.from_database) {
    auto extension = file.extension().string();
    bool c = extension == ".c";
    bool header =
        extension == ".h" || extension == ".hh" || extension == ".hpp" || extension == ".hxx";
    command.directory = file.parent_path().string();
    command.arguments = {c ? "clang" : "clang++"};
    if (header) command.arguments.insert(command.arguments.end(), {"-x", "c++-header"});
    command.arguments.push_back(c ? "-std=c17" : "-std=c++20");
    std::vector<fs::path> folders{file.parent_path(), file.parent_path() / "include", project_root,
                                  project_root / "src", project_root / "include"};
    std::vector<fs::path> added;
    for (const auto& folder : folders) {
      if (std::ranges::find(added, folder) != added.end()) continue;
      added.push_back(folder);
      command.arguments.push_back("-I" + folder.string());
    }
    command.arguments.push_back(file.string());
  }
  auto adjust = clang::tooling::combineAdjusters(
      clang::tooling::getClangStripOutputAdjuster(),
      clang::tooling::combineAdjusters(clang::tooling::getClangSyntaxOnlyAdjuster(),
                                       clang::tooling::getClangStripDependencyFileAdjuster()));
  command.arguments = adjust(command.arguments, file.string());
  // Clang's own builtin headers, no warnings (only errors matter to us),
  // gcc-only warning flags from the database are no error, and no "N errors
  // generated." on stderr (that summary goes with caret diagnostics).
  command.arguments.insert(
      command.arguments.begin() + 1,
      {"-resource-dir=" + resource_dir, "-w", "-Wno-unknown-warning-option",
       "-fno-color-diagnostics", "-fno-caret-diagnostics", "-ferror-limit=50"});
  return command;
}

std::vector<std::string> CompileCommands::files() const {
  if (database_ == nullptr) return {};
  auto files = database_->getAllFiles();
  std::ranges::sort(files);
  return files;
}

}  // namespace slotlint::cpp
