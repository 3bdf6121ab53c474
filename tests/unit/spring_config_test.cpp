// Spring Boot's configuration files: the .properties and YAML readers, and
// the SELECT a Redis setting stands for.
#include <string>

#include <gtest/gtest.h>

#include "frontends/spring_config/properties_reader.h"
#include "frontends/spring_config/spring_redis.h"
#include "frontends/spring_config/yaml_reader.h"

namespace slotlint::spring_config {
namespace {

std::string located(std::string_view text, const Setting& setting) {
  return std::string(
      text.substr(setting.value_span.begin, setting.value_span.end - setting.value_span.begin));
}

TEST(PropertiesReader, SeparatorsCommentsAndBlanks) {
  std::string_view text =
      "# a comment\n! another\n  spring.data.redis.database = 3\nkey:value\n"
      "spaced   value with  spaces  \n\nempty=\nbare\r\nx\t=\ty";
  auto read = read_properties(text);
  ASSERT_EQ(read.settings.size(), 6u);
  EXPECT_EQ(read.settings[0].key, "spring.data.redis.database");
  EXPECT_EQ(read.settings[0].value, "3");
  EXPECT_EQ(located(text, read.settings[0]), "3");
  EXPECT_TRUE(read.settings[0].verbatim);
  EXPECT_EQ(read.settings[1].key, "key");
  EXPECT_EQ(read.settings[1].value, "value");
  EXPECT_EQ(read.settings[2].key, "spaced");
  EXPECT_EQ(read.settings[2].value, "value with  spaces  ");  // Java keeps trailing blanks
  EXPECT_EQ(read.settings[3].key, "empty");
  EXPECT_EQ(read.settings[3].value, "");
  EXPECT_EQ(read.settings[4].key, "bare");
  EXPECT_EQ(read.settings[5].value, "y");
  EXPECT_TRUE(read.error.empty());
}

TEST(PropertiesReader, ContinuationsAndEscapes) {
  std::string_view text =
      "spring.data.redis.url=redis://host:6379/\\\n    2\n"
      "a\\=b=c\\:d\n"
      "tab=\\t\\u0041\\z\n"
      "ends.with.two.backslashes=x\\\\\n"
      "next=1\n";
  auto read = read_properties(text);
  ASSERT_EQ(read.settings.size(), 5u);
  EXPECT_EQ(read.settings[0].value, "redis://host:6379/2");
  EXPECT_FALSE(read.settings[0].verbatim);  // two lines joined
  EXPECT_EQ(located(text, read.settings[0]), "redis://host:6379/\\\n    2");
  EXPECT_EQ(read.settings[1].key, "a=b");
  EXPECT_EQ(read.settings[1].value, "c:d");
  EXPECT_EQ(read.settings[2].value, "\tAz");
  EXPECT_EQ(read.settings[3].value, "x\\");  // an even count: no continuation
  EXPECT_EQ(read.settings[4].key, "next");
}

TEST(PropertiesReader, CommentLinesNeverContinueAndDocumentsSplit) {
  auto read = read_properties("#spring.data.redis.database=3 \\\nkey=1\n#---\nkey=2\n!---\nkey=3");
  ASSERT_EQ(read.settings.size(), 3u);
  EXPECT_EQ(read.settings[0].key, "key");
  EXPECT_EQ(read.settings[0].document, 0u);
  EXPECT_EQ(read.settings[1].document, 1u);
  EXPECT_EQ(read.settings[2].document, 2u);
}

TEST(YamlReader, NestedAndDottedKeysListsAndDocuments) {
  std::string_view text =
      "spring:\n  data:\n    redis:\n      database: 3 # trailing comment\n"
      "      cluster:\n        nodes:\n          - a:1\n          - \"b:2\"\n"
      "spring.redis.database: 4\n---\nmyapp:\n  redis: {database: 5}\n";
  auto read = read_yaml(text);
  EXPECT_TRUE(read.error.empty()) << read.error;
  ASSERT_EQ(read.settings.size(), 5u);
  EXPECT_EQ(read.settings[0].key, "spring.data.redis.database");
  EXPECT_EQ(read.settings[0].value, "3");
  EXPECT_EQ(located(text, read.settings[0]), "3");
  EXPECT_TRUE(read.settings[0].verbatim);
  EXPECT_EQ(read.settings[1].key, "spring.data.redis.cluster.nodes[0]");
  EXPECT_EQ(read.settings[2].key, "spring.data.redis.cluster.nodes[1]");
  EXPECT_EQ(located(text, read.settings[2]), "\"b:2\"");
  EXPECT_FALSE(read.settings[2].verbatim);
  EXPECT_EQ(read.settings[3].key, "spring.redis.database");
  EXPECT_EQ(read.settings[3].document, 0u);
  EXPECT_EQ(read.settings[4].key, "myapp.redis.database");
  EXPECT_EQ(read.settings[4].document, 1u);
}

TEST(YamlReader, ColumnsCountCharactersNotBytes) {
  std::string_view text = "name: \"é\"\nspring: {data: {redis: {database: 7}}}\n";
  auto read = read_yaml(text);
  ASSERT_EQ(read.settings.size(), 2u);
  EXPECT_EQ(located(text, read.settings[1]), "7");
}

TEST(YamlReader, ComplexKeysAndAliasesAreNoSettings) {
  auto read = read_yaml("? [a, b]\n: 1\nbase: &b 2\nother: *b\nafter: 3\n");
  EXPECT_TRUE(read.error.empty()) << read.error;
  ASSERT_EQ(read.settings.size(), 2u);
  EXPECT_EQ(read.settings[0].key, "base");
  EXPECT_EQ(read.settings[1].key, "after");
}

TEST(YamlReader, SyntaxErrorKeepsWhatCameBefore) {
  auto read = read_yaml("spring:\n  data:\n    redis:\n      database: 3\n  bad: [\n");
  ASSERT_EQ(read.settings.size(), 1u);
  EXPECT_NE(read.error.find("line "), std::string::npos) << read.error;
}

TEST(YamlReader, DeepNestingIsRefusedNotFollowed) {
  std::string flow(100000, '[');
  auto read = read_yaml(flow);
  EXPECT_NE(read.error.find("nested 100000 deep"), std::string::npos) << read.error;
  std::string block;
  for (std::size_t depth = 0; depth < 100; ++depth)
    block += std::string(depth, ' ') + "k" + std::to_string(depth) + ":\n";
  read = read_yaml(block);
  EXPECT_NE(read.error.find("nested over the 64 levels"), std::string::npos) << read.error;
}

TEST(SpringRedis, FileNames) {
  EXPECT_EQ(configuration_syntax("application.properties"), Syntax::Properties);
  EXPECT_EQ(configuration_syntax("application-prod.yml"), Syntax::Yaml);
  EXPECT_EQ(configuration_syntax("application.yaml"), Syntax::Yaml);
  EXPECT_FALSE(configuration_syntax("application-.yml"));
  EXPECT_FALSE(configuration_syntax("myapplication.yml"));
  EXPECT_FALSE(configuration_syntax("application.json"));
  EXPECT_FALSE(configuration_syntax("bootstrap.yml"));
}

TEST(SpringRedis, DatabaseAndUrlBecomeSelects) {
  std::string_view text =
      "spring.data.redis.database=03\nspring.data.redis.url=redis://h:6379/2\n"
      "spring.redis.url=redis://h:6379/6\n"
      "spring.data.redis.database=0\nmyapp.redis.database=4\n"
      "spring.data.redis.database=${REDIS_DB:3}\nspring.data.redis.DATABASE=5\n";
  auto analysis = analyse_configuration(Syntax::Properties, text, "pom.xml names x");
  ASSERT_EQ(analysis.ops.size(), 4u);  // 3, 2, 0 and 5: not 2.x's URL, myapp's, a placeholder
  EXPECT_EQ(analysis.ops[0].command, "SELECT");
  EXPECT_EQ(analysis.ops[0].argv[0].value.literal_text(), "3");
  EXPECT_EQ(analysis.ops[0].connect_option, "spring.data.redis.database");
  EXPECT_EQ(analysis.ops[1].argv[0].value.literal_text(), "2");
  EXPECT_EQ(text.substr(analysis.ops[1].callee.begin,
                        analysis.ops[1].callee.end - analysis.ops[1].callee.begin),
            "2");  // the URL's path
  EXPECT_NE(analysis.ops[1].database_note.find("Spring Boot 3.5"), std::string::npos);
  EXPECT_EQ(analysis.ops[2].argv[0].value.literal_text(), "0");
  EXPECT_EQ(analysis.ops[3].connect_option, "spring.data.redis.DATABASE");
  for (const auto& op : analysis.ops) EXPECT_TRUE(op.database_ignored.empty());
}

TEST(SpringRedis, ClusterNodesMakeTheDatabaseIgnoredUnlessSentinel) {
  auto cluster = analyse_configuration(
      Syntax::Yaml,
      "spring:\n  data:\n    redis:\n      database: 3\n      cluster:\n        nodes: a:1,b:2\n",
      "pom.xml names x");
  ASSERT_EQ(cluster.ops.size(), 1u);
  EXPECT_NE(cluster.ops[0].database_ignored.find("RedisClusterConfiguration"), std::string::npos);
  // Nodes of the other prefix leave this one's database alone.
  auto other = analyse_configuration(
      Syntax::Properties, "spring.data.redis.database=3\nspring.redis.cluster.nodes=a:1\n", "x");
  ASSERT_EQ(other.ops.size(), 1u);
  EXPECT_TRUE(other.ops[0].database_ignored.empty());
  // Sentinel wins over cluster in Spring Boot: the database is selected.
  auto sentinel =
      analyse_configuration(Syntax::Properties,
                            "spring.data.redis.database=3\nspring.data.redis.cluster.nodes=a:1\n"
                            "spring.data.redis.sentinel.master=m\n",
                            "x");
  ASSERT_EQ(sentinel.ops.size(), 1u);
  EXPECT_TRUE(sentinel.ops[0].database_ignored.empty());
}

TEST(SpringRedis, InvalidYamlIsANotice) {
  auto analysis = analyse_configuration(Syntax::Yaml, "spring: [\n", "x");
  ASSERT_EQ(analysis.notices.size(), 1u);
  EXPECT_EQ(analysis.notices[0].id, "configuration-unreadable");
}

}  // namespace
}  // namespace slotlint::spring_config
