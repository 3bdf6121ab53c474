// The command table against hand-written expectations from the Redis command
// docs: the generator and the key extraction are both checked against data
// that was not derived from the JSON specs.
#include "analyzer/commands/command_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace slotlint::commands {
namespace {

using Indices = std::vector<std::size_t>;

// The commands whose key specs allow more than one key in one call: the
// vendored table's 59 and the newer BLMOVEM, LMOVEM, MSETEX, SDIFFCARD,
// SUNIONCARD and STRALGO (analyzer/commands/newer/).
const std::set<std::string> kMultiKeyCommands = {
    "BITOP",          "BLMOVE",      "BLMOVEM",
    "BLMPOP",         "BLPOP",       "BRPOP",
    "BRPOPLPUSH",     "BZMPOP",      "BZPOPMAX",
    "BZPOPMIN",       "COPY",        "DEL",
    "EVAL",           "EVALSHA",     "EVALSHA_RO",
    "EVAL_RO",        "EXISTS",      "FCALL",
    "FCALL_RO",       "GEORADIUS",   "GEORADIUSBYMEMBER",
    "GEOSEARCHSTORE", "LCS",         "LMOVE",
    "LMOVEM",         "LMPOP",       "MGET",
    "MIGRATE",        "MSET",        "MSETEX",
    "MSETNX",         "PFCOUNT",     "PFMERGE",
    "RENAME",         "RENAMENX",    "RPOPLPUSH",
    "SDIFF",          "SDIFFCARD",   "SDIFFSTORE",
    "SINTER",         "SINTERCARD",  "SINTERSTORE",
    "SMOVE",          "SORT",        "SORT_RO",
    "SSUBSCRIBE",     "STRALGO",     "SUNION",
    "SUNIONCARD",     "SUNIONSTORE", "SUNSUBSCRIBE",
    "TOUCH",          "UNLINK",      "WATCH",
    "XREAD",          "XREADGROUP",  "ZDIFF",
    "ZDIFFSTORE",     "ZINTER",      "ZINTERCARD",
    "ZINTERSTORE",    "ZMPOP",       "ZRANGESTORE",
    "ZUNION",         "ZUNIONSTORE",
};

// A call written as a command line: "<?>" is an argument whose value is
// unknown, "<*>" a spread (zero or more unknown arguments), "" the empty
// string. For a container the second word is the subcommand, which stays in
// the arguments as the interface wants.
struct Call {
  const CommandInfo* command = nullptr;
  std::vector<ArgValue> args;
};

ArgValue parse_arg(const std::string& word) {
  if (word == "<?>") return ArgValue{};
  if (word == "<*>") return ArgValue{.literal = std::nullopt, .spread = true};
  if (word == "\"\"") return ArgValue{.literal = std::string{}};
  return ArgValue{.literal = word};
}

Call parse_call(std::string_view line) {
  std::istringstream words{std::string(line)};
  std::string name;
  words >> name;
  Call call;
  for (std::string word; words >> word;) call.args.push_back(parse_arg(word));
  const std::string subcommand =
      call.args.empty() || !call.args[0].literal ? "" : *call.args[0].literal;
  call.command = find_command(name, subcommand);
  if (call.command == nullptr)
    throw std::invalid_argument("unknown command in test: " + std::string(line));
  return call;
}

KeyExtraction keys_of(std::string_view line) {
  const Call call = parse_call(line);
  return extract_keys(*call.command, call.args);
}

struct KeyCase {
  std::string_view line;
  Indices keys;
  bool complete = true;
};

// One realistic call per multi-key command; the expected indices count from
// the first argument after the command name (0-based).
const std::vector<KeyCase> kMultiKeyCases = {
    {"BITOP AND dest k1 k2", {1, 2, 3}},
    {"BLMOVE src dst LEFT RIGHT 0", {0, 1}},
    {"BLMOVEM src dst LEFT RIGHT 0 COUNT 2 OBO", {0, 1}},
    {"BLMPOP 0 2 l1 l2 LEFT COUNT 2", {2, 3}},
    {"BLPOP a b 0", {0, 1}},
    {"BRPOP a b c 5", {0, 1, 2}},
    {"BRPOPLPUSH src dst 0", {0, 1}},
    {"BZMPOP 1.5 2 z1 z2 MIN COUNT 10", {2, 3}},
    {"BZPOPMAX z1 z2 0", {0, 1}},
    {"BZPOPMIN z1 z2 z3 0.5", {0, 1, 2}},
    {"COPY src dst REPLACE", {0, 1}},
    {"DEL a b c", {0, 1, 2}},
    {"EVAL script 2 k1 k2 a1", {2, 3}},
    {"EVAL_RO script 1 k1 a1 a2", {2}},
    {"EVALSHA sha 3 k1 k2 k3", {2, 3, 4}},
    {"EVALSHA_RO sha 2 k1 k2", {2, 3}},
    {"EXISTS a b", {0, 1}},
    {"FCALL fn 2 k1 k2 arg", {2, 3}},
    {"FCALL_RO fn 1 k1 arg", {2}},
    {"GEORADIUS src 0 0 1 km STORE dst", {0, 6}},
    {"GEORADIUSBYMEMBER src m 100 km STOREDIST dst", {0, 5}},
    {"GEOSEARCHSTORE dst src FROMMEMBER m BYRADIUS 10 km", {0, 1}},
    {"LCS k1 k2 LEN", {0, 1}},
    {"LMOVE src dst LEFT RIGHT", {0, 1}},
    {"LMOVEM src dst LEFT RIGHT EXACTLY 3 BULK", {0, 1}},
    {"LMPOP 2 l1 l2 LEFT COUNT 3", {1, 2}},
    {"MGET a b c", {0, 1, 2}},
    // The spec for position 3 takes the "" placeholder too (the server's
    // migrateGetKeys does not), and the KEYS spec is INCOMPLETE.
    {"MIGRATE host 6379 \"\" 0 5000 KEYS a b", {2, 6, 7}, false},
    {"MSET a 1 b 2", {0, 2}},
    {"MSETEX 2 a 1 b 2 NX EX 60", {1, 3}},
    {"MSETNX a 1 b 2 c 3", {0, 2, 4}},
    {"PFCOUNT h1 h2", {0, 1}},
    {"PFMERGE dst s1 s2", {0, 1, 2}},
    {"RENAME a b", {0, 1}},
    {"RENAMENX a b", {0, 1}},
    {"RPOPLPUSH src dst", {0, 1}},
    {"SDIFF a b", {0, 1}},
    {"SDIFFSTORE dst a b", {0, 1, 2}},
    {"SINTER a b c", {0, 1, 2}},
    {"SDIFFCARD 2 a b LIMIT 10", {1, 2}},
    {"SINTERCARD 2 a b LIMIT 10", {1, 2}},
    {"STRALGO LCS KEYS a b LEN", {2, 3}},
    {"SUNIONCARD 3 a b c", {1, 2, 3}},
    {"SINTERSTORE dst a b", {0, 1, 2}},
    {"SMOVE src dst member", {0, 1}},
    // STORE's key spec is "unknown" in the data: dst is not found, and the
    // result says so.
    {"SORT src BY w_* LIMIT 0 10 STORE dst", {0}, false},
    {"SORT_RO src BY w_* GET o_*", {0}, false},
    {"SSUBSCRIBE ch1 ch2", {0, 1}},
    {"SUNION a b", {0, 1}},
    {"SUNIONSTORE dst a b", {0, 1, 2}},
    {"SUNSUBSCRIBE ch1 ch2", {0, 1}},
    {"TOUCH a b", {0, 1}},
    {"UNLINK a b c", {0, 1, 2}},
    {"WATCH a b", {0, 1}},
    {"XREAD COUNT 2 STREAMS s1 s2 0 0", {3, 4}},
    {"XREADGROUP GROUP g c COUNT 1 STREAMS s1 s2 > >", {6, 7}},
    {"ZDIFF 2 a b WITHSCORES", {1, 2}},
    {"ZDIFFSTORE dst 2 a b", {0, 2, 3}},
    {"ZINTER 2 a b WEIGHTS 1 2", {1, 2}},
    {"ZINTERCARD 2 a b LIMIT 5", {1, 2}},
    {"ZINTERSTORE dst 2 a b AGGREGATE MAX", {0, 2, 3}},
    {"ZMPOP 2 z1 z2 MIN", {1, 2}},
    {"ZRANGESTORE dst src 0 -1", {0, 1}},
    {"ZUNION 3 a b c", {1, 2, 3}},
    {"ZUNIONSTORE dst 2 a b WEIGHTS 1 2", {0, 2, 3}},
};

void expect_keys(std::string_view line, const Indices& keys, bool complete = true,
                 const Indices& mixed_spreads = {}) {
  SCOPED_TRACE(line);
  const KeyExtraction extraction = keys_of(line);
  EXPECT_EQ(extraction.key_indices, keys);
  EXPECT_EQ(extraction.mixed_spread_indices, mixed_spreads);
  EXPECT_EQ(extraction.complete, complete);
}

TEST(CommandTable, ExtractsKeysOfEveryMultiKeyCommand) {
  std::set<std::string> covered;
  for (const KeyCase& key_case : kMultiKeyCases) {
    expect_keys(key_case.line, key_case.keys, key_case.complete);
    covered.insert(std::string(parse_call(key_case.line).command->name));
  }
  EXPECT_EQ(covered, kMultiKeyCommands);
}

TEST(CommandTable, CanTakeManyKeysMatchesTheDocumentedList) {
  std::set<std::string> many;
  for (const CommandInfo& command : all_commands()) {
    if (command.can_take_many_keys) many.insert(std::string(command.name));
  }
  EXPECT_EQ(many, kMultiKeyCommands);
}

TEST(CommandTable, AllCommandsAreSortedAndUnique) {
  const std::span<const CommandInfo> commands = all_commands();
  ASSERT_GT(commands.size(), 300u);
  EXPECT_TRUE(std::ranges::adjacent_find(commands, std::ranges::greater_equal{},
                                         &CommandInfo::name) == commands.end());
  for (const CommandInfo& command : commands) {
    EXPECT_TRUE(std::ranges::none_of(command.name, [](char c) { return c >= 'a' && c <= 'z'; }))
        << command.name;
  }
}

TEST(CommandTable, LooksUpNamesCaseInsensitively) {
  const CommandInfo* mget = find_command("mGeT");
  ASSERT_NE(mget, nullptr);
  EXPECT_EQ(mget->name, "MGET");
  EXPECT_EQ(mget->arity, -2);
  EXPECT_EQ(find_command("MGET"), mget);
  EXPECT_EQ(find_command("get", "ignored for plain commands"), find_command("GET"));
}

TEST(CommandTable, UnknownCommandIsNull) {
  EXPECT_EQ(find_command("NOSUCHCOMMAND"), nullptr);
  EXPECT_EQ(find_command(""), nullptr);
  EXPECT_EQ(find_command("OBJECT", "NOSUCHSUB"), nullptr);
}

TEST(CommandTable, FindsSubcommandsOfContainers) {
  const CommandInfo* encoding = find_command("object", "encoding");
  ASSERT_NE(encoding, nullptr);
  EXPECT_EQ(encoding->name, "OBJECT|ENCODING");
  EXPECT_EQ(encoding->container, "OBJECT");
  EXPECT_EQ(encoding->arity, 3);
  EXPECT_EQ(find_command("OBJECT|ENCODING"), encoding);

  const CommandInfo* object = find_command("OBJECT");
  ASSERT_NE(object, nullptr);
  EXPECT_EQ(object->name, "OBJECT");
  EXPECT_TRUE(object->container.empty());
  EXPECT_TRUE(object->key_specs.empty());

  // args[0] is the subcommand, so the key is at index 1.
  expect_keys("OBJECT ENCODING mykey", {1});
  expect_keys("xinfo stream s1 FULL", {1});
  expect_keys("MEMORY USAGE k SAMPLES 5", {1});
}

// Keyspace-wide commands and shard channels come from the server's data
// (ACL category, request policy tips, NOT_KEY specs), not from a list.
TEST(CommandTable, MarksKeyspaceWideCommandsAndShardChannels) {
  std::vector<std::string> keyspace_wide;
  std::vector<std::string> shard_channels;
  for (const auto& command : all_commands()) {
    if (command.keyspace_wide) keyspace_wide.emplace_back(command.name);
    if (command.shard_channels) shard_channels.emplace_back(command.name);
  }
  EXPECT_EQ(keyspace_wide, (std::vector<std::string>{"DBSIZE", "FLUSHALL", "FLUSHDB", "KEYS",
                                                     "RANDOMKEY", "SCAN"}));
  EXPECT_EQ(shard_channels, (std::vector<std::string>{"SPUBLISH", "SSUBSCRIBE", "SUNSUBSCRIBE"}));
  EXPECT_FALSE(find_command("INFO")->keyspace_wide);  // every shard, but not about keys
  EXPECT_FALSE(find_command("SUBSCRIBE")->shard_channels);
}

TEST(CommandTable, CarriesSpecFlagsAndTips) {
  const CommandInfo* mset = find_command("MSET");
  ASSERT_NE(mset, nullptr);
  EXPECT_TRUE(mset->multi_shard);
  ASSERT_EQ(mset->key_specs.size(), 1u);
  EXPECT_TRUE(mset->key_specs[0].write);
  EXPECT_EQ(mset->key_specs[0].find_keys.kind, FindKeys::Kind::Range);
  EXPECT_EQ(mset->key_specs[0].find_keys.lastkey, -1);
  EXPECT_EQ(mset->key_specs[0].find_keys.step, 2);

  const CommandInfo* get = find_command("GET");
  ASSERT_NE(get, nullptr);
  EXPECT_FALSE(get->multi_shard);
  EXPECT_FALSE(get->can_take_many_keys);
  EXPECT_FALSE(get->has_get_keys_function);
  ASSERT_EQ(get->key_specs.size(), 1u);
  EXPECT_FALSE(get->key_specs[0].write);

  const CommandInfo* del = find_command("DEL");
  ASSERT_NE(del, nullptr);
  EXPECT_TRUE(del->key_specs[0].write);  // RM

  const CommandInfo* eval = find_command("EVAL");
  ASSERT_NE(eval, nullptr);
  EXPECT_TRUE(eval->has_get_keys_function);
  ASSERT_EQ(eval->key_specs.size(), 1u);
  EXPECT_EQ(eval->key_specs[0].begin_search.pos, 2);
  EXPECT_EQ(eval->key_specs[0].find_keys.kind, FindKeys::Kind::Keynum);
  EXPECT_EQ(eval->key_specs[0].find_keys.keynumidx, 0);
  EXPECT_EQ(eval->key_specs[0].find_keys.firstkey, 1);
  EXPECT_EQ(eval->key_specs[0].find_keys.keystep, 1);

  const CommandInfo* xread = find_command("XREAD");
  ASSERT_NE(xread, nullptr);
  ASSERT_EQ(xread->key_specs.size(), 1u);
  EXPECT_EQ(xread->key_specs[0].begin_search.kind, BeginSearch::Kind::Keyword);
  EXPECT_EQ(xread->key_specs[0].begin_search.keyword, "STREAMS");
  EXPECT_EQ(xread->key_specs[0].begin_search.startfrom, 1);
  EXPECT_EQ(xread->key_specs[0].find_keys.limit, 2);

  const CommandInfo* migrate = find_command("MIGRATE");
  ASSERT_NE(migrate, nullptr);
  ASSERT_EQ(migrate->key_specs.size(), 2u);
  EXPECT_FALSE(migrate->key_specs[0].incomplete);
  EXPECT_TRUE(migrate->key_specs[1].incomplete);
  EXPECT_EQ(migrate->key_specs[1].begin_search.startfrom, -2);

  const CommandInfo* sort = find_command("SORT");
  ASSERT_NE(sort, nullptr);
  ASSERT_EQ(sort->key_specs.size(), 3u);
  EXPECT_EQ(sort->key_specs[1].begin_search.kind, BeginSearch::Kind::Unknown);
  EXPECT_EQ(sort->key_specs[2].find_keys.kind, FindKeys::Kind::Unknown);
  EXPECT_TRUE(sort->key_specs[2].write);
}

TEST(KeyExtraction, FollowsTheServerOnMalformedCalls) {
  expect_keys("EVAL script 0", {});
  expect_keys("EVAL script 3 k1", {});   // more keys than arguments: rejected
  expect_keys("EVAL script -1 k1", {});  // negative count: rejected
  expect_keys("EVAL script 01 k1", {});  // string2ll refuses leading zeros
  expect_keys("EVAL script two k1", {});
  expect_keys("XREAD COUNT 1 STREAMS", {});  // keyword with nothing after it
  expect_keys("GEORADIUS src 0 0 1 km", {0});
  expect_keys("DEL", {});
}

TEST(KeyExtraction, MatchesKeywordsCaseInsensitively) {
  expect_keys("xread count 2 streams s1 0", {3});
  expect_keys("georadius src 0 0 1 km store dst", {0, 6});
  // STORE must match the whole argument, not a prefix of STOREDIST.
  expect_keys("GEORADIUS src 0 0 1 km ASC STOREDIST d", {0, 7});
}

TEST(KeyExtraction, MigrateFindsKeysOnlyAfterKeys) {
  expect_keys("MIGRATE host 6379 key 0 5000", {2});
  expect_keys("MIGRATE host 6379 \"\" 0 5000 AUTH pw KEYS a", {2, 8}, false);
  // The backward search stops before argv[1]: a host named "keys" is no keyword.
  expect_keys("MIGRATE keys 6379 k 0 5000", {2});
}

TEST(KeyExtraction, UnknownValuesAtKeyPositionsAreKeys) {
  expect_keys("GET <?>", {0});
  expect_keys("MSET <?> 1 <?> <?>", {0, 2});
  expect_keys("EVAL <?> 2 <?> k2 <?>", {2, 3});
}

TEST(KeyExtraction, UnknownKeyCountYieldsNothing) {
  expect_keys("EVAL script <?> k1 k2", {}, false);
  expect_keys("ZUNIONSTORE dst <?> a b", {0}, false);
}

TEST(KeyExtraction, UnknownCountBeforeASpreadMakesTheSpreadTheKeys) {
  // EVAL script <len(keys)> keys... args...: the keys list, not the arguments.
  expect_keys("EVAL script <?> <*> <*>", {2}, false);
  expect_keys("EVAL script <?> <*> x", {2}, false);
  expect_keys("FCALL fn <?> <*> <*>", {2}, false);
}

TEST(KeyExtraction, UnknownArgumentBeforeKeywordMakesItUncertain) {
  // The unknown COUNT value could itself be "STREAMS".
  expect_keys("XREAD COUNT <?> STREAMS s1 s2 0 0", {3, 4}, false);
  expect_keys("XREAD <?> STREAMS s1 0", {2}, false);
  expect_keys("GEORADIUS src 0 0 1 km <?> STORE dst", {0, 7}, false);
  // Unknowns before startfrom are not searched.
  expect_keys("GEORADIUS src <?> <?> <?> km STORE dst", {0, 6});
  // A keyword in the last argument would have no key after it, so an
  // unknown there changes nothing; one before it might be STORE.
  expect_keys("GEORADIUS src 0 0 1 km ASC <?>", {0});
  expect_keys("GEORADIUS src 0 0 1 km <?> <?>", {0}, false);
}

TEST(KeyExtraction, SpreadOfKeysInAnAnchoredRangeIsAllKeys) {
  expect_keys("DEL <*>", {0});
  expect_keys("DEL a <*>", {0, 1});
  expect_keys("DEL a <*> b", {0, 1, 2});
  expect_keys("BLPOP k1 <*> 0", {0, 1});
  expect_keys("BLPOP <*> 0", {0});
  expect_keys("SDIFFSTORE dst <*>", {0, 1});
  expect_keys("BITOP AND dst <*>", {1, 2});
  expect_keys("SSUBSCRIBE <*>", {0});
}

TEST(KeyExtraction, SpreadMixingKeysAndValues) {
  expect_keys("MSET <*>", {}, false, {0});
  expect_keys("MSET a 1 <*>", {0}, false, {2});
  expect_keys("MSET a 1 <*> b 2", {0}, false, {2});
  // The spread may hold more keys or just the timeout.
  expect_keys("BLPOP k1 k2 <*>", {0}, false, {2});
  expect_keys("RENAME <*>", {}, false, {0});
  expect_keys("XREAD COUNT 10 STREAMS <*> <*>", {}, false, {3, 4});
  expect_keys("XREAD STREAMS s1 s2 <*>", {1}, false, {3});
}

TEST(KeyExtraction, SpreadAfterCountedKeysIsNotKeys) {
  expect_keys("EVAL script 2 k1 k2 <*>", {2, 3});
  expect_keys("ZUNIONSTORE dst 2 a b <*>", {0, 2, 3});
  expect_keys("EVAL script 2 <*>", {}, false, {2});
  expect_keys("EVAL script 3 k1 <*>", {2}, false, {3});
  expect_keys("ZUNIONSTORE dst 2 <*>", {0}, false, {2});
  expect_keys("EVAL script <*>", {}, false, {1});
}

TEST(KeyExtraction, SpreadBeforeAFixedPositionHidesIt) {
  expect_keys("ZUNIONSTORE <*>", {}, false, {0});
  expect_keys("GEORADIUS src <*> STORE dst", {0, 3}, false);
}

TEST(KeyExtraction, UnknownSpecOnlyMattersWhenArgumentsRemain) {
  expect_keys("SORT src", {0});
  expect_keys("SORT src ALPHA", {0}, false);
  expect_keys("SORT src STORE dst", {0}, false);
}

}  // namespace
}  // namespace slotlint::commands
