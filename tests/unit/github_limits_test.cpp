// apply_github_limits with small limits: which findings survive a cap, in
// which order, and the one notification that says what was left out.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sarif/github_limits.h"

namespace slotlint::report {
namespace {

Finding finding(std::string path, std::uint32_t line, ir::Level level, std::size_t related = 0) {
  Finding f;
  f.level = level;
  f.message = "keys in different slots";
  f.location.path = std::move(path);
  f.location.region.start_line = line;
  f.location.region.end_line = line;
  for (std::size_t i = 0; i < related; ++i) {
    RelatedLocation r;
    r.location = f.location;
    r.message = "key " + std::to_string(i + 1);
    f.related.push_back(std::move(r));
  }
  return f;
}

// The report's order (path, line) mixes the levels, so keeping the most
// severe has to skip some findings and still keep the others in place.
RunReport mixed_report() {
  RunReport run;
  run.findings = {finding("a.py", 1, ir::Level::Note),    finding("a.py", 2, ir::Level::Error),
                  finding("a.py", 3, ir::Level::Warning), finding("b.py", 1, ir::Level::Note),
                  finding("b.py", 2, ir::Level::Warning), finding("c.py", 1, ir::Level::Error)};
  return run;
}

std::vector<std::string> where(const RunReport& run) {
  std::vector<std::string> places;
  for (const auto& f : run.findings)
    places.push_back(f.location.path + ":" + std::to_string(f.location.region.start_line));
  return places;
}

TEST(GithubLimits, KeepsTheMostSevereInTheReportsOrder) {
  auto run = mixed_report();
  apply_github_limits(run, {.max_results_per_run = 3});
  // Both errors, then the earlier of the two warnings; notes go first.
  EXPECT_EQ(where(run), (std::vector<std::string>{"a.py:2", "a.py:3", "c.py:1"}));
}

TEST(GithubLimits, EqualLevelsKeepTheEarlierFindings) {
  auto run = mixed_report();
  apply_github_limits(run, {.max_results_per_run = 5});
  EXPECT_EQ(where(run),
            (std::vector<std::string>{"a.py:1", "a.py:2", "a.py:3", "b.py:2", "c.py:1"}));
}

TEST(GithubLimits, SaysHowManyResultsWereLeftOutAndWhy) {
  auto run = mixed_report();
  run.notifications.push_back({ir::Level::Warning, "parse-error", "1 syntax error", "x.py"});
  apply_github_limits(run, {.max_results_per_run = 3});
  ASSERT_EQ(run.notifications.size(), 2u);
  const auto& capped = run.notifications.back();
  EXPECT_EQ(capped.id, "results-capped");
  EXPECT_EQ(capped.level, ir::Level::Warning);
  EXPECT_FALSE(capped.path.has_value());
  EXPECT_EQ(capped.message,
            "Left out 3 of 6 results (the least severe): GitHub code scanning keeps at most 3 "
            "results per run.");
}

TEST(GithubLimits, CutsRelatedLocationsToFitWithThePrimaryOne) {
  RunReport run;
  run.findings = {finding("a.py", 1, ir::Level::Error, 5), finding("a.py", 2, ir::Level::Error, 2),
                  finding("a.py", 3, ir::Level::Error, 4)};
  apply_github_limits(run, {.max_locations_per_result = 3});
  ASSERT_EQ(run.findings.size(), 3u);
  EXPECT_EQ(run.findings[0].related.size(), 2u);
  EXPECT_EQ(run.findings[0].related[1].message, "key 2");  // the first ones stay
  EXPECT_EQ(run.findings[1].related.size(), 2u);
  EXPECT_EQ(run.findings[2].related.size(), 2u);
  ASSERT_EQ(run.notifications.size(), 1u);
  EXPECT_EQ(run.notifications[0].message,
            "Left out 5 related locations: GitHub code scanning keeps at most 3 locations per "
            "result.");
}

TEST(GithubLimits, OneNotificationCoversBothCaps) {
  RunReport run;
  run.findings = {finding("a.py", 1, ir::Level::Note, 4), finding("a.py", 2, ir::Level::Error, 4),
                  finding("a.py", 3, ir::Level::Warning, 1)};
  apply_github_limits(run, {.max_results_per_run = 2, .max_locations_per_result = 2});
  EXPECT_EQ(where(run), (std::vector<std::string>{"a.py:2", "a.py:3"}));
  // Only the kept results' related locations count: 3 from a.py:2, none from the dropped note.
  ASSERT_EQ(run.notifications.size(), 1u);
  EXPECT_EQ(run.notifications[0].message,
            "Left out 1 of 3 results (the least severe) and 3 related locations: GitHub code "
            "scanning keeps at most 2 results per run and 2 locations per result.");
}

TEST(GithubLimits, ChangesNothingWithinTheLimits) {
  auto run = mixed_report();
  run.findings[1].related = finding("a.py", 2, ir::Level::Error, 2).related;
  apply_github_limits(run, {.max_results_per_run = 6, .max_locations_per_result = 3});
  EXPECT_EQ(where(run), where(mixed_report()));
  EXPECT_EQ(run.findings[1].related.size(), 2u);
  EXPECT_TRUE(run.notifications.empty());
}

TEST(GithubLimits, DefaultsAreGithubsDocumentedLimits) {
  GithubLimits limits;
  EXPECT_EQ(limits.max_results_per_run, 5'000u);
  EXPECT_EQ(limits.max_locations_per_result, 100u);
  auto run = mixed_report();
  apply_github_limits(run);
  EXPECT_EQ(run.findings.size(), 6u);
  EXPECT_TRUE(run.notifications.empty());
}

}  // namespace
}  // namespace slotlint::report
