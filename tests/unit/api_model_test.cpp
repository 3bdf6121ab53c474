// The parts of API models that describe overloaded (Java) methods and class
// families: overloads chosen by argument count and kinds, classes that
// behave like another, derivations from several classes, and "#a+b" counts.
#include <gtest/gtest.h>

#include "frontends/common/api_model.h"
#include "frontends/common/bound_values.h"
#include "frontends/common/op_builder.h"

namespace slotlint {
namespace {

constexpr const char* kModel = R"({
  "library": "demo", "language": "java", "default_class": "Client",
  "classes": [
    {"name": "Client", "cluster": true, "annotations": ["Client"], "cross_slot": "client-refuses",
     "cross_slot_note": "refused", "splits": ["MGET"], "split_note": "split",
     "tryagain": {"raises": ["DemoException"], "client_retries": true, "note": "retried"}},
    {"name": "Batch", "behaves_like": "Client", "annotations": ["Batch"], "split_note": "own note"},
    {"name": "Set", "behaves_like": "Client", "annotations": ["Set"], "named_object": true,
     "object_command": "SADD"}
  ],
  "derived_classes": [{"method": ["getSet", "set"], "from": ["Client", "Batch"], "to": "Set"}],
  "methods": {
    "eval": [
      {"signature": "script, keys, args", "argv": ["EVAL", "$script", "#keys", "...keys", "...args"],
       "arity": 3, "arg_kinds": {"1": "list"}},
      {"signature": "script, count, *params", "argv": ["EVAL", "$script", "$count", "...params"],
       "min_arity": 2}
    ],
    "union": {"signature": "self, *names", "argv": ["ZUNION", "#self+names", "$self", "...names"],
              "only_on": ["Set"]}
  }
})";

model::ApiModel parse(const std::string& text) {
  std::string error;
  auto parsed = model::parse_api_model(text, error);
  EXPECT_TRUE(parsed.has_value()) << error;
  return parsed ? *parsed : model::ApiModel{};
}

TEST(ApiModel, AUrlFormNamesItsSchemesAndWhereTheDatabaseIs) {
  auto plain = parse(kModel);
  EXPECT_EQ(plain.url_form.schemes,
            (std::vector<std::string>{"redis", "rediss", "valkey", "valkeys"}));
  EXPECT_FALSE(plain.url_form.database_after_last_slash);
  std::string own = kModel;
  own.insert(own.find("\"classes\""),
             R"("url_schemes": ["tcp", "unix"], "url_database": "after_last_slash", )");
  auto parsed = parse(own);
  EXPECT_EQ(parsed.url_form.schemes, (std::vector<std::string>{"tcp", "unix"}));
  EXPECT_TRUE(parsed.url_form.database_after_last_slash);
  std::string bad = kModel;
  bad.insert(bad.find("\"classes\""), R"("url_database": "last", )");
  std::string error;
  EXPECT_FALSE(model::parse_api_model(bad, error).has_value());
  EXPECT_NE(error.find("url_database"), std::string::npos) << error;
}

TEST(ApiModel, OverloadsKeepTheirConditionsInModelOrder) {
  auto api = parse(kModel);
  const auto* client = api.find_class("Client");
  ASSERT_NE(client, nullptr);
  auto overloads = api.overloads("eval", *client);
  ASSERT_EQ(overloads.size(), 2u);
  EXPECT_EQ(overloads[0]->arity, 3u);
  EXPECT_EQ(overloads[0]->arg_kinds.at(1), "list");
  EXPECT_FALSE(overloads[1]->arity.has_value());
  EXPECT_EQ(overloads[1]->min_arity, 2u);
}

TEST(ApiModel, OnlyOnLimitsOverloadsToTheirClass) {
  auto api = parse(kModel);
  EXPECT_TRUE(api.overloads("union", *api.find_class("Client")).empty());
  EXPECT_EQ(api.overloads("union", *api.find_class("Set")).size(), 1u);
}

