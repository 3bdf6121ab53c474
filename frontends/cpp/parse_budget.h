// How much work one translation unit may cost Clang, counted in work, never
// in time: the errors Clang counts (it goes on counting them silently after a
// fatal error such as a missing header, and some errors cost time that grows
// with the errors before them: 20,000 redefinitions of one local took a
// minute), the bytes of source it lexes (each file every time it is entered)
// and the files it enters (an include bomb enters tiny files millions of
// times). Past a limit the parse ends where it is, as if every open file ended
// there; what was parsed is still checked, and the unit says where it stopped.
#pragma once

#include <cstdint>
#include <string>

namespace clang {
class Preprocessor;
class SourceLocation;
}  // namespace clang

namespace slotlint::cpp {

struct ParseLimits {
  unsigned errors = 1000;
  std::uint64_t bytes = std::uint64_t{64} << 20;
  std::uint64_t files_entered = 100'000;
};

class ParseBudget {
 public:
  explicit ParseBudget(ParseLimits limits = {}) : limits_(limits) {}

  // Counts what `preprocessor` does from now on (before the main file is
  // entered); it must outlive the parse.
  void watch(clang::Preprocessor& preprocessor);

  // Why and where the parse was stopped ("after 1000 errors, at a.cpp:12");
  // empty when it ran to its end.
  [[nodiscard]] const std::string& stopped() const { return stopped_; }
  [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
  [[nodiscard]] std::uint64_t files_entered() const { return files_entered_; }

 private:
  class EnteredFiles;

  void lexed(clang::Preprocessor& preprocessor, clang::SourceLocation where);
  void stop(clang::Preprocessor& preprocessor, const std::string& why, clang::SourceLocation where);

  ParseLimits limits_;
  std::uint64_t bytes_ = 0;
  std::uint64_t files_entered_ = 0;
  std::string stopped_;
};

}  // namespace slotlint::cpp
