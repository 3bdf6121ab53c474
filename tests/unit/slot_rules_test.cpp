// What the slot rules say about keys chosen on a branch and keys filled with
// different variables: the level, and the branch named in the message and in
// the key's related location. Ops are built here, as no frontend produces
// alternatives yet.
#include <gtest/gtest.h>

#include "analyzer/ir/redis_op.h"
#include "rules/cross_slot_multi_key_command.h"
#include "rules/cross_slot_transaction.h"
#include "rules/empty_hash_tag.h"

namespace slotlint::rules {
namespace {

using ir::KeyExpr;

KeyExpr literal(std::string text, std::uint32_t at) {
  auto size = static_cast<std::uint32_t>(text.size());
  return KeyExpr::literal(std::move(text), {0, at, at + size}, true);
}

KeyExpr templated(std::string head, std::string symbol, std::string tail, std::uint32_t at) {
  auto key = literal(std::move(head), at);
  key.append(KeyExpr::hole(symbol, symbol, {0, at + 10, at + 11}));
  key.append(literal(std::move(tail), at + 11));
  return key;
}

KeyExpr delayed_or_not(std::uint32_t at) {
  return KeyExpr::one_of(
      {{literal("{job}:delayed", at), "when `delayed` is true", {}},
       {KeyExpr::literal("", {0, at + 20, at + 22}, true), "when `delayed` is false", {}}},
      {0, at, at + 30});
}

ir::RedisOp op_with(std::string command, std::vector<KeyExpr> keys) {
  ir::RedisOp op;
  op.command = std::move(command);
  op.api = "mget";
  op.callee = {0, 0, 4};
  op.keys = std::move(keys);
  return op;
}

std::vector<ir::Finding> check(const Rule& rule, const std::vector<ir::RedisOp>& ops) {
  std::vector<ir::Finding> findings;
  rule.check(ops, {}, findings);
  return findings;
}

TEST(SlotRules, AKeyChosenOnABranchIsReportedWithTheBranch) {
  auto findings = check(CrossSlotMultiKeyCommand(),
                        {op_with("MGET", {literal("{job}:wait", 10), delayed_or_not(40)})});
  ASSERT_EQ(findings.size(), 1u);
  const auto& finding = findings.front();
  EXPECT_EQ(finding.level, ir::Level::Error);
  EXPECT_EQ(finding.verdict, "cross-slot");
  auto text = ir::full_message(finding.message, finding.notes);
  EXPECT_NE(text.find("when `delayed` is false, '{job}:wait' hashes to slot"), std::string::npos)
      << text;
  ASSERT_EQ(finding.related.size(), 2u);
  EXPECT_EQ(finding.related[1].message, "key '' when `delayed` is false (slot 0)");
  EXPECT_EQ(finding.related[1].span.begin, 60u) << "the alternative's own place";
}

TEST(SlotRules, EveryBranchInOneSlotIsNoFinding) {
  auto either = KeyExpr::one_of(
      {{literal("{job}:a", 40), "when `x`", {}}, {literal("{job}:b", 50), "when not `x`", {}}},
      {0, 40, 60});
  EXPECT_TRUE(
      check(CrossSlotMultiKeyCommand(), {op_with("MGET", {literal("{job}:wait", 10), either})})
          .empty());
}

TEST(SlotRules, DifferentVariablesAreAWarningAndTheSameVariableNothing) {
  auto different = check(CrossSlotMultiKeyCommand(),
                         {op_with("RENAME", {templated("{user:", "a", "}:cart", 10),
                                             templated("{user:", "b", "}:cart", 40)})});
  ASSERT_EQ(different.size(), 1u);
  EXPECT_EQ(different.front().level, ir::Level::Warning);
  EXPECT_EQ(different.front().verdict, "likely-cross-slot");
  auto text = ir::full_message(different.front().message, different.front().notes);
  EXPECT_NE(text.find("different values (`a` and `b`)"), std::string::npos) << text;
  EXPECT_TRUE(check(CrossSlotMultiKeyCommand(),
                    {op_with("RENAME", {templated("{user:", "a", "}:cart", 10),
                                        templated("{user:", "a", "}:old", 40)})})
                  .empty());
}

TEST(SlotRules, ATransactionNamesTheBranchOfTheQueuedKey) {
  ir::GroupRef group{ir::GroupRef::Kind::Transaction, "pipe", {0, 0, 4}};
  auto first = op_with("SET", {literal("{job}:wait", 10)});
  auto second = op_with("SET", {delayed_or_not(40)});
  first.group = group;
  second.group = group;
  second.callee = {0, 30, 33};
  auto findings = check(CrossSlotTransaction(), {first, second});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings.front().level, ir::Level::Error);
  auto text = ir::full_message(findings.front().message, findings.front().notes);
  EXPECT_NE(text.find("when `delayed` is false"), std::string::npos) << text;
  EXPECT_EQ(findings.front().related.back().message, "SET '' when `delayed` is false (slot 0)");
}

TEST(SlotRules, AnEmptyTagInOneBranchIsFound) {
  auto either = KeyExpr::one_of({{literal("{user:1}:a", 40), "when `x`", {}},
                                 {literal("{}:user:1:a", 60), "when not `x`", {}}},
                                {0, 40, 80});
  auto findings = check(EmptyHashTag(), {op_with("GET", {either})});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings.front().primary.begin, 60u);
}

}  // namespace
}  // namespace slotlint::rules
