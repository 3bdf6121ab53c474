// Reading .gitignore patterns and git's configuration as git does (the file
// lists themselves are compared with git's in tests/e2e/test_gitignore.py).
#include "analyzer/driver/git_ignore.h"

#include <gtest/gtest.h>

namespace slotlint::driver {
namespace {

std::optional<bool> decide(std::string_view text, std::string_view path, bool folder = false,
                           std::string base = "") {
  return IgnoreList(text, std::move(base)).decide(path, folder);
}

TEST(IgnoreList, TheLastMatchingPatternDecides) {
  EXPECT_EQ(decide("*.py\n!keep.py\n", "keep.py"), false);
  EXPECT_EQ(decide("!keep.py\n*.py\n", "keep.py"), true);
  EXPECT_EQ(decide("*.py\n", "a.js"), std::nullopt);
}

TEST(IgnoreList, ASlashAnchorsAPatternToItsFolder) {
  EXPECT_EQ(decide("/top.py\n", "top.py"), true);
  EXPECT_EQ(decide("/top.py\n", "lib/top.py"), std::nullopt);
  EXPECT_EQ(decide("top.py\n", "lib/top.py"), true);
  EXPECT_EQ(decide("lib/*.py\n", "src/lib/a.py"), std::nullopt);
  EXPECT_EQ(decide("/a.py\n", "app/a.py", false, "app/"), true);
  EXPECT_EQ(decide("/a.py\n", "a.py", false, "app/"), std::nullopt);
}

TEST(IgnoreList, ATrailingSlashMatchesFoldersOnly) {
  EXPECT_EQ(decide("logs/\n", "logs", /*folder=*/true), true);
  EXPECT_EQ(decide("logs/\n", "logs", /*folder=*/false), std::nullopt);
}

TEST(IgnoreList, CommentsEscapesAndTrailingSpaces) {
  EXPECT_EQ(decide("# a.py\n", "# a.py"), std::nullopt);
  EXPECT_EQ(decide("\\#a.py\n", "#a.py"), true);
  EXPECT_EQ(decide("\\!a.py\n", "!a.py"), true);
  EXPECT_EQ(decide("a.py   \n", "a.py"), true);
  EXPECT_EQ(decide("a.py\\ \n", "a.py "), true);
  EXPECT_EQ(decide("\xEF\xBB\xBF"
                   "a.py\n",
                   "a.py"),
            true);
}

TEST(IgnoreScope, TheNearestFileDecidesFirst) {
  auto top = std::make_shared<const IgnoreScope>("/repo",
                                                 std::vector<IgnoreList>{IgnoreList("*.js\n", "")});
  auto sub = std::make_shared<const IgnoreScope>(top, IgnoreList("!*.js\n", "sub/"));
  EXPECT_TRUE(top->ignored("a.js", false));
  EXPECT_FALSE(sub->ignored("sub/a.js", false));
  EXPECT_FALSE(sub->ignored("sub/a.py", false));
}

TEST(GitConfig, CoreExcludesFileIsTheLastSetting) {
  EXPECT_EQ(config_excludes_file("[core]\n\texcludesFile = ~/a\n"), "~/a");
  EXPECT_EQ(config_excludes_file("[Core]\nEXCLUDESFILE=\"/x y\" # comment\n"), "/x y");
  EXPECT_EQ(config_excludes_file("[core]\nexcludesfile = a\n[user]\nexcludesfile = b\n"), "a");
  EXPECT_EQ(config_excludes_file("[core \"x\"]\nexcludesfile = a\n"), std::nullopt);
  EXPECT_EQ(config_excludes_file("[core]\nexcludesfile = a\n[core]\nexcludesfile = b\n"), "b");
}

}  // namespace
}  // namespace slotlint::driver
