// C and C++ on the engine: source text → Clang → the C/C++ lowering → the
// value-flow engine → the host over the built-in C/C++ models → RedisOps.
// Units are compiled against slotlint's model headers (in memory), each its
// own module, so that a project's wrapper defined in one unit is followed
// from its callers in another.
#include <gtest/gtest.h>

#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/Tooling.h>

#include <map>
#include <memory>
#include <set>

#include "analyzer/embedded_file.h"
#include "analyzer/engine/engine.h"
#include "frontends/cpp/clang_lowering.h"
#include "frontends/cpp/cpp_engine_host.h"
#include "frontends/cpp/model_headers.h"
#include "frontends/cpp/resource_dir.h"
#include "frontends/cpp/unit_program.h"
#include "tests/unit/engine_ops_support.h"

namespace slotlint::cpp {
namespace {

const std::vector<model::ApiModel>& cpp_models() {
  static const std::vector<model::ApiModel> models = [] {
    std::vector<model::ApiModel> out;
    for (const auto& file : embedded_api_models()) {
      std::string error;
      auto parsed = model::parse_api_model(file.bytes, error);
      if (parsed && parsed->language == "cpp") out.push_back(std::move(*parsed));
    }
    return out;
  }();
  return models;
}

// Units by file name (".c" is C17, anything else C++20); run() lowers each,
// analyses every module and gives the ops.
struct Project {
  std::map<std::string, std::string> units;
  std::vector<const model::ApiModel*> models;
  std::unique_ptr<CppEngineHost> host;
  UnitProgram program;
  std::vector<il::Module> lowered;  // copies, for looking at the IL

