// The JavaScript / TypeScript lowering, construct by construct: the IL it
// gives and the spans it keeps.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/javascript_test_support.h"

namespace slotlint::javascript::test {
namespace {

template <typename T>
const T* find(const il::Module& m, std::string_view source, std::string_view text) {
  for (il::ExprId i = 0; i < m.exprs.size(); ++i) {
    const auto* kind = std::get_if<T>(&m.exprs[i].kind);
    if (kind != nullptr && text_at(source, m.exprs[i].span) == text) return kind;
  }
  return nullptr;
}

template <typename T>
std::vector<const T*> stmts_of(const il::Module& m) {
  std::vector<const T*> out;
  for (const auto& s : m.stmts) {
    if (const auto* kind = std::get_if<T>(&s.kind)) out.push_back(kind);
  }
  return out;
}

const il::Function* function(const il::Module& m, std::string_view name) {
  auto found = std::ranges::find(m.functions, name, &il::Function::name);
  return found == m.functions.end() ? nullptr : &*found;
}

const il::Class* cls(const il::Module& m, std::string_view name) {
  auto found = std::ranges::find(m.classes, name, &il::Class::name);
  return found == m.classes.end() ? nullptr : &*found;
}

const il::Import* import_of(const il::Module& m, std::string_view module) {
  auto found = std::ranges::find(m.imports, module, &il::Import::module);
  return found == m.imports.end() ? nullptr : &*found;
}

// The global names the module body assigns, in order.
std::vector<std::string> assigned_names(const il::Module& m) {
  std::vector<std::string> out;
  for (auto id : m.functions[m.body].body) {
    const auto* assign = std::get_if<il::Assign>(&m.stmts[id].kind);
    if (assign == nullptr) continue;
    for (auto target : assign->targets) {
      if (const auto* name = std::get_if<il::NamePattern>(&m.patterns[target].kind))
        out.push_back(name->name);
    }
  }
  return out;
}

TEST(JavaScriptLowering, EsmAndCommonJsImportsBindModulesAndNames) {
  auto m = lower_source(
      "import Redis, { Cluster as C } from 'ioredis';\n"
      "import * as keys from './keys';\n"
      "const IORedis = require('ioredis');\n"
      "const { createClient, commandOptions: opts } = require('redis');\n"
      "const Cl = require('ioredis').Cluster;\n"
      "export { userKey } from './keys';\n"
      "export * from './more';\n");
  const auto* ioredis = &m.imports[1];  // [0] is the lowering's own `path` import
  EXPECT_EQ(ioredis->module, "ioredis");
  ASSERT_EQ(ioredis->names.size(), 2u);
  EXPECT_EQ(ioredis->names[0], (std::pair<std::string, std::string>{"default", "Redis"}));
  EXPECT_EQ(ioredis->names[1], (std::pair<std::string, std::string>{"Cluster", "C"}));
  ASSERT_NE(import_of(m, "./keys"), nullptr);
  EXPECT_EQ(import_of(m, "./keys")->alias, "keys");
  EXPECT_EQ(m.imports[3].alias, "IORedis");
  const auto* redis = import_of(m, "redis");
  ASSERT_NE(redis, nullptr);
  ASSERT_EQ(redis->names.size(), 2u);
  EXPECT_EQ(redis->names[1], (std::pair<std::string, std::string>{"commandOptions", "opts"}));
  EXPECT_EQ(m.imports[5].names.front(), (std::pair<std::string, std::string>{"Cluster", "Cl"}));
  EXPECT_EQ(m.imports[6].names.front(),
            (std::pair<std::string, std::string>{"userKey", "userKey"}));
  EXPECT_TRUE(import_of(m, "./more")->everything);
  // Imports bind no statements.
  EXPECT_TRUE(stmts_of<il::ExpressionStatement>(m).empty());
}

TEST(JavaScriptLowering, ExportsAreGlobalsOfTheirNames) {
  auto m = lower_source(
      "const a = 1;\n"
      "module.exports = { a, b: 2 };\n"
      "exports.c = 3;\n"
      "module.exports.d = function () { return 4; };\n"
      "export default class Store {}\n");
  auto names = assigned_names(m);
  // __dirname (the lowering's own), a, default, a, b, c, d, default.
  std::vector<std::string> expected{"__dirname", "a", "default", "a", "b", "c", "d", "default"};
  EXPECT_EQ(names, expected);
  ASSERT_NE(function(m, "d"), nullptr);
  ASSERT_NE(cls(m, "Store"), nullptr);
}

TEST(JavaScriptLowering, TemplateLiteralsAndStringsKeepSourceBytes) {
  std::string source =
      "const k = `cart:${uid}:x\\n`;\nconst s = 'a\\tb';\nconst p = \"user:\" + id;\n";
  auto m = lower_source(source);
  const auto* templ = find<il::Template>(m, source, "`cart:${uid}:x\\n`");
  ASSERT_NE(templ, nullptr);
  ASSERT_EQ(templ->parts.size(), 4u);
  EXPECT_EQ(templ->parts[0].literal, "cart:");
  EXPECT_TRUE(templ->parts[0].maps_to_source);
  EXPECT_NE(templ->parts[1].value, il::kNone);
  EXPECT_EQ(templ->parts[2].literal, ":x");
  EXPECT_EQ(templ->parts[3].literal, "\n");
  EXPECT_FALSE(templ->parts[3].maps_to_source);
  EXPECT_TRUE(templ->fields_in_literal);
  const auto* plain = find<il::Template>(m, source, "'a\\tb'");
  ASSERT_NE(plain, nullptr);
  std::string text;
  for (const auto& part : plain->parts) text += part.literal;
  EXPECT_EQ(text, "a\tb");
  const auto* sum = find<il::Binary>(m, source, "\"user:\" + id");
  ASSERT_NE(sum, nullptr);
  EXPECT_EQ(sum->op, il::Binary::Op::Add);
}

TEST(JavaScriptLowering, TypeScriptClassesWithParameterPropertiesFieldsAndGetters) {
  std::string source =
      "import Redis from 'ioredis';\n"
      "class Store extends Base implements I {\n"
      "  static prefix = 'p';\n"
      "  private ttl: number = 5;\n"
      "  handler = (k: string) => this.redis.get(k);\n"
      "  constructor(private readonly redis: Redis, name: string) { super(name); }\n"
      "  get client(): Redis { return this.redis; }\n"
      "  async load(id: string): Promise<string> { return (await this.redis.get(id))!; }\n"
      "}\n";
  auto m = lower_source(source, "store.ts");
  const auto* store = cls(m, "Store");
  ASSERT_NE(store, nullptr);
  ASSERT_EQ(store->bases.size(), 1u);  // `implements` is no base
  ASSERT_EQ(store->fields.size(), 2u);
  EXPECT_TRUE(store->fields[0].is_static);
  EXPECT_EQ(store->fields[1].declared_type, "number");
  std::vector<il::Function::Kind> kinds;
  for (auto method : store->methods) kinds.push_back(m.functions[method].kind);
  std::vector<il::Function::Kind> expected{il::Function::Kind::Method,
                                           il::Function::Kind::Constructor,
                                           il::Function::Kind::Getter, il::Function::Kind::Method};
  EXPECT_EQ(kinds, expected);
  const auto& constructor = m.functions[store->methods[1]];
  EXPECT_EQ(constructor.receiver, "this");
  ASSERT_EQ(constructor.params.size(), 2u);
  EXPECT_EQ(constructor.params[0].declared_type, "Redis");
  // The parameter property is a field the constructor assigns first.
  ASSERT_FALSE(constructor.body.empty());
  const auto* assign = std::get_if<il::Assign>(&m.stmts[constructor.body[0]].kind);
  ASSERT_NE(assign, nullptr);
  const auto* field = std::get_if<il::AttributePattern>(&m.patterns[assign->targets[0]].kind);
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->name, "redis");
  EXPECT_TRUE(m.functions[store->methods[3]].is_async);
  // `super(name)` is the base constructor on this receiver.
  const auto* base_call = find<il::Call>(m, source, "super(name)");
  ASSERT_NE(base_call, nullptr);
  const auto* callee = std::get_if<il::Attribute>(&m.exprs[base_call->callee].kind);
  ASSERT_NE(callee, nullptr);
  EXPECT_EQ(callee->name, "constructor");
}

TEST(JavaScriptLowering, Es5ConstructorFunctionsWithPrototypeMethodsAreClasses) {
  auto m = lower_source(
      "function Queue(name) { this.client = new Redis(); this.name = name; }\n"
      "Queue.prototype.add = function (job) { return this.client.lpush(this.name, job); };\n"
      "Object.assign(Queue.prototype, { size() { return this.client.llen(this.name); } });\n"
      "function helper() {}\n");
  const auto* queue = cls(m, "Queue");
  ASSERT_NE(queue, nullptr);
  ASSERT_EQ(queue->methods.size(), 3u);
  EXPECT_EQ(m.functions[queue->methods[0]].kind, il::Function::Kind::Constructor);
  EXPECT_EQ(m.functions[queue->methods[1]].name, "add");
  EXPECT_EQ(m.functions[queue->methods[1]].receiver, "this");
  EXPECT_EQ(m.functions[queue->methods[2]].name, "size");
  // A function with no prototype methods stays a function; the prototype
  // assignments are no statements of their own.
  EXPECT_EQ(cls(m, "helper"), nullptr);
  ASSERT_NE(function(m, "helper"), nullptr);
  EXPECT_TRUE(stmts_of<il::ExpressionStatement>(m).empty());
  EXPECT_EQ(stmts_of<il::LocalClass>(m).size(), 1u);
}

TEST(JavaScriptLowering, DestructuringInDeclarationsParametersAndLoops) {
  std::string source =
      "const { a, b: c = 1, ...rest } = obj;\n"
      "const [x, , ...ys] = xs;\n"
      "function f({ client, key }, [first] = []) {}\n"
      "for (const { id, name } of users) {}\n";
  auto m = lower_source(source);
  std::size_t maps = 0, sequences = 0;
  for (const auto& p : m.patterns) {
    if (const auto* map = std::get_if<il::MapPattern>(&p.kind)) {
      ++maps;
      if (map->entries.size() == 2 && map->entries[0].first == "a") {
        EXPECT_EQ(map->entries[1].first, "b");
        EXPECT_NE(m.patterns[map->entries[1].second].default_value, il::kNone);
        EXPECT_NE(map->rest, il::kNone);
      }
    }
    if (std::holds_alternative<il::SequencePattern>(p.kind)) ++sequences;
  }
  EXPECT_EQ(maps, 3u);
  EXPECT_EQ(sequences, 2u);
  const auto* f = function(m, "f");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->params.size(), 2u);
  EXPECT_NE(f->params[0].pattern, il::kNone);
  EXPECT_NE(f->params[1].default_value, il::kNone);
  auto loops = stmts_of<il::Loop>(m);
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0]->kind, il::Loop::Kind::ForEach);
  EXPECT_TRUE(std::holds_alternative<il::MapPattern>(m.patterns[loops[0]->element].kind));
}

