#include "analyzer/config/config.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace slotlint::config {
namespace {
namespace fs = std::filesystem;

std::optional<std::string> code_of(std::string_view name) {
  if (name == "SL001" || name == "cross-slot-multi-key-command") return std::string("SL001");
  return std::nullopt;
}

const RuleNames kRules{code_of, "SL001 (cross-slot-multi-key-command)"};

class ConfigFile : public testing::Test {
 protected:
  fs::path write(const std::string& text) {
    path_ = fs::temp_directory_path() / ("slotlint-config-" + std::to_string(::getpid()) + ".json");
    std::ofstream(path_) << text;
    return path_;
  }
  void TearDown() override { fs::remove(path_); }
  std::variant<Config, ConfigError> load(const std::string& text) {
    return load_config(write(text), kRules);
  }
  ConfigError error_of(const std::string& text) {
    auto loaded = load(text);
    EXPECT_TRUE(std::holds_alternative<ConfigError>(loaded)) << "expected an error for: " << text;
    return std::holds_alternative<ConfigError>(loaded) ? std::get<ConfigError>(loaded)
                                                       : ConfigError{};
  }
  fs::path path_;
};

TEST_F(ConfigFile, ReadsEverySection) {
  auto loaded = load(R"({
  "rules": {"cross-slot-multi-key-command": {"level": "warning", "enabled": false}},
  "exclude": ["tests/**"],
  "settings": {"assume_brace_free_values": true, "deployed_on_cluster": true},
  "models": [{"library": "mine"}]
})");
  ASSERT_TRUE(std::holds_alternative<Config>(loaded)) << std::get<ConfigError>(loaded).describe();
  const auto& config = std::get<Config>(loaded);
  ASSERT_TRUE(config.rules.contains("SL001"));
  EXPECT_EQ(config.rules.at("SL001").enabled, false);
  ASSERT_EQ(config.exclude.size(), 1u);
  EXPECT_EQ(config.exclude.front().pattern(), "tests/**");
  EXPECT_TRUE(config.assume_brace_free_values);
  EXPECT_TRUE(config.deployed_on_cluster);
  ASSERT_EQ(config.models.size(), 1u);
}

TEST_F(ConfigFile, IncludeFoldersAreTakenFromTheConfigFilesFolder) {
  auto loaded = load(R"({"include": ["third_party/hiredis", "/opt/rpp/include"]})");
  ASSERT_TRUE(std::holds_alternative<Config>(loaded)) << std::get<ConfigError>(loaded).describe();
  const auto& config = std::get<Config>(loaded);
  auto folder = std::filesystem::absolute(config.file).parent_path();
  EXPECT_EQ(config.include, (std::vector<std::filesystem::path>{folder / "third_party/hiredis",
                                                                "/opt/rpp/include"}));
  EXPECT_NE(error_of(R"({"include": "third_party"})").message.find("must be a list of folders"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"include": [""]})").message.find("non-empty strings"), std::string::npos);
}

TEST_F(ConfigFile, UnknownKeyNamesTheLineAndWhatIsAllowed) {
  auto error = error_of("{\n  \"rules\": {},\n  \"exclud\": []\n}");
  EXPECT_EQ(error.line, 3u);
  EXPECT_NE(error.message.find("allowed: rules, exclude, settings, models, clients, include"),
            std::string::npos);
  EXPECT_NE(error.describe().find(":3: "), std::string::npos);
}

TEST_F(ConfigFile, BadValuesAreErrors) {
  EXPECT_NE(error_of(R"({"rules": {"SL999": {}}})").message.find("known: SL001"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"rules": {"SL001": {"level": "fatal"}}})")
                .message.find("\"note\", \"warning\" or \"error\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"rules": {"SL001": {"enabled": "yes"}}})").message.find("true or false"),
            std::string::npos);
  EXPECT_NE(
      error_of(R"({"rules": {"SL001": {"severity": 1}}})").message.find("allowed: enabled, level"),
      std::string::npos);
  EXPECT_NE(error_of(R"({"rules": {"SL001": {}, "cross-slot-multi-key-command": {}}})")
                .message.find("configured twice"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"exclude": "tests"})").message.find("list of glob patterns"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"exclude": [3]})").message.find("non-empty strings"), std::string::npos);
  EXPECT_NE(
      error_of(R"({"settings": {"fast": true}})").message.find("allowed: assume_brace_free_values"),
      std::string::npos);
  EXPECT_NE(error_of(R"({"models": {}})").message.find("list of API models"), std::string::npos);
  EXPECT_NE(error_of("[1, 2]").message.find("JSON object"), std::string::npos);
}

TEST_F(ConfigFile, InvalidJsonNamesTheLine) {
  auto error = error_of("{\n  \"rules\": {\n    \"SL001\": {,}\n  }\n}");
  EXPECT_EQ(error.line, 3u);
  EXPECT_NE(error.message.find("not valid JSON"), std::string::npos);
}

// Found by fuzz_config: nlohmann throws out_of_range, not parse_error, for a
// number no double holds; that is invalid JSON for us, not a crash.
TEST_F(ConfigFile, NumberTooLargeIsInvalidJsonNotACrash) {
  auto error = error_of(R"({"rules": {}, "x": 1e5555555555555555555})");
  EXPECT_NE(error.message.find("not valid JSON"), std::string::npos) << error.message;
  error = error_of("1e55555555555555555555mWWW555\": WWWWWWgT\"\"");
  EXPECT_NE(error.message.find("not valid JSON"), std::string::npos) << error.message;
}

TEST(ConfigLookup, MissingFileIsAnError) {
  auto loaded = load_config("/nonexistent/.slotlint.json", kRules);
  ASSERT_TRUE(std::holds_alternative<ConfigError>(loaded));
  EXPECT_NE(std::get<ConfigError>(loaded).message.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace slotlint::config
