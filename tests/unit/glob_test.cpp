// Exclude globs: what they match, and that no pattern makes matching slow
// (the work is counted, never timed).
#include "analyzer/config/glob.h"

#include <string>

#include <gtest/gtest.h>

namespace slotlint::config {
namespace {

bool matches(std::string_view pattern, std::string_view path) {
  return Glob(pattern).match(path).matched;
}

bool covers(std::string_view pattern, std::string_view path) {
  return Glob(pattern).match_path_or_folder(path).matched;
}

TEST(Glob, StarsStayWithinASegment) {
  EXPECT_TRUE(matches("*.py", "app.py"));
  EXPECT_FALSE(matches("*.py", "pkg/app.py"));
  EXPECT_FALSE(matches("legacy/*.py", "legacy/old/x.py"));
  EXPECT_TRUE(matches("legacy/*/x.py", "legacy/old/x.py"));
  EXPECT_TRUE(matches("*", "a"));
  EXPECT_TRUE(matches("*", ""));
  EXPECT_FALSE(matches("*", "a/b"));
  EXPECT_TRUE(matches("a*b*c", "abc"));
  EXPECT_TRUE(matches("a*b*c", "axxbyybc"));
  EXPECT_FALSE(matches("a*b*c", "axxbyyb"));
  EXPECT_TRUE(matches("**.py", "app.py"));  // `**` inside a segment is `*`
  EXPECT_FALSE(matches("**.py", "pkg/app.py"));
}

TEST(Glob, QuestionMarkIsOneByteButSlash) {
  EXPECT_TRUE(matches("app?.py", "app1.py"));
  EXPECT_FALSE(matches("app?.py", "app.py"));
  EXPECT_FALSE(matches("app?.py", "app12.py"));
  EXPECT_FALSE(matches("a?b", "a/b"));
}

TEST(Glob, DoubleStarsCrossSegments) {
  EXPECT_TRUE(matches("tests/**", "tests/a/b.py"));
  EXPECT_FALSE(matches("tests/**", "src/tests.py"));
  EXPECT_TRUE(matches("**/*.py", "pkg/sub/app.py"));
  EXPECT_TRUE(matches("**/*.py", "app.py"));  // no leading segment at all
  EXPECT_TRUE(matches("**/migrations/*.py", "app/migrations/0001.py"));
  EXPECT_TRUE(matches("**/migrations/*.py", "migrations/0001.py"));
  EXPECT_FALSE(matches("**/migrations/*.py", "app/migrations/old/0001.py"));
  EXPECT_FALSE(matches("**/migrations/*.py", "app/premigrations/0001.py"));
  EXPECT_TRUE(matches("src/**/gen/*.js", "src/gen/a.js"));
  EXPECT_TRUE(matches("src/**/gen/*.js", "src/a/b/gen/a.js"));
  EXPECT_TRUE(matches("**", "a/b/c"));
  EXPECT_TRUE(matches("a**", "ab/c"));  // a trailing `**` takes the rest
  EXPECT_FALSE(matches("", "a"));
  EXPECT_TRUE(matches("", ""));
}

TEST(Glob, ClassesMatchOneByteOfASetButSlash) {
  EXPECT_TRUE(matches("log[0-9].txt", "log7.txt"));
  EXPECT_FALSE(matches("log[0-9].txt", "logx.txt"));
  EXPECT_TRUE(matches("[!a-c]x", "dx"));
  EXPECT_FALSE(matches("[!a-c]x", "bx"));
  EXPECT_TRUE(matches("[^a-c]x", "dx"));
  EXPECT_TRUE(matches("[]]", "]"));  // a first `]` is in the set
  EXPECT_TRUE(matches("[a-]", "-"));
  EXPECT_FALSE(matches("a[!x]b", "a/b"));
  EXPECT_TRUE(matches("[ab", "[ab"));  // not closed: literal
  EXPECT_FALSE(matches("[ab", "a"));
}

TEST(Glob, BackslashMakesTheNextByteLiteral) {
  EXPECT_TRUE(matches("\\*.py", "*.py"));
  EXPECT_FALSE(matches("\\*.py", "a.py"));
  EXPECT_TRUE(matches("\\#notes", "#notes"));
  EXPECT_TRUE(matches("a\\[b]", "a[b]"));
  EXPECT_TRUE(matches("[\\]]", "]"));
}

TEST(Glob, AFolderCoversWhatIsUnderIt) {
  EXPECT_TRUE(covers("vendor", "vendor/x/y.py"));
  EXPECT_TRUE(covers("vendor", "vendor"));
  EXPECT_FALSE(covers("vendor", "vendored/y.py"));
  EXPECT_TRUE(covers("*/generated", "pkg/generated/a.py"));
  EXPECT_FALSE(covers("*.py", "pkg/app.py"));
  EXPECT_FALSE(matches("vendor", "vendor/x/y.py"));
}

// The work of a match is at most (tokens + 1) × path bytes, whatever the
// pattern: the recursive matcher this replaced took 18 s on the first of
// these against a 43-byte path, and minutes on the second.
TEST(Glob, HostilePatternsTakeLinearWork) {
  std::string ten_stars;
  for (int i = 0; i < 10; ++i) ten_stars += "*a";
  for (const std::string& pattern :
       {std::string("*a*a*a*a*a*a*a*a*b"), ten_stars, std::string("**/*a**/*a**/*a**/*a**/*a**/b"),
        std::string("?*?*?*?*?*?*?*?*?*?*d")}) {
    for (const std::string& path : {std::string(42, 'a') + "c", std::string(4000, 'a') + "c",
                                    std::string(200, 'a') + "/" + std::string(200, 'a') + "/" +
                                        std::string(200, 'a') + "c"}) {
      auto result = Glob(pattern).match(path);
      EXPECT_FALSE(result.matched) << pattern;
      EXPECT_LE(result.steps, (pattern.size() + 1) * (path.size() + 1)) << pattern;
      auto folder = Glob(pattern).match_path_or_folder(path);
      EXPECT_LE(folder.steps, (pattern.size() + 1) * (path.size() + 1)) << pattern;
    }
  }
  // The same patterns still match what they should.
  EXPECT_TRUE(matches("*a*a*a*a*a*a*a*a*b", std::string(40, 'a') + "b"));
  EXPECT_TRUE(matches(ten_stars, std::string(40, 'a')));
  EXPECT_FALSE(matches(ten_stars, std::string(9, 'a')));
  EXPECT_TRUE(matches("**/*a**/*a**/*a**/*a**/*a**/b", "xa/a/ya/za/zza/b"));
}

}  // namespace
}  // namespace slotlint::config
