// The value-flow engine: interprets the program IL (analyzer/il/il.h) of any
// language over abstract values (value.h) and reports every call whose
// receiver is a client, batch or script value to a Host, with the chain of
// call sites that led there.
//
// Design:
// - Flow-sensitive inside a function: an environment of values per program
//   point; both branches of an `if` run and their environments are joined;
//   a loop body runs until its environment stops changing, at most
//   `loop_rounds` times, then changed names are widened (a string to a
//   template around a hole, a list to a collection). Loop variables over a
//   collection nothing is known of are per-element holes.
// - Across functions: every call to a known function is a summary, memoised
//   on (function, globals level, remaining call depth, the signatures of
//   receiver, closure and arguments). A summary holds the return value, the
//   receiver as the function left it, and the client calls made inside with
//   their `via` relative to the function; applying it at a call site prefixes
//   the site, adds the enclosing try handlers and loop symbols, and renames
//   the batches and instances made inside (their ids get the call site), so
//   two calls of one factory make two batches. A function calling itself is
//   not unrolled (its result there is unknown): its first level makes every
//   call the deeper ones would.
// - Contexts: a function gets a summary of its own for at most
//   `Budgets::contexts` distinct receivers and arguments; past that, its
//   calls take its entry-point summary, with every id and hole renamed for
//   the call site (so two such calls never prove two keys equal). Real
//   classes call a getter on many differently filled instances; summarising
//   each cost rq's job.py 24,892 summaries.
// - Fields: a constructor's writes to its receiver come back to the caller;
//   any other method's do not. A method analysed as an entry point starts
//   from the fields the constructor and every method of its class leave,
//   joined: fields are flow-insensitive across methods, so the receiver's
//   state is not part of every later call's memo key.
// - Globals without cycles: a function at level L sees the module globals
//   the module body leaves when run at level L-1 (imports likewise); level
//   -1 is the declarations alone. Entry points run at `globals_levels`.
// - Entry points: the module body and every function once, parameters as
//   holes named by the parameter; methods get the instance their class's
//   constructor leaves (from holes). Calls are emitted per entry point.
//
// Invariants:
// - Budgets are counted in work, never time. A summary is a function of its
//   memo key and of how many summaries this Engine (one analysed file) made
//   before it (the file's step budget, the contexts per function); one file's
//   entry points run in one order on one thread, so the output is the same
//   on every run, any machine, any number of jobs.
// - An exhausted budget gives "unknown, because ..." and a Note, never silence.
// - Effects inside the dry rounds of a loop's fixpoint are not recorded; the
//   body is evaluated once more, with the final environment, to record them.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/engine/builtins.h"
#include "analyzer/engine/host.h"
#include "analyzer/engine/value.h"
#include "analyzer/il/il.h"

namespace slotlint::engine {

struct Budgets {
  std::size_t steps = 100'000;  // expressions and statements, per summary
  // ... and in all summaries of one Engine (one analysed file): the work a
  // file may cost, whatever its calls fan out to. The largest file of
  // redis-py (cluster.py, 200 KB, with the modules it imports) takes 355,000.
  std::size_t total_steps = 5'000'000;
  // Calls followed below an entry point. Real wrappers nest two or three
  // deep; each level further doubled the work on rq (8: 15 s, 5: 8.8 s).
  std::size_t call_depth = 5;
  // ... and below each method run for the fields it writes to its receiver
  // (Engine::Impl::entry_instance): a field is set from a value the method
  // has at hand or gets one call away; following every call from every
  // method of every class made rq's entry instances 45% of its cost.
  std::size_t field_writes_depth = 1;
  // Distinct summaries of one function (its calls with distinct receivers,
  // closures or arguments) per Engine, constructors aside; a further call
  // with new ones takes the function's entry-point summary (parameters as
  // holes), renamed for the call site.
  std::size_t contexts = 16;
  std::size_t loop_rounds = 3;
  // Expressions and statements nested deeper are unknown (the interpreter
  // recurses over them; hostile input must not exhaust the stack).
  std::size_t nesting = 200;
  int globals_levels = 2;
  Limits limits;
};

// What one summary found: the engine's memoised unit of work.
struct Summary {
  Value result;
  std::optional<Value> self_after;  // methods: the receiver as the function left it
  std::vector<ClientCall> calls;    // via relative to the function
  std::vector<Note> notes;
  Env final_env;  // module bodies: the globals they leave
  // The locals each function defined here closes over, as it was defined
  // (joined when defined more than once): a nested function analysed as an
  // entry point starts from them.
  std::map<il::FunctionId, Env> closures;
  // Class methods: what they assign to their class's attributes
  // (`cls.script = client.register_script(...)`), joined.
  Env class_writes;
};

class Engine {
 public:
  Engine(const Program& program, Host& host, Builtins builtins, Budgets budgets = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // The module body and every function of the module, as entry points, in id
  // order: their calls and notes go to the host.
  void analyse(ModuleId module);
  // One entry point (the module body when `function` is the module's body).
  void analyse_entry(ModuleId module, il::FunctionId function);

  // A module global as functions see it (after the body ran).
  [[nodiscard]] Value global(ModuleId module, const std::string& name);
  // Summaries computed since the last clear (tests of memoisation).
  [[nodiscard]] std::size_t summaries_computed() const;
  // Expressions and statements evaluated, in every summary (work counter).
  [[nodiscard]] std::size_t steps_spent() const;
  // Decorators resolved to what they name (work counter: fixtures, patches).
  [[nodiscard]] std::size_t decorators_read() const;
  void clear_cache();

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace slotlint::engine
