// Findings' fingerprints (slotlint/v2 from the flagged line, slotlint/v1 from
// the keys as shown) and the --baseline reader that matches them, old-form
// baselines (v1 only) by their place.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyzer/cli/baseline.h"
#include "analyzer/driver/fingerprints.h"
#include "analyzer/ir/stable_hash.h"
#include "rules/rule_metadata.h"

namespace slotlint {
namespace {

using driver::LineFingerprintSubject;

TEST(LineTextHash, ReadsEveryRunOfWhitespaceAsOneSpace) {
  auto hash = driver::line_text_hash("r.mget(a, b)  # note");
  EXPECT_EQ(hash, ir::stable_hash("r.mget(a, b) # note"));
  EXPECT_EQ(driver::line_text_hash("\t    r.mget(a,\t b)   # note \r"), hash);
  EXPECT_NE(driver::line_text_hash("r.mget(a,b) # note"), hash);
  EXPECT_EQ(driver::line_text_hash("  \t "), ir::stable_hash(""));
}

TEST(LineFingerprints, TellFindingsOnEqualLinesApartByTheirOrder) {
  auto same_text = driver::line_text_hash("r.mget(a, b); r.mget(c, d)");
  std::vector<LineFingerprintSubject> subjects = {
      {"SL001", "app.py", same_text, 9, 200, 12},  // a later line with the same text
      {"SL001", "app.py", same_text, 3, 40, 12},   // second on line 3
      {"SL001", "app.py", same_text, 3, 26, 12},   // first on line 3
      {"SL012", "app.py", same_text, 3, 26, 12},   // another rule
      {"SL001", "lib.py", same_text, 3, 26, 12},   // another file
  };
  auto fingerprints = driver::line_fingerprints(subjects);
  ASSERT_EQ(fingerprints.size(), subjects.size());
  auto expected = [](std::string_view rule, std::string_view path, std::uint64_t line, int n) {
    return fmt::format(
        "{:016x}", ir::stable_hash(fmt::format("{}\x1f{}\x1f{:016x}\x1f{}", rule, path, line, n)));
  };
  EXPECT_EQ(fingerprints[2], expected("SL001", "app.py", same_text, 0));
  EXPECT_EQ(fingerprints[1], expected("SL001", "app.py", same_text, 1));
  EXPECT_EQ(fingerprints[0], expected("SL001", "app.py", same_text, 2));
  EXPECT_EQ(fingerprints[3], expected("SL012", "app.py", same_text, 0));
  EXPECT_EQ(fingerprints[4], expected("SL001", "lib.py", same_text, 0));

  // Lines inserted above move every finding but change no fingerprint.
  for (auto& subject : subjects) {
    subject.line += 5;
    subject.byte_offset += 100;
  }
  EXPECT_EQ(driver::line_fingerprints(subjects), fingerprints);
}

TEST(BasisFingerprint, IsTheV1ThatEarlierBaselinesHold) {
  // The formula slotlint/v1 has always had: changing it turns every earlier
  // baseline into "all new".
  EXPECT_EQ(driver::basis_fingerprint("SL001", "app.py", "MGET\x1f'a'\x1f'b'", 1),
            fmt::format("{:016x}", ir::stable_hash("SL001\x1f"
                                                   "app.py\x1fMGET\x1f'a'\x1f'b'\x1f"
                                                   "1")));
}

class BaselineTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& results) {
    path_ = std::filesystem::temp_directory_path() /
            ("slotlint-baseline-test-" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".sarif");
    std::ofstream(path_) << R"({"version": "2.1.0", "runs": [{"results": [)" << results << "]}]}";
    return path_;
  }
  void TearDown() override { std::filesystem::remove(path_); }

  static report::Finding finding(std::string path, std::uint32_t line, std::uint32_t column,
                                 std::string v2, std::string v1) {
    report::Finding finding;
    finding.rule = rules::find_rule("SL001");
    finding.location.path = std::move(path);
    finding.location.region.start_line = line;
    finding.location.region.start_column = column;
    finding.fingerprint = std::move(v2);
    finding.fingerprint_v1 = std::move(v1);
    return finding;
  }

  std::filesystem::path path_;
};

std::string result(std::string_view fingerprints, std::string_view uri, std::string_view region) {
  return fmt::format(
      R"({{"ruleId": "SL001", "partialFingerprints": {{{}}}, "locations": [{{"physicalLocation":
          {{"artifactLocation": {{"uri": "{}"}}, "region": {{{}}}}}}}]}})",
      fingerprints, uri, region);
}

TEST_F(BaselineTest, MatchesV2V1AndTheOldFormsPlace) {
  auto path = write(
      result(R"("slotlint/v2": "v2-a", "slotlint/v1": "v1-a")", "app.py", R"("startLine": 3)") +
      "," +
      result(R"("slotlint/v1": "v1-b")", "lib/a%20b.py", R"("startLine": 7, "startColumn": 5)") +
      "," + result("", "lib/c.py", R"("startLine": 9)") +
      // Not a place: no line, a line that is no positive integer, no URI.
      "," + result("", "lib/d.py", R"("startColumn": 1)") + "," +
      result("", "lib/d.py", R"("startLine": "2")") + "," +
      result("", "lib/d.py", R"("startLine": -2)") + "," + R"({"ruleId": "SL001"}, 7, null)");
  std::string error;
  auto baseline = cli::read_baseline(path, error);
  ASSERT_TRUE(baseline) << error;
  EXPECT_EQ(baseline->v2, (std::set<std::string>{"v2-a"}));
  EXPECT_EQ(baseline->v1, (std::set<std::string>{"v1-a", "v1-b"}));
  using Place = std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>;
  EXPECT_EQ(baseline->places,
            (std::set<Place>{{"SL001", "lib/a%20b.py", 7, 5}, {"SL001", "lib/c.py", 9, 0}}));

  report::RunReport run;
  run.findings = {
      finding("app.py", 30, 1, "v2-a", "changed"),        // by v2
      finding("app.py", 3, 1, "changed", "v1-a"),         // by v1 (its place is a v2 result's)
      finding("app.py", 3, 1, "changed", "changed"),      // new: a v2 result's place is no match
      finding("lib/a b.py", 7, 5, "changed", "changed"),  // by the old form's place
      finding("lib/a b.py", 7, 6, "changed", "changed"),  // new: another column
      finding("lib/c.py", 9, 42, "changed", "changed"),   // by line: the result has no column
      finding("lib/c.py", 10, 42, "changed", "changed"),  // new: another line
  };
  EXPECT_EQ(cli::apply_baseline(*baseline, run), 4u);
  std::vector<std::pair<std::string, std::uint32_t>> left;
  for (const auto& kept : run.findings)
    left.emplace_back(kept.location.path, kept.location.region.start_column);
  EXPECT_EQ(left, (std::vector<std::pair<std::string, std::uint32_t>>{
                      {"app.py", 1}, {"lib/a b.py", 6}, {"lib/c.py", 42}}));
}

}  // namespace
}  // namespace slotlint
