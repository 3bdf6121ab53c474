#include "frontends/cpp/cpp_frontend.h"

#include <functional>
#include <map>
#include <optional>

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <fmt/format.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

#include "frontends/cpp/clang_lowering.h"
#include "frontends/cpp/header_files.h"
#include "frontends/cpp/include_prefilter.h"
#include "frontends/cpp/model_headers.h"
#include "frontends/cpp/other_units.h"
#include "frontends/cpp/parse_budget.h"
#include "frontends/cpp/project.h"
#include "frontends/cpp/source_map.h"
#include "frontends/cpp/unit_engine.h"

namespace slotlint::cpp {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kErrorsShown = 3;

// Clang's errors: how many, and the first few with their place. An error in a
// file outside the project (a header, a file an #include names) is given by
// its place only: its message may quote that file's text.
class FirstErrors : public clang::DiagnosticConsumer {
 public:
  explicit FirstErrors(const files::ProjectFiles& project) : project_(project) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    // Clang's own limit on the errors it shows, not an error in the code.
    if (level < clang::DiagnosticsEngine::Error ||
        info.getID() == clang::diag::fatal_too_many_errors)
      return;
    ++errors;
    // A fatal error (a header not found) explains the rest: it goes first.
    bool fatal = level == clang::DiagnosticsEngine::Fatal;
    if (messages.size() >= kErrorsShown && !fatal) return;
    auto message = describe(info);
    if (fatal) {
      messages.insert(messages.begin(), std::move(message));
      if (messages.size() > kErrorsShown) messages.pop_back();
    } else {
      messages.push_back(std::move(message));
    }
  }
  std::size_t errors = 0;
  std::vector<std::string> messages;

 private:
  std::string describe(const clang::Diagnostic& info) {
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    if (!info.hasSourceManager() || info.getLocation().isInvalid()) return std::string(text.str());
    const auto& sources = info.getSourceManager();
    auto presumed = sources.getPresumedLoc(info.getLocation());
    if (presumed.isInvalid()) return std::string(text.str());
    auto where = fmt::format("{}:{}", fs::path(presumed.getFilename()).filename().string(),
                             presumed.getLine());
    // Where it is reported and, for a macro, where its tokens are written.
    bool ours = inside(sources, sources.getFileID(sources.getExpansionLoc(info.getLocation()))) &&
                inside(sources, sources.getFileID(sources.getSpellingLoc(info.getLocation())));
    if (!ours) return where + ": an error in a file outside the project";
    return fmt::format("{}: {}", where, text.str());
  }

  // Buffers that are no file (the command line's macros, pasted tokens)
  // hold no file's text.
  bool inside(const clang::SourceManager& sources, clang::FileID file) {
    auto [it, inserted] = inside_.try_emplace(file.getHashValue());
    if (inserted) {
      it->second =
          !sources.getFileEntryRefForID(file) || project_file(sources, file, project_).has_value();
    }
    return it->second;
  }

  const files::ProjectFiles& project_;
  std::map<unsigned, bool> inside_;  // by FileID hash
};

// The includes of a unit that were not found (skipped, as editors' C++
// tooling does, so that the rest of the unit is still analysed) and the
// model headers it used.
class IncludeWatcher final : public clang::PPCallbacks {
 public:
  explicit IncludeWatcher(IncludeOutcome& outcome) : outcome_(outcome) {}

  bool FileNotFound(llvm::StringRef name) override {
    if (std::ranges::find(outcome_.missing, name) == outcome_.missing.end())
      outcome_.missing.emplace_back(name);
    return true;
  }
  void InclusionDirective(clang::SourceLocation, const clang::Token&, llvm::StringRef, bool,
                          clang::CharSourceRange, clang::OptionalFileEntryRef file, llvm::StringRef,
                          llvm::StringRef, const clang::Module*, bool,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!file) return;
    std::string_view name(file->getName().data(), file->getName().size());
    if (!name.starts_with(kModelHeaderFolder)) return;
    auto include = name.substr(kModelHeaderFolder.size() + 1);
    for (const auto& header : model_headers()) {
      if (header.include == include &&
          std::ranges::find(outcome_.models, &header) == outcome_.models.end())
        outcome_.models.push_back(&header);
    }
  }

 private:
  IncludeOutcome& outcome_;
};

