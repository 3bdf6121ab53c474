// The Lua script reader: which KEYS a body reads and which keys its
// redis.call commands touch, with KEYS/ARGV as reserved holes.
#include "frontends/lua/script_reader.h"

#include <gtest/gtest.h>
#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_lua();

namespace slotlint {
namespace {

std::shared_ptr<const ir::ScriptSummary> read(std::string_view body) {
  std::string error;
  auto parser = ts::Parser::create(tree_sitter_lua(), error);
  EXPECT_TRUE(parser) << error;
  auto read = lua::read_script(body, *parser);
  EXPECT_TRUE(read.summary) << read.problem;
  return read.summary;
}

// "KEYS[1]" for a KEYS hole, the text for literals, "<name>" for others.
std::string shape(const ir::KeyExpr& key) {
  std::string text;
  for (const auto& segment : key.segments()) {
    if (const auto* literal = std::get_if<ir::LiteralSegment>(&segment)) {
      text += literal->text;
      continue;
    }
    const auto& hole = std::get<ir::HoleSegment>(segment);
    auto input = ir::parse_script_symbol(hole.symbol);
    text += input ? (input->is_keys ? "KEYS[" : "ARGV[") + std::to_string(input->index) + "]"
                  : "<" + hole.display + ">";
  }
  return text;
}

// 50,000 KEYS[i] read in one call: each listed once, by index, with where
// it is first read. A scan of the list per read made this quadratic (1.25e9
// comparisons); ten times the reads now take about ten times the lookups.
std::string keys_backwards(int keys) {
  std::string body = "return redis.call('DEL'";
  for (int i = keys; i >= 1; --i) body += ", KEYS[" + std::to_string(i) + "]";
  return body + ", KEYS[1])";
}

lua::ScriptRead read_keys_backwards(int keys) {
  std::string error;
  auto parser = ts::Parser::create(tree_sitter_lua(), error);
  EXPECT_TRUE(parser) << error;
  return lua::read_script(keys_backwards(keys), *parser);
}

TEST(ScriptReader, FiftyThousandKeysReadAreEachListedOnce) {
  constexpr int kKeys = 50'000;
  auto read = read_keys_backwards(kKeys);
  ASSERT_TRUE(read.summary) << read.problem;
  const auto& summary = *read.summary;
  ASSERT_EQ(summary.keys_read.size(), static_cast<std::size_t>(kKeys));
  EXPECT_EQ(summary.keys_read.front().first, 1);
  EXPECT_EQ(summary.keys_read.back().first, kKeys);
  EXPECT_EQ(summary.keys_read.front().second, keys_backwards(kKeys).find("KEYS[1]"));
  EXPECT_EQ(summary.accesses.size(), static_cast<std::size_t>(kKeys) + 1);

  auto small = read_keys_backwards(kKeys / 10);
  ASSERT_TRUE(small.summary);
  EXPECT_GT(small.work.lookup_steps, 0u);
  EXPECT_LE(read.work.lookup_steps, 15 * small.work.lookup_steps)
      << small.work.lookup_steps << " lookups for " << kKeys / 10 << " reads, "
      << read.work.lookup_steps << " for " << kKeys;
}

TEST(ScriptReader, ABodyNestedTooDeepIsNotParsedAndSaysWhy) {
  std::string error;
  auto parser = ts::Parser::create(tree_sitter_lua(), error);
  ASSERT_TRUE(parser) << error;
  auto read =
      lua::read_script("return " + std::string(1500, '(') + "1" + std::string(1500, ')'), *parser);
  EXPECT_FALSE(read.summary);
  EXPECT_EQ(read.problem, "nests 1500 brackets deep (line 1), over the limit of 1000");
  EXPECT_EQ(read.work.nesting, 1500u);
}

TEST(ScriptReader, FindsKeysReadAndTheKeysCommandsTouch) {
  auto summary = read(
      "local v = redis.call('GET', KEYS[1])\n"
      "redis.pcall('SET', KEYS[3], v)\n"
      "server.call('SADD', 'held:' .. ARGV[1], KEYS[1])\n");
  EXPECT_FALSE(summary->keys_read_by_count);
  EXPECT_EQ(summary->highest_key_read(), 3);
  ASSERT_EQ(summary->accesses.size(), 3u);
  EXPECT_EQ(summary->accesses[0].command, "GET");
  EXPECT_EQ(shape(summary->accesses[0].key), "KEYS[1]");
  EXPECT_EQ(shape(summary->accesses[1].key), "KEYS[3]");
  EXPECT_EQ(summary->accesses[2].command, "SADD");
  EXPECT_EQ(shape(summary->accesses[2].key), "held:ARGV[1]");
}

TEST(ScriptReader, RecordsEveryCommandWithItsFirstArgument) {
  std::string body =
      "redis.call('SELECT', 0)\n"
      "local all = redis.pcall('KEYS', ARGV[1])\n"
      "redis.call('GET', KEYS[1])\n";
  auto summary = read(body);
  ASSERT_EQ(summary->calls.size(), 3u);
  EXPECT_EQ(summary->calls[0].command, "SELECT");
  EXPECT_EQ(summary->calls[0].first_argument, "0");
  EXPECT_FALSE(summary->calls[0].keyspace_wide);
  EXPECT_EQ(summary->calls[1].command, "KEYS");
  EXPECT_EQ(summary->calls[1].first_argument, std::nullopt);  // ARGV[1]: not a literal
  EXPECT_TRUE(summary->calls[1].keyspace_wide);
  EXPECT_EQ(body.substr(summary->calls[1].begin, summary->calls[1].end - summary->calls[1].begin),
            "redis.pcall('KEYS', ARGV[1])");
  EXPECT_FALSE(summary->calls[2].keyspace_wide);
}

TEST(ScriptReader, FollowsLocalsAliasesAndFormatting) {
  auto summary = read(
      "local rcall = redis.call\n"
      "local jobKey = KEYS[1] .. ':' .. ARGV[2]\n"
      "rcall('HSET', jobKey, 'state', 'active')\n"
      "rcall('INCR', string.format('%s:count:%d', KEYS[2], tostring(ARGV[1])))\n");
  ASSERT_EQ(summary->accesses.size(), 2u);
  EXPECT_EQ(shape(summary->accesses[0].key), "KEYS[1]:ARGV[2]");
  EXPECT_EQ(shape(summary->accesses[1].key), "KEYS[2]:count:ARGV[1]");
}

TEST(ScriptReader, LoopsAndCountsOverKeysReadThemAll) {
  for (std::string_view body : {"for _, k in ipairs(KEYS) do redis.call('DEL', k) end",
                                "for i = 1, #KEYS do redis.call('DEL', KEYS[i]) end",
                                "return redis.call('DEL', unpack(KEYS))"}) {
    SCOPED_TRACE(body);
    auto summary = read(body);
    EXPECT_TRUE(summary->keys_read_by_count);
    ASSERT_EQ(summary->accesses.size(), 1u);
    EXPECT_EQ(shape(summary->accesses[0].key), "KEYS[0]");  // some declared key
  }
}

TEST(ScriptReader, AValueTheScriptComputesIsAHoleNamedByItsLocal) {
  auto summary = read(
      "local job = redis.call('RPOP', KEYS[1])\n"
      "redis.call('HSET', 'job:' .. job, 'x', 1)\n");
  ASSERT_EQ(summary->accesses.size(), 2u);
  EXPECT_EQ(shape(summary->accesses[1].key), "job:<job>");
}

TEST(ScriptReader, CommandNamesThatAreNotLiteralAreSkipped) {
  auto summary = read("local cmd = ARGV[1]\nredis.call(cmd, KEYS[1])\n");
  EXPECT_TRUE(summary->accesses.empty());
  EXPECT_EQ(summary->highest_key_read(), 1);
}

TEST(ScriptReader, SyntaxErrorsAreCountedAndTheRestIsRead) {
  auto summary = read("redis.call('SET', KEYS[1], 1)\nif then end end\n");
  EXPECT_GT(summary->syntax_errors, 0u);
  EXPECT_EQ(summary->accesses.size(), 1u);
}

TEST(ScriptReader, SpansPointIntoTheBody) {
  std::string_view body = "redis.call('SET', 'a:' .. ARGV[1], 1)";
  auto summary = read(body);
  ASSERT_EQ(summary->accesses.size(), 1u);
  const auto& access = summary->accesses[0];
  EXPECT_EQ(body.substr(access.begin, access.end - access.begin), "'a:' .. ARGV[1]");
}

}  // namespace
}  // namespace slotlint

namespace slotlint {
namespace {

TEST(ScriptReader, KeysReadFromRedisAreMarkedAsReplies) {
  auto summary = read(
      "local id = redis.call('GET', KEYS[1])\n"
      "redis.call('DEL', id)\n"
      "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end\n");
  ASSERT_EQ(summary->accesses.size(), 3u);
  for (std::size_t i : {1u, 2u}) {
    const auto& key = summary->accesses[i].key;
    ASSERT_EQ(key.segments().size(), 1u);
    EXPECT_TRUE(ir::is_script_reply(std::get<ir::HoleSegment>(key.segments()[0]).symbol));
  }
}

}  // namespace
}  // namespace slotlint