TEST(JavaScriptLowering, ConditionsSwitchTryAndLoops) {
  std::string source =
      "if (!client) {} else if (c instanceof Cluster) {}\n"
      "if (x == null) {}\n"
      "switch (kind) { case 'a': f(); break; case 'b': g(); break; default: h(); }\n"
      "try { await r.get(k); } catch (err) { throw err; } finally { done(); }\n"
      "for (let i = 0; i < n; i++) { step(i); }\n";
  auto m = lower_source(source);
  const auto* negated = find<il::Test>(m, source, "!client");
  ASSERT_NE(negated, nullptr);
  EXPECT_EQ(negated->kind, il::Test::Kind::Falsy);
  const auto* instance = find<il::Test>(m, source, "c instanceof Cluster");
  ASSERT_NE(instance, nullptr);
  EXPECT_EQ(instance->kind, il::Test::Kind::InstanceOf);
  EXPECT_EQ(instance->type, "Cluster");
  const auto* null_test = find<il::Test>(m, source, "x == null");
  ASSERT_NE(null_test, nullptr);
  EXPECT_EQ(null_test->kind, il::Test::Kind::IsNull);
  // The switch is a chain of branches; its breaks end cases, not loops.
  EXPECT_TRUE(stmts_of<il::Break>(m).empty());
  auto tries = stmts_of<il::Try>(m);
  ASSERT_EQ(tries.size(), 1u);
  ASSERT_EQ(tries[0]->handlers.size(), 1u);
  EXPECT_EQ(tries[0]->handlers[0].name, "err");
  EXPECT_TRUE(tries[0]->handlers[0].types.empty());
  EXPECT_EQ(tries[0]->finally.size(), 1u);
  // `await` is no value: the call is the expression.
  EXPECT_NE(find<il::Call>(m, source, "r.get(k)"), nullptr);
  auto loops = stmts_of<il::Loop>(m);
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0]->kind, il::Loop::Kind::While);
  EXPECT_EQ(loops[0]->body.size(), 2u);  // the body, then the step
}

