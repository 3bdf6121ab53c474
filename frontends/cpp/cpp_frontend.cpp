#include "frontends/cpp/cpp_frontend.h"

#include <set>

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>
#include <fmt/format.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

#include "frontends/cpp/call_collector.h"
#include "frontends/cpp/include_prefilter.h"
#include "frontends/cpp/project.h"

namespace slotlint::cpp {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kErrorsShown = 3;

// Clang's errors: how many, and the first few with their place.
class FirstErrors : public clang::DiagnosticConsumer {
 public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    ++errors;
    // A fatal error (a header not found) explains the rest: it goes first.
    bool fatal = level == clang::DiagnosticsEngine::Fatal;
    if (messages.size() >= kErrorsShown && !fatal) return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      auto presumed = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (presumed.isValid())
        where = fmt::format("{}:{}: ", fs::path(presumed.getFilename()).filename().string(),
                            presumed.getLine());
    }
    auto message = where + std::string(text.str());
    if (fatal) {
      messages.insert(messages.begin(), std::move(message));
      if (messages.size() > kErrorsShown) messages.pop_back();
    } else {
      messages.push_back(std::move(message));
    }
  }
  std::size_t errors = 0;
  std::vector<std::string> messages;
};

class Consumer : public clang::ASTConsumer {
 public:
  Consumer(const fs::path& root, const CollectorInput& input) : root_(root), input_(input) {}
  void HandleTranslationUnit(clang::ASTContext& context) override {
    SourceMap map(context.getSourceManager(), context.getLangOpts(), root_, input_.analysis);
    collect_calls(context, map, input_);
  }

 private:
  const fs::path& root_;
  const CollectorInput& input_;
};

class CollectAction : public clang::ASTFrontendAction {
 public:
  CollectAction(const fs::path& root, const CollectorInput& input) : root_(root), input_(input) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                        llvm::StringRef) override {
    return std::make_unique<Consumer>(root_, input_);
  }

 private:
  const fs::path& root_;
  const CollectorInput& input_;
};

std::vector<std::string> include_dirs(const std::vector<std::string>& arguments,
                                      const std::string& directory) {
  std::vector<std::string> dirs;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    std::string_view arg = arguments[i];
    for (std::string_view flag : {"-I", "-isystem", "-iquote"}) {
      if (!arg.starts_with(flag)) continue;
      std::string dir(arg.substr(flag.size()));
      if (dir.empty() && i + 1 < arguments.size()) dir = arguments[++i];
      if (!dir.empty()) dirs.push_back(fs::path(dir).is_absolute() ? dir : directory + "/" + dir);
      break;
    }
  }
  return dirs;
}

}  // namespace

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               CppProject* project) {
  frontend::FileAnalysis result;
  if (project == nullptr || project->commands() == nullptr) {
    result.notices.push_back(
        {ir::Level::Error, "compile-commands-unreadable",
         "the compilation database could not be read (" +
             (project != nullptr ? project->database_error() : std::string("no project")) +
             "); C and C++ files were not analysed"});
    return result;
  }
  std::error_code ec;
  auto path = fs::absolute(file.filesystem_path, ec).lexically_normal();
  auto extension = path.extension().string();
  bool header = extension == ".h" || extension == ".hh" || extension == ".hpp" || extension == ".hxx";
  // With a compilation database, headers are read as part of the units that
  // include them (each finding once); without one, each is parsed by itself.
  if (header && project->commands()->has_database()) return result;
  auto command = project->commands()->command_for(path, project->resource_dir());
  std::vector<std::string> words;
  for (const auto* api : models) words.insert(words.end(), api->prefilter.begin(), api->prefilter.end());
  if (!may_use_a_client(file.source, path, include_dirs(command.arguments, command.directory), words))
    return result;
  if (!command.from_database) {
    result.notices.push_back(
        {ir::Level::Note, "no-compile-command",
         project->commands()->has_database()
             ? "not in compile_commands.json: parsed with defaults (-std=c++20, or c17 for .c; "
               "the file's folder, its include/ and the project's include/ on the include path)"
             : "no compilation database (give one with -p build/): parsed with defaults "
               "(-std=c++20, or c17 for .c; the file's folder, its include/ and the project's "
               "include/ on the include path)"});
  }
  // The text the driver read (what is checked is what was read), under the
  // file's own name so that its includes resolve.
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  memory->addFile(path.string(), 0,
                  llvm::MemoryBuffer::getMemBufferCopy(
                      llvm::StringRef(file.source.data(), file.source.size()), path.string()));
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(llvm::vfs::createPhysicalFileSystem()));
  overlay->pushOverlay(memory);
  if (!command.directory.empty()) (void)overlay->setCurrentWorkingDirectory(command.directory);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions{}, overlay);
  CollectorInput input{file, models, result, &project->scripts()};
  FirstErrors errors;
  clang::tooling::ToolInvocation invocation(
      command.arguments, std::make_unique<CollectAction>(project->root(), input), files.get());
  invocation.setDiagnosticConsumer(&errors);
  bool ran = invocation.run();
  if (errors.errors > 0 || !ran) {
    std::string first;
    for (const auto& message : errors.messages) first += (first.empty() ? "" : "; ") + message;
    result.notices.push_back(
        {ir::Level::Note, "parse-error",
         errors.errors > 0
             ? fmt::format("Clang found {} error{} in this translation unit ({}); the rest was "
                           "checked",
                           errors.errors, errors.errors == 1 ? "" : "s", first)
             : "Clang could not run on this file with its compile command; it was not checked"});
  }
  return result;
}

}  // namespace slotlint::cpp
