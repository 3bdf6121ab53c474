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
  auto top = std::make_shared<const IgnoreScope>(
      "/repo", std::vector<IgnoreList>{IgnoreList("*.js\n", "")}, nullptr);
  auto sub = std::make_shared<const IgnoreScope>(top, IgnoreList("!*.js\n", "sub/"));
  EXPECT_TRUE(top->ignored("a.js", false));
  EXPECT_FALSE(sub->ignored("sub/a.js", false));
  EXPECT_FALSE(sub->ignored("sub/a.py", false));
}

// A version 2 index entry: 62 fixed bytes (only the flags' name length
// matters here), the path, then NULs to a multiple of 8 bytes.
std::string index_entry(std::string_view path) {
  std::string entry(60, '\0');  // times, ids, mode, size, object name
  entry += static_cast<char>((path.size() >> 8) & 0x0F);
  entry += static_cast<char>(path.size() & 0xFF);
  entry += path;
  entry.append(8 - (entry.size() % 8), '\0');
  return entry;
}

std::string index_of(std::uint32_t version, const std::vector<std::string>& entries) {
  std::string index = "DIRC";
  for (std::uint32_t value : {version, static_cast<std::uint32_t>(entries.size())}) {
    for (int shift = 24; shift >= 0; shift -= 8)
      index += static_cast<char>((value >> shift) & 0xFF);
  }
  for (const auto& entry : entries) index += entry;
  return index + "extensions and checksum: not read";
}

TEST(TrackedFiles, ReadsTheIndexPaths) {
  std::string error;
  auto tracked = TrackedFiles::parse(index_of(2, {index_entry("build/forced.py"),
                                                  index_entry("src/a.py"), index_entry("1234567")}),
                                     error);
  ASSERT_TRUE(tracked) << error;
  EXPECT_TRUE(tracked->tracked("build/forced.py"));
  EXPECT_TRUE(tracked->tracked("1234567"));
  EXPECT_FALSE(tracked->tracked("build"));
  EXPECT_TRUE(tracked->tracked_under("build"));
  EXPECT_FALSE(tracked->tracked_under("buil"));
  EXPECT_FALSE(tracked->tracked_under("src/a.py"));
}

TEST(TrackedFiles, VersionFourDropsThePreviousPathsEnd) {
  auto entry = [](unsigned char drop, std::string_view rest) {
    std::string e(60, '\0');
    e += '\0';
    e += static_cast<char>(rest.size());
    e += static_cast<char>(drop);
    e += rest;
    e += '\0';
    return e;
  };
  std::string error;
  auto tracked =
      TrackedFiles::parse(index_of(4, {entry(0, "app/main.py"), entry(7, "util.py")}), error);
  ASSERT_TRUE(tracked) << error;
  EXPECT_TRUE(tracked->tracked("app/main.py"));
  EXPECT_TRUE(tracked->tracked("app/util.py"));
}

TEST(TrackedFiles, RefusesWhatItCannotRead) {
  std::string error;
  EXPECT_FALSE(TrackedFiles::parse("DIRC", error));
  EXPECT_FALSE(TrackedFiles::parse(index_of(5, {}), error));
  EXPECT_EQ(error, "git index version 5 (slotlint reads 2 to 4)");
  // Says it holds two entries, holds one.
  std::string cut = index_of(2, {index_entry("a.py")});
  cut[11] = 2;
  cut.resize(12 + index_entry("a.py").size());
  EXPECT_FALSE(TrackedFiles::parse(cut, error));
  EXPECT_FALSE(TrackedFiles::parse(std::string(1u << 10, 'x'), error));
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
