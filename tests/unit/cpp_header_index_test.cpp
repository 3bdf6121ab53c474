// The index of a project's headers (frontends/cpp/header_index.h): which
// folder makes an #include resolve, the nearest of several, and what the
// walk never enters.
#include "frontends/cpp/header_index.h"

#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

namespace slotlint::cpp {
namespace {
namespace fs = std::filesystem;

class HeaderIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per process: ctest runs these tests side by side.
    dir_ = fs::temp_directory_path() / ("slotlint-header-index-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    outside_ = dir_.string() + "-outside";
    fs::remove_all(outside_);
    for (const auto& header :
         {"libs/alpha/include/util/prefix.h", "libs/beta/include/util/prefix.h", "src/net/keys.h",
          ".hidden/util/prefix.h", "node_modules/pkg/util/prefix.h"}) {
      fs::create_directories((dir_ / header).parent_path());
      std::ofstream(dir_ / header) << "#pragma once\n";
    }
    fs::create_directories(outside_ / "secret");
    std::ofstream(outside_ / "secret" / "x.h") << "#pragma once\n";
    fs::create_symlink(outside_, dir_ / "src" / "link");
    ASSERT_EQ(::mkfifo((dir_ / "src" / "net" / "fifo.h").c_str(), 0600), 0);
  }
  void TearDown() override {
    fs::remove_all(dir_);
    fs::remove_all(outside_);
  }
  fs::path dir_;
  fs::path outside_;
};

TEST_F(HeaderIndexTest, AnIncludeResolvesToTheFolderHoldingItsPath) {
  HeaderIndex index({dir_});
  EXPECT_EQ(index.folder_for("net/keys.h", dir_ / "app"), dir_ / "src");
  EXPECT_EQ(index.folder_for("keys.h", dir_ / "app"), dir_ / "src" / "net");
  EXPECT_EQ(index.folder_for("./net/keys.h", dir_ / "app"), dir_ / "src");
  EXPECT_EQ(index.folder_for("other/keys.h", dir_), std::nullopt);
  EXPECT_EQ(index.folder_for("../src/net/keys.h", dir_), std::nullopt);
  EXPECT_EQ(index.folder_for((dir_ / "src/net/keys.h").string(), dir_), std::nullopt);
}

TEST_F(HeaderIndexTest, OfSeveralTheNearestToTheIncludingFileWins) {
  HeaderIndex index({dir_});
  EXPECT_EQ(index.folder_for("util/prefix.h", dir_ / "libs" / "beta" / "app"),
            dir_ / "libs" / "beta" / "include");
  EXPECT_EQ(index.folder_for("util/prefix.h", dir_ / "libs" / "alpha" / "src"),
            dir_ / "libs" / "alpha" / "include");
  // Equally near: the shallower, then the first by name.
  EXPECT_EQ(index.folder_for("util/prefix.h", dir_ / "app"), dir_ / "libs" / "alpha" / "include");
}

TEST_F(HeaderIndexTest, LinksHiddenFoldersNodeModulesAndSpecialFilesAreLeftOut) {
  HeaderIndex index({dir_});
  // Only the three headers of the tree itself: not the one behind src/link
  // (outside the project), not .hidden/ or node_modules/, not the FIFO.
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.folder_for("secret/x.h", dir_ / "src"), std::nullopt);
  EXPECT_EQ(index.folder_for("fifo.h", dir_ / "src"), std::nullopt);
  EXPECT_FALSE(index.truncated());
}

TEST_F(HeaderIndexTest, TheWalkIsBoundedInHeaders) {
  HeaderIndex index({dir_}, {.folders = 100, .headers = 2});
  EXPECT_EQ(index.size(), 2u);
  EXPECT_TRUE(index.truncated());
}

}  // namespace
}  // namespace slotlint::cpp
