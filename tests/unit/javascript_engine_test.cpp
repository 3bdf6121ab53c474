// JavaScript end to end on the engine: source text → the JavaScript lowering
// → the value-flow engine → the host over the built-in ioredis model →
// RedisOps. Each test is a shape real code reaches Redis through.
#include <gtest/gtest.h>

#include "analyzer/embedded_file.h"
#include "analyzer/engine/engine.h"
#include "frontends/common/engine_host.h"
#include "tests/unit/engine_ops_support.h"
#include "tests/unit/javascript_test_support.h"

namespace slotlint::javascript::test {
namespace {

using slotlint::test::keys;
using slotlint::test::ops_of;

const model::ApiModel& ioredis() {
  static const model::ApiModel model = [] {
    for (const auto& file : embedded_api_models()) {
      std::string error;
      auto parsed = model::parse_api_model(file.bytes, error);
      if (parsed && parsed->library == "ioredis") return std::move(*parsed);
    }
    ADD_FAILURE() << "no ioredis model";
    return model::ApiModel{};
  }();
  return model;
}

// One module, importing nothing of the project.
class OneModule final : public engine::Program {
 public:
  explicit OneModule(il::Module module) : module_(std::move(module)) {}
  [[nodiscard]] const il::Module& module(engine::ModuleId) const override { return module_; }
  [[nodiscard]] std::optional<engine::ModuleId> resolve_import(engine::ModuleId,
                                                               const il::Import&) const override {
    return std::nullopt;
  }
  [[nodiscard]] std::vector<engine::ModuleId> shared_modules(engine::ModuleId,
                                                             std::string_view) const override {
    return {};
  }

 private:
  il::Module module_;
};

std::vector<frontend::EngineOp> run(std::string_view source, const std::string& path = "app.js") {
  OneModule program(lower_source(source, path));
  std::vector<const model::ApiModel*> models{&ioredis()};
  frontend::EngineHost host{frontend::Models(models)};
  engine::Engine engine(program, host, engine::Builtins::defaults());
  engine.analyse(0);
  return host.ops();
}

TEST(JavaScriptOnTheEngine, AReassignedNameIsTwoValues) {
  auto ops =
      run("const Redis = require('ioredis');\n"
          "const redis = new Redis();\n"
          "async function move(x, y) {\n"
          "  let a = x;\n"
          "  const k1 = '{' + a + '}:1';\n"
          "  a = y;\n"
          "  const k2 = '{' + a + '}:2';\n"
          "  await redis.rename(k1, k2);\n"
          "}\n");
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(keys(renames[0]->op), (std::vector<std::string>{"{<x>}:1", "{<y>}:2"}));
}

TEST(JavaScriptOnTheEngine, AMapCallbackRunsOnceForEveryElement) {
  auto ops =
      run("import Redis from 'ioredis';\n"
          "const redis = new Redis.Cluster([]);\n"
          "export async function load(ids) {\n"
          "  await redis.mget(ids.map((id) => `user:${id}`));\n"
          "  ids.forEach((id) => redis.del(`cart:${id}`, `order:${id}`));\n"
          "}\n");
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  ASSERT_EQ(mgets[0]->op.keys.size(), 1u);
  EXPECT_TRUE(mgets[0]->op.keys[0].is_collection());
  EXPECT_EQ(mgets[0]->op.client.api_class, "Cluster");
  // From load, and from the arrow function as an entry point of its own.
  auto dels = ops_of(ops, "DEL");
  ASSERT_EQ(dels.size(), 2u);
  for (const auto* del : dels)
    EXPECT_EQ(keys(del->op), (std::vector<std::string>{"cart:<id>", "order:<id>"}));
  // Called back from load, the element changes between calls, as a loop
  // variable does.
  EXPECT_EQ(dels[0]->via.size(), 2u);
  EXPECT_EQ(dels[0]->loop_symbols.size(), 1u);
}

TEST(JavaScriptOnTheEngine, ATableOfCommandsDefinedThroughObjectEntries) {
  auto ops =
      run("const Redis = require('ioredis');\n"
          "const redis = new Redis();\n"
          "const SCRIPTS = { moveJob: { numberOfKeys: 2, lua: \"return 1\" } };\n"
          "Object.entries(SCRIPTS).forEach(([name, def]) => redis.defineCommand(name, def));\n"
          "redis.moveJob('q:wait', 'q:active', 'id');\n");
  auto calls = ops_of(ops, "EVALSHA");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(keys(calls[0]->op), (std::vector<std::string>{"q:wait", "q:active"}));
}

TEST(JavaScriptOnTheEngine, AValueCastToAClientTypeIsThatClient) {
  auto ops =
      run("import Redis from 'ioredis';\n"
          "class Store {\n"
          "  private handle: unknown = null;\n"
          "  async drop(a: string, b: string) {\n"
          "    const client = this.handle as Redis;\n"
          "    return client.del(a, b);\n"
          "  }\n"
          "}\n",
          "store.ts");
  auto dels = ops_of(ops, "DEL");
  ASSERT_EQ(dels.size(), 1u);
  EXPECT_EQ(dels[0]->op.client.library, "ioredis");
}

TEST(JavaScriptOnTheEngine, AnEs5ClassKeepsItsClientOnThis) {
  auto ops =
      run("var Redis = require('ioredis');\n"
          "function Queue(name) { this.client = new Redis(); this.name = name; }\n"
          "Queue.prototype.move = function (from, to) {\n"
          "  return this.client.rename(this.name + ':' + from, this.name + ':' + to);\n"
          "};\n");
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(keys(renames[0]->op), (std::vector<std::string>{"<name>:<from>", "<name>:<to>"}));
}

TEST(JavaScriptOnTheEngine, AGetterDefinedOnAPrototypeGivesTheLazyClient) {
  auto ops =
      run("var Redis = require('ioredis');\n"
          "function Store(url) { this.url = url; this._client = null; }\n"
          "Object.defineProperty(Store.prototype, 'client', {\n"
          "  get() {\n"
          "    if (!this._client) this._client = new Redis(this.url);\n"
          "    return this._client;\n"
          "  },\n"
          "});\n"
          "Store.prototype.move = function (a, b) { return this.client.rename(a, b); };\n");
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0]->op.client.library, "ioredis");
}

}  // namespace
}  // namespace slotlint::javascript::test
