// One summary's evaluation: the interpreter of a function body over abstract
// values. Private to the engine: engine.cpp creates frames; frame.cpp runs one,
// frame_statements.cpp, frame_expressions.cpp and frame_calls.cpp interpret.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzer/engine/engine.h"

namespace slotlint::engine {

// What a summary is computed for; its key() is the memo key.
struct Invocation {
  ModuleId module = 0;
  il::FunctionId function = il::kNone;
  int level = 0;
  std::size_t depth_left = 0;
  std::optional<Value> self;
  std::shared_ptr<const Env> closure;
  std::vector<std::optional<Value>> params;  // per parameter; nullopt: not passed
  std::optional<Value> callee;  // the function value itself (a local function may recurse)
  [[nodiscard]] std::string key() const;
};

// Batch and instance ids and hole symbols in a value (for renaming what a
// callee made: two calls make two batches, and two unknowns read inside a
// helper called twice are two values, not one), found once per distinct
// value of one Engine.
using IdSet = std::set<std::string, std::less<>>;
class IdCache {
 public:
  const IdSet& ids(const Value& value);

 private:
  std::unordered_map<std::string, IdSet> by_digest_;
};

class Engine::Impl {
 public:
  Impl(const Program& program, Host& host, Builtins builtins, Budgets budgets)
      : program(program), host(host), builtins(std::move(builtins)), budgets(budgets) {}

  std::shared_ptr<const Summary> summarise(const Invocation& invocation);
  // ... under its key, when the caller has it already.
  std::shared_ptr<const Summary> summarise(const Invocation& invocation, std::string key);
  // A call's summary: its own, or past the function's contexts budget the
  // function's entry-point summary (`generic` is its invocation then).
  struct CallSummary {
    std::shared_ptr<const Summary> summary;
    std::optional<Invocation> generic;
  };
  CallSummary summarise_call(const Invocation& invocation);
  Invocation entry_invocation(ModuleId module, il::FunctionId function,
                              std::size_t enclosing_levels);
  // The globals a function at level `level + 1` sees; level -1: declarations.
  const Env& globals(ModuleId module, int level);
  // `name` as module `target` exports it to code at level `level + 1`.
  Value import_lookup(ModuleId target, const std::string& name, int level,
                      std::size_t hops = kImportHops);
  static constexpr std::size_t kImportHops = 8;
  // The receiver a method of `cls` analysed as an entry point (`entry`)
  // starts from, made once per Engine.
  Value entry_instance(ModuleId module, il::ClassId cls, il::FunctionId entry);
  Value make_entry_instance(ModuleId module, il::ClassId cls, il::FunctionId entry);
  // What the class methods of `cls`, each analysed as an entry point, assign
  // to its attributes: a class attribute is that, or what the class body
  // declares (flow-insensitive, like instance fields across methods).
  const Env& class_writes(ModuleId module, il::ClassId cls);
  // A module-level name as code at level `level + 1` of `module` sees it:
  // the module's globals (unless `with_globals` is false: the module body
  // itself holds them), then its imports.
  std::optional<Value> resolve_name(ModuleId module, const std::string& name, int level,
                                    bool with_globals, std::size_t hops = kImportHops);
  // The first method of `cls` or of its bases (depth-first, `depth` levels)
  // that `wanted` accepts.
  std::optional<std::pair<ModuleId, il::FunctionId>> find_method(
      ModuleId module, il::ClassId cls, const std::function<bool(const il::Function&)>& wanted,
      int level, std::size_t depth = 8);
  Value parameter_hole(ModuleId module, il::FunctionId function, const il::Parameter& param);
  std::optional<Value> base_value(ModuleId module, il::ExprId base, int level);

  // ---- declared_types.cpp: a declared type's names as the module's
  // imports bind them (`from redis.asyncio import Redis as AsyncRedis`),
  // asked of the host; nullopt when none names what it knows.
  std::optional<Value> declared_through_imports(ModuleId module, const std::string& type,
                                                const std::string& symbol);