TEST(ApiModel, BehavesLikeCopiesClusterFactsButNotNames) {
  auto api = parse(kModel);
  const auto* batch = api.find_class("Batch");
  ASSERT_NE(batch, nullptr);
  EXPECT_TRUE(batch->cluster);
  EXPECT_EQ(batch->cross_slot, ir::CrossSlotHandling::ClientRefuses);
  EXPECT_EQ(batch->cross_slot_note, "refused");
  EXPECT_EQ(batch->split_note, "own note");
  EXPECT_EQ(batch->splits, std::vector<std::string>{"MGET"});
  EXPECT_EQ(batch->tryagain_raises, std::vector<std::string>{"DemoException"});
  EXPECT_EQ(batch->annotations, std::vector<std::string>{"Batch"});
  const auto* set = api.find_class("Set");
  EXPECT_TRUE(set->named_object);
  EXPECT_EQ(set->object_command, "SADD");
  EXPECT_FALSE(api.find_class("Client")->named_object);
}

TEST(ApiModel, DerivationsExpandEveryMethodAndSource) {
  auto api = parse(kModel);
  const auto* set = api.find_class("Set");
  for (const char* from : {"Client", "Batch"}) {
    for (const char* method : {"getSet", "set"}) {
      EXPECT_EQ(api.derived_class(method, *api.find_class(from)), set) << from << "." << method;
    }
  }
  EXPECT_EQ(api.derived_class("other", *api.find_class("Client")), api.find_class("Client"));
}

TEST(ApiModel, RejectsUnknownArgumentKindsAndLikes) {
  std::string error;
  std::string bad_kind = kModel;
  bad_kind.replace(bad_kind.find("\"list\""), 6, "\"lists\"");
  EXPECT_FALSE(model::parse_api_model(bad_kind, error).has_value());
  EXPECT_NE(error.find("lists"), std::string::npos) << error;
  error.clear();
  std::string bad_like = kModel;
  bad_like.replace(bad_like.find("\"behaves_like\": \"Client\""), 24, "\"behaves_like\": \"Nope\"");
  EXPECT_FALSE(model::parse_api_model(bad_like, error).has_value());
  EXPECT_NE(error.find("behaves_like"), std::string::npos) << error;
}

TEST(ApiModel, VersionRangesOverrideClassFactsAndMergeFromUserModels) {
  constexpr const char* versioned = R"({
    "library": "demo-versions", "language": "java", "default_class": "Old",
    "packages": [{"ecosystem": "maven", "name": "x:demo", "major_map": {"1": 4}}],
    "latest_known": "5.2.0",
    "classes": [{"name": "Old", "cluster": true, "splits": ["MGET"], "split_note": "split",
                 "versions": [{"before": "5.0.0", "splits": [], "cross_slot": "client-refuses",
                               "cross_slot_note": "refused before 5"}]}],
    "methods": {}
  })";
  auto api = parse(versioned);
  ASSERT_EQ(api.packages.size(), 1u);
  EXPECT_EQ(api.packages.front().major_map.at(1), 4u);
  const auto& cls = *api.find_class("Old");
  auto old = api.class_at(cls, versions::parse_version("4.9.9"));
  EXPECT_TRUE(old.cls->splits.empty());
  EXPECT_EQ(old.cls->cross_slot, ir::CrossSlotHandling::ClientRefuses);
  EXPECT_EQ(old.cls->split_note, "split");  // not overridden: kept
  EXPECT_EQ(old.range->describe(), "before 5.0.0");
  EXPECT_EQ(api.class_at(cls, versions::parse_version("5.0.0")).cls, &cls);
  EXPECT_EQ(api.class_at(cls, std::nullopt).cls, &cls);  // the latest known, 5.2.0

  auto base = parse(kModel);
  std::string error;
  ASSERT_TRUE(model::merge_user_model(base, api, error)) << error;
  const auto& merged = *base.find_class("Old");
  EXPECT_TRUE(base.class_at(merged, versions::parse_version("4.0")).cls->splits.empty());

  std::string bad = versioned;
  std::string_view bound = "\"before\": \"5.0.0\"";
  bad.replace(bad.find(bound), bound.size(), "\"before\": \"soon\"");
  EXPECT_FALSE(model::parse_api_model(bad, error).has_value());
  EXPECT_NE(error.find("not a version"), std::string::npos) << error;
}

