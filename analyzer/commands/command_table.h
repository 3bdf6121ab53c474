// The Redis command table: which arguments of a command are keys.
//
// Generated at build time from third_party/redis-commands/*.json (Valkey's
// key specs); nothing here is hand-copied. Key extraction follows the server's
// getKeysUsingKeySpecs(): begin_search by index or keyword, then find_keys by
// range or keynum. Arguments may be unknown (a value we cannot see) or spreads
// (zero or more unknown arguments); the result says when that leaves key
// positions uncertain instead of guessing.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::commands {

struct BeginSearch {
  enum class Kind : std::uint8_t { Index, Keyword, Unknown } kind = Kind::Unknown;
  int pos = 0;               // Index: absolute argv position (argv[0] = command)
  std::string_view keyword;  // Keyword
  int startfrom = 0;         // Keyword: negative counts from the end
};

struct FindKeys {
  enum class Kind : std::uint8_t { Range, Keynum, Unknown } kind = Kind::Unknown;
  int lastkey = 0, step = 1, limit = 0;          // Range
  int keynumidx = 0, firstkey = 0, keystep = 1;  // Keynum
};

struct KeySpec {
  BeginSearch begin_search;
  FindKeys find_keys;
  bool incomplete = false;  // the INCOMPLETE flag
  bool write = false;       // OW, RW, RM flags
};

struct CommandInfo {
  std::string_view name;       // upper case; "OBJECT|ENCODING" for subcommands
  std::string_view container;  // "OBJECT" for subcommands, empty otherwise
  int arity = 0;               // counts argv[0] (and the subcommand name)
  std::span<const KeySpec> key_specs;
  bool multi_shard = false;  // REQUEST_POLICY:MULTI_SHARD tip
  // Answers for the whole keyspace of the node it reaches (KEYS, SCAN, DBSIZE,
  // RANDOMKEY, FLUSHDB, FLUSHALL): @keyspace, no keys, and a request policy
  // that sends it to every shard (ALL_SHARDS, or SPECIAL for SCAN).
  bool keyspace_wide = false;
  // Its keys are shard channels (key specs flagged NOT_KEY: SSUBSCRIBE,
  // SPUBLISH, SUNSUBSCRIBE), hashed to slots like keys.
  bool shard_channels = false;
  bool can_take_many_keys = false;  // some call can name more than one key
  bool has_get_keys_function = false;
};

// An argument as the analyser knows it.
struct ArgValue {
  std::optional<std::string> literal;  // nullopt: a value we cannot see
  bool spread = false;                 // zero or more unknown arguments
};

struct KeyExtraction {
  // Indices into the args given to extract_keys, ascending and unique. A spread
  // at one of these indices stands for keys only.
  std::vector<std::size_t> key_indices;
  // Spreads that hold keys mixed with other arguments (MSET's key/value pairs).
  std::vector<std::size_t> mixed_spread_indices;
  // False when an unknown keyword, count or a spread leaves some key positions
  // unknowable; the keys found are still right.
  bool complete = true;
};

// Case-insensitive; nullptr for an unknown command. `subcommand` is looked up
// for containers (OBJECT ENCODING); for others it is ignored.
const CommandInfo* find_command(std::string_view name, std::string_view subcommand = {});

// Every command and subcommand in the table, sorted by name.
std::span<const CommandInfo> all_commands();

// Which of `args` (the arguments after the command name; for a container
// command args[0] is the subcommand) are keys.
KeyExtraction extract_keys(const CommandInfo& command, std::span<const ArgValue> args);

}  // namespace slotlint::commands