// What is done with a parsed unit (its AST and the map of its spans).
using UnitCallback = std::function<void(clang::ASTContext&, SourceMap&)>;

class Consumer : public clang::ASTConsumer {
 public:
  Consumer(const CppProject& project, frontend::FileAnalysis& analysis, const UnitCallback& done)
      : project_(project), analysis_(analysis), done_(done) {}
  void HandleTranslationUnit(clang::ASTContext& context) override {
    SourceMap map(context.getSourceManager(), context.getLangOpts(), project_.files(),
                  project_.root(), analysis_);
    done_(context, map);
  }

 private:
  const CppProject& project_;
  frontend::FileAnalysis& analysis_;
  const UnitCallback& done_;
};

class CollectAction : public clang::ASTFrontendAction {
 public:
  CollectAction(const CppProject& project, frontend::FileAnalysis& analysis,
                const UnitCallback& done, ParseBudget& budget, IncludeOutcome& includes)
      : project_(project), analysis_(analysis), done_(done), budget_(budget), includes_(includes) {}
  bool BeginSourceFileAction(clang::CompilerInstance& compiler) override {
    budget_.watch(compiler.getPreprocessor());
    compiler.getPreprocessor().addPPCallbacks(std::make_unique<IncludeWatcher>(includes_));
    return true;
  }
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                        llvm::StringRef) override {
    return std::make_unique<Consumer>(project_, analysis_, done_);
  }

 private:
  const CppProject& project_;
  frontend::FileAnalysis& analysis_;
  const UnitCallback& done_;
  ParseBudget& budget_;
  IncludeOutcome& includes_;
};

// A compilation database entry is analysed only when its file is a regular
// file inside the project: a database may name anything.
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

// Whether an include names a client's header (one slotlint has no model of:
// the others never go missing).
bool names_a_client(std::string_view include, frontend::Models models) {
  return std::ranges::any_of(models, [&](const model::ApiModel* api) {
    return std::ranges::any_of(api->prefilter, [&](const std::string& word) {
      return include.find(word) != std::string_view::npos;
    });
  });
}

std::string listed(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 5;
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i)
    text += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > kShown) text += fmt::format(" and {} more", names.size() - kShown);
  return text;
}

constexpr std::string_view kHowToFind =
    "give the compilation database with -p build/ (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; "
    "others: bear -- make), or add the folder that holds it to \"include\" in .slotlint.json";

// What the unit's includes left to report: headers not found, model headers
// assumed (on each op of their library, for its findings).
// Refused includes have their own notification.
void report_includes(const IncludeOutcome& outcome, frontend::Models models,
                     const std::map<std::string, std::string>& refused,
                     frontend::FileAnalysis& result) {
  std::vector<std::string> clients;
  std::vector<std::string> others;
  for (const auto& name : outcome.missing) {
    bool was_refused = std::ranges::any_of(refused, [&](const auto& entry) {
      return std::string_view(entry.first).ends_with(fs::path(name).lexically_normal().string());
    });
    if (!was_refused) (names_a_client(name, models) ? clients : others).push_back(name);
  }
  if (!clients.empty()) {
    result.notices.push_back(
        {ir::Level::Warning, "unit-not-analysed",
         fmt::format("not analysed: the client header{} {} {} not found and slotlint has no model "
                     "of {}, so the unit's Redis calls could not be resolved; {}",
                     clients.size() == 1 ? "" : "s", listed(clients),
                     clients.size() == 1 ? "was" : "were", clients.size() == 1 ? "it" : "them",
                     kHowToFind)});
  }
  if (!others.empty()) {
    result.notices.push_back(
        {ir::Level::Note, "header-not-found",
         fmt::format("{} not found: skipped, and the unit analysed as far as it parses without "
                     "{} (findings that rest on {} declarations say so); {}",
                     listed(others), others.size() == 1 ? "it" : "them",
                     others.size() == 1 ? "its" : "their", kHowToFind)});
  }
  for (const auto* header : outcome.models) {
    auto caveat = fmt::format("{} was not found: slotlint's model of the API of {} was assumed.",
                              header->include, header->api);
    for (auto& op : result.ops) {
      if (op.client.library == header->library &&
          std::ranges::find(op.caveats, caveat) == op.caveats.end())
        op.caveats.push_back(caveat);
    }
  }
}