// Which keyspace-wide commands a class sends to every primary changes with
// the version; a list without the sentence that says how is refused.
TEST(ApiModel, FanOutFactsFollowVersionsAndNeedANote) {
  constexpr const char* model = R"({
    "library": "demo-fan-out", "language": "java", "default_class": "Cluster",
    "latest_known": "2.0.0",
    "classes": [{"name": "Cluster", "cluster": true, "fans_out": ["KEYS"],
                 "fan_out_note": "every primary", "one_node_note": "one node",
                 "versions": [{"before": "2.0.0", "fans_out": [],
                               "one_node_note": "one node before 2"}]}],
    "methods": {"keys": {"signature": "pattern", "argv": ["KEYS", "$pattern"]}}
  })";
  auto api = parse(model);
  const auto& cls = *api.find_class("Cluster");
  EXPECT_EQ(cls.fans_out, (std::vector<std::string>{"KEYS"}));
  auto old = api.class_at(cls, versions::parse_version("1.5.0"));
  EXPECT_TRUE(old.cls->fans_out.empty());
  EXPECT_EQ(old.cls->one_node_note, "one node before 2");

  ir::RedisOp op;
  op.command = "KEYS";
  frontend::apply_class_facts(op, cls);
  EXPECT_TRUE(op.fanned_out);
  EXPECT_EQ(op.routing_note, "every primary");
  frontend::apply_class_facts(op, *old.cls);
  EXPECT_FALSE(op.fanned_out);
  EXPECT_EQ(op.routing_note, "one node before 2");

  std::string bad = model;
  std::string_view note = R"("fan_out_note": "every primary", )";
  bad.erase(bad.find(note), note.size());
  std::string error;
  EXPECT_FALSE(model::parse_api_model(bad, error).has_value());
  EXPECT_NE(error.find("fan_out_note"), std::string::npos) << error;
}

TEST(ApiModel, CountOfSeveralParametersAddsThem) {
  auto api = parse(kModel);
  const auto* method = api.overloads("union", *api.find_class("Set")).front();
  ir::SourceSpan at{0, 0, 1};
  auto text = [&](const char* s) {
    return frontend::Value::string(ir::KeyExpr::literal(s, at, false));
  };
  std::vector<frontend::PassedArgument> passed{
      {text("z"), false, {}}, {text("a"), false, {}}, {text("b"), false, {}}};
  frontend::PositionalArguments bound(*method, std::move(passed), at, false);
  auto argv = frontend::expand_template(*method, bound, at);
  ASSERT_EQ(argv.size(), 5u);
  EXPECT_EQ(argv[1].value.literal_text(), "3");
  EXPECT_EQ(argv[2].value.literal_text(), "z");
  EXPECT_EQ(argv[4].value.literal_text(), "b");
}

// A wrapper taking 50,000 parameters loads and expands in work linear in its
// size (the check that every template parameter is in the signature, and
// the defaults of unbound ones, were a scan of the signature per element:
// 20,000 parameters took 2 s). Ten times the parameters now take about ten
// times the comparisons at load.
model::ApiModel wide_wrapper(int parameters) {
  std::string signature;
  std::string argv = R"("MGET")";
  for (int i = 0; i < parameters; ++i) {
    signature += (i == 0 ? "" : ", ") + std::string("p") + std::to_string(i) + "='d" +
                 std::to_string(i) + "'";
    argv += ", \"$p" + std::to_string(i) + "\"";
  }
  return parse(R"({"library": "wide", "language": "python", "default_class": "Cache",
    "classes": [{"name": "Cache", "constructors": ["Cache"], "cross_slot": "sent"}],
    "methods": {"multi_get": {"signature": ")" +
               signature + R"(", "argv": [)" + argv + "]}}}");
}

