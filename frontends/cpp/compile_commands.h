// How each C or C++ file is compiled: its entry in the compilation database
// (compile_commands.json), or sane defaults when there is none (the language
// standard by extension, the file's folder, its include/ and the project's
// include/ on the include path), adjusted for a syntax-only parse by Clang.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace slotlint::cpp {

struct CompileCommand {
  std::string directory;               // where the command runs (relative paths start here)
  std::vector<std::string> arguments;  // argv: the compiler, flags, the file
  bool from_database = false;
};

class CompileCommands {
 public:
  // No database: every file gets the defaults. A database that cannot be
  // read gives an error.
  static std::unique_ptr<CompileCommands> load(const std::optional<std::filesystem::path>& database,
                                               std::string& error);
  ~CompileCommands();
  CompileCommands(const CompileCommands&) = delete;
  CompileCommands& operator=(const CompileCommands&) = delete;

  // The command for `file`, ready for a Clang syntax-only parse with
  // `resource_dir` holding Clang's builtin headers; `project_root` is the
  // root of the project holding the file (for the defaults).
  [[nodiscard]] CompileCommand command_for(const std::filesystem::path& file,
                                           const std::string& resource_dir,
                                           const std::filesystem::path& project_root) const;
  [[nodiscard]] bool has_database() const { return database_ != nullptr; }
  // The files the database has commands for (none without one), sorted.
  [[nodiscard]] std::vector<std::string> files() const;

 private:
  explicit CompileCommands(std::unique_ptr<clang::tooling::CompilationDatabase> database);
  std::unique_ptr<clang::tooling::CompilationDatabase> database_;
};

}  // namespace slotlint::cpp
