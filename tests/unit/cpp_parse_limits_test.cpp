// What Clang (and the byte prefilter before it) may open and how much work a
// translation unit may cost Clang: no FIFO, device or /proc file is ever
// opened (an #include of one fails like a missing header and is remembered),
// and a unit past its error, byte or file-entry budget ends where it is,
// measured in tokens Clang lexed.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <clang/Basic/Diagnostic.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Tooling/Tooling.h>
#include <gtest/gtest.h>
#include <llvm/Support/MemoryBuffer.h>

#include "frontends/cpp/header_files.h"
#include "frontends/cpp/include_prefilter.h"
#include "frontends/cpp/parse_budget.h"

namespace slotlint::cpp {
namespace {
namespace fs = std::filesystem;

class HeaderFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("slotlint-header-files-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "plain.h") << "int plain;\n";
    ASSERT_EQ(::mkfifo((dir_ / "fifo.h").c_str(), 0600), 0);
    fs::create_symlink("/proc/self/status", dir_ / "status.h");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(HeaderFilesTest, OnlyRegularFilesOffThePseudoFileSystemsMayBeOpened) {
  EXPECT_EQ(check_header(dir_ / "plain.h").kind, HeaderKind::kFile);
  EXPECT_EQ(check_header(dir_).kind, HeaderKind::kFolder);
  EXPECT_EQ(check_header(dir_ / "none.h").kind, HeaderKind::kMissing);
  EXPECT_EQ(check_header(dir_ / "fifo.h").kind, HeaderKind::kRefused);
  EXPECT_EQ(check_header(dir_ / "status.h").kind, HeaderKind::kRefused);  // a symlink to /proc
  EXPECT_EQ(check_header("/proc/self/environ").kind, HeaderKind::kRefused);
  EXPECT_EQ(check_header("/dev/null").kind, HeaderKind::kRefused);
  // Whatever stdin is (a terminal, a pipe, closed): the same answer.
  EXPECT_EQ(check_header("/dev/stdin").kind, HeaderKind::kRefused);
  EXPECT_EQ(check_header("/dev").kind, HeaderKind::kFolder);
}

TEST_F(HeaderFilesTest, TheGuardRefusesBeforeOpeningAndRemembersWhat) {
  auto guarded =
      llvm::makeIntrusiveRefCnt<GuardedFileSystem>(llvm::vfs::createPhysicalFileSystem());
  ASSERT_FALSE(guarded->setCurrentWorkingDirectory(dir_.string()));
  EXPECT_TRUE(guarded->openFileForRead("plain.h"));
  EXPECT_TRUE(guarded->status("plain.h"));
  // Opening the FIFO would block until a writer came: refused instead.
  EXPECT_FALSE(guarded->openFileForRead("fifo.h"));
  EXPECT_FALSE(guarded->status("sub/../fifo.h"));
  EXPECT_FALSE(guarded->exists("/dev/stdin"));
  EXPECT_FALSE(guarded->openFileForRead("status.h"));
  std::map<std::string, std::string> refused(guarded->refusals().begin(),
                                             guarded->refusals().end());
  ASSERT_EQ(refused.size(), 3u);
  EXPECT_TRUE(refused.contains((dir_ / "fifo.h").generic_string()));
  EXPECT_TRUE(refused.contains((dir_ / "status.h").generic_string()));
  EXPECT_NE(refused["/dev/stdin"].find("pseudo file system"), std::string::npos);
}

TEST_F(HeaderFilesTest, ThePrefilterReadsOnlyWhatClangMayOpen) {
  std::vector<std::string> words{"VmRSS", "int plain"};
  // /proc/self/status names VmRSS, but it is never read; a FIFO never blocks.
  EXPECT_FALSE(scan_includes("#include \"status.h\"\n#include \"fifo.h\"\n", dir_ / "a.cpp", {},
                             words, nullptr)
                   .may_use_a_client);
  EXPECT_TRUE(
      scan_includes("#include \"plain.h\"\n", dir_ / "a.cpp", {}, words, nullptr).may_use_a_client);
}

// A syntax-only parse of in-memory files under a budget.
class BudgetedParse : public clang::SyntaxOnlyAction {
 public:
  BudgetedParse(ParseBudget& budget, unsigned& tokens) : budget_(budget), tokens_(tokens) {}
  bool BeginSourceFileAction(clang::CompilerInstance& compiler) override {
    budget_.watch(compiler.getPreprocessor());
    return clang::SyntaxOnlyAction::BeginSourceFileAction(compiler);
  }
  void EndSourceFileAction() override {
    tokens_ = getCompilerInstance().getPreprocessor().getTokenCount();
    clang::SyntaxOnlyAction::EndSourceFileAction();
  }

 private:
  ParseBudget& budget_;
  unsigned& tokens_;
};

struct ParseResult {
  std::string stopped;
  unsigned tokens = 0;  // lexed by Clang: the work done
  std::uint64_t bytes = 0;
  std::uint64_t files_entered = 0;
};

ParseResult parse(const std::map<std::string, std::string>& files, ParseLimits limits) {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [name, text] : files)
    memory->addFile("/src/" + name, 0, llvm::MemoryBuffer::getMemBufferCopy(text, name));
  (void)memory->setCurrentWorkingDirectory("/src");
  auto manager = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions{}, memory);
  ParseBudget budget(limits);
  ParseResult result;
  clang::IgnoringDiagConsumer quiet;
  clang::tooling::ToolInvocation invocation(
      {"clang++", "-fsyntax-only", "-std=c++20", "-w", "-ferror-limit=50", "/src/a.cpp"},
      std::make_unique<BudgetedParse>(budget, result.tokens), manager.get());
  invocation.setDiagnosticConsumer(&quiet);
  invocation.run();
  result.stopped = budget.stopped();
  result.bytes = budget.bytes();
  result.files_entered = budget.files_entered();
  return result;
}

std::string repeat(std::string_view line, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += line;
  return text;
}

TEST(ParseBudget, AnErrorFloodEndsTheParseAtTheErrorLimit) {
  // Each line is two errors, the second costing more with every line before
  // it (20,000 lines of this took Clang 51 s); 40,000 tokens in all.
  auto flood = "void f() {\n" + repeat("  int x = ;\n", 10'000) + "}\n";
  auto limited = parse({{"a.cpp", flood}}, {.errors = 100});
  EXPECT_EQ(limited.stopped, "after 100 errors, at a.cpp:52");
  EXPECT_LT(limited.tokens, 400u);
}

TEST(ParseBudget, ErrorsAfterAFatalErrorStillCount) {
  // A missing header silences Clang's diagnostics, not its error count.
  auto flood = "#include \"missing.h\"\nvoid f() {\n" + repeat("  int x = ;\n", 10'000) + "}\n";
  auto limited = parse({{"a.cpp", flood}}, {.errors = 100});
  EXPECT_EQ(limited.stopped, "after 100 errors, at a.cpp:53");
  EXPECT_LT(limited.tokens, 400u);
}

TEST(ParseBudget, AUnitWithinItsBudgetIsParsedToTheEnd) {
  auto result =
      parse({{"a.cpp", "#include \"b.h\"\n#include \"missing.h\"\nint f() { return y; }\n"},
             {"b.h", "int b;\n"}},
            {});
  EXPECT_EQ(result.stopped, "");
  EXPECT_EQ(result.files_entered, 3u);  // the predefines, a.cpp, b.h
}

TEST(ParseBudget, AnIncludeBombEndsAtTheFileEntryLimit) {
  // 2^20 entries of 20 tiny headers.
  std::map<std::string, std::string> files{{"a.cpp", "#include \"h0.h\"\nint after;\n"}};
  for (int i = 0; i < 20; ++i) {
    auto next = "#include \"h" + std::to_string(i + 1) + ".h\"\n";
    files["h" + std::to_string(i) + ".h"] = next + next;
  }
  files["h20.h"] = "// the end\n";
  auto result = parse(files, {.files_entered = 1000});
  EXPECT_EQ(result.files_entered, 1001u);
  EXPECT_NE(result.stopped.find("after entering files 1000 times"), std::string::npos)
      << result.stopped;
  EXPECT_LT(result.tokens, 100u);
}

TEST(ParseBudget, BytesCountEveryTimeAFileIsEntered) {
  std::map<std::string, std::string> files{
      {"a.cpp", repeat("#include \"big.h\"\n", 10) + "int after;\n"},
      {"big.h", "// " + std::string(996, 'x') + "\n"}};  // 1000 bytes
  auto full = parse(files, {});
  EXPECT_EQ(full.stopped, "");
  EXPECT_EQ(full.files_entered, 12u);  // the predefines, a.cpp, big.h 10 times
  // Room for five of the ten.
  auto limited = parse(files, {.bytes = full.bytes - 4500});
  EXPECT_NE(
      limited.stopped.find("of source (each file counted every time it is entered), at a.cpp:6"),
      std::string::npos)
      << limited.stopped;
  EXPECT_EQ(limited.files_entered, 8u);
  EXPECT_EQ(limited.bytes, full.bytes - 4000);
}

}  // namespace
}  // namespace slotlint::cpp
