#include "frontends/cpp/parse_budget.h"

#include <filesystem>

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <fmt/format.h>

namespace slotlint::cpp {
namespace {

// Ends the file being lexed, as if its last byte had been reached: the
// preprocessor goes back to the file that included it (ended in turn when its
// next token comes). Inside a macro expansion there is no file lexer; the
// expansion is finite and the next token ends the file.
void end_current_file(clang::Preprocessor& preprocessor) {
  auto* current = preprocessor.getCurrentLexer();
  if (current == nullptr) return;
  // Every PreprocessorLexer is a Lexer since Clang dropped PTH (Clang 8).
  auto* lexer = static_cast<clang::Lexer*>(current);
  lexer->seek(static_cast<unsigned>(lexer->getBuffer().size()), /*IsAtStartOfLine=*/true);
}

std::string size_in_words(std::uint64_t bytes) {
  return bytes % (1u << 20) == 0 ? fmt::format("{} MiB", bytes >> 20)
                                 : fmt::format("{} bytes", bytes);
}

std::string place(const clang::SourceManager& sources, clang::SourceLocation where) {
  auto presumed = sources.getPresumedLoc(where);
  if (presumed.isInvalid()) return "its start";
  return fmt::format("{}:{}", std::filesystem::path(presumed.getFilename()).filename().string(),
                     presumed.getLine());
}

}  // namespace

class ParseBudget::EnteredFiles final : public clang::PPCallbacks {
 public:
  EnteredFiles(ParseBudget& budget, clang::Preprocessor& preprocessor)
      : budget_(budget), preprocessor_(preprocessor) {}

  void LexedFileChanged(clang::FileID file, LexedFileChangeReason reason,
                        clang::SrcMgr::CharacteristicKind, clang::FileID,
                        clang::SourceLocation) override {
    if (reason == LexedFileChangeReason::ExitFile) {
      // Back in the file that included the one just ended: its next
      // directive must not enter another.
      if (!budget_.stopped_.empty()) end_current_file(preprocessor_);
      return;
    }
    auto& sources = preprocessor_.getSourceManager();
    auto data = sources.getBufferDataOrNone(file);
    budget_.bytes_ += data ? data->size() : 0;
    ++budget_.files_entered_;
    auto where = sources.getIncludeLoc(file);
    if (where.isInvalid()) where = sources.getLocForStartOfFile(file);
    const auto& limits = budget_.limits_;
    if (budget_.stopped_.empty() && budget_.bytes_ > limits.bytes) {
      budget_.stop(preprocessor_,
                   fmt::format("after {} of source (each file counted every time it is entered)",
                               size_in_words(limits.bytes)),
                   where);
    } else if (budget_.stopped_.empty() && budget_.files_entered_ > limits.files_entered) {
      budget_.stop(preprocessor_,
                   fmt::format("after entering files {} times (an include loop or bomb)",
                               limits.files_entered),
                   where);
    }
    if (!budget_.stopped_.empty()) end_current_file(preprocessor_);
  }

 private:
  ParseBudget& budget_;
  clang::Preprocessor& preprocessor_;
};

void ParseBudget::watch(clang::Preprocessor& preprocessor) {
  preprocessor.addPPCallbacks(std::make_unique<EnteredFiles>(*this, preprocessor));
  preprocessor.setTokenWatcher([this, &preprocessor](const clang::Token& token) {
    lexed(preprocessor, token.getLocation());
  });
}

void ParseBudget::lexed(clang::Preprocessor& preprocessor, clang::SourceLocation where) {
  if (stopped_.empty()) {
    // Counted by Clang even when it no longer shows them.
    auto errors = preprocessor.getDiagnostics().getNumErrors();
    if (errors < limits_.errors) return;
    stop(preprocessor, fmt::format("after {} errors", errors), where);
  }
  end_current_file(preprocessor);
}

void ParseBudget::stop(clang::Preprocessor& preprocessor, const std::string& why,
                       clang::SourceLocation where) {
  stopped_ = fmt::format("{}, at {}", why, place(preprocessor.getSourceManager(), where));
}

}  // namespace slotlint::cpp
