// Python end to end on the engine: source text → the Python lowering → the
// value-flow engine → the host over the built-in redis-py model → RedisOps.
// Each test is a shape real code reaches Redis through.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <memory>

#include "analyzer/embedded_file.h"
#include "analyzer/engine/engine.h"
#include "frontends/common/engine_host.h"
#include "frontends/python/program.h"
#include "frontends/python/python_frontend.h"
#include "tests/unit/engine_ops_support.h"
#include "tests/unit/python_test_support.h"

namespace slotlint::python::test {
namespace {

using slotlint::test::keys;
using slotlint::test::ops_of;

const model::ApiModel& redis_py() {
  static const model::ApiModel model = [] {
    for (const auto& file : embedded_api_models()) {
      std::string error;
      auto parsed = model::parse_api_model(file.bytes, error);
      if (parsed && parsed->library == "redis-py") return std::move(*parsed);
    }
    ADD_FAILURE() << "no redis-py model";
    return model::ApiModel{};
  }();
  return model;
}

// Modules by path; run() lowers them all, analyses every module and gives
// the ops, in order.
struct Project {
  std::map<std::string, std::string> files;
  std::vector<const model::ApiModel*> models{&redis_py()};
  std::vector<std::string> script_bodies;  // what the script reader was handed
  std::unique_ptr<frontend::EngineHost> host;
  ModuleSet program;
  engine::Budgets budgets;
  std::size_t decorators_read = 0;  // the engine's work counter, after run()

