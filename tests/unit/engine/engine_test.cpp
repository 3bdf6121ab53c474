// The value-flow engine over IL built by hand: no language, no model.
#include "analyzer/engine/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "tests/unit/engine/il_builder.h"

namespace slotlint::engine::test {
namespace {

using Kind = il::Function::Kind;

// A module that starts with `import redis` and `r = redis.Redis()`.
class Script : public ModuleBuilder {
 public:
  explicit Script(std::string path = "app.py") : ModuleBuilder(std::move(path)) {
    import("redis", {}, "redis");
    prelude.push_back(assign("r", call(attr(name("redis"), "Redis"))));
  }
  ExprId r() { return name("r"); }
  // Module body: the prelude then `stmts`.
  void finish(std::vector<StmtId> stmts = {}) {
    auto all = prelude;
    all.insert(all.end(), stmts.begin(), stmts.end());
    body(std::move(all));
  }
  std::vector<StmtId> prelude;
};

struct Session {
  TestProgram program;
  TestHost host;
  Budgets budgets;
  std::unique_ptr<Engine> engine;

  ModuleId load(Script& script) { return module = program.add(std::move(script.m)); }
  // Finishes the script's module body, loads it and runs `function`.
  std::vector<ClientCall> analyse(Script& script, FunctionId function) {
    script.finish();
    load(script);
    return entry(module, function);
  }
  ModuleId module = 0;
  void start() { engine = std::make_unique<Engine>(program, host, Builtins::defaults(), budgets); }
  // The calls one entry point emits.
  std::vector<ClientCall> entry(ModuleId module, FunctionId function) {
    if (!engine) start();
    auto before = host.emitted.size();
    engine->analyse_entry(module, function);
    return {host.emitted.begin() + static_cast<std::ptrdiff_t>(before), host.emitted.end()};
  }
};

const ClientCall* find_call(const std::vector<ClientCall>& calls, const std::string& method) {
  auto found = std::ranges::find(calls, method, &ClientCall::method);
  return found == calls.end() ? nullptr : &*found;
}

std::vector<std::string> texts(const Value& value) {
  std::vector<std::string> out;
  for (const auto& key : alternative_keys(value, {}, Limits{})) out.push_back(key.display());
  std::ranges::sort(out);  // members are in signature order, which spans decide
  return out;
}

// ---- within a function --------------------------------------------------------

TEST(Engine, BranchesJoinIntoAlternatives) {
  Script s;
  auto main =
      s.function("main", {"c"},
                 {s.if_(s.name("c"), {s.assign("k", s.str("a"))}, {s.assign("k", s.str("b"))}),
                  s.expr(s.mcall(s.r(), "get", {s.name("k")}))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "get");
  EXPECT_TRUE(calls[0].receiver.is(ValueKind::Client)) << calls[0].receiver.describe();
  EXPECT_EQ(texts(calls[0].args[0].value), (std::vector<std::string>{"a", "b"}));
}

TEST(Engine, AKeyChosenOnOneBranchGivesAlternativesOfTheTemplate) {
  Script s;
  auto main = s.function(
      "main", {"delayed"},
      {s.assign("queue", s.str("ready")),
       s.if_(s.name("delayed"), {s.assign("queue", s.str("delayed"))}),
       s.expr(s.mcall(s.r(), "rpoplpush",
                      {s.fstring({lit("q:"), field(s.name("queue"))}), s.str("done")}))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(texts(calls[0].args[0].value), (std::vector<std::string>{"q:delayed", "q:ready"}));
}

TEST(Engine, NullTestsRefineEachBranch) {
  Script s;
  auto main = s.function("main", {"c"},
                         {s.assign("v", s.conditional(s.name("c"), s.none(), s.str("k"))),
                          s.if_(s.test(il::Test::Kind::IsNotNull, s.name("v")),
                                {s.expr(s.mcall(s.r(), "get", {s.name("v")}))})});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 1u);
  ASSERT_TRUE(calls[0].args[0].value.is(ValueKind::String)) << calls[0].args[0].value.describe();
  EXPECT_EQ(calls[0].args[0].value.as_string().key.literal_text(), "k");
}

TEST(Engine, LoopElementsOfAnUnknownCollectionArePerElementHoles) {
  Script s;
  auto f = s.function(
      "f", {"ids"},
      {s.for_(s.pname("uid"), s.name("ids"),
              {s.expr(s.mcall(s.r(), "set",
                              {s.fstring({lit("user:"), field(s.name("uid"))}), s.num(1)}))})});
  Session run;
  auto calls = run.analyse(s, f);
  // The fixpoint's dry rounds record nothing: one call, not one per round.
  ASSERT_EQ(calls.size(), 1u);
  const auto& key = calls[0].args[0].value.as_string().key;
  EXPECT_EQ(key.display(), "user:<uid>");
  const auto& hole = std::get<ir::HoleSegment>(key.segments()[1]);
  EXPECT_TRUE(hole.varies_per_element);
  EXPECT_TRUE(hole.in_string_literal);
  ASSERT_EQ(calls[0].iteration_symbols.size(), 1u);
  EXPECT_EQ(calls[0].iteration_symbols[0], hole.symbol);
}

TEST(Engine, LoopOverKnownItemsGivesTheirAlternatives) {
  Script s;
  auto f = s.function("f", {},
                      {s.for_(s.pname("k"), s.list({s.str("a"), s.str("b")}),
                              {s.expr(s.mcall(s.r(), "get", {s.name("k")}))})});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(texts(calls[0].args[0].value), (std::vector<std::string>{"a", "b"}));
}

TEST(Engine, WideningEndsAStringGrowingInALoop) {
  Script s;
  auto f =
      s.function("f", {"more"},
                 {s.assign("key", s.str("")),
                  s.while_(s.name("more"), {s.assign("key", s.plus(s.name("key"), s.str("x")))}),
                  s.expr(s.mcall(s.r(), "get", {s.name("key")}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  // Every value the key may have is a template with a hole: no fixed count of x.
  for (const auto& member : calls[0].args[0].value.members()) {
    ASSERT_TRUE(member.is(ValueKind::String)) << member.describe();
    auto tokens = ir::tokens(member.as_string().key);
    EXPECT_TRUE(std::ranges::any_of(tokens, &ir::Token::is_hole)) << member.describe();
  }
  EXPECT_EQ(run.engine->summaries_computed(), 2u);  // f, and the module body for its globals
}

TEST(Engine, AppendMutatesTheLocalSequence) {
  Script s;
  auto f = s.function("f", {},
                      {s.assign("keys", s.list({s.str("a")})),
                       s.expr(s.mcall(s.name("keys"), "append", {s.str("b")})),
                       s.expr(s.mcall(s.r(), "delete", {spread(s.name("keys"))}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  const auto& keys = calls[0].args[0].value;
  ASSERT_TRUE(keys.is(ValueKind::Sequence)) << keys.describe();
  EXPECT_EQ(keys.as_sequence().items.size(), 2u);
  EXPECT_EQ(calls[0].args[0].kind, il::Argument::Kind::Spread);
}

TEST(Engine, TryHandlersAreTheContextOfCallsInside) {
  Script s;
  auto helper =
      s.function("helper", {}, {s.expr(s.mcall(s.r(), "mget", {s.str("a"), s.str("b")}))});
  auto main =
      s.function("main", {}, {s.try_({s.expr(s.call(s.name("helper")))}, {"ResponseError"})});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 1u);
  ASSERT_EQ(calls[0].handlers.size(), 1u);
  EXPECT_EQ(calls[0].handlers[0].types, std::vector<std::string>{"ResponseError"});
  EXPECT_TRUE(run.entry(run.module, helper)[0].handlers.empty());
}

TEST(Engine, DestructuringAndAugmentedAssignment) {
  Script s;
  auto f =
      s.function("f", {},
                 {s.assign(s.pseq({s.pname("a"), s.pname("b")}), s.list({s.str("x:"), s.str("y")})),
                  s.augment("a", s.name("b")), s.expr(s.mcall(s.r(), "get", {s.name("a")}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].args[0].value.as_string().key.literal_text(), "x:y");
}

TEST(Engine, AComprehensionIsACollectionWhoseElementVaries) {
  Script s;
  auto f =
      s.function("f", {"ids"},
                 {s.assign("keys", s.comprehension(s.fstring({lit("user:"), field(s.name("i"))}),
                                                   s.pname("i"), s.name("ids"))),
                  s.expr(s.mcall(s.r(), "delete", {spread(s.name("keys"))}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  auto key = key_of(calls[0].args[0].value, {}, Limits{});
  EXPECT_TRUE(key.is_collection());
  EXPECT_EQ(key.display(), "[user:<i>, ...]");
  EXPECT_TRUE(std::get<ir::HoleSegment>(key.segments()[1]).varies_per_element);
}

TEST(Engine, AnOpaqueExpressionIsUnknownWithItsReasonButItsCallsStillCount) {
  Script s;
  auto f = s.function("f", {},
                      {s.assign("k", s.opaque("a walrus", {s.mcall(s.r(), "incr", {s.str("n")})})),
                       s.expr(s.mcall(s.r(), "get", {s.name("k")}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].method, "incr");
  // Bound to a name, the unknown gets an identity: a hole in keys.
  auto key = key_of(calls[1].args[0].value, {}, Limits{});
  ASSERT_FALSE(key.is_unknown());
  EXPECT_EQ(key.display(), "<k>");
  EXPECT_EQ(calls[1].args[0].value.as_unknown().reason, "a walrus");
}

TEST(Engine, AReassignedNameIsANewSymbol) {
  Script s;
  auto f = s.function("f", {},
                      {s.assign("k", s.opaque("input")), s.assign("a", s.name("k")),
                       s.assign("k", s.opaque("input")),
                       s.expr(s.mcall(s.r(), "rename", {s.name("a"), s.name("k")}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  auto first = ir::tokens(key_of(calls[0].args[0].value, {}, Limits{}));
  auto second = ir::tokens(key_of(calls[0].args[1].value, {}, Limits{}));
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_NE(first[0].text, second[0].text);
}

TEST(Engine, AFreshValueIsNewAtEachCallAndItselfOnceBound) {
  Script s;
  s.import("uuid", {}, "uuid");
  auto fresh = [&] { return s.call(s.attr(s.name("uuid"), "uuid4")); };
  auto f = s.function(
      "f", {},
      {s.assign("a", fresh()), s.expr(s.mcall(s.r(), "rename", {s.name("a"), s.name("a")})),
       s.expr(s.mcall(s.r(), "rename", {fresh(), fresh()}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 2u);
  auto token = [&](std::size_t call, std::size_t arg) {
    auto key = key_of(calls[call].args[arg].value, {}, Limits{});
    EXPECT_FALSE(key.is_unknown()) << calls[call].args[arg].value.describe();
    auto tokens = ir::tokens(key);
    return tokens.size() == 1 ? tokens[0].text : std::string("?");
  };
  EXPECT_EQ(token(0, 0), token(0, 1));  // one value, bound once
  EXPECT_NE(token(1, 0), token(1, 1));  // two calls, two values
}

// Script bodies found by a folder listing: glob's matches (the pattern in
// the last part only), named by their stems.
TEST(Engine, GlobListsTheMatchingFilesOfAProjectFolder) {
  Script s;
  s.import("glob", {}, "glob");
  s.import("pathlib", {{"Path", "Path"}});
  auto globbed = [&](std::string pattern) {
    return s.call(s.attr(s.name("glob"), "glob"), {s.str(std::move(pattern))});
  };
  auto stem = [&](std::string path) {
    return s.attr(s.call(s.name("Path"), {s.str(std::move(path))}), "stem");
  };
  auto f = s.function(
      "f", {},
      {s.expr(s.mcall(s.r(), "mget", {globbed("lua/*.lua")})),
       s.expr(s.mcall(s.r(), "mget", {globbed("missing/*.lua")})),
       s.expr(s.mcall(s.r(), "get", {stem("lua/move.lua")})),
       s.expr(s.mcall(s.r(), "mget",
                      {s.mcall(s.call(s.name("Path"), {s.str("lua")}), "glob", {s.str("c*")})}))});
  Session run;
  run.host.folders["lua"] = {"a.lua", "b.lua", "c.txt", "readme.md"};
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 4u);
  auto text = [](const Value& value) {
    std::string out;
    for (const auto& item :
         value.is(ValueKind::Sequence) ? value.as_sequence().items : std::vector<Value>{value}) {
      if (!out.empty()) out += " ";
      out += item.is(ValueKind::Path)     ? item.as_path().path.display()
             : item.is(ValueKind::String) ? item.as_string().key.display()
                                          : "?";
    }
    return out;
  };
  EXPECT_EQ(text(calls[0].args[0].value), "lua/a.lua lua/b.lua");
  EXPECT_TRUE(calls[1].args[0].value.is(ValueKind::Collection))  // entries nothing is known of
      << calls[1].args[0].value.describe();
  EXPECT_EQ(text(calls[2].args[0].value), "move");
  EXPECT_EQ(text(calls[3].args[0].value), "lua/c.txt");

  // A folder holding more files than a folder of scripts does: not listed.
  Session many;
  for (int i = 0; i < 300; ++i) many.host.folders["lua"].push_back(std::to_string(i) + ".lua");
  Script again;
  again.import("glob", {}, "glob");
  auto g = again.function(
      "g", {},
      {again.expr(again.mcall(again.r(), "mget",
                              {again.call(again.attr(again.name("glob"), "glob"),
                                          {again.str("lua/*.lua")})}))});
  auto listed = many.analyse(again, g);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].args[0].value.is(ValueKind::Collection));
}

// ---- across functions ---------------------------------------------------------

TEST(Engine, AHelperCalledTwiceGivesTwoKeys) {
  Script s;
  auto key = s.function("key", {"p"}, {s.ret(s.fstring({lit("user:"), field(s.name("p"))}))});
  auto main = s.function("main", {},
                         {s.expr(s.mcall(s.r(), "get", {s.call(s.name("key"), {s.str("a")})})),
                          s.expr(s.mcall(s.r(), "get", {s.call(s.name("key"), {s.str("b")})}))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].args[0].value.as_string().key.literal_text(), "user:a");
  EXPECT_EQ(calls[1].args[0].value.as_string().key.literal_text(), "user:b");
  // Analysed on its own, the helper's parameter is a hole named after it.
  (void)key;
}

TEST(Engine, AHelperGivenThePipelineQueuesIntoTheCallersBatch) {
  Script s;
  auto fill = s.function("fill", {"pipe"},
                         {s.expr(s.mcall(s.name("pipe"), "set", {s.str("k"), s.str("v")}))});
  ExprId pipeline_call = s.mcall(s.r(), "pipeline");
  auto main =
      s.function("main", {},
                 {s.assign("p", pipeline_call), s.expr(s.call(s.name("fill"), {s.name("p")})),
                  s.expr(s.mcall(s.name("p"), "execute"))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 3u);
  const auto* set = find_call(calls, "set");
  ASSERT_NE(set, nullptr);
  ASSERT_TRUE(set->receiver.is(ValueKind::Batch)) << set->receiver.describe();
  EXPECT_EQ(set->receiver.as_batch().id, "app.py#" + std::to_string(pipeline_call));
  ASSERT_EQ(set->via.size(), 2u);
  EXPECT_EQ(set->via[1].span, set->site.span);
  EXPECT_EQ(find_call(calls, "execute")->receiver, set->receiver);
  // On its own, the helper's pipe is a parameter: no batch.
  auto alone = run.entry(run.module, fill);
  ASSERT_EQ(alone.size(), 0u);
}

TEST(Engine, AFunctionTheClientCallsBackGetsWhatTheClientPasses) {
  Script s;
  auto work = s.function("work", {"pipe"}, {s.expr(s.mcall(s.name("pipe"), "incr", {s.str("n")}))});
  auto transaction = s.mcall(s.r(), "transaction", {s.name("work"), s.str("n")});
  auto main = s.function("main", {}, {s.expr(transaction)});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 2u);
  const auto* incr = find_call(calls, "incr");
  ASSERT_NE(incr, nullptr);
  ASSERT_TRUE(incr->receiver.is(ValueKind::Batch)) << incr->receiver.describe();
  EXPECT_EQ(incr->receiver.as_batch().id, "app.py#" + std::to_string(transaction));
  ASSERT_EQ(incr->via.size(), 2u);
  EXPECT_EQ(incr->via[0].expr, transaction);
  (void)work;
}

TEST(Engine, TwoCallsOfAHelperReadingAnUnknownGiveTwoValues) {
  Script s;
  s.function("read_key", {},
             {s.assign("v", s.opaque("input from the user")),
              s.ret(s.fstring({lit("user:"), field(s.name("v"))}))});
  s.function("key_of", {"id"},
             {s.ret(s.fstring({lit("user:"), field(s.attr(s.name("id"), "pk"))}))});
  auto main = s.function(
      "main", {"job"},
      {s.expr(s.mcall(s.r(), "rename", {s.call(s.name("read_key")), s.call(s.name("read_key"))})),
       s.expr(s.mcall(s.r(), "rename",
                      {s.call(s.name("key_of"), {s.name("job")}),
                       s.call(s.name("key_of"), {s.name("job")})}))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 2u);
  auto hole = [](const Value& v) { return ir::tokens(v.as_string().key).at(1).text; };
  // Not one variable: each call read its own input.
  EXPECT_NE(hole(calls[0].args[0].value), hole(calls[0].args[1].value));
  // One variable: the same field of the caller's parameter.
  EXPECT_EQ(hole(calls[1].args[0].value), hole(calls[1].args[1].value));
}

TEST(Engine, EachCallOfAFactoryMakesItsOwnBatch) {
  Script s;
  auto make = s.function("make", {}, {s.ret(s.mcall(s.r(), "pipeline"))});
  auto main =
      s.function("main", {},
                 {s.assign("a", s.call(s.name("make"))), s.assign("b", s.call(s.name("make"))),
                  s.expr(s.mcall(s.name("a"), "set", {s.str("x")})),
                  s.expr(s.mcall(s.name("b"), "set", {s.str("y")}))});
  Session run;
  auto calls = run.analyse(s, main);
  std::vector<std::string> ids;
  for (const auto& c : calls) {
    if (c.method == "set") ids.push_back(c.receiver.as_batch().id);
  }
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_NE(ids[0], ids[1]);
  (void)make;
}

TEST(Engine, AFactoryReturningAClientIsAClient) {
  Script s;
  auto make = s.function("make", {}, {s.ret(s.call(s.attr(s.name("redis"), "Redis")))});
  auto main = s.function(
      "main", {},
      {s.assign("c", s.call(s.name("make"))), s.expr(s.mcall(s.name("c"), "get", {s.str("k")}))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_TRUE(calls[0].receiver.is(ValueKind::Client));
  (void)make;
}

// The fields other methods write are found with calls followed
// Budgets::field_writes_depth deep: a field set from a call chain four deep
// costs a summary per level only when the budget says so.
TEST(Engine, FieldWritesOfOtherMethodsFollowCallsOnlyAsDeepAsTheirBudget) {
  auto summaries = [](std::size_t depth) {
    Script s;
    s.function("h4", {}, {s.ret(s.str("v"))});
    s.function("h3", {}, {s.ret(s.call(s.name("h4")))});
    s.function("h2", {}, {s.ret(s.call(s.name("h3")))});
    s.function("h1", {}, {s.ret(s.call(s.name("h2")))});
    auto c = s.cls("C");
    auto self = [&] { return s.name("self"); };
    s.method(c, "__init__", {}, {s.assign(s.pattr(self(), "a"), s.str("k"))}, Kind::Constructor);
    s.method(c, "set_b", {}, {s.assign(s.pattr(self(), "b"), s.call(s.name("h1")))});
    auto use = s.method(c, "use", {}, {s.expr(s.mcall(s.r(), "get", {s.attr(self(), "a")}))});
    s.finish();
    Session run;
    run.budgets.field_writes_depth = depth;
    auto m = run.load(s);
    auto calls = run.entry(m, use);
    EXPECT_EQ(calls.size(), 1u);
    return run.engine->summaries_computed();
  };
  auto shallow = summaries(1);
  auto deep = summaries(5);
  EXPECT_EQ(deep - shallow, 3u);  // h2, h3, h4
}

TEST(Engine, AClientStoredOnSelfInTheConstructorIsUsedInAMethod) {
  Script s;
  auto store = s.cls("Store");
  auto self = [&] { return s.name("self"); };
  s.method(store, "__init__", {},
           {s.assign(s.pattr(self(), "client"), s.call(s.attr(s.name("redis"), "Redis"))),
            s.assign(s.pattr(self(), "prefix"), s.str("store:"))},
           Kind::Constructor);
  auto load = s.method(store, "load", {"uid"},
                       {s.expr(s.mcall(s.attr(self(), "client"), "get",
                                       {s.plus(s.attr(self(), "prefix"), s.name("uid"))}))});
  // Elsewhere: Store() then .load("7").
  auto main = s.function("main", {},
                         {s.assign("st", s.call(s.name("Store"))),
                          s.expr(s.mcall(s.name("st"), "load", {s.str("7")}))});
  s.finish();
  Session run;
  auto m = run.load(s);
  auto alone = run.entry(m, load);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_TRUE(alone[0].receiver.is(ValueKind::Client));
  EXPECT_EQ(alone[0].args[0].value.as_string().key.display(), "store:<uid>");
  auto called = run.entry(m, main);
  ASSERT_EQ(called.size(), 1u);
  EXPECT_EQ(called[0].args[0].value.as_string().key.literal_text(), "store:7");
  EXPECT_EQ(called[0].via.size(), 2u);
}

TEST(Engine, MethodsAndConstructorsAreFoundInBaseClasses) {
  Script lib("base.py");
  auto base = lib.cls("Base");
  auto self_lib = [&] { return lib.name("self"); };
  lib.method(base, "__init__", {"client"},
             {lib.assign(lib.pattr(self_lib(), "client"), lib.name("client"))}, Kind::Constructor);
  lib.method(base, "touch", {"key"},
             {lib.expr(lib.mcall(lib.attr(self_lib(), "client"), "expire",
                                 {lib.name("key"), lib.num(5)}))});
  lib.finish();
  Script s;
  s.import("base.py", {}, "base");
  auto derived = s.cls("Jobs");
  s.m.classes[derived].bases.push_back(s.attr(s.name("base"), "Base"));
  s.method(derived, "run", {}, {s.expr(s.mcall(s.name("self"), "touch", {s.str("job:1")}))});
  auto main = s.function(
      "main", {},
      {s.assign("j", s.call(s.name("Jobs"), {s.r()})), s.expr(s.mcall(s.name("j"), "run"))});
  s.finish();
  Session run;
  run.load(lib);
  auto m = run.load(s);
  auto calls = run.entry(m, main);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "expire");
  EXPECT_TRUE(calls[0].receiver.is(ValueKind::Client)) << calls[0].receiver.describe();
  EXPECT_EQ(calls[0].via.size(), 3u);  // main -> run -> touch
}

TEST(Engine, ClosuresCaptureTheirEnvironment) {
  Script s;
  auto inner = s.function("k", {"x"}, {s.ret(s.plus(s.name("prefix"), s.name("x")))});
  auto main = s.function("main", {},
                         {s.assign("prefix", s.str("p:")), s.local_function(inner),
                          s.expr(s.mcall(s.r(), "get", {s.call(s.name("k"), {s.str("a")})}))});
  s.m.functions[inner].enclosing = main;
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].args[0].value.as_string().key.literal_text(), "p:a");
}

TEST(Engine, ADictOfScriptsLookedUpByALiteralKey) {
  Script s;
  s.prelude.push_back(s.assign(
      "SCRIPTS",
      s.dict({{s.str("pop"),
               s.mcall(s.r(), "register_script", {s.str("return redis.call('LPOP', KEYS[1])")})},
              {s.str("push"), s.mcall(s.r(), "register_script", {s.str("return 1")})}})));
  auto run_pop = s.function("run_pop", {"q"},
                            {s.expr(s.call(s.index(s.name("SCRIPTS"), s.str("pop")),
                                           {keyword("keys", s.list({s.name("q")}))}))});
  Session run;
  auto calls = run.analyse(s, run_pop);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "__call__");
  ASSERT_TRUE(calls[0].receiver.is(ValueKind::Script)) << calls[0].receiver.describe();
  const auto& body = calls[0].receiver.as_script().body.front();
  EXPECT_EQ(body.as_string().key.literal_text(), "return redis.call('LPOP', KEYS[1])");
  EXPECT_EQ(calls[0].args[0].keyword, "keys");
}

TEST(Engine, MapGetThroughTheBuiltinsGivesTheEntryOrTheDefault) {
  Script s;
  s.prelude.push_back(s.assign(
      "QUEUES", s.dict({{s.str("high"), s.str("q:high")}, {s.str("low"), s.str("q:low")}})));
  auto f = s.function(
      "f", {},
      {s.expr(s.mcall(s.r(), "rpoplpush",
                      {s.mcall(s.name("QUEUES"), "get", {s.str("high")}),
                       s.mcall(s.name("QUEUES"), "get", {s.str("none"), s.str("q:default")})}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].args[0].value.describe(), "'q:high'");
  EXPECT_EQ(calls[0].args[1].value.describe(), "'q:default'");
}

TEST(Engine, LenOfASequenceIsANumberThroughTheBuiltins) {
  Script s;
  auto known =
      s.function("known", {},
                 {s.assign("keys", s.list({s.str("a"), s.str("b"), s.str("c")})),
                  s.expr(s.mcall(s.r(), "eval",
                                 {s.str("return 1"), s.call(s.name("len"), {s.name("keys")})}))});
  auto unknown =
      s.function("unknown", {"keys"},
                 {s.expr(s.mcall(s.r(), "eval",
                                 {s.str("return 1"), s.call(s.name("len"), {s.name("keys")})}))});
  Session run;
  auto calls = run.analyse(s, known);
  ASSERT_EQ(calls.size(), 1u);
  const auto& n = calls[0].args[1].value;
  ASSERT_TRUE(n.is(ValueKind::Number)) << n.describe();
  EXPECT_EQ(n.as_number().value, 3);
  auto other = run.entry(run.module, unknown);
  ASSERT_TRUE(other[0].args[1].value.is(ValueKind::Number));
  EXPECT_FALSE(other[0].args[1].value.as_number().value.has_value());
}

TEST(Engine, AScriptReadFromAFileThroughTheBuiltins) {
  // JavaScript rows: fs.readFileSync(path.join(...)) on an imported library.
  ModuleBuilder s("app.js", "javascript");
  s.import("fs", {}, "fs");
  s.import("path", {}, "path");
  s.import("ioredis", {}, "ioredis");
  auto read = [&](ExprId file) { return s.call(s.attr(s.name("fs"), "readFileSync"), {file}); };
  auto f = s.function(
      "f", {},
      {s.assign("client", s.call(s.attr(s.name("ioredis"), "Redis"))),
       s.assign("body",
                read(s.call(s.attr(s.name("path"), "join"), {s.str("lua"), s.str("pop.lua")}))),
       s.expr(s.mcall(s.name("client"), "eval", {s.name("body"), s.num(1), s.str("q")})),
       s.expr(s.mcall(s.name("client"), "eval", {read(s.str("missing.lua")), s.num(0)}))});
  struct JsHost : TestHost {
    std::optional<Value> construct(const ConstructCall& call) override {
      if (call.qualified_name != "ioredis.Redis") return std::nullopt;
      return Value::client({"ioredis", "Redis", call.site.id(), std::nullopt, {}});
    }
  } host;
  host.files["lua/pop.lua"] = "return redis.call('LPOP', KEYS[1])";
  TestProgram program;
  auto m = program.add(std::move(s.m));
  Engine engine(program, host, Builtins::defaults());
  engine.analyse_entry(m, f);
  ASSERT_EQ(host.emitted.size(), 2u);
  const auto& body = host.emitted[0].args[0].value;
  ASSERT_TRUE(body.is(ValueKind::String)) << body.describe();
  EXPECT_EQ(body.as_string().key.literal_text(), "return redis.call('LPOP', KEYS[1])");
  const auto& missing = host.emitted[1].args[0].value;
  ASSERT_TRUE(missing.is(ValueKind::Unknown)) << missing.describe();
  EXPECT_EQ(missing.as_unknown().reason, "the file missing.lua could not be read");
}

TEST(Engine, AGeneratorIsTheCollectionOfWhatItYields) {
  Script s;
  s.function(
      "keys", {"ids"},
      {s.for_(s.pname("i"), s.name("ids"), {s.yield_(s.fstring({lit("k:"), field(s.name("i"))}))})},
      Kind::Function);
  s.m.functions.back().is_generator = true;
  auto f = s.function(
      "f", {"ids"},
      {s.expr(s.mcall(s.r(), "delete", {spread(s.call(s.name("keys"), {s.name("ids")}))}))});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);
  const auto& keys = calls[0].args[0].value;
  ASSERT_TRUE(keys.is(ValueKind::Collection)) << keys.describe();
  EXPECT_EQ(key_of(keys, {}, Limits{}).display(), "[k:<i>, ...]");
}

TEST(Engine, AWithBlockBindsTheEnteredBatch) {
  Script s;
  auto f = s.function("f", {},
                      {s.with_(s.mcall(s.r(), "pipeline"), s.pname("p"),
                               {s.expr(s.mcall(s.name("p"), "set", {s.str("a"), s.str("1")}))})});
  Session run;
  auto calls = run.analyse(s, f);
  const auto* set = find_call(calls, "set");
  ASSERT_NE(set, nullptr);
  EXPECT_TRUE(set->receiver.is(ValueKind::Batch));
}

TEST(Engine, ImportedHelpersAndConstantsAreSeen) {
  Script lib("keys.py");
  lib.prelude.push_back(lib.assign("PREFIX", lib.str("job:")));
  lib.function("job_key", {"id"}, {lib.ret(lib.plus(lib.name("PREFIX"), lib.name("id")))});
  lib.finish();
  Script app;
  app.import("keys.py", {{"job_key", "job_key"}});
  auto main = app.function(
      "main", {},
      {app.expr(app.mcall(app.r(), "get", {app.call(app.name("job_key"), {app.str("9")})}))});
  app.finish();
  Session run;
  run.load(lib);
  auto m = run.load(app);
  auto calls = run.entry(m, main);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].args[0].value.as_string().key.literal_text(), "job:9");
}

// A host that reports only the analysed module's calls is not handed those
// a helper of another module makes, and the engine does not carry them.
TEST(Engine, CallsOfOtherModulesReachOnlyAHostThatWantsThem) {
  auto emitted = [](bool wanted) {
    Script lib("helpers.py");
    lib.function("touch", {"c"}, {lib.expr(lib.mcall(lib.name("c"), "get", {lib.str("k")}))});
    lib.finish();
    Script app;
    app.import("helpers.py", {{"touch", "touch"}});
    app.function("main", {},
                 {app.expr(app.call(app.name("touch"), {app.r()})),
                  app.expr(app.mcall(app.r(), "set", {app.str("a"), app.str("1")}))});
    app.finish();
    Session run;
    auto helpers = run.load(lib);
    if (!wanted) run.host.analysed_on_their_own.insert(helpers);
    auto m = run.load(app);
    run.start();
    run.engine->analyse(m);
    std::vector<std::string> methods;
    for (const auto& call : run.host.emitted) methods.push_back(call.method);
    return methods;
  };
  EXPECT_EQ(emitted(true), (std::vector<std::string>{"get", "set"}));
  EXPECT_EQ(emitted(false), (std::vector<std::string>{"set"}));
}

// A call made in a module the host takes the calls of, while another is
// analysed, is reported at the analysed module's call on its path: each such
// call keeps its own, though the command and its values are the same.
TEST(Engine, AWantedModulesCallIsKeptOncePerCallerInTheAnalysedModule) {
  Script lib("helpers.py");
  lib.function("touch", {"c"}, {lib.expr(lib.mcall(lib.name("c"), "get", {lib.str("k")}))});
  lib.function("wrap", {"c"}, {lib.expr(lib.call(lib.name("touch"), {lib.name("c")}))});
  lib.finish();
  Script app;
  app.import("helpers.py", {{"touch", "touch"}, {"wrap", "wrap"}});
  app.function("main", {},
               {app.expr(app.call(app.name("touch"), {app.r()})),
                app.expr(app.call(app.name("wrap"), {app.r()}))});
  app.finish();
  Session run;
  run.load(lib);
  auto m = run.load(app);
  run.start();
  run.engine->analyse(m);
  std::vector<std::size_t> depths;
  for (const auto& call : run.host.emitted) {
    if (call.method == "get") depths.push_back(call.via.size());
  }
  EXPECT_EQ(depths, (std::vector<std::size_t>{2, 3}));
}

// ---- budgets --------------------------------------------------------------------

TEST(Engine, DeepRecursionIsUnknownWithAReason) {
  // f -> g -> f -> ...: mutual recursion runs into the depth limit.
  Script s;
  auto f = s.function("f", {"x"}, {s.ret(s.call(s.name("g"), {s.name("x")}))});
  auto g = s.function("g", {"x"}, {s.ret(s.call(s.name("f"), {s.name("x")}))});
  auto main =
      s.function("main", {}, {s.expr(s.mcall(s.r(), "get", {s.call(s.name("f"), {s.str("a")})}))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 1u);
  const auto& arg = calls[0].args[0].value;
  ASSERT_TRUE(arg.is(ValueKind::Unknown)) << arg.describe();
  const auto limit = "call depth limit (" + std::to_string(Budgets{}.call_depth) + ")";
  EXPECT_NE(arg.as_unknown().reason.find(limit), std::string::npos) << arg.as_unknown().reason;
  ASSERT_FALSE(run.host.notes.empty());
  EXPECT_NE(run.host.notes[0].message.find("unknown, because the call depth limit"),
            std::string::npos);
  (void)f;
  (void)g;
}

TEST(Engine, AFunctionCallingItselfIsNotUnrolled) {
  // walk(x) queues a GET, then calls itself four times on parts of x (a
  // tree walk): each level's arguments differ, so unrolling it to the depth
  // limit would cost 4^8 summaries; its first level makes every call already.
  Script s;
  std::vector<StmtId> body{s.expr(s.mcall(s.r(), "get", {s.plus(s.str("node:"), s.name("x"))}))};
  for (int i = 0; i < 4; ++i) {
    body.push_back(s.assign("x", s.call(s.name("walk"), {s.plus(s.name("x"), s.str("/"))})));
  }
  body.push_back(s.ret(s.name("x")));
  s.function("walk", {"x"}, std::move(body));
  auto main = s.function("main", {},
                         {s.expr(s.mcall(s.r(), "get", {s.call(s.name("walk"), {s.str("a")})}))});
  Session run;
  auto calls = run.analyse(s, main);
  ASSERT_EQ(calls.size(), 2u);  // walk's GET node:a, then main's GET of what walk returned
  EXPECT_EQ(calls[0].args[0].value.as_string().key.literal_text(), "node:a");
  const auto& returned = calls[1].args[0].value;
  ASSERT_TRUE(returned.is(ValueKind::Unknown)) << returned.describe();
  EXPECT_NE(returned.as_unknown().reason.find("recursive call of `walk`"), std::string::npos)
      << returned.as_unknown().reason;
  EXPECT_LE(run.engine->summaries_computed(), 4u);
}

TEST(Engine, AMethodsWritesToItsReceiverAreNotEachACallersNewContext) {
  // c.bump() twenty times: each bump writes a new count to c. The writes are
  // seen by the class's methods flow-insensitively (entry_instance), not
  // carried back into c at each call, where each count would make every
  // later call on c a summary of its own.
  Script s;
  auto self = [&] { return s.name("self"); };
  auto counter = s.cls("Counter");
  s.method(counter, "__init__", {},
           {s.assign(s.pattr(self(), "n"), s.num(0)),
            s.assign(s.pattr(self(), "client"), s.call(s.attr(s.name("redis"), "Redis")))},
           Kind::Constructor);
  s.method(counter, "bump", {},
           {s.assign(s.pattr(self(), "n"), s.plus(s.attr(self(), "n"), s.num(1)))});
  auto use = s.method(counter, "use", {},
                      {s.expr(s.mcall(s.attr(self(), "client"), "get", {s.str("counter")}))});
  std::vector<StmtId> body{s.assign("c", s.call(s.name("Counter")))};
  for (int i = 0; i < 20; ++i) {
    body.push_back(s.expr(s.mcall(s.name("c"), "bump")));
    body.push_back(s.expr(s.mcall(s.name("c"), "use")));
  }
  auto main = s.function("main", {}, std::move(body));
  s.finish();
  Session run;
  auto m = run.load(s);
  auto calls = run.entry(m, main);
  ASSERT_FALSE(calls.empty());
  EXPECT_TRUE(calls[0].receiver.is(ValueKind::Client)) << calls[0].receiver.describe();
  EXPECT_LE(run.engine->summaries_computed(), 6u);
  // The method on its own sees the field every method may leave.
  auto alone = run.entry(m, use);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_TRUE(alone[0].receiver.is(ValueKind::Client));
}

TEST(Engine, PastItsContextsBudgetAFunctionsCallsTakeItsEntrySummaryRenamedPerCall) {
  // key(x) called with twenty different literals, then twice with two
  // different unknowns: past four contexts, each call takes key's entry
  // summary ("k:<x>") instantiated with its argument, so the keys are what
  // their own summaries would give, and the two last are two unknowns,
  // never one proven equal to the other.
  Script s;
  s.function("key", {"x"}, {s.ret(s.plus(s.str("k:"), s.name("x")))});
  std::vector<StmtId> body;
  for (int i = 0; i < 20; ++i) {
    body.push_back(
        s.expr(s.mcall(s.r(), "get", {s.call(s.name("key"), {s.str("v" + std::to_string(i))})})));
  }
  body.push_back(s.expr(
      s.mcall(s.r(), "mget",
              {s.call(s.name("key"), {s.name("p")}), s.call(s.name("key"), {s.name("q")})})));
  auto main = s.function("main", {"p", "q"}, std::move(body));
  s.finish();
  Session run;
  run.budgets.contexts = 4;
  auto m = run.load(s);
  auto calls = run.entry(m, main);
  ASSERT_EQ(calls.size(), 21u);
  EXPECT_EQ(calls[0].args[0].value.as_string().key.literal_text(), "k:v0");
  EXPECT_EQ(calls[3].args[0].value.as_string().key.literal_text(), "k:v3");
  EXPECT_EQ(calls[4].args[0].value.as_string().key.literal_text(), "k:v4");  // instantiated
  EXPECT_EQ(calls[19].args[0].value.as_string().key.literal_text(), "k:v19");
  const auto& mget = calls[20];
  ASSERT_EQ(mget.args.size(), 2u);
  const auto& first = std::get<ir::HoleSegment>(mget.args[0].value.as_string().key.segments()[1]);
  const auto& second = std::get<ir::HoleSegment>(mget.args[1].value.as_string().key.segments()[1]);
  EXPECT_NE(first.symbol, second.symbol);
  // main, key four times, key's entry summary (and the module body for globals).
  EXPECT_LE(run.engine->summaries_computed(), 7u);
}

TEST(Engine, ANestedFunctionPastItsContextsBudgetInsideItsEnclosingFunctionEnds) {
  // outer calls its nested k with five literals; past two contexts, k's
  // entry summary needs outer's (for what k closes over), which is the one
  // being computed: it is unknown there, not computed again without end.
  Script s;
  auto inner = s.function("k", {"x"}, {s.ret(s.plus(s.name("prefix"), s.name("x")))});
  std::vector<StmtId> body{s.assign("prefix", s.str("p:")), s.local_function(inner)};
  for (int i = 0; i < 5; ++i) {
    body.push_back(
        s.expr(s.mcall(s.r(), "get", {s.call(s.name("k"), {s.str("v" + std::to_string(i))})})));
  }
  auto outer = s.function("outer", {}, std::move(body));
  s.m.functions[inner].enclosing = outer;
  s.finish();
  Session run;
  run.budgets.contexts = 2;
  auto m = run.load(s);
  auto calls = run.entry(m, outer);
  ASSERT_EQ(calls.size(), 5u);
  EXPECT_EQ(calls[1].args[0].value.as_string().key.literal_text(), "p:v1");
  EXPECT_TRUE(calls[2].args[0].value.is(ValueKind::Unknown)) << calls[2].args[0].value.describe();
  // And k on its own starts from what outer left.
  auto alone = run.entry(m, inner);
  EXPECT_TRUE(alone.empty());
}

TEST(Engine, AnExhaustedStepBudgetIsUnknownWithAReason) {
  Script s;
  std::vector<StmtId> long_body;
  for (int i = 0; i < 40; ++i) long_body.push_back(s.assign("k", s.str("v")));
  long_body.push_back(s.ret(s.name("k")));
  s.function("long", {}, std::move(long_body));
  auto main = s.function("main", {}, {s.expr(s.mcall(s.r(), "get", {s.call(s.name("long"))}))});
  s.finish();
  Session run;
  run.budgets.steps = 60;
  auto m = run.load(s);
  auto calls = run.entry(m, main);
  ASSERT_EQ(calls.size(), 1u);
  const auto& arg = calls[0].args[0].value;
  ASSERT_TRUE(arg.is(ValueKind::Unknown)) << arg.describe();
  EXPECT_EQ(arg.as_unknown().reason, "the step budget (60) ran out in `long`");
  ASSERT_EQ(run.host.notes.size(), 1u);
  EXPECT_EQ(run.host.notes[0].function, "long");
}

TEST(Engine, TheFilesStepBudgetBoundsWorkThatFansOutAcrossSummaries) {
  // Each of f0..f5 alone is far within the per-summary budget; together they
  // are not: the file's budget stops them, and says so.
  Script s;
  std::vector<StmtId> main_body;
  for (int f = 0; f < 6; ++f) {
    std::vector<StmtId> body;
    for (int i = 0; i < 20; ++i) body.push_back(s.assign("k", s.str("v")));
    body.push_back(s.ret(s.name("k")));
    std::string name = "f" + std::to_string(f);
    s.function(name, {}, std::move(body));
    main_body.push_back(s.expr(s.mcall(s.r(), "get", {s.call(s.name(name))})));
  }
  auto main = s.function("main", {}, std::move(main_body));
  s.finish();
  Session run;
  run.budgets.total_steps = 80;
  auto m = run.load(s);
  auto calls = run.entry(m, main);
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.front().args[0].value.describe(), "'v'");  // f0 ran whole
  bool cut = false;
  for (const auto& note : run.host.notes) {
    cut = cut || note.message.find("the analysis's step budget (80) ran out") != std::string::npos;
  }
  EXPECT_TRUE(cut);
  EXPECT_LE(run.engine->steps_spent(), 90u);
}

TEST(Engine, DeeplyNestedCodeIsUnknownWithAReasonNotACrash) {
  Script s;
  ExprId deep = s.str("k");
  for (int i = 0; i < 100'000; ++i) deep = s.plus(deep, s.str("x"));
  std::vector<StmtId> nested = {s.expr(s.mcall(s.r(), "get", {s.str("inner")}))};
  for (int i = 0; i < 100'000; ++i) nested = {s.if_(s.name("c"), nested)};
  auto f = s.function("f", {"c"}, {s.expr(s.mcall(s.r(), "get", {deep})), nested.front()});
  Session run;
  auto calls = run.analyse(s, f);
  ASSERT_EQ(calls.size(), 1u);  // the call nested 100,000 ifs deep is not reached
  const auto& arg = calls[0].args[0].value;
  ASSERT_TRUE(arg.is(ValueKind::Unknown)) << arg.describe();
  EXPECT_EQ(arg.as_unknown().reason, "nested deeper than 200 levels");
  ASSERT_EQ(run.host.notes.size(), 1u);  // once per function
  EXPECT_EQ(run.host.notes[0].message, "unknown, because the code nests deeper than 200 levels");
}

TEST(Engine, SummariesAreMemoised) {
  Script s;
  auto key = s.function("key", {"p"}, {s.ret(s.plus(s.str("k:"), s.name("p")))});
  auto main = s.function("main", {},
                         {s.expr(s.mcall(s.r(), "get", {s.call(s.name("key"), {s.str("a")})})),
                          s.expr(s.mcall(s.r(), "get", {s.call(s.name("key"), {s.name("x")})}))});
  s.finish();
  Session run;
  auto m = run.load(s);
  run.entry(m, main);
  auto after_first = run.engine->summaries_computed();
  run.entry(m, main);
  EXPECT_EQ(run.engine->summaries_computed(), after_first);
  (void)key;
}

// ---- determinism ------------------------------------------------------------------

TEST(Engine, ASummaryCutByTheDepthLimitIsNotReusedNearerTheTop) {
  // f0 -> f1 -> ... -> f9 -> leaf: from f0, the depth limit cuts f8's call of f9.
  Script s;
  std::vector<FunctionId> chain;
  auto leaf = s.function("leaf", {}, {s.ret(s.str("k"))});
  std::string callee = "leaf";
  for (int i = 9; i >= 0; --i) {
    std::string name = "f" + std::to_string(i);
    chain.insert(chain.begin(),
                 s.function(name, {},
                            {s.assign("v", s.call(s.name(callee))),
                             s.expr(s.mcall(s.r(), "get", {s.name("v")})), s.ret(s.name("v"))}));
    callee = name;
  }
  s.finish();
  (void)leaf;
  Session fresh;
  auto m = fresh.load(s);
  Session after_f0;
  after_f0.program = fresh.program;
  auto alone = fresh.entry(m, chain[8]);
  after_f0.entry(m, chain[0]);
  auto later = after_f0.entry(m, chain[8]);
  ASSERT_EQ(alone.size(), 2u);  // f9's get, then f8's
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(alone[1].args[0].value.describe(), "'k'");
  EXPECT_EQ(later[1].args[0].value, alone[1].args[0].value);
}

TEST(Engine, AnyOrderOfEntryPointsGivesTheSameCalls) {
  Script s;
  auto self = [&] { return s.name("self"); };
  auto fill =
      s.function("fill", {"pipe", "id"},
                 {s.expr(s.mcall(s.name("pipe"), "set",
                                 {s.fstring({lit("user:"), field(s.name("id"))}), s.num(1)})),
                  s.expr(s.mcall(s.name("pipe"), "expire",
                                 {s.call(s.name("key"), {s.name("id")}), s.num(5)}))});
  s.function("key", {"id"}, {s.ret(s.fstring({lit("user:"), field(s.name("id")), lit(":ttl")}))});
  s.function("batch", {"ids"},
             {s.assign("p", s.mcall(s.r(), "pipeline")),
              s.for_(s.pname("id"), s.name("ids"),
                     {s.expr(s.call(s.name("fill"), {s.name("p"), s.name("id")}))}),
              s.expr(s.mcall(s.name("p"), "execute"))});
  auto cache = s.cls("Cache");
  s.method(cache, "__init__", {"client"}, {s.assign(s.pattr(self(), "client"), s.name("client"))},
           Kind::Constructor);
  s.method(cache, "warm", {},
           {s.expr(s.call(s.name("fill"),
                          {s.mcall(s.attr(self(), "client"), "pipeline"), s.str("0")}))});
  s.function(
      "main", {},
      {s.assign("c", s.call(s.name("Cache"), {s.r()})), s.expr(s.mcall(s.name("c"), "warm"))});
  s.finish();
  (void)fill;
  Session reference;
  auto m = reference.load(s);
  const auto function_count = reference.program.module(m).functions.size();
  std::map<FunctionId, std::vector<std::string>> expected;
  reference.start();
  for (FunctionId f = 0; f < function_count; ++f) {
    auto before = reference.host.log.size();
    reference.engine->analyse_entry(m, f);
    expected[f] = {reference.host.log.begin() + static_cast<std::ptrdiff_t>(before),
                   reference.host.log.end()};
  }
  ASSERT_GE(expected.size(), 7u);
  std::size_t total = 0;
  for (const auto& [_, lines] : expected) total += lines.size();
  // `batch`: pipeline, set, expire, execute; `main` through Cache.warm: pipeline, set, expire.
  EXPECT_EQ(total, 7u);

  std::mt19937 shuffle(12345);
  std::vector<FunctionId> order(function_count);
  for (FunctionId f = 0; f < function_count; ++f) order[f] = f;
  for (int trial = 0; trial < 5; ++trial) {
    std::ranges::shuffle(order, shuffle);
    Session again;
    again.program = reference.program;
    again.start();
    std::map<FunctionId, std::vector<std::string>> got;
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (i % 3 == 2) again.engine->clear_cache();  // an evicted cache changes nothing
      auto before = again.host.log.size();
      again.engine->analyse_entry(m, order[i]);
      got[order[i]] = {again.host.log.begin() + static_cast<std::ptrdiff_t>(before),
                       again.host.log.end()};
    }
    EXPECT_EQ(got, expected) << "trial " << trial;
  }
}

}  // namespace
}  // namespace slotlint::engine::test