TEST(JavaScriptLowering, ArrowsCallbacksAndComputedMembers) {
  std::string source =
      "const run = async (client, name) => client[name]('k');\n"
      "ids.forEach((id) => multi.incr(`n:${id}`));\n"
      "p.then((v) => v).catch(() => null);\n";
  auto m = lower_source(source);
  const auto* run = function(m, "run");
  ASSERT_NE(run, nullptr);
  EXPECT_TRUE(run->is_async);
  EXPECT_NE(run->expression_body, il::kNone);
  EXPECT_EQ(run->receiver, "");
  const auto* computed = find<il::Index>(m, source, "client[name]");
  ASSERT_NE(computed, nullptr);
  EXPECT_NE(find<il::Lambda>(m, source, "(id) => multi.incr(`n:${id}`)"), nullptr);
  EXPECT_NE(find<il::Call>(m, source, "p.then((v) => v).catch(() => null)"), nullptr);
}

TEST(JavaScriptLowering, TypeAliasesAreWrittenOutWithinABound) {
  // Each alias names the one before 100 times: written out in full, A4 would
  // be 100^4 names long.
  std::string source = "import { Cluster } from 'ioredis';\ntype Client = Cluster | null;\n";
  source += "type A0 = string;\n";
  for (int level = 1; level <= 4; ++level) {
    source += "type A" + std::to_string(level) + " = A" + std::to_string(level - 1);
    for (int i = 1; i < 100; ++i) source += " | A" + std::to_string(level - 1);
    source += ";\n";
  }
  source += "function f(c: Client, x: A4) {}\n";
  auto m = lower_source(source, "app.ts");
  const auto* f = function(m, "f");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->params.size(), 2u);
  EXPECT_EQ(f->params[0].declared_type, "(Cluster|null)");
  EXPECT_LT(f->params[1].declared_type.size(), 10'000u);
}

TEST(JavaScriptLowering, NestingBeyondTheLimitIsOpaque) {
  std::string source = "const k = ";
  for (int i = 0; i < 40; ++i) source += "(";
  source += "a";
  for (int i = 0; i < 40; ++i) source += " + b)";
  source += ";\n";
  LoweringLimits limits;
  limits.nesting = 10;
  auto m = lower_source(source, "app.js", 0, limits);
  bool said = std::ranges::any_of(m.exprs, [](const il::Expr& e) {
    const auto* opaque = std::get_if<il::Opaque>(&e.kind);
    return opaque != nullptr && opaque->reason.find("nests deeper") != std::string::npos;
  });
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace slotlint::javascript::test
