// Models and rules agree: for every built-in client model, every class and
// every version range it gives facts for, a command the model says the client
// splits by slot must not be one the rules' table treats as checked by the
// server (or refused by the client) for that version, and a multi-key command
// the client sends as is must be. The ops go through the same code as in a
// run (apply_class_facts, the command table, the SL001 rule).
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "analyzer/commands/command_table.h"
#include "analyzer/embedded_file.h"
#include "frontends/common/api_model.h"
#include "frontends/common/op_builder.h"
#include "rules/client_outcomes.h"
#include "rules/cross_slot_multi_key_command.h"

namespace slotlint {
namespace {

std::vector<model::ApiModel> builtin_models() {
  std::vector<model::ApiModel> models;
  for (const auto& file : embedded_api_models()) {
    std::string error;
    auto model = model::parse_api_model(file.bytes, error);
    EXPECT_TRUE(model) << file.name << ": " << error;
    if (model) models.push_back(std::move(*model));
  }
  return models;
}

// A version inside each range the class has facts for, and the latest.
std::vector<std::optional<versions::Version>> versions_to_check(const model::ApiModel& api,
                                                                const model::ClientClass& cls) {
  std::vector<std::optional<versions::Version>> out{std::nullopt};
  for (const auto& variant : api.class_variants) {
    if (variant.class_name != cls.name) continue;
    if (variant.range.from) {
      out.push_back(variant.range.from);
      continue;
    }
    auto inside = *variant.range.before;  // just below it: 9.11.0 → 9.10.99999
    for (auto it = inside.numbers.rbegin(); it != inside.numbers.rend(); ++it) {
      if (*it == 0) {
        *it = 99999;
        continue;
      }
      --*it;
      break;
    }
    inside.text = variant.range.before->text + "-minus";
    out.push_back(inside);
  }
  return out;
}

// Two keys in different slots ('foo' 12182, 'bar' 5061), in the command's shape.
std::optional<ir::RedisOp> cross_slot_call(const std::string& command) {
  std::vector<std::string> words{command};
  if (command == "MSET" || command == "MSETNX") {
    words.insert(words.end(), {"foo", "1", "bar", "2"});
  } else if (command == "MSETEX") {
    words.insert(words.end(), {"2", "foo", "1", "bar", "2"});
  } else if (command == "BLPOP" || command == "BRPOP" || command == "BZPOPMIN" ||
             command == "BZPOPMAX") {
    words.insert(words.end(), {"foo", "bar", "0"});
  } else {
    words.insert(words.end(), {"foo", "bar"});
  }
  std::vector<ir::Arg> argv;
  for (const auto& word : words) argv.push_back({ir::KeyExpr::literal(word, {}, false), false});
  ir::RedisOp op;
  if (!frontend::assign_command(op, std::move(argv)) || op.keys.size() != 2) return std::nullopt;
  return op;
}

// The cross-slot call of `command` through a `cls` client, as a run gives it
// facts, and what SL001 says of it.
struct Checked {
  ir::RedisOp op;
  std::vector<ir::Finding> findings;
};
std::optional<Checked> check_through(const model::ApiModel& api, const model::ClientClass& cls,
                                     const std::string& command) {
  auto op = cross_slot_call(command);
  if (!op) return std::nullopt;
  op->client = {api.library, cls.name, cls.cluster, false, false, {}, {}, {}};
  frontend::apply_class_facts(*op, cls);
  Checked checked{std::move(*op), {}};
  rules::CrossSlotMultiKeyCommand().check(std::span(&checked.op, 1), {}, checked.findings);
  return checked;
}

TEST(ClientModels, ModelsWithVersionedFactsSayWhichPackagesAndLatestVersion) {
  for (const auto& api : builtin_models()) {
    EXPECT_FALSE(api.packages.empty()) << api.library << ": no packages to find its version by";
    if (!api.class_variants.empty()) {
      EXPECT_TRUE(api.latest_known) << api.library << " has version ranges but no latest_known";
    }
    for (const auto& variant : api.class_variants) {
      if (api.latest_known && variant.range.from) {
        EXPECT_LE(*variant.range.from, *api.latest_known)
            << api.library << " " << variant.class_name << ": a range after the latest known";
      }
    }
  }
}

TEST(ClientModels, SplitCommandsAreNeverTreatedAsServerChecked) {
  std::size_t checked = 0;
  for (const auto& api : builtin_models()) {
    for (const auto& base : api.classes) {
      for (const auto& version : versions_to_check(api, base)) {
        const auto& cls = *api.class_at(base, version).cls;
        auto where =
            api.library + " " + cls.name + " " + (version ? version->text : std::string("latest"));
        for (const auto& command : cls.splits) {
          ASSERT_NE(commands::find_command(command), nullptr)
              << where << " splits " << command << ", which the command table does not know";
          auto result = check_through(api, cls, command);
          ASSERT_TRUE(result) << where << ": no two-key call of " << command;
          auto outcome = rules::cross_slot_outcome(result->op);
          EXPECT_NE(outcome, rules::CrossSlotOutcome::ServerChecked)
              << where << " splits " << command << " but the rules treat it as server-checked";
          EXPECT_NE(outcome, rules::CrossSlotOutcome::ClientRefused) << where << " " << command;
          const auto& findings = result->findings;
          ASSERT_EQ(findings.size(), 1u) << where << " " << command;
          EXPECT_NE(findings.front().level, ir::Level::Error)
              << where << " splits " << command << ": " << findings.front().message;
          ASSERT_TRUE(findings.front().client) << where << " " << command;
          EXPECT_EQ(findings.front().client->library, api.library);
          ++checked;
        }
      }
    }
  }
  EXPECT_GE(checked, 40u) << "too few split commands in the models to mean anything";
}

TEST(ClientModels, CommandsSentAsIsAreServerCheckedErrors) {
  std::size_t checked = 0;
  for (const auto& api : builtin_models()) {
    for (const auto& base : api.classes) {
      for (const auto& version : versions_to_check(api, base)) {
        const auto& cls = *api.class_at(base, version).cls;
        if (cls.cross_slot != ir::CrossSlotHandling::SentAsIs) continue;
        for (const std::string command : {"MGET", "DEL", "SUNION", "RENAME", "MSETNX"}) {
          if (std::ranges::find(cls.splits, command) != cls.splits.end()) continue;
          auto result = check_through(api, cls, command);
          ASSERT_TRUE(result) << command;
          EXPECT_EQ(rules::cross_slot_outcome(result->op), rules::CrossSlotOutcome::ServerChecked)
              << api.library << " " << cls.name << " " << command;
          ASSERT_EQ(result->findings.size(), 1u);
          EXPECT_EQ(result->findings.front().level, ir::Level::Error)
              << api.library << " " << cls.name << " " << command;
          ++checked;
        }
      }
    }
  }
  EXPECT_GE(checked, 40u);
}

TEST(ClientModels, VersionRangesChangeWhatTheRuleSays) {
  // The boundaries the fixtures show, straight from the models.
  auto models = builtin_models();
  auto find = [&](std::string_view library) -> const model::ApiModel& {
    return *std::ranges::find(models, library, &model::ApiModel::library);
  };
  const auto& node_redis = find("node-redis");
  const auto& cluster = *node_redis.find_class("RedisCluster");
  auto old_cluster = node_redis.class_at(cluster, versions::parse_version("6.1.0"));
  auto new_cluster = node_redis.class_at(cluster, versions::parse_version("6.2.0"));
  EXPECT_TRUE(old_cluster.cls->splits.empty());
  EXPECT_EQ(old_cluster.range->describe(), "before 6.2.0");
  EXPECT_NE(std::ranges::find(new_cluster.cls->splits, "MGET"), new_cluster.cls->splits.end());
  EXPECT_EQ(new_cluster.range, nullptr);

  const auto& go_redis = find("go-redis");
  const auto& go_cluster = *go_redis.find_class("ClusterClient");
  auto before = go_redis.class_at(go_cluster, versions::parse_version("9.10.5"));
  auto after = go_redis.class_at(go_cluster, versions::parse_version("9.11.0"));
  EXPECT_NE(before.cls->transaction_note.find("one MULTI/EXEC per slot"), std::string::npos);
  EXPECT_NE(after.cls->transaction_note.find("ErrCrossSlot"), std::string::npos);
}

}  // namespace
}  // namespace slotlint
