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
};

// Filled by later issues (transactions, pipelines, TRYAGAIN handling).
// The batch a command is queued in. Commands with the same `id` in one file
// belong to the same pipeline object; a Transaction runs as MULTI/EXEC.
struct GroupRef {
  enum class Kind : std::uint8_t { Pipeline, Transaction } kind{};
  std::string id;     // stable within the file (the pipeline's variable and binding)
  SourceSpan origin;  // where the pipeline was created
};
struct ErrorContext {
  bool result_ignored = false;
  bool error_swallowed = false;
  bool retried = false;
  bool retried_with_backoff = false;
};

struct RedisOp {
  SourceSpan call;      // the whole call expression
  SourceSpan callee;    // the method or function name: where findings point
  std::string command;  // canonical upper case, "MSET"; "OBJECT" for containers
  std::string api;      // what the code called, e.g. "mset"
  std::vector<Arg> argv;
  ClientInfo client;
  CrossSlotHandling cross_slot_handling = CrossSlotHandling::SentAsIs;
  std::string handling_note;     // why the model says so, for messages
  std::string transaction_note;  // what the client does with a MULTI/EXEC across slots

  // Derived from argv by the command table (see analyzer/commands).
  std::vector<KeyExpr> keys;
  bool keys_complete = true;
  bool command_known = true;

  std::optional<GroupRef> group;
  // Hole symbols whose value changes each time this command is queued: the
  // variables of loops around it that lie inside its batch (`for uid in ids:
  // pipe.set(f"user:{uid}", 1)` queues one key per uid).
  std::vector<std::string> iteration_symbols;
  ErrorContext error_context;

  // EVAL/EVALSHA/script-object calls whose body could be read.
  std::optional<ScriptUse> script;
};

}  // namespace slotlint::ir