// The unit's command with slotlint's fallbacks added; nullopt when the
// prefilter finds no client (nor a project header reaching one) in its
// includes.
std::optional<CompileCommand> command_for_unit(const fs::path& path, std::string_view source,
                                               frontend::Models models, CppProject& project,
                                               bool wanted = false) {
  auto root = project.files().root_of(path).value_or(project.root());
  auto command = project.commands()->command_for(path, project.resource_dir(), root);
  std::vector<std::string> words;
  for (const auto* api : models)
    words.insert(words.end(), api->prefilter.begin(), api->prefilter.end());
  auto searched = include_dirs(command.arguments, command.directory);
  for (const auto& folder : project.include()) searched.push_back(folder.string());
  auto scan = scan_includes(source, path, searched, words, &project.header_index());
  if (!scan.may_use_a_client && !wanted) return std::nullopt;
  // After everything the command searches: the configuration's include
  // folders, the folders of the tree that resolve what neither does, then
  // the model headers.
  std::vector<std::string> fallbacks;
  for (const auto& folder : project.include()) {
    fallbacks.push_back("-idirafter");
    fallbacks.push_back(folder.string());
  }
  for (const auto& folder : scan.tree_folders) {
    fallbacks.push_back("-idirafter");
    fallbacks.push_back(folder.string());
  }
  fallbacks.push_back("-idirafter");
  fallbacks.emplace_back(kModelHeaderFolder);
  command.arguments.insert(command.arguments.begin() + 1, fallbacks.begin(), fallbacks.end());
  return command;
}

// How units are lowered: the models' C functions on a context (their first
// parameter is the context) are its methods wherever they are declared.
LoweringLimits lowering_for(frontend::Models models) {
  LoweringLimits limits;
  for (const auto* api : models) {
    for (const auto& [name, overloads] : api->methods) {
      for (const auto& method : overloads) {
        if (!method.signature.empty() && method.signature.front().name == "context")
          limits.library_functions.insert(name);
      }
    }
  }
  return limits;
}

struct ClangRun {
  bool ran = false;
  std::map<std::string, std::string> refusals;  // includes the guard refused
};

// Clang over the unit: `source` (what the driver read) under the file's own
// name, so that its includes resolve; everything else from the disk, through
// the guard; the model headers from memory.
ClangRun run_clang(const fs::path& path, std::string_view source, const CompileCommand& command,
                   CppProject& project, frontend::FileAnalysis& analysis, const UnitCallback& done,
                   IncludeOutcome& includes, FirstErrors& errors, ParseBudget& budget) {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  memory->addFile(path.string(), 0,
                  llvm::MemoryBuffer::getMemBufferCopy(
                      llvm::StringRef(source.data(), source.size()), path.string()));
  auto disk = llvm::makeIntrusiveRefCnt<GuardedFileSystem>(llvm::vfs::createPhysicalFileSystem());
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(disk);
  for (const auto& header : model_headers()) {
    auto at = std::string(kModelHeaderFolder) + "/" + header.include;
    memory->addFile(at, 0,
                    llvm::MemoryBuffer::getMemBuffer(
                        llvm::StringRef(header.text.data(), header.text.size()), at));
  }
  overlay->pushOverlay(memory);
  if (!command.directory.empty()) (void)overlay->setCurrentWorkingDirectory(command.directory);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions{}, overlay);
  clang::tooling::ToolInvocation invocation(
      command.arguments, std::make_unique<CollectAction>(project, analysis, done, budget, includes),
      files.get());
  invocation.setDiagnosticConsumer(&errors);
  ClangRun run;
  run.ran = invocation.run();
  run.refusals = disk->refusals();
  return run;
}