TEST(ApiModel, AWrapperWithFiftyThousandParametersLoadsAndExpands) {
  constexpr int kParameters = 50'000;
  auto api = wide_wrapper(kParameters);
  auto small = wide_wrapper(kParameters / 10);
  EXPECT_GT(small.load_steps, 0u);
  EXPECT_LE(api.load_steps, 15 * small.load_steps)
      << small.load_steps << " comparisons for " << kParameters / 10 << " parameters, "
      << api.load_steps << " for " << kParameters;
  const auto* method = api.find_method("multi_get", *api.find_class("Cache"));
  ASSERT_NE(method, nullptr);
  ASSERT_EQ(method->signature.size(), static_cast<std::size_t>(kParameters));
  ir::SourceSpan at{0, 0, 1};
  std::vector<frontend::PassedArgument> passed{
      {frontend::Value::string(ir::KeyExpr::literal("k0", at, false)), false, {}}};
  frontend::PositionalArguments bound(*method, std::move(passed), at, false);
  auto expanded = frontend::expand_template(*method, bound, at);
  ASSERT_EQ(expanded.size(), static_cast<std::size_t>(kParameters) + 1);
  EXPECT_EQ(expanded[1].value.literal_text(), "k0");  // passed
  EXPECT_EQ(expanded.back().value.literal_text(), "d" + std::to_string(kParameters - 1));
}

TEST(ApiModel, ATemplateParameterMissingFromTheSignatureIsAnError) {
  std::string error;
  std::string typo = R"({"library": "wide", "language": "python", "default_class": "Cache",
    "classes": [{"name": "Cache", "constructors": ["Cache"], "cross_slot": "sent"}],
    "methods": {"multi_get": {"signature": "keys", "argv": ["MGET", "...key"]}}})";
  EXPECT_FALSE(model::parse_api_model(typo, error).has_value());
  EXPECT_NE(error.find("not a parameter"), std::string::npos) << error;
}

// Settings that make every connection send a command: a constructor's
// overloads (arity from the signature, argv shared by the group, one list per
// constructor) and a settings object's methods, which are its only ones.
TEST(ApiModel, ConnectSettingsAreOnConnectMethodsOfTheirOwn) {
  auto api = parse(R"({
    "library": "pool", "language": "java", "default_class": "Pool",
    "classes": [
      {"name": "Pool", "constructors": ["Pool", "PooledClient"], "cross_slot": "sent"},
      {"name": "Config", "config_object": true, "constructors": ["Config.builder"]}
    ],
    "constructor_commands": [
      {"constructors": ["Pool", "PooledClient"], "argv": ["SELECT", "$database"],
       "overloads": [{"signature": "host, port, database", "arg_kinds": {"2": "number"}}]}
    ],
    "methods": {
      "database": {"signature": "database", "argv": ["SELECT", "$database"], "on_connect": true,
                   "only_on": ["Config"]},
      "get": {"signature": "key", "argv": ["GET", "$key"]}
    }
  })");
  ASSERT_EQ(api.constructor_commands.count("PooledClient"), 1u);
  const auto& overload = api.constructor_commands.at("Pool").front();
  EXPECT_TRUE(overload.on_connect);
  EXPECT_EQ(overload.arity, 3u);
  EXPECT_EQ(overload.arg_kinds.at(2), "number");
  const auto& config = *api.find_class("Config");
  ASSERT_EQ(api.overloads("database", config).size(), 1u);
  EXPECT_TRUE(api.overloads("database", config).front()->on_connect);
  EXPECT_TRUE(api.overloads("get", config).empty());  // a method for every class but settings
  EXPECT_EQ(api.find_method("get", config), nullptr);
  EXPECT_FALSE(api.overloads("get", *api.find_class("Pool")).empty());
}

}  // namespace
}  // namespace slotlint
