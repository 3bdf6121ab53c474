// What the engine asks of the world around it: the modules it can see
// (Program) and what only API models and the project's files know (Host).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine/value.h"
#include "analyzer/il/il.h"

namespace slotlint::engine {

// The modules the engine can see. Lowering on demand fits behind it: a module
// is asked for only when the engine reaches it.
class Program {
 public:
  virtual ~Program() = default;
  [[nodiscard]] virtual const il::Module& module(ModuleId id) const = 0;
  // The module an import names, seen from `from`; nullopt when it is not part
  // of the program (a library): its names become External values.
  [[nodiscard]] virtual std::optional<ModuleId> resolve_import(ModuleId from,
                                                               const il::Import& import) const = 0;
  // The program's files called `file_name` in the folder of `from` and in
  // each folder above it up to the project's root, nearest first: modules
  // whose definitions `from` sees without importing them (pytest's
  // conftest.py).
  [[nodiscard]] virtual std::vector<ModuleId> shared_modules(ModuleId /*from*/,
                                                             std::string_view /*file_name*/) const {
    return {};
  }
};

// One call site on the way from an analysed entry point to a call.
struct CallSite {
  ModuleId module = 0;
  std::string module_path;
  il::ExprId expr = il::kNone;
  ir::SourceSpan span;    // the whole call
  ir::SourceSpan callee;  // the function or method name
  // Stable text naming the site in the run ("path#expr"), for ids made there.
  [[nodiscard]] std::string id() const { return module_path + "#" + std::to_string(expr); }
};

struct ArgValue {
  il::Argument::Kind kind = il::Argument::Kind::Positional;
  std::string keyword;
  Value value;
  ir::SourceSpan span;
  // The name the argument is written as (`RENEW`, `self.RENEW`: "RENEW";
  // `LUA["move"]`); empty for any other expression. Names a script in messages.
  std::string written_as;
};

// A try around a call: the handlers' types as written (innermost try first).
struct HandlerFrame {
  std::vector<std::string> types;  // empty: catches everything
  ir::SourceSpan span;
};

// A call whose receiver is a client, batch or script value.
// The method of the ClientCall that reports a client's construction: the
// receiver is the client made, the arguments the constructor's. What a
// client does as it connects (SELECT from a database option) is the host's
// to say, at the construction.
inline constexpr std::string_view kConstructed = "<constructed>";

struct ClientCall {
  Value receiver;
  // "__call__" for calling a script object itself; kConstructed for a
  // client's construction.
  std::string method;
  std::vector<ArgValue> args;
  std::string language;
  CallSite site;
  // From the analysed entry point down to this call (the last element is
  // `site`); inside a summary, relative to the summary's function.
  std::vector<CallSite> via;
  std::vector<HandlerFrame> handlers;          // innermost first, across the chain
  std::vector<std::string> iteration_symbols;  // element holes of enclosing loops
};

struct ConstructCall {
  Value callee;                // External, or whatever the callee evaluated to
  std::string qualified_name;  // the External's name; empty otherwise
  std::vector<ArgValue> args;
  std::string language;
  CallSite site;
};

// Something the engine could not do, said once per entry point.
struct Note {
  std::string module_path;
  std::string function;
  ir::SourceSpan span;
  std::string message;  // "unknown, because ..."
};

// A function argument of a client call that the client itself calls
// (`r.transaction(func)` runs func(pipe); node-redis executeIsolated(cb)).
struct Callback {
  std::size_t position = 0;  // among positional arguments
  std::string keyword;       // or the keyword it is passed by
  std::vector<Value> args;   // what the client passes it
};

// Answers must be pure functions of their arguments: summaries that called
// them are memoised and replayed.
class Host {
 public:
  virtual ~Host() = default;
  // A client (or script, batch) made by a constructor or factory the models
  // know: `redis.Redis(...)`, `new Redis(...)`, `redis.NewClient(...)`.
  virtual std::optional<Value> construct(const ConstructCall& call) = 0;
  // The value a call on a client/batch/script gives (`r.pipeline()` a batch
  // whose id derives from call.site.id(); `r.get(k)` an unknown). Pure: it is
  // asked once per summary evaluation, not once per path to the call.
  virtual Value call_result(const ClientCall& call) = 0;
  // Every call on a client/batch/script, with its full `via`, once per analysed
  // entry point (in entry order, then call order): where ops are made.
  virtual void emit(const ClientCall& call) = 0;
  // Whether calls made in `module`, not the one Engine::analyse is given,
  // reach emit(). A host that reports each file's calls when that file is
  // analysed says no for the modules it analyses on their own: their calls
  // are then not carried through every summary and path (on a typed
  // project, a pipeline parameter's calls doubled peak memory). It says
  // yes for a module it never analyses on its own (a helper that names no
  // client library), whose calls it reports where the analysed module
  // calls into it.
  [[nodiscard]] virtual bool wants_calls_made_in(ModuleId /*module*/) const { return true; }
  // The arguments of `call` the client calls back, and with what.
  virtual std::vector<Callback> callbacks(const ClientCall& /*call*/) { return {}; }
  // A value of a declared type (`client: redis.Redis`, `Jedis j`), as an
  // entry point's parameter of that type is analysed; `id` names the
  // parameter (stable in the run). nullopt: the type says nothing.
  virtual std::optional<Value> declared(const std::string& /*type*/,
                                        const std::string& /*language*/,
                                        const std::string& /*id*/) {
    return std::nullopt;
  }
  // A value an entry point's parameter of no declared type is taken for by
  // its name alone (`redis_client`, `r`); nullopt: the name says nothing.
  virtual std::optional<Value> named(const std::string& /*name*/, const std::string& /*language*/,
                                     const std::string& /*id*/) {
    return std::nullopt;
  }
  // A receiver nothing is known of, called with a method only a client of
  // some library has (`register_script`): such a client; nullopt: the
  // method says nothing.
  virtual std::optional<Value> identified(const std::string& /*method*/,
                                          const std::string& /*language*/,
                                          const std::string& /*id*/) {
    return std::nullopt;
  }
  // A string written through a format spec (`{:03}`, `%05d`) as the
  // language writes it; `brace`: the template is brace-style (str.format,
  // f-strings) rather than printf-style. nullopt: a hole for the field.
  virtual std::optional<ir::KeyExpr> formatted(const ir::KeyExpr& /*value*/,
                                               const std::string& /*spec*/, bool /*brace*/,
                                               ir::SourceSpan /*span*/) {
    return std::nullopt;
  }
  // `format.format(args)` for a format string that is a value, not written
  // at the call (`self.key_template.format(name)`): the string the
  // language's format method makes of `format` with the arguments' strings
  // (positional in order, keywords by name); nullopt when it cannot tell.
  virtual std::optional<ir::KeyExpr> format_string(
      const ir::KeyExpr& /*format*/, const std::vector<ir::KeyExpr>& /*positional*/,
      const std::vector<std::pair<std::string, ir::KeyExpr>>& /*named*/, ir::SourceSpan /*call*/) {
    return std::nullopt;
  }
  // What `with v as x` binds x to; by default v (a batch enters as itself).
  virtual Value enter(const Value& value) { return value; }
  // Builtins that touch the project (file read, directory listing) read
  // through the host; nullopt when it cannot (outside the project, too big).
  // `from`: the module whose code reads (a relative path is its folder's, or
  // the project's, as the language resolves it).
  struct FileText {
    std::string text;
    std::string file;  // the file as the host resolved it
  };
  virtual std::optional<FileText> read_file(const ir::KeyExpr& /*path*/, const CallSite& /*from*/) {
    return std::nullopt;
  }
  // The names of the files in a folder of the project (sorted), as the code
  // at `from` would find them; nullopt when it is not one.
  virtual std::optional<std::vector<std::string>> list_directory(const ir::KeyExpr& /*path*/,
                                                                 const CallSite& /*from*/) {
    return std::nullopt;
  }
  virtual void note(const Note& /*note*/) {}
};

}  // namespace slotlint::engine