  std::vector<frontend::EngineOp> run() {
    for (const auto& model : cpp_models()) models.push_back(&model);
    files::ProjectFiles files({std::filesystem::temp_directory_path()});
    for (const auto& [name, source] : units) {
      clang::tooling::FileContentMappings headers;
      for (const auto& header : model_headers())
        headers.emplace_back(std::string(kModelHeaderFolder) + "/" + header.include,
                             std::string(header.text));
      std::vector<std::string> args{name.ends_with(".c") ? "-std=c17" : "-std=c++20",
                                    "-resource-dir",
                                    find_resource_dir().string(),
                                    "-idirafter",
                                    std::string(kModelHeaderFolder),
                                    "-Wno-everything"};
      auto ast = clang::tooling::buildASTFromCodeWithArgs(
          source, args, name, "slotlint-test", std::make_shared<clang::PCHContainerOperations>(),
          clang::tooling::getClangStripDependencyFileAdjuster(), headers);
      EXPECT_TRUE(ast) << name;
      if (!ast) continue;
      EXPECT_FALSE(ast->getDiagnostics().hasErrorOccurred()) << name;
      frontend::FileAnalysis analysis;
      SourceMap map(ast->getSourceManager(), ast->getLangOpts(), files,
                    std::filesystem::temp_directory_path(), analysis);
      auto module = lower_unit(ast->getASTContext(), map, name);
      lowered.push_back(module);
      program.add(std::move(module));
    }
    host = std::make_unique<CppEngineHost>(frontend::Models(models));
    engine::Engine engine(program, *host, engine::Builtins::defaults());
    for (engine::ModuleId id = 0; id < program.size(); ++id) engine.analyse(id);
    return host->ops();
  }
};

using slotlint::test::keys;
using slotlint::test::ops_of;

constexpr std::string_view kWrappers =
    "#include <sw/redis++/redis++.h>\n"
    "#include <string>\n"
    "namespace app {\n"
    "void drop(sw::redis::RedisCluster& r, const std::string& a, const std::string& b) {\n"
    "  r.del({a, b});\n"
    "}\n"
    "}\n";

TEST(CppOnTheEngine, AWrapperInAnotherUnitIsFollowedFromItsCallers) {
  Project p;
  p.units["wrappers.cpp"] = kWrappers;
  p.units["orders.cpp"] =
      "#include <string>\n"
      "namespace sw::redis { class RedisCluster; }\n"
      "namespace app {\n"
      "void drop(sw::redis::RedisCluster& r, const std::string& a, const std::string& b);\n"
      "}\n"
      "void checkout(sw::redis::RedisCluster& cluster, const std::string& user) {\n"
      "  app::drop(cluster, \"cart:\" + user, \"items:\" + user);\n"
      "}\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  // The wrapper alone (its parameters), and through the caller in the other
  // unit, with the caller's keys.
  ASSERT_EQ(deletes.size(), 2u);
  const frontend::EngineOp* through = nullptr;
  for (const auto* op : deletes) {
    if (op->via.size() == 2) through = op;
  }
  ASSERT_NE(through, nullptr);
  EXPECT_EQ(keys(through->op), (std::vector<std::string>{"cart:<user>", "items:<user>"}));
  EXPECT_EQ(through->op.client.library, "redis-plus-plus");
  EXPECT_EQ(through->op.client.api_class, "RedisCluster");
  EXPECT_EQ(through->via.front().module_path, "orders.cpp");
  EXPECT_EQ(through->via.back().module_path, "wrappers.cpp");
}

TEST(CppOnTheEngine, WithoutTheDefiningUnitTheCallIsALibrarysAndGivesNothing) {
  Project p;
  p.units["orders.cpp"] =
      "#include <sw/redis++/redis++.h>\n"
      "#include <string>\n"
      "namespace app {\n"
      "void drop(sw::redis::RedisCluster& r, const std::string& a, const std::string& b);\n"
      "}\n"
      "void checkout(sw::redis::RedisCluster& cluster, const std::string& user) {\n"
      "  app::drop(cluster, \"cart:\" + user, \"items:\" + user);\n"
      "}\n";
  auto ops = p.run();
  EXPECT_TRUE(ops_of(ops, "DEL").empty());
  ASSERT_EQ(p.lowered.size(), 1u);
  ASSERT_EQ(p.lowered[0].imports.size(), 1u);
  EXPECT_EQ(p.lowered[0].imports[0].module, kOtherUnit);
  EXPECT_EQ(p.lowered[0].imports[0].names[0].first, "app::drop");
}

TEST(CppOnTheEngine, HiredisFormatsSplitAsHiredisDoesThroughAHelper) {
  Project p;
  p.units["cache.c"] =
      "#include <hiredis/hiredis.h>\n"
      "static void touch_both(redisContext *c, const char *a, const char *b) {\n"
      "  freeReplyObject(redisCommand(c, \"MGET %s %s\", a, b));\n"
      "}\n"
      "void refresh(redisContext *c) {\n"
      "  touch_both(c, \"user:1\", \"user:2\");\n"
      "}\n";
  auto ops = p.run();
  auto mgets = ops_of(ops, "MGET");
  ASSERT_EQ(mgets.size(), 2u);
  const auto* through = mgets[0]->via.size() == 2 ? mgets[0] : mgets[1];
  ASSERT_EQ(through->via.size(), 2u);
  EXPECT_EQ(keys(through->op), (std::vector<std::string>{"user:1", "user:2"}));
  EXPECT_EQ(through->op.client.library, "hiredis");
}

TEST(CppOnTheEngine, ClientFieldsPipelinesAndAlternatives) {
  Project p;
  p.units["store.cpp"] =
      "#include <sw/redis++/redis++.h>\n"
      "#include <string>\n"
      "class Store {\n"
      " public:\n"
      "  explicit Store(sw::redis::RedisCluster& backend) : backend_(backend) {}\n"
      "  void move(const std::string& id, bool archive) {\n"
      "    std::string to = archive ? \"archive:\" + id : \"trash:\" + id;\n"
      "    backend_.rename(\"live:\" + id, to);\n"
      "  }\n"
      "  void fill(const std::string& id) {\n"
      "    auto pipe = backend_.pipeline(\"{\" + id + \"}\");\n"
      "    pipe.set(\"a:\" + id, \"1\");\n"
      "    pipe.incr(\"b:\" + id);\n"
      "  }\n"
      " private:\n"
      "  sw::redis::RedisCluster& backend_;\n"
      "};\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0]->op.client.api_class, "RedisCluster");
  ASSERT_EQ(renames[0]->op.keys.size(), 2u);
  EXPECT_EQ(renames[0]->op.keys[0].display(), "live:<id>");
  // The destination chosen on a branch is one of its values, each judged.
  const auto& destination = renames[0]->op.keys[1];
  ASSERT_EQ(destination.alternatives().size(), 2u);
  std::set<std::string> shown;
  for (const auto& choice : destination.alternatives()) shown.insert(choice.key.display());
  EXPECT_EQ(shown, (std::set<std::string>{"archive:<id>", "trash:<id>"}));
  auto sets = ops_of(ops, "SET");
  auto incrs = ops_of(ops, "INCR");
  ASSERT_EQ(sets.size(), 1u);
  ASSERT_EQ(incrs.size(), 1u);
  ASSERT_TRUE(sets[0]->op.group);
  ASSERT_TRUE(incrs[0]->op.group);
  EXPECT_EQ(sets[0]->op.group->id, incrs[0]->op.group->id);
}

TEST(CppOnTheEngine, FormatsAndBuffersAreTemplates) {
  Project p;
  p.units["keys.cpp"] =
      "#include <cstdio>\n"
      "#include <sw/redis++/redis++.h>\n"
      "#include <string>\n"
      "namespace fmt { template <typename... T> std::string format(const char*, T&&...); }\n"
      "void move(sw::redis::RedisCluster& r, int id, const std::string& name) {\n"
      "  char cart[64];\n"
      "  snprintf(cart, sizeof cart, \"cart:%ld:%05d\", (long)id, 7);\n"
      "  r.rename(cart, fmt::format(\"{{{}}}:order\", name));\n"
      "}\n";
  auto ops = p.run();
  auto renames = ops_of(ops, "RENAME");
  ASSERT_EQ(renames.size(), 1u);
  // %ld writes the value as it is, %05d pads it; {{ and }} are braces.
  EXPECT_EQ(keys(renames[0]->op), (std::vector<std::string>{"cart:<id>:00007", "{<name>}:order"}));
}

TEST(CppOnTheEngine, AStarInAPrintfFieldTakesAnArgumentOfItsOwn) {
  Project p;
  p.units["stars.c"] =
      "#include <stdio.h>\n"
      "#include <hiredis/hiredis.h>\n"
      "void drop(redisContext *c, const char *name) {\n"
      "  char key[64];\n"
      "  snprintf(key, sizeof key, \"%.*s:%s\", 3, name, \"tail\");\n"
      "  freeReplyObject(redisCommand(c, \"DEL %s\", key));\n"
      "}\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  ASSERT_EQ(deletes.size(), 1u);
  ASSERT_EQ(deletes[0]->op.keys.size(), 1u);
  // The precision 3 is no part of the key; the name's field is not known
  // (cut to 3 bytes) and the next field is "tail", not the name.
  const auto shown = deletes[0]->op.keys[0].display();
  EXPECT_TRUE(shown.ends_with(":tail")) << shown;
  EXPECT_FALSE(shown.starts_with("3")) << shown;
}

TEST(CppOnTheEngine, IteratorRangesAreTheirContainers) {
  Project p;
  p.units["ranges.cpp"] =
      "#include <map>\n"
      "#include <sw/redis++/redis++.h>\n"
      "#include <string>\n"
      "#include <vector>\n"
      "void clear(sw::redis::RedisCluster& r, const std::vector<std::string>& ids) {\n"
      "  std::vector<std::string> names;\n"
      "  for (const auto& id : ids) names.push_back(\"item:\" + id);\n"
      "  r.del(names.begin(), names.end());\n"
      "  std::map<std::string, std::string> prices{{\"price:a\", \"1\"}, {\"price:b\", \"2\"}};\n"
      "  r.mset(std::begin(prices), std::end(prices));\n"
      "}\n";
  auto ops = p.run();
  auto deletes = ops_of(ops, "DEL");
  ASSERT_EQ(deletes.size(), 1u);
  ASSERT_EQ(deletes[0]->op.keys.size(), 1u);
  EXPECT_TRUE(deletes[0]->op.keys[0].is_collection());
  EXPECT_EQ(deletes[0]->op.keys[0].display(), "[item:<id>, ...]");
  auto msets = ops_of(ops, "MSET");
  ASSERT_EQ(msets.size(), 1u);
  EXPECT_EQ(keys(msets[0]->op), (std::vector<std::string>{"price:a", "price:b"}));
}

TEST(CppOnTheEngine, BaseInitializersAndImplicitConstructorsSetFields) {
  Project p;
  p.units["classes.cpp"] =
      "#include <memory>\n"
      "#include <sw/redis++/redis++.h>\n"
      "class Repository {\n"
      " public:\n"
      "  explicit Repository(sw::redis::RedisCluster& client) : client_(client) {}\n"
      " protected:\n"
      "  sw::redis::RedisCluster& client_;\n"
      "};\n"
      "class Carts : public Repository {\n"
      " public:\n"
      "  explicit Carts(sw::redis::RedisCluster& client) : Repository(client) {}\n"
      "  void checkout() { client_.rename(\"cart:1\", \"order:1\"); }\n"
      "};\n"
      "class CartTest {\n"
      " public:\n"
      "  void SetUp() { made_ = std::make_unique<sw::redis::RedisCluster>(\"tcp://h:7000\"); }\n"
      "  void TestMove() { made_->rename(\"cart:2\", \"order:2\"); }\n"
      " private:\n"
      "  std::unique_ptr<sw::redis::RedisCluster> made_;\n"
      "};\n";
  auto ops = p.run();
  std::set<std::string> renamed;
  for (const auto* op : ops_of(ops, "RENAME")) renamed.insert(keys(op->op).front());
  EXPECT_EQ(renamed, (std::set<std::string>{"cart:1", "cart:2"}));
}

}  // namespace
}  // namespace slotlint::cpp
