// Scripts: what a Lua script body does with keys, and how one call runs it.
//
// A script body is read once (frontends/lua) into a ScriptSummary whose spans
// are byte offsets into the body text. Each call that runs the script carries
// a ScriptUse: the summary (shared by every call of the same body) and where
// the body's bytes sit in the project's sources, so rules can point into a
// `.lua` file or into the string literal that holds the script.
//
// In the summary, a key the script touches is a KeyExpr whose holes name
// `KEYS[i]` and `ARGV[i]` by reserved symbols (script_symbol below); a rule
// fills them with the call site's keys and arguments (instantiate()).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyzer/ir/key_expr.h"
#include "analyzer/ir/source_span.h"

namespace slotlint::ir {

struct RedisOp;

// A key a script command touches: `redis.call('SET', KEYS[1] .. ':x', ...)`.
struct ScriptKeyAccess {
  std::string command;               // "SET"
  KeyExpr key;                       // spans: offsets into the body (file 0)
  std::uint32_t begin = 0, end = 0;  // the key argument in the body
};

// A command the script runs: `redis.call('KEYS', '*')`.
struct ScriptCommandCall {
  std::string command;               // "KEYS"
  std::uint32_t begin = 0, end = 0;  // the whole call in the body
  // The first argument after the command when it is a literal ("0" in
  // `SELECT 0`); nullopt otherwise.
  std::optional<std::string> first_argument;
  bool keyspace_wide = false;  // the command table's keyspace_wide (KEYS, SCAN, ...)
};

struct ScriptSummary {
  // KEYS[i] read with a literal index: (i, offset of the first read), by i.
  std::vector<std::pair<int, std::uint32_t>> keys_read;
  // The script reads KEYS through a count or loop (#KEYS, ipairs(KEYS),
  // unpack(KEYS), KEYS[n]): how many keys it uses cannot be read off.
  bool keys_read_by_count = false;
  std::vector<ScriptKeyAccess> accesses;
  // Every redis.call/pcall whose command is a literal the table knows, in
  // source order.
  std::vector<ScriptCommandCall> calls;
  std::size_t syntax_errors = 0;
  std::uint32_t first_error_offset = 0;

  [[nodiscard]] int highest_key_read() const;
};

// Where a run of body bytes sits in a source file. `exact` when each body
// byte is the source byte at the same distance (no escapes in between).
struct ScriptTextPiece {
  std::uint32_t body_begin = 0;
  std::uint32_t length = 0;
  SourceSpan span;
  bool exact = false;
};

struct ScriptUse {
  std::shared_ptr<const ScriptSummary> summary;
  std::string name;      // "scripts/release.lua", "RELEASE_LUA"; empty: written inline
  std::string identity;  // the same body is the same identity (path or hash)
  std::vector<ScriptTextPiece> text;
  SourceSpan origin;  // the whole body (literal) or the start of its file
};

// "script RELEASE_LUA", "the inline script": for messages.
std::string script_label(const ScriptUse& use);

// The identity of the script in a `.lua` file, from its display path (symlinks
// resolved, relative to the project root): the same for every call that loads
// the file and for the file read on its own.
std::string script_file_identity(std::string_view display_path);

// EVAL, EVALSHA, their _RO forms, FCALL, FCALL_RO: argv is (script or
// function, numkeys, keys..., args...).
bool is_script_command(std::string_view command);

// Reserved hole symbols for the script's inputs; index 0 stands for "some
// element" (a loop over KEYS). They cannot clash with frontend symbols.
std::string script_symbol(std::string_view table, int index);  // "KEYS", "ARGV"
struct ScriptInput {
  bool is_keys = false;
  int index = 0;
};
std::optional<ScriptInput> parse_script_symbol(std::string_view symbol);
// A value the script read from Redis (`local id = redis.call('GET', ...)`):
// a key built from it is data-driven, not declared.
std::string script_reply_symbol(std::string_view local_name);
bool is_script_reply(std::string_view symbol);

// The source span of body bytes [begin, end).
SourceSpan locate_in_script(const ScriptUse& use, std::uint32_t begin, std::uint32_t end);

// The script's inputs at one call: the keys (KEYS) and the other arguments
// (ARGV) after numkeys, for EVAL/EVALSHA/FCALL-shaped argv (script, numkeys,
// keys..., args...). nullopt when numkeys is not a literal or a spread hides
// where the keys end.
struct ScriptCallInputs {
  std::size_t numkeys = 0;
  std::vector<KeyExpr> keys;
  std::vector<KeyExpr> args;
  SourceSpan numkeys_span;
};
std::optional<ScriptCallInputs> script_call_inputs(const RedisOp& op);

// A script key as it is at one call: KEYS[i]/ARGV[i] holes replaced by the
// call's values, literal parts pointed into the script's source, other holes
// kept. Edits are never allowed (the fix would have to change the script).
KeyExpr instantiate(const KeyExpr& script_key, const ScriptUse& use,
                    const ScriptCallInputs& inputs);

}  // namespace slotlint::ir