  // ---- injection.cpp: parameters a test framework fills
  // What an entry point's parameter is handed without a caller: a mock by
  // a patch decorator (`@mock.patch("app.r")`), or the value of the fixture
  // named like it (pytest: from the test's class, its module or a conftest.py
  // above it); nullopt when nothing fills it.
  std::optional<Value> injected(ModuleId module, il::FunctionId function,
                                const il::Parameter& param);
  // The qualified name a decorator (or the callee of a decorator call)
  // resolves to through its module's imports: `pytest.fixture`.
  std::optional<std::string> decorator_name(ModuleId module, il::ExprId decorator);
  // The name a fixture provides (its own, or the decorator's `name=`);
  // nullopt when the function is no fixture. Read once per function.
  std::optional<std::string> fixture_name(ModuleId module, il::FunctionId function,
                                          const FixtureConvention& convention);
  std::optional<std::string> read_fixture_name(ModuleId module, il::FunctionId function,
                                               const FixtureConvention& convention);
  // The fixtures of a module's top level (owner kNone) or of a class, by
  // the name they provide (in source order), found once per Engine.
  using FixtureIndex = std::map<std::string, std::vector<il::FunctionId>, std::less<>>;
  const FixtureIndex& fixtures_of(ModuleId module, il::ClassId owner,
                                  const FixtureConvention& convention);
  std::optional<std::pair<ModuleId, il::FunctionId>> find_fixture(
      ModuleId module, il::FunctionId function, const std::string& name,
      const FixtureConvention& convention);
  // What a fixture gives: its return value, or what it yields.
  std::optional<Value> fixture_value(ModuleId module, il::FunctionId function);
  // How many leading parameters the function's patch decorators fill (read
  // once per function).
  std::size_t patched_parameters(ModuleId module, il::FunctionId function);
  // The client an instance of `cls` is when the class derives from a client
  // class the host constructs (`class Database(redis.Redis)`), made as the
  // host makes one with `args` at `site`.
  std::optional<Value> client_base(ModuleId module, il::ClassId cls,
                                   const std::vector<ArgValue>& args, const CallSite& site,
                                   int level, std::size_t depth = 8);