// Another unit of the database, lowered for the units that call into it
// (what its own analysis reports is not repeated here).
std::optional<il::Module> lower_other_unit(const fs::path& file, CppProject& project,
                                           frontend::Models models) {
  constexpr std::uint64_t kMaxSource = 8 * 1024 * 1024;
  auto read = project.files().read(file, kMaxSource, false);
  if (!read) return std::nullopt;
  auto path = read.resolved;
  auto command = command_for_unit(path, *read.bytes, models, project);
  if (!command) return std::nullopt;
  frontend::FileAnalysis scratch;
  IncludeOutcome includes;
  FirstErrors errors(project.files());
  ParseBudget budget;
  std::optional<il::Module> module;
  auto shown = display_path(path, project.root());
  UnitCallback lower = [&](clang::ASTContext& context, SourceMap& map) {
    module = lower_unit(context, map, shown, lowering_for(models));
  };
  run_clang(path, *read.bytes, *command, project, scratch, lower, includes, errors, budget);
  return module;
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
  bool header =
      extension == ".h" || extension == ".hh" || extension == ".hpp" || extension == ".hxx";
  // With a compilation database, headers are read as part of the units that
  // include them (each finding once); without one, each is parsed by itself.
  bool database = project->commands()->has_database();
  if (header && database) return result;
  auto command = command_for_unit(path, file.source, models, *project);
  if (database) {
    project->other_units().index(
        *project->commands(), project->files(), [&](const fs::path& unit, std::string_view text) {
          return command_for_unit(unit, text, models, *project).has_value();
        });
  }
  // A unit that names no client but calls a function a unit that does
  // defines: parsed, for the engine to follow the call.
  if (!command && database && project->other_units().calls_a_wrapper(file.source))
    command = command_for_unit(path, file.source, models, *project, true);
  if (!command) return result;
  if (!command->from_database) {
    result.notices.push_back(
        {ir::Level::Note, "no-compile-command",
         database
             ? "not in compile_commands.json: parsed with defaults (-std=c++20, or c17 for .c; "
               "the file's folder, its include/, the project's root, src/ and include/, and the "
               "folders of the tree where included headers are, on the include path)"
             : "no compilation database (give one with -p build/): parsed with defaults "
               "(-std=c++20, or c17 for .c; the file's folder, its include/, the project's root, "
               "src/ and include/, and the folders of the tree where included headers are, on "
               "the include path)"});
  }
  IncludeOutcome includes;
  FirstErrors errors(project->files());
  ParseBudget budget;
  // The unit, lowered, through the engine; with a database the lowering is
  // kept for following its calls into the project's functions that other
  // units define.
  std::optional<il::Module> lowered;
  auto shown = display_path(fs::weakly_canonical(path, ec), project->root());
  UnitCallback collect = [&](clang::ASTContext& context, SourceMap& map) {
    auto unit = lower_unit(context, map, shown, lowering_for(models));
    analyse_unit(unit, context, map, {file, models, result, &project->scripts(), &includes});
    if (database) lowered = std::move(unit);
  };
  auto run =
      run_clang(path, file.source, *command, *project, result, collect, includes, errors, budget);
  if (lowered) {
    auto lower = [&](const fs::path& other) { return lower_other_unit(other, *project, models); };
    auto through = through_other_units(*lowered, project->other_units(), models, lower);
    for (auto& op : through) result.ops.push_back(std::move(op));
    project->other_units().remember(path, std::move(*lowered));
  }
  for (const auto& [refused, reason] : run.refusals) {
    result.notices.push_back(
        {ir::Level::Warning, "include-refused",
         fmt::format("{} {}: not read, so the #include fails as a missing header would",
                     display_path(refused, project->root()), reason)});
  }
  report_includes(includes, models, run.refusals, result);
  std::string first;
  for (const auto& message : errors.messages) first += (first.empty() ? "" : "; ") + message;
  if (!budget.stopped().empty()) {
    result.notices.push_back(
        {ir::Level::Warning, "parse-stopped",
         fmt::format("Clang's parse of this translation unit was stopped {}; the rest of it was "
                     "not checked{}",
                     budget.stopped(), first.empty() ? "" : " (first errors: " + first + ")")});
  } else if (errors.errors > 0) {
    result.notices.push_back(
        {ir::Level::Note, "parse-error",
         fmt::format("Clang found {} error{} in this translation unit ({}); the rest was checked",
                     errors.errors, errors.errors == 1 ? "" : "s", first)});
  } else if (!run.ran) {
    result.notices.push_back(
        {ir::Level::Warning, "unit-not-analysed",
         "not analysed: Clang could not run on this file with its compile command"});
  }
  return result;
}

}  // namespace slotlint::cpp
