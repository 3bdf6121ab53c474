// The project-file API: files named by analysed code are read only inside the
// project, never through a symlink leaving it, never from /proc, /sys or /dev;
// input files are regular and within their limit.
#include "analyzer/files/project_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

namespace slotlint::files {
namespace {
namespace fs = std::filesystem;

class ProjectFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("slotlint-project-files-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_ / "project" / "scripts");
    fs::create_directories(base_ / "outside");
    write(base_ / "project" / "scripts" / "a.lua", "return 1");
    write(base_ / "outside" / "secret.txt", "SECRET=hunter2");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  [[nodiscard]] fs::path project() const { return base_ / "project"; }

  fs::path base_;
};

TEST_F(ProjectFilesTest, ReadsAFileInsideTheProject) {
  ProjectFiles files({project()});
  auto read = files.read(project() / "scripts" / "a.lua", 1024);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read.bytes, "return 1");
  EXPECT_TRUE(files.refusals().empty());
}

TEST_F(ProjectFilesTest, RefusesAPathOutsideTheProjectWithoutReadingIt) {
  ProjectFiles files({project()});
  auto read = files.read(project() / ".." / "outside" / "secret.txt", 1024);
  EXPECT_FALSE(read);
  EXPECT_EQ(read.problem, Problem::kOutsideProject);
  EXPECT_EQ(read.reason.find("hunter2"), std::string::npos);
  ASSERT_EQ(files.refusals().size(), 1u);
  EXPECT_EQ(files.refusals()[0].path, (base_ / "outside" / "secret.txt").generic_string());
}

TEST_F(ProjectFilesTest, RefusesASymlinkThatLeavesTheProject) {
  fs::create_directory_symlink(base_ / "outside", project() / "home");
  fs::create_symlink(base_ / "outside" / "secret.txt", project() / "scripts" / "b.lua");
  ProjectFiles files({project()});
  auto through_folder = files.read(project() / "home" / "secret.txt", 1024);
  EXPECT_EQ(through_folder.problem, Problem::kOutsideProject);
  EXPECT_NE(through_folder.reason.find("symlink"), std::string::npos);
  EXPECT_EQ(files.read(project() / "scripts" / "b.lua", 1024).problem, Problem::kOutsideProject);
  // A listing leaves the escaping link out and logs it.
  std::string reason;
  auto listed = files.list_directory(project() / "scripts", reason);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].filename(), "a.lua");
  EXPECT_EQ(files.list_directory(project() / "home", reason).size(), 0u);
}

TEST_F(ProjectFilesTest, AListingPassesOverAFolderLinkLeavingTheProject) {
  // Discovery names such a link (symlink-not-followed); a listing for files
  // (manifests beside a source file) must not report it again as a refusal.
  fs::create_directory_symlink(base_ / "outside", project() / "scripts" / "home");
  ProjectFiles files({project()});
  std::string reason;
  auto listed = files.list_directory(project() / "scripts", reason);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].filename(), "a.lua");
  EXPECT_TRUE(files.refusals().empty());
}

TEST_F(ProjectFilesTest, AllowsASymlinkThatStaysInside) {
  fs::create_symlink(project() / "scripts" / "a.lua", project() / "alias.lua");
  ProjectFiles files({project()});
  auto read = files.read(project() / "alias.lua", 1024);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read.bytes, "return 1");
}

TEST_F(ProjectFilesTest, NeverReadsProcSysOrDevEvenWhenTheRootHoldsThem) {
  ProjectFiles files({fs::path("/")});
  EXPECT_EQ(files.read("/proc/self/environ", 1 << 20).problem, Problem::kPseudoFile);
  EXPECT_EQ(files.read("/proc/sys/kernel/hostname", 1 << 20).problem, Problem::kPseudoFile);
  if (fs::exists("/sys/kernel")) {
    EXPECT_EQ(files.read("/sys/kernel", 1 << 20).problem, Problem::kPseudoFile);
  }
  EXPECT_EQ(files.read("/dev/zero", 1 << 20).problem, Problem::kPseudoFile);
  EXPECT_TRUE(is_pseudo_file_path("/proc/1/cmdline"));
  EXPECT_FALSE(is_pseudo_file_path("/procedures/x"));
}

TEST_F(ProjectFilesTest, RefusesFifosFoldersAndFilesOverTheLimit) {
  ASSERT_EQ(::mkfifo((project() / "pipe.lua").c_str(), 0600), 0);
  write(project() / "big.lua", std::string(2048, 'x'));
  ProjectFiles files({project()});
  EXPECT_EQ(files.read(project() / "pipe.lua", 1024).problem, Problem::kNotRegular);
  EXPECT_EQ(files.read(project() / "scripts", 1024).problem, Problem::kNotRegular);
  auto big = files.read(project() / "big.lua", 1024);
  EXPECT_EQ(big.problem, Problem::kTooLarge);
  EXPECT_NE(big.reason.find("1024 byte limit"), std::string::npos);
  EXPECT_EQ(files.read(project() / "missing.lua", 1024).problem, Problem::kNotFound);
  // A guess that misses is "not found" wherever it points, never "outside".
  EXPECT_EQ(files.read(base_ / "nowhere" / "x.lua", 1024).problem, Problem::kNotFound);
  EXPECT_FALSE(files.is_file(project() / "pipe.lua"));
  EXPECT_TRUE(files.is_file(project() / "scripts" / "a.lua"));
}

TEST_F(ProjectFilesTest, InputFilesMustBeRegularAndWithinTheirLimit) {
  EXPECT_EQ(read_input_file("/dev/zero", 1024).problem, Problem::kNotRegular);
  EXPECT_EQ(read_input_file(project(), 1024).problem, Problem::kNotRegular);
  ASSERT_EQ(::mkfifo((project() / "config.json").c_str(), 0600), 0);
  EXPECT_EQ(read_input_file(project() / "config.json", 1024).problem, Problem::kNotRegular);
  write(project() / "big.json", std::string(2048, ' '));
  EXPECT_EQ(read_input_file(project() / "big.json", 1024).problem, Problem::kTooLarge);
  auto ok = read_input_file(project() / "scripts" / "a.lua", 1024);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok.bytes, "return 1");
}

TEST_F(ProjectFilesTest, ProjectRootsAreTheRepositoryTopOrThePathsFolder) {
  fs::create_directory(project() / ".git");
  auto roots = project_roots({project() / "scripts" / "a.lua"}, std::nullopt);
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0], fs::canonical(project()));
  auto outside = project_roots({base_ / "outside" / "secret.txt"}, std::nullopt);
  ASSERT_EQ(outside.size(), 1u);
  // The temporary folder is in no repository: the file's own folder, or the
  // folder slotlint runs in when the file is under it.
  EXPECT_EQ(outside[0], fs::canonical(base_ / "outside"));
  auto previous = fs::current_path();
  fs::current_path(base_);
  auto from_here = project_roots({base_ / "outside" / "secret.txt"}, std::nullopt);
  fs::current_path(previous);
  ASSERT_EQ(from_here.size(), 1u);
  EXPECT_EQ(from_here[0], fs::canonical(base_));
  EXPECT_EQ(project_roots({}, base_).size(), 1u);
}

}  // namespace
}  // namespace slotlint::files
