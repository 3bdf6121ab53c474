// RedisOp: one located Redis call as a language-neutral record. Frontends fill
// it from syntax and an API model; rules read it and nothing else.
//
// argv is the command's argument list after the command name, as the client
// would send it; keys are derived from argv by the generated command table, so
// no frontend decides which arguments are keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/key_expr.h"
#include "analyzer/ir/script.h"
#include "analyzer/ir/source_span.h"

namespace slotlint::ir {

struct Arg {
  KeyExpr value;
  // Stands for zero or more arguments (a `*args` spread, an unknown list).
  bool spread = false;
};

// What the client library does with a command whose keys span slots. A fact of
// the client's API model (data), copied here so that rules need no model.
enum class CrossSlotHandling : std::uint8_t {
  SentAsIs,       // reaches the server, which answers CROSSSLOT
  ClientRefuses,  // the client raises before sending
  ClientSplits,   // the client sends one command per slot: no error, not atomic
};

struct ClientInfo {
  std::string library;    // "redis-py"
  std::string api_class;  // "RedisCluster", "Redis"
  bool cluster_client = false;
  bool identified_by_name_only = false;  // recognised by a conventional name
  bool method_splits = false;            // the method itself splits by slot (mget_nonatomic)
  // The version whose behaviour the facts below describe, as findings state
  // it: "go-redis 9.10.0 (go.mod: github.com/redis/go-redis/v9 v9.10.0)".
  std::string version;      // "9.10.0"; empty when none was found
  std::string assumed;      // the sentence above
  std::string facts_range;  // "before 9.11.0"; empty: every version the model knows
};

// The batch a command is queued in. Commands with the same `id` in one file
// belong to the same pipeline object; a Transaction runs as MULTI/EXEC.
struct GroupRef {
  enum class Kind : std::uint8_t { Pipeline, Transaction } kind{};
  std::string id;     // stable within the file (the pipeline's variable and binding)
  SourceSpan origin;  // where the pipeline was created
};
// How the code around a call treats the error a TRYAGAIN reply becomes (the
// class the client raises for it, or a base of it; a fact of the API model).
// For a queued command the error surfaces where the batch is executed.
struct ErrorHandling {
  bool caught = false;       // a handler around `raised_at` catches that error
  SourceSpan raised_at;      // the call that raises it (the call, or the batch's execute)
  SourceSpan handler;        // the except / catch clause
  std::string caught_as;     // the class as the handler names it; empty for a bare except
  std::string handler_text;  // for messages: "`except ResponseError`", "a `catch` block"
  bool reraises = false;     // the handler raises (the same or another error)
  bool retries = false;      // the enclosing loop runs the call again after the handler
  SourceSpan retry_loop;
  bool waits = false;       // the retry loop sleeps or backs off before the next try
  bool waits_zero = false;  // ...but only with a constant zero delay
};

// What the client does with TRYAGAIN (from its API model), for messages.
struct TryAgainBehaviour {
  bool client_retries = false;
  std::string note;  // "redis-py's RedisCluster retries TRYAGAIN itself ..."
};

struct RedisOp {
  SourceSpan call;      // the whole call expression
  SourceSpan callee;    // the method or function name: where findings point
  std::string command;  // canonical upper case, "MSET"; "OBJECT" for containers
  std::string api;      // what the code called, e.g. "mset"
  std::vector<Arg> argv;
  ClientInfo client;
  // Sentences a finding on this op adds about what the frontend had to
  // assume (a model header used for a client header that was not found).
  std::vector<std::string> caveats;
  CrossSlotHandling cross_slot_handling = CrossSlotHandling::SentAsIs;
  std::string handling_note;              // why the model says so, for messages
  std::string transaction_note;           // what the client does with a MULTI/EXEC across slots
  bool transactions_unsupported = false;  // ...and whether it can run one at all
  // What the client does with a plain pipeline across slots (ioredis Cluster
  // refuses one that spans nodes).
  CrossSlotHandling pipeline_handling = CrossSlotHandling::SentAsIs;
  std::string pipeline_note;
  // The client refuses this command in its pipelines and transactions,
  // whatever the keys (redis-py's cluster pipeline and MGET); why, if so.
  std::string refused_in_batch;
  // A keyspace-wide command (KEYS, SCAN, DBSIZE, ...) that the client sends to
  // every primary and merges; false: it reaches one node. Why, either way.
  bool fanned_out = false;
  std::string routing_note;

  // A SELECT the client sends on each new connection because its
  // constructor or a setting says so: the option, as the code names it
  // ("db", "url", "database", "withDatabase"), and
  // what the client's model says it does with a database. Empty: a call.
  std::string connect_option;
  std::string database_note;
  // The client refuses the option itself, whatever the index (its error).
  std::string database_refused;
  // The client drops the index and never selects it (Spring Boot's database
  // setting beside cluster nodes): why. The data silently stays in database 0.
  std::string database_ignored;

  // The prefix the client puts before every key (ioredis keyPrefix); `keys`
  // already include it.
  std::optional<KeyExpr> key_prefix;

  // Derived from argv by the command table (see analyzer/commands).
  std::vector<KeyExpr> keys;
  bool keys_complete = true;
  bool command_known = true;
  // REQUEST_POLICY:MULTI_SHARD: the server's own statement that the command
  // may be split by slot (DEL EXISTS MGET MSET TOUCH UNLINK).
  bool multi_shard = false;
  // The command answers for the keyspace of the node it reaches (KEYS, SCAN,
  // DBSIZE, RANDOMKEY, FLUSHDB, FLUSHALL; the command table's keyspace_wide).
  bool keyspace_wide = false;
  // Its keys are shard channels (SSUBSCRIBE, SPUBLISH, SUNSUBSCRIBE).
  bool shard_channels = false;
  bool writes = false;  // some key spec writes (OW, RW, RM)

  std::optional<GroupRef> group;
  // Hole symbols whose value changes each time this command is queued: the
  // variables of loops around it that lie inside its batch (`for uid in ids:
  // pipe.set(f"user:{uid}", 1)` queues one key per uid).
  std::vector<std::string> iteration_symbols;
  ErrorHandling error_handling;
  TryAgainBehaviour tryagain;

  // EVAL/EVALSHA/script-object calls whose body could be read.
  std::optional<ScriptUse> script;
  // A `.lua` file read on its own: `script` is the file and no call runs it
  // here (argv is empty), so only what needs no call site can be judged.
  bool script_file_only = false;
};

}  // namespace slotlint::ir