  std::vector<frontend::EngineOp> run() {
    ir::FileIndex index = 0;
    for (const auto& [path, source] : files) program.add(lower_source(source, path, index++));
    host = std::make_unique<frontend::EngineHost>(
        frontend::Models(models), [this](const engine::StringData& body, const std::string&, const engine::CallSite&) {
          script_bodies.push_back(body.key.literal_text());
          ir::ScriptUse use;
          use.identity = body.key.literal_text();
          return std::optional<ir::ScriptUse>(use);
        });
    engine::Engine engine(program, *host, engine::Builtins::defaults(), budgets);
    for (engine::ModuleId id = 0; id < program.size(); ++id) engine.analyse(id);
    decorators_read = engine.decorators_read();
    return host->ops();
  }
};

TEST(PythonOnTheEngine, AClientReturnedByAFactoryFunction) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "def get_client():\n"
      "    return redis.Redis(host='cache')\n"
      "def checkout(uid):\n"
      "    c = get_client()\n"
      "    c.rename(f'cart:{uid}', f'order:{uid}')\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(keys(renames[0]->op), (std::vector<std::string>{"cart:<uid>", "order:<uid>"}));
  EXPECT_EQ(renames[0]->op.client.library, "redis-py");
  EXPECT_EQ(renames[0]->op.client.api_class, "Redis");
  EXPECT_EQ(renames[0]->via.size(), 1u);
}

TEST(PythonOnTheEngine, AClientStoredOnSelfUnderAnyName) {
  Project p;
  p.files["cache.py"] =
      "from redis.cluster import RedisCluster\n"
      "class Cache:\n"
      "    def __init__(self, url):\n"
      "        self.backend_conn = RedisCluster.from_url(url)\n"
      "    def drop(self, a, b):\n"
      "        self.backend_conn.delete(f'x:{a}', f'y:{b}')\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_EQ(keys(deletes[0]->op), (std::vector<std::string>{"x:<a>", "y:<b>"}));
  EXPECT_EQ(deletes[0]->op.client.api_class, "RedisCluster");
  EXPECT_TRUE(deletes[0]->op.client.cluster_client);
}

TEST(PythonOnTheEngine, AHelperHandedThePipelineQueuesIntoTheCallersPipeline) {
  Project p;
  p.files["jobs.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def fill(pipe, uid):\n"
      "    pipe.set(f'user:{uid}', 1)\n"
      "    pipe.incr(f'stats:{uid}')\n"
      "def main(uid):\n"
      "    with r.pipeline() as p:\n"
      "        fill(p, uid)\n"
      "        p.execute()\n";
  auto ops = p.run();
  auto sets = ops_of(ops, "SET");
  auto incrs = ops_of(ops, "INCR");
  // Only from main: alone, fill's `pipe` is nothing the engine knows.
  ASSERT_EQ(sets.size(), 1u);
  ASSERT_EQ(incrs.size(), 1u);
  ASSERT_TRUE(sets[0]->op.group);
  ASSERT_TRUE(incrs[0]->op.group);
  EXPECT_EQ(sets[0]->op.group->id, incrs[0]->op.group->id);
  EXPECT_EQ(sets[0]->op.group->kind, ir::GroupRef::Kind::Transaction);
  EXPECT_EQ(keys(sets[0]->op), (std::vector<std::string>{"user:<uid>"}));
  EXPECT_EQ(keys(incrs[0]->op), (std::vector<std::string>{"stats:<uid>"}));
  // The chain: main's call of fill, then the command.
  ASSERT_EQ(sets[0]->via.size(), 2u);
  EXPECT_EQ(sets[0]->via[1].span, sets[0]->op.call);
}

TEST(PythonOnTheEngine, ADictOfScriptsLookedUpByALiteral) {
  Project p;
  p.files["locks.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "SCRIPTS = {\n"
      "    'release': r.register_script(\"return redis.call('DEL', KEYS[1], KEYS[2])\"),\n"
      "    'refresh': r.register_script('return 1'),\n"
      "}\n"
      "def release(a, b):\n"
      "    SCRIPTS['release'](keys=[f'lock:{a}', f'lock:{b}'], args=[1])\n";
  auto ops = p.run();
  auto calls = ops_of(ops, "EVALSHA");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(keys(calls[0]->op), (std::vector<std::string>{"lock:<a>", "lock:<b>"}));
  ASSERT_TRUE(calls[0]->op.script);
  EXPECT_EQ(calls[0]->op.script->identity, "return redis.call('DEL', KEYS[1], KEYS[2])");
}

TEST(PythonOnTheEngine, LenOfKeysAsNumkeys) {
  Project p;
  p.files["eval.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "LUA = \"return redis.call('MGET', KEYS[1], KEYS[2])\"\n"
      "def run(a, b):\n"
      "    keys = [f'k:{a}', f'j:{b}']\n"
      "    r.eval(LUA, len(keys), *keys, 'arg')\n";
  auto ops = p.run();
  auto evals = ops_of(ops, "EVAL");
  ASSERT_EQ(evals.size(), 1u);
  // numkeys is 2: the keys are the two names, and 'arg' is not one.
  EXPECT_EQ(keys(evals[0]->op), (std::vector<std::string>{"k:<a>", "j:<b>"}));
  EXPECT_TRUE(evals[0]->op.keys_complete);
  ASSERT_TRUE(evals[0]->op.script);
  EXPECT_EQ(evals[0]->op.script->identity, "return redis.call('MGET', KEYS[1], KEYS[2])");
}

TEST(PythonOnTheEngine, AKeyChosenOnABranch) {
  Project p;
  p.files["queue.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def move(uid, delayed):\n"
      "    if delayed:\n"
      "        dest = f'queue:delayed:{uid}'\n"
      "    else:\n"
      "        dest = f'queue:ready:{uid}'\n"
      "    r.rename(f'job:{uid}', dest)\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  const auto& dest = renames[0]->op.keys.at(1);
  // Both branches reach the call: the key is one of the two, each judged.
  ASSERT_EQ(dest.alternatives().size(), 2u);
  std::set<std::string> shown;
  for (const auto& choice : dest.alternatives()) shown.insert(choice.key.display());
  EXPECT_EQ(shown, (std::set<std::string>{"queue:delayed:<uid>", "queue:ready:<uid>"}));
  EXPECT_FALSE(dest.is_unknown());
}

TEST(PythonOnTheEngine, AReassignedNameIsANewValue) {
  Project p;
  p.files["swap.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def swap():\n"
      "    k = input()\n"
      "    a = k\n"
      "    k = input()\n"
      "    r.rename(a, k)\n"
      "def same():\n"
      "    k = input()\n"
      "    a = k\n"
      "    r.rename(a, k)\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 2u);
  const auto& swapped = renames[0]->op.keys;
  const auto& same = renames[1]->op.keys;
  ASSERT_EQ(swapped.size(), 2u);
  ASSERT_EQ(same.size(), 2u);
  EXPECT_NE(ir::tokens(swapped[0]), ir::tokens(swapped[1]));
  EXPECT_EQ(ir::tokens(same[0]), ir::tokens(same[1]));
}

TEST(PythonOnTheEngine, AModuleImportingAHelperFromAnotherModule) {
  Project p;
  p.files["app/keys.py"] =
      "PREFIX = 'sess:'\n"
      "def user_key(uid):\n"
      "    return f'{{user:{uid}}}:profile'\n";
  p.files["app/store.py"] =
      "def save(conn, uid, data):\n"
      "    conn.mset({f'{{user:{uid}}}:data': data, f'audit:{uid}': 1})\n";
  p.files["app/main.py"] =
      "import redis\n"
      "from .keys import user_key, PREFIX\n"
      "from app.store import save as store_save\n"
      "r = redis.Redis()\n"
      "def load(uid):\n"
      "    r.mget(user_key(uid), PREFIX + uid)\n"
      "    store_save(r, uid, 'x')\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  EXPECT_EQ(keys(mgets[0]->op), (std::vector<std::string>{"{user:<uid>}:profile", "sess:<uid>"}));
  auto msets = ops_of(ops, "MSET");
  ASSERT_EQ(msets.size(), 1u);  // only from load: alone, save's conn is unknown
  EXPECT_EQ(keys(msets[0]->op), (std::vector<std::string>{"{user:<uid>}:data", "audit:<uid>"}));
  ASSERT_EQ(msets[0]->via.size(), 2u);
  EXPECT_EQ(msets[0]->via[0].module_path, "app/main.py");
  EXPECT_EQ(msets[0]->via[1].module_path, "app/store.py");
}

TEST(PythonOnTheEngine, AClientInAClassAttributeReadThroughSelf) {
  Project p;
  p.files["repo.py"] =
      "import redis\n"
      "class Repo:\n"
      "    conn = redis.Redis()\n"
      "    def both(self, a, b):\n"
      "        return self.conn.mget(f'a:{a}', f'b:{b}')\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  EXPECT_EQ(keys(mgets[0]->op), (std::vector<std::string>{"a:<a>", "b:<b>"}));
}

TEST(PythonOnTheEngine, AClassmethodFactoryConstructsItsClass) {
  Project p;
  p.files["store.py"] =
      "import redis\n"
      "class Store:\n"
      "    def __init__(self, conn):\n"
      "        self.conn = conn\n"
      "    @classmethod\n"
      "    def connect(cls, url):\n"
      "        return cls(redis.Redis.from_url(url))\n"
      "def purge(a, b):\n"
      "    s = Store.connect('redis://cache')\n"
      "    s.conn.delete(a, b)\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_EQ(keys(deletes[0]->op), (std::vector<std::string>{"<a>", "<b>"}));
}

TEST(PythonOnTheEngine, ATransactionRunnersFunctionQueuesIntoItsBatch) {
  Project p;
  p.files["tx.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def work(pipe):\n"
      "    pipe.incr('counter')\n"
      "def main():\n"
      "    r.transaction(work, 'watched')\n";
  auto ops = p.run();
  auto watches = ops_of(ops, "WATCH");
  auto incrs = ops_of(ops, "INCR");
  ASSERT_EQ(watches.size(), 1u);
  ASSERT_EQ(incrs.size(), 1u);
  ASSERT_TRUE(watches[0]->op.group);
  ASSERT_TRUE(incrs[0]->op.group);
  EXPECT_EQ(watches[0]->op.group->id, incrs[0]->op.group->id);
  EXPECT_EQ(incrs[0]->op.group->kind, ir::GroupRef::Kind::Transaction);
}

TEST(PythonOnTheEngine, HandlersAroundACallAndLoopsAroundAQueuedCommand) {
  Project p;
  p.files["loop.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def read(a, b):\n"
      "    try:\n"
      "        return r.mget(a, b)\n"
      "    except (KeyError, redis.exceptions.ResponseError):\n"
      "        return None\n"
      "def fill(ids):\n"
      "    pipe = r.pipeline()\n"
      "    for uid in ids:\n"
      "        pipe.set(f'user:{uid}', 1)\n"
      "    pipe.execute()\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  EXPECT_TRUE(mgets[0]->op.error_handling.caught);
  EXPECT_EQ(mgets[0]->op.error_handling.caught_as, "redis.exceptions.ResponseError");
  auto sets = ops_of(ops, "SET");
  ASSERT_EQ(sets.size(), 1u);
  ASSERT_TRUE(sets[0]->op.group);
  ASSERT_EQ(sets[0]->op.iteration_symbols.size(), 1u);
  // The loop's variable is the key's hole: one key per queued command.
  EXPECT_EQ(ir::tokens(sets[0]->op.keys.at(0)).at(1).text, sets[0]->op.iteration_symbols[0]);
}

TEST(PythonOnTheEngine, AParameterAnnotatedWithAClientType) {
  Project p;
  p.files["typed.py"] =
      "from typing import TYPE_CHECKING, Optional\n"
      "if TYPE_CHECKING:\n"
      "    from redis.cluster import RedisCluster\n"
      "def typed(conn: 'Optional[RedisCluster]', a, b):\n"
      "    conn.delete(f'x:{a}', f'y:{b}')\n"
      "def untyped(conn, a, b):\n"
      "    conn.delete(f'x:{a}', f'y:{b}')\n"
      "def other_type(conn: 'MyRedisWrapper', a, b):\n"
      "    conn.delete(f'x:{a}', f'y:{b}')\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  // Only the annotated one: a bare parameter, or one of another type, is no client.
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_EQ(deletes[0]->op.client.api_class, "RedisCluster");
  EXPECT_EQ(keys(deletes[0]->op), (std::vector<std::string>{"x:<a>", "y:<b>"}));
}

TEST(PythonOnTheEngine, AnInstanceOfAClientSubclassIsAClient) {
  Project p;
  p.files["db.py"] =
      "import redis\n"
      "class Database(redis.Redis):\n"
      "    def clear_pair(self, uid):\n"
      "        self.delete(f'x:{uid}', f'y:{uid}')\n"
      "class Cache(Database):\n"
      "    pass\n"
      "class Plain:\n"
      "    def delete(self, a, b):\n"
      "        return a\n"
      "def use(a, b):\n"
      "    Cache().rename(a, b)\n"
      "    Plain().delete(a, b)\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  ASSERT_EQ(deletes.size(), 1u);  // self in a method of the subclass
  EXPECT_EQ(keys(deletes[0]->op), (std::vector<std::string>{"x:<uid>", "y:<uid>"}));
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);  // an instance of a subclass of the subclass
  EXPECT_EQ(renames[0]->op.client.api_class, "Redis");
}

TEST(PythonOnTheEngine, AnUnmodelledMultiKeyMethodIsNotedNotDropped) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def f(a, b):\n"
      "    r.sinterstore_all(a, b)\n"
      "    r.lmpop_custom(a)\n"
      "    r.ping()\n";
  auto ops = p.run();
  EXPECT_TRUE(ops.empty());
  // Neither is a command name: nothing to say. A command name that can take
  // several keys that the model does not describe is said (redis-py's model
  // describes every such command; here one is taken out of a copy).
  model::ApiModel stripped = redis_py();
  stripped.methods.erase("ssubscribe");
  Project q;
  q.models = {&stripped};
  q.files["app.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def f(a, b):\n"
      "    r.ssubscribe(a, b)\n";
  q.run();
  bool noted = std::ranges::any_of(q.host->notes(), [](const engine::Note& note) {
    return note.message.find("`ssubscribe`") != std::string::npos;
  });
  EXPECT_TRUE(noted);
}

TEST(PythonOnTheEngine, AClusterClientsPipelineIsPlainUnlessAsked) {
  Project p;
  p.files["app.py"] =
      "from redis.cluster import RedisCluster\n"
      "rc = RedisCluster(host='cache')\n"
      "def f():\n"
      "    pipe = rc.pipeline()\n"
      "    pipe.set('a', 1)\n"
      "    tx = rc.pipeline(transaction=True)\n"
      "    tx.incr('b')\n";
  auto ops = p.run();
  auto sets = ops_of(ops, "SET");
  auto incrs = ops_of(ops, "INCR");
  ASSERT_EQ(sets.size(), 1u);
  ASSERT_EQ(incrs.size(), 1u);
  ASSERT_TRUE(sets[0]->op.group && incrs[0]->op.group);
  EXPECT_EQ(sets[0]->op.group->kind, ir::GroupRef::Kind::Pipeline);
  EXPECT_EQ(incrs[0]->op.group->kind, ir::GroupRef::Kind::Transaction);
}

TEST(PythonOnTheEngine, APackagesSubmoduleImportedByName) {
  Project p;
  p.files["app/__init__.py"] = "";
  p.files["app/keys.py"] = "def user_key(uid, f):\n    return f'user:{uid}:{f}'\n";
  p.files["app/main.py"] =
      "import redis\n"
      "from . import keys\n"
      "from app import keys as k\n"
      "r = redis.Redis()\n"
      "def f(uid):\n"
      "    r.mget(keys.user_key(uid, 'a'), k.user_key(uid, 'b'))\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  EXPECT_EQ(keys(mgets[0]->op), (std::vector<std::string>{"user:<uid>:a", "user:<uid>:b"}));
}

TEST(PythonOnTheEngine, AParameterNamedLikeAClientByConvention) {
  Project p;
  p.files["app.py"] =
      "def f(redis_client, rc, requests):\n"
      "    redis_client.mget('a', 'b')\n"
      "    rc.sunion('a', 'b')\n"
      "    requests.mget('a', 'b')\n"
      "def g(redis_client: int):\n"
      "    redis_client.mget('a', 'b')\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);  // not `requests`, not a parameter typed otherwise
  EXPECT_TRUE(mgets[0]->op.client.identified_by_name_only);
  EXPECT_EQ(ops_of(ops, "SUNION").size(), 1u);
}

TEST(PythonOnTheEngine, ATestsParameterIsTheFixtureNamedLikeIt) {
  Project p;
  p.files["tests/conftest.py"] =
      "import pytest\n"
      "import redis\n"
      "@pytest.fixture\n"
      "def store():\n"
      "    return redis.Redis()\n"
      "@pytest.fixture\n"
      "def shards():\n"
      "    return redis.Redis()\n";
  p.files["tests/unit/conftest.py"] =
      "from pytest import fixture\n"
      "import redis\n"
      "@fixture(scope='module')\n"
      "def shards():\n"
      "    c = redis.RedisCluster()\n"
      "    yield c\n";
  p.files["tests/unit/test_app.py"] =
      "import pytest\n"
      "@pytest.fixture\n"
      "def pipe(store):\n"
      "    return store.pipeline()\n"
      "def test_a(store, shards, pipe, other):\n"
      "    store.mget('a', 'b')\n"
      "    shards.sunion('a', 'b')\n"
      "    pipe.sinter('a', 'b')\n"
      "    other.sdiff('a', 'b')\n"
      "def helper(store):\n"
      "    store.smove('a', 'b', 'm')\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  EXPECT_EQ(mgets[0]->op.client.api_class, "Redis");
  EXPECT_FALSE(mgets[0]->op.client.identified_by_name_only);
  // The nearest conftest.py's fixture, yielded.
  auto sunions = ops_of(ops, "SUNION");
  ASSERT_EQ(sunions.size(), 1u);
  EXPECT_EQ(sunions[0]->op.client.api_class, "RedisCluster");
  // A fixture taking another: a batch of the conftest's client.
  auto sinters = ops_of(ops, "SINTER");
  ASSERT_EQ(sinters.size(), 1u);
  EXPECT_TRUE(sinters[0]->op.group.has_value());
  EXPECT_TRUE(ops_of(ops, "SDIFF").empty());   // no fixture of that name
  EXPECT_TRUE(ops_of(ops, "SMOVE").empty());   // not a test: pytest passes it nothing
}

TEST(PythonOnTheEngine, FixturesAskingForEachOtherInACycleEndWithoutAClient) {
  Project p;
  p.files["test_cycle.py"] =
      "import pytest\n"
      "import redis\n"
      "@pytest.fixture\n"
      "def a(b):\n"
      "    return b\n"
      "@pytest.fixture\n"
      "def b(a):\n"
      "    return a\n"
      "@pytest.fixture\n"
      "def c(c):\n"
      "    return redis.Redis()\n"
      "def test_x(a, c):\n"
      "    a.mget('x', 'y')\n"
      "    c.sunion('x', 'y')\n";
  auto ops = p.run();
  EXPECT_TRUE(ops_of(ops, "MGET").empty());
  // A fixture taking its own name (overriding one further out that is not
  // there) is still a fixture.
  EXPECT_EQ(ops_of(ops, "SUNION").size(), 1u);
}

TEST(PythonOnTheEngine, AFixtureChainLongerThanTheCallDepthEndsThere) {
  // 5,000 fixtures each taking the next: followed 20 deep, not to the end
  // (the stack would not take it).
  Project p;
  std::string source = "import pytest\nimport redis\n";
  constexpr int kChain = 5000;
  for (int i = 0; i < kChain; ++i) {
    source += "@pytest.fixture\ndef f" + std::to_string(i) + "(f" + std::to_string(i + 1) +
              "):\n    return f" + std::to_string(i + 1) + "\n";
  }
  source += "@pytest.fixture\ndef f" + std::to_string(kChain) + "():\n    return redis.Redis()\n";
  source += "def test_x(f0, f4990):\n    f0.mget('x', 'y')\n    f4990.sunion('x', 'y')\n";
  p.files["test_chain.py"] = source;
  auto ops = p.run();
  EXPECT_TRUE(ops_of(ops, "MGET").empty());
  EXPECT_EQ(ops_of(ops, "SUNION").size(), 1u);  // ten fixtures from the client
  // Each fixture's decorator is read once, not once per parameter that
  // looks for a fixture (25 million: 518 s).
  EXPECT_LT(p.decorators_read, std::size_t{4 * kChain});
}

TEST(PythonOnTheEngine, AMockIsNeverAClientWhateverItsName) {
  Project p;
  p.files["app.py"] =
      "from unittest import mock\n"
      "from unittest.mock import MagicMock, patch\n"
      "import redis\n"
      "class Cache:\n"
      "    def __init__(self):\n"
      "        self.redis = MagicMock()\n"
      "    def go(self):\n"
      "        self.redis.mget('a', 'b')\n"
      "@patch('app.x')\n"
      "@mock.patch.object(redis.Redis, 'get')\n"
      "@patch('app.y', new=None)\n"
      "def test_patched(redis_get, redis_x, redis_client):\n"
      "    redis_get.sunion('a', 'b')\n"
      "    redis_x.sunion('a', 'b')\n"
      "    redis_client.sinter('a', 'b')\n"
      "def test_with():\n"
      "    with patch('app.r') as redis_conn:\n"
      "        redis_conn.sdiff('a', 'b')\n"
      "    fake = mock.create_autospec(redis.Redis)\n"
      "    fake.register_script('return 1')\n"
      "    fake.smove('a', 'b', 'm')\n";
  auto ops = p.run();
  EXPECT_TRUE(ops_of(ops, "MGET").empty());
  EXPECT_TRUE(ops_of(ops, "SUNION").empty());
  EXPECT_TRUE(ops_of(ops, "SDIFF").empty());
  EXPECT_TRUE(ops_of(ops, "SMOVE").empty());
  // `new=` given: the decorator fills no parameter, and the next is a
  // client by its name as before.
  EXPECT_EQ(ops_of(ops, "SINTER").size(), 1u);
}

TEST(PythonOnTheEngine, ADeclaredTypeIsReadThroughTheModulesImports) {
  Project p;
  p.files["app/types.py"] =
      "from typing import TYPE_CHECKING\n"
      "if TYPE_CHECKING:\n"
      "    from redis.cluster import RedisCluster as Shards\n";
  p.files["app/main.py"] =
      "from typing import TYPE_CHECKING, Optional\n"
      "if TYPE_CHECKING:\n"
      "    from redis.client import Pipeline as P\n"
      "    from .types import Shards\n"
      "def f(pipe: 'Optional[P]', shards: Shards | None):\n"
      "    pipe.mget('a', 'b')\n"
      "    shards.sunion('a', 'b')\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  ASSERT_TRUE(mgets[0]->op.group.has_value());
  // Plain: whether it runs in MULTI/EXEC is its maker's choice.
  EXPECT_EQ(mgets[0]->op.group->kind, ir::GroupRef::Kind::Pipeline);
  EXPECT_EQ(mgets[0]->op.client.api_class, "Redis");
  auto sunions = ops_of(ops, "SUNION");
  ASSERT_EQ(sunions.size(), 1u);
  EXPECT_EQ(sunions[0]->op.client.api_class, "RedisCluster");
}

TEST(PythonOnTheEngine, ClassAttributesOfABaseClassAndFieldsDeclaredWithoutAValue) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "class Base:\n"
      "    NAMESPACE = 'store'\n"
      "    value: str\n"
      "    def key(self, name):\n"
      "        return f'{self.NAMESPACE}:{name}'\n"
      "class Store(Base):\n"
      "    def swap(self):\n"
      "        r.rename(self.key('a'), self.key('b'))\n"
      "    def same(self):\n"
      "        r.mget(self.value, self.value)\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_FALSE(renames.empty());
  EXPECT_EQ(keys(renames.back()->op), (std::vector<std::string>{"store:a", "store:b"}));
  auto mgets = ops_of(ops, "MGET");
  ASSERT_FALSE(mgets.empty());
  const auto& read = mgets.back()->op.keys;
  ASSERT_EQ(read.size(), 2u);
  ASSERT_EQ(read[0].segments().size(), 1u);
  const auto* first = std::get_if<ir::HoleSegment>(&read[0].segments()[0]);
  const auto* second = std::get_if<ir::HoleSegment>(&read[1].segments()[0]);
  ASSERT_TRUE(first != nullptr && second != nullptr);
  EXPECT_EQ(first->symbol, second->symbol);  // one value, read twice
}

TEST(PythonOnTheEngine, AClientSetInABaseConstructorThroughSuper) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "class Base:\n"
      "    def __init__(self):\n"
      "        self.redis = redis.Redis()\n"
      "class Carts(Base):\n"
      "    def __init__(self, uid):\n"
      "        super().__init__()\n"
      "        self.uid = uid\n"
      "    def checkout(self):\n"
      "        self.redis.rename(f'cart:{self.uid}', f'order:{self.uid}')\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(keys(renames[0]->op), (std::vector<std::string>{"cart:<uid>", "order:<uid>"}));
  EXPECT_FALSE(renames[0]->op.client.identified_by_name_only);
}

TEST(PythonOnTheEngine, AClientYieldedByAContextManager) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "from contextlib import contextmanager\n"
      "@contextmanager\n"
      "def session():\n"
      "    client = redis.Redis()\n"
      "    try:\n"
      "        yield client\n"
      "    finally:\n"
      "        client.close()\n"
      "def use(uid):\n"
      "    with session() as s:\n"
      "        s.rename(f'cart:{uid}', f'order:{uid}')\n";
  auto ops = p.run();
  EXPECT_EQ(ops_of(ops, "RENAME").size(), 1u);
}

TEST(PythonOnTheEngine, ANestedFunctionReadsItsEnclosingFunctionsLocalsAsValues) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def outer(uid):\n"
      "    prefix = f'user:{uid}'\n"
      "    def inner():\n"
      "        return r.mget(prefix + ':a', prefix + ':b', len(prefix))\n"
      "    return inner\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_FALSE(mgets.empty());
  // Analysed on its own, `inner` sees `prefix` as `outer` left it when it
  // defined `inner`; `len` stays the builtin.
  const auto& read = mgets.front()->op.keys;
  ASSERT_GE(read.size(), 2u);
  EXPECT_EQ(read[0].display(), "user:<uid>:a");
  EXPECT_EQ(read[1].display(), "user:<uid>:b");
  // The keys sit where they are built, in `inner`.
  EXPECT_EQ(read[0].span().begin, p.files["app.py"].find("prefix + ':a'"));
}

TEST(PythonOnTheEngine, WhatACasePatternCapturesIsBound) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def f(command):\n"
      "    match command:\n"
      "        case ['swap', a, b]:\n"
      "            r.rename(a, a)\n"
      "        case {'from': src, 'to': dst} as whole:\n"
      "            r.rename(src, dst)\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 2u);
  auto symbol = [](const ir::KeyExpr& key) {
    const auto* hole = std::get_if<ir::HoleSegment>(&key.segments().at(0));
    return hole == nullptr ? std::string() : hole->symbol;
  };
  const auto& same = renames[0]->op.keys;
  EXPECT_FALSE(symbol(same[0]).empty());
  EXPECT_EQ(symbol(same[0]), symbol(same[1]));  // `a` twice: one value
  const auto& other = renames[1]->op.keys;
  EXPECT_NE(symbol(other[0]), symbol(other[1]));
}

TEST(PythonOnTheEngine, AFieldNamedLikeAClientHoldingAnUnknownIsSuchAClient) {
  Project p;
  p.files["app.py"] =
      "class Lock:\n"
      "    def __init__(self, client, name):\n"
      "        self.redis = client\n"
      "        self.other = client\n"
      "    def swap(self):\n"
      "        self.redis.rename('a', 'b')\n"
      "        self.other.rename('c', 'd')\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);  // not `self.other`
  EXPECT_TRUE(renames[0]->op.client.identified_by_name_only);
}

}  // namespace
}  // namespace slotlint::python::test

namespace slotlint::python::test {
namespace {

TEST(PythonOnTheEngine, ACalledBackFunctionsDefaultedParametersMayHoldAnything) {
  Project p;
  p.files["tx.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def queued(tx, ids=()):\n"
      "    tx.multi()\n"
      "    for uid in ids:\n"
      "        tx.incr(f'visits:{uid}')\n"
      "r.transaction(queued)\n";
  auto ops = p.run();
  auto incrs = ops_of(ops, "INCR");
  ASSERT_EQ(incrs.size(), 1u);
  ASSERT_TRUE(incrs[0]->op.group);
  EXPECT_EQ(incrs[0]->op.group->kind, ir::GroupRef::Kind::Transaction);
  EXPECT_EQ(keys(incrs[0]->op), (std::vector<std::string>{"visits:<uid>"}));
  // One key per element of what a caller may pass, not none of an empty ().
  const auto& segments = incrs[0]->op.keys.front().segments();
  ASSERT_EQ(segments.size(), 2u);
  const auto* hole = std::get_if<ir::HoleSegment>(&segments[1]);
  ASSERT_NE(hole, nullptr);
  EXPECT_TRUE(hole->varies_per_element);
}

TEST(PythonOnTheEngine, ACallAsDeepAsTheParserAdmitsIsReached) {
  const auto limits = parse_limits();
  std::string source = "import redis\nr = redis.Redis()\n";
  for (std::uint32_t level = 0; level < limits.max_indentation; ++level)
    source += std::string(4 * level, ' ') + "if x:\n";
  source += std::string(4 * limits.max_indentation, ' ') + "r.mget('foo', 'bar')\n";
  Project p;
  p.budgets.nesting = limits.admitted_nesting();
  p.files["deep.py"] = source;
  EXPECT_EQ(ops_of(p.run(), "MGET").size(), 1u);
}

TEST(PythonOnTheEngine, AClassAttributeSetThroughTheInstancesClassInTheConstructor) {
  Project p;
  p.files["lock.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "class Lock:\n"
      "    lua_release = None\n"
      "    def __init__(self, client):\n"
      "        self.redis = client\n"
      "        cls = self.__class__\n"
      "        if cls.lua_release is None:\n"
      "            cls.lua_release = r.register_script('release')\n"
      "    def release(self, name):\n"
      "        self.lua_release(keys=[name], args=[1], client=self.redis)\n";
  auto ops = p.run();
  auto calls = ops_of(ops, "EVALSHA");
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls[0]->via.size(), 1u);
}

TEST(PythonOnTheEngine, AFieldSetInAnyMethodIsSeenByTheOthers) {
  Project p;
  p.files["store.py"] =
      "import redis\n"
      "class Store:\n"
      "    def __init__(self):\n"
      "        self.name = 'a'\n"
      "    def connect(self):\n"
      "        self.conn = redis.Redis()\n"
      "        self.name = 'b'\n"
      "    def drop(self):\n"
      "        self.conn.delete(self.name)\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  ASSERT_EQ(deletes.size(), 1u);
  ASSERT_EQ(deletes[0]->op.keys.size(), 1u);
  // One value per field, joined over the methods that assign it.
  const auto& key = deletes[0]->op.keys[0];
  ASSERT_EQ(key.alternatives().size(), 2u);
  std::set<std::string> shown;
  for (const auto& choice : key.alternatives()) shown.insert(choice.key.display());
  EXPECT_EQ(shown, (std::set<std::string>{"a", "b"}));
}

TEST(PythonOnTheEngine, AMethodOnlyAClientHasMakesAnUnknownReceiverOne) {
  Project p;
  p.files["limiter.py"] =
      "def setup(make):\n"
      "    conn = make()\n"
      "    s = conn.register_script('body')\n"
      "    s(['k'], [1])\n"
      "    conn.eval('body', 1, 'k')\n";
  auto ops = p.run();
  EXPECT_EQ(p.script_bodies.size(), 1u);
  EXPECT_TRUE(ops_of(ops, "EVAL").empty());  // eval is not a method only a client has
}

TEST(PythonOnTheEngine, AnAssignmentExpressionBindsItsName) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def f(data):\n"
      "    if (key := 'user:' + data) is not None:\n"
      "        r.rename(key, '{x}:archived')\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(keys(renames.front()->op), (std::vector<std::string>{"user:<data>", "{x}:archived"}));
}

TEST(PythonOnTheEngine, LiteralKeysSitWhereTheyAreWritten) {
  Project p;
  p.files["app.py"] =
      "import redis\n"
      "r = redis.Redis()\n"
      "def f():\n"
      "    r.mget('a', \"b\")\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 1u);
  const auto& source = p.files["app.py"];
  const auto& read = mgets.front()->op.keys;
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].span().begin, source.find("'a'"));
  EXPECT_EQ(read[0].span().end, source.find("'a'") + 3);
  EXPECT_EQ(read[1].span().begin, source.find("\"b\""));
}

}  // namespace
}  // namespace slotlint::python::test