  const Program& program;
  Host& host;
  Builtins builtins;
  Budgets budgets;
  std::unordered_map<std::string, std::shared_ptr<const Summary>> memo;
  std::map<ModuleId, Env> declarations;
  std::map<std::pair<ModuleId, il::FunctionId>, std::size_t> contexts;
  std::unordered_set<std::string> in_progress;  // memo keys of the summaries being computed
  // What a summary asked for while it is computed gives.
  std::shared_ptr<const Summary> called_back = [] {
    Summary summary;
    summary.result = Value::unknown("the result of a function called back while it is analysed");
    return std::make_shared<const Summary>(std::move(summary));
  }();
  using InstanceKey = std::tuple<ModuleId, il::ClassId, il::FunctionId>;
  std::map<InstanceKey, Value> instances;
  std::set<InstanceKey> instances_in_progress;
  std::map<std::pair<ModuleId, il::ClassId>, Env> class_attributes;
  std::set<std::pair<ModuleId, il::ClassId>> class_attributes_in_progress;
  const Env no_writes;
  std::set<std::pair<ModuleId, il::FunctionId>> fixtures_in_progress;
  std::map<std::pair<ModuleId, il::ClassId>, FixtureIndex> fixture_index;
  std::map<std::pair<ModuleId, il::FunctionId>, std::optional<std::string>> fixture_names;
  std::map<std::pair<ModuleId, il::FunctionId>, std::size_t> patched;
  std::size_t decorators_read = 0;
  std::size_t computed = 0;
  // The module Engine::analyse was given: calls made elsewhere reach the
  // host only where it wants them (Host::wants_calls_made_in).
  std::optional<ModuleId> analysed;
  [[nodiscard]] bool drops_calls_made_in(ModuleId module) const {
    return analysed && module != *analysed && !host.wants_calls_made_in(module);
  }
  std::size_t spent = 0;  // steps of every frame, for Budgets::total_steps
  IdCache ids;
};

void collect_ids(const Value& value, IdSet& ids, IdCache& cache);
// The value with every batch and instance id and hole symbol not in `keep`
// (nor derived from one in it) prefixed; a part with nothing to rename is
// the part itself.
Value rename_ids(const Value& value, const IdSet& keep, const std::string& prefix, IdCache& cache);

// The value with each hole or unknown whose symbol `by_symbol` maps replaced
// by the mapped value (in a string: by its key, spliced in): a function's
// entry-point summary instantiated for one call's arguments.
Value substitute(const Value& value, const std::map<std::string, Value>& by_symbol,
                 const Limits& limits);

// Helpers the interpreter's files share.
namespace frame_detail {

inline Env join_env(const Env& a, const Env& b, const Limits& limits) {
  Env out = a;
  for (const auto& [name, value] : b) {
    auto found = out.find(name);
    if (found == out.end()) {
      out.emplace(name, value);
    } else {
      found->second = join(found->second, value, limits);
    }
  }
  return out;
}

inline bool same_env(const Env& a, const Env& b) {
  return a.size() == b.size() && std::ranges::equal(a, b, [](const auto& x, const auto& y) {
           return x.first == y.first && x.second == y.second;
         });
}

// Values a name took in the loop, folded into one that covers every iteration.
inline Env widen_env(const Env& entry, const Env& current, const Limits& limits) {
  Env out = current;
  for (auto& [name, value] : out) {
    auto before = entry.find(name);
    if (before != entry.end() && before->second == value) continue;
    std::vector<Value> members = value.members();
    if (before != entry.end()) members.push_back(before->second);
    out[name] = widen(Value::alternatives(members).members(),
                      "`" + name + "` changes on each iteration of a loop", limits);
  }
  return out;
}

// Names a value it is bound to, so that templates can tell it from others.
inline Value named(const Value& value, const std::string& symbol, const std::string& display) {
  if (value.is(ValueKind::Unknown) && value.as_unknown().symbol.empty()) {
    return Value::unknown(value.as_unknown().reason, symbol, display);
  }
  if (value.is(ValueKind::Number) && !value.as_number().value && value.as_number().text.empty() &&
      value.as_number().symbol.empty()) {
    return Value::unknown_number(symbol, display);
  }
  return value;
}

inline Value without(const Value& value, auto drop) {
  std::vector<Value> kept;
  for (const auto& member : value.members()) {
    if (!drop(member)) kept.push_back(member);
  }
  if (kept.empty()) return value;
  return Value::alternatives(std::move(kept));
}

inline bool is_null(const Value& v) { return v.is(ValueKind::Null); }

// `entries` with `key` set to `value`: the entry of an equal literal key
// replaced, or a new entry at the end.
inline void put_entry(std::vector<std::pair<Value, Value>>& entries, const Value& key,
                      const Value& value) {
  auto found =
      std::ranges::find_if(entries, [&](const auto& e) { return literal_equal(e.first, key); });
  if (found != entries.end()) {
    found->second = value;
  } else {
    entries.emplace_back(key, value);
  }
}

inline Value string_literal(std::string text) {
  ir::KeyExpr key;
  key.append(ir::KeyExpr::literal(std::move(text), {}, false));
  return Value::string(std::move(key));
}

// The text of a string written without fields (a literal, or a template
// of literal parts only).
inline std::optional<std::string> literal_text(const il::Module& module, il::ExprId id) {
  if (id == il::kNone) return std::nullopt;
  const auto& kind = module.exprs[id].kind;
  if (const auto* literal = std::get_if<il::StringLiteral>(&kind)) return literal->text;
  const auto* text = std::get_if<il::Template>(&kind);
  if (text == nullptr) return std::nullopt;
  std::string out;
  for (const auto& part : text->parts) {
    if (part.value != il::kNone) return std::nullopt;
    out += part.literal;
  }
  return out;
}

struct Unnest {
  std::size_t& depth;
  ~Unnest() { --depth; }
};

}  // namespace frame_detail

class Frame {
 public:
  Frame(Engine::Impl& engine, const Invocation& invocation);
  Summary run();

 private:
  struct CallOutcome {
    Value value;
    std::optional<Value> self_after;
  };
  struct LoopExits {
    std::optional<Env> breaks, continues;
  };

  bool step();
  // Enters one level of nesting; false (and a note) past the budget.
  bool nest(ir::SourceSpan span);
  void note(ir::SourceSpan span, std::string message);
  std::string symbol(std::string_view what, std::uint32_t id) const;
  CallSite site_of(il::ExprId call) const;

  // statements
  void exec_block(const std::vector<il::StmtId>& block);
  void exec(il::StmtId id);
  void exec_if(const il::If& branch);
  void exec_loop(const il::Loop& loop);
  void exec_try(const il::Try& block);
  void exec_with(const il::With& block);
  Env run_loop_body(const il::Loop& loop, const Value& element, const Env& start);
  void bind(il::PatternId pattern, const Value& value);
  void refine(il::ExprId condition, bool holds);

  // expressions
  Value eval(il::ExprId id);
  Value lookup(const std::string& name);
  std::optional<Value> super_call(const il::Attribute& attr, const il::Call& call,
                                  const CallSite& site);
  // Whether an enclosing function binds `name` (a parameter or an assignment).
  [[nodiscard]] bool binds_in_enclosing(const std::string& name) const;
  std::optional<Value> peek(il::ExprId id);
  void rebind(il::ExprId target, const Value& value);
  Value attribute(const Value& object, const std::string& name, il::ExprId at);
  Value instance_attribute(const Value& object, const std::string& name, il::ExprId at);
  Value index(const Value& object, const Value& key);
  Value call(const il::Call& call, il::ExprId id);
  std::vector<ArgValue> arguments(const std::vector<il::Argument>& args);
  CallOutcome call_method(const Value& receiver, const std::string& name,
                          const std::vector<ArgValue>& args, const CallSite& site);
  // xs.forEach(f), xs.map(f), ...: f on each element (calls_back(op)).
  Value each_element(BuiltinOp op, const Value& receiver, const std::vector<ArgValue>& args,
                     const CallSite& site);
  CallOutcome call_value(const Value& callee, const std::vector<ArgValue>& args,
                         const CallSite& site);
  // `called_back`: a client calls the function with what it passes; its
  // other parameters are as an entry point's, whatever a caller may pass
  // (their defaults are only the values when nothing is passed).
  CallOutcome invoke(const Value& function, const std::vector<ArgValue>& args, const CallSite& site,
                     bool called_back = false);
  Value construct(const Value& class_ref, const std::vector<ArgValue>& args, const CallSite& site);
  Value client_call(const Value& receiver, const std::string& method,
                    const std::vector<ArgValue>& args, const CallSite& site);
  Value template_value(const il::Template& text);
  Value binary(const il::Binary& op);
  Value add(const Value& left, const Value& right);
  Value comprehension(const il::Comprehension& comp, il::ExprId id);
  Value element_of(const Value& iterable, const std::string& symbol, const std::string& display);
  Value enter(const Value& value, const CallSite& site);
  Value function_value(il::FunctionId function);
  Value class_field(ModuleId module, il::ClassId cls, const std::string& name, bool is_static);

  Engine::Impl& engine_;
  const Invocation& invocation_;
  const il::Module& module_;
  const il::Function& function_;
  const Limits& limits_;
  bool module_body_ = false;
  std::string receiver_name_;

  Env env_;
  std::map<il::FunctionId, Env> closures_;  // see Summary::closures
  bool live_ = true;
  std::optional<Value> returned_;
  std::optional<Value> self_after_;
  Env class_writes_;
  std::vector<Value> yields_;
  std::vector<ClientCall> calls_;
  // One call reached by several paths (a helper every method calls) is
  // kept once, by the first path: what the host sees of it is the same.
  std::unordered_set<std::string> call_keys_;
  void keep_call(ClientCall call);
  // A client the host made from a constructor call: the construction is
  // reported as a call on it (kConstructed).
  Value constructed(Value client, const std::vector<ArgValue>& args, const CallSite& site);
  std::vector<Note> notes_;
  std::vector<HandlerFrame> handlers_;     // outermost first
  std::vector<std::string> loop_symbols_;  // outermost first
  std::vector<LoopExits> loops_;
  int dry_ = 0;
  std::size_t steps_ = 0;
  std::size_t nesting_ = 0;
  bool nesting_noted_ = false;
  std::string exhausted_;
};

}  // namespace slotlint::engine
