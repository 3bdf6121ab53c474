// A script key at one call: KEYS/ARGV filled in from the call's arguments,
// body offsets mapped into the source that holds the script.
#include "analyzer/ir/script.h"

#include <gtest/gtest.h>

#include "analyzer/ir/redis_op.h"

namespace slotlint {
namespace {

ir::Arg literal(std::string text, std::uint32_t at = 0) {
  return {ir::KeyExpr::literal(std::move(text), {0, at, at + 1}, true), false};
}

ir::RedisOp eval_op(std::vector<ir::Arg> argv) {
  ir::RedisOp op;
  op.command = "EVAL";
  op.argv = std::move(argv);
  return op;
}

TEST(ScriptCallInputs, SplitsKeysFromArgumentsByNumkeys) {
  auto op = eval_op({literal("body"), literal("2"), literal("a"), literal("b"), literal("x")});
  auto inputs = ir::script_call_inputs(op);
  ASSERT_TRUE(inputs);
  EXPECT_EQ(inputs->numkeys, 2u);
  ASSERT_EQ(inputs->keys.size(), 2u);
  EXPECT_EQ(inputs->keys[1].literal_text(), "b");
  ASSERT_EQ(inputs->args.size(), 1u);
  EXPECT_EQ(inputs->args[0].literal_text(), "x");
}

TEST(ScriptCallInputs, UnknownNumkeysOrASpreadAmongKeysGivesNothing) {
  auto unknown = eval_op({literal("body"), {ir::KeyExpr::hole("n", "n", {}), false}, literal("a")});
  EXPECT_FALSE(ir::script_call_inputs(unknown));
  auto spread = eval_op({literal("body"), literal("2"), {ir::KeyExpr::hole("ks", "ks", {}), true}});
  EXPECT_FALSE(ir::script_call_inputs(spread));
  auto short_argv = eval_op({literal("body"), literal("3"), literal("a")});
  EXPECT_FALSE(ir::script_call_inputs(short_argv));
}

TEST(Instantiate, FillsKeysAndArgvFromTheCall) {
  ir::ScriptUse use;
  use.text.push_back({0, 100, {3, 50, 150}, true});
  ir::KeyExpr key = ir::KeyExpr::hole(ir::script_symbol("KEYS", 1), "KEYS[1]", {0, 10, 17});
  key.append(ir::KeyExpr::literal(":", {0, 21, 22}, true));
  key.append(ir::KeyExpr::hole(ir::script_symbol("ARGV", 2), "ARGV[2]", {0, 26, 33}));
  key.set_span({0, 10, 33});
  auto op = eval_op({literal("body"), literal("1"), literal("{q}"), literal("x"), literal("7")});
  auto inputs = ir::script_call_inputs(op);
  ASSERT_TRUE(inputs);
  auto filled = ir::instantiate(key, use, *inputs);
  EXPECT_TRUE(filled.is_literal());
  EXPECT_EQ(filled.literal_text(), "{q}:7");
  EXPECT_EQ(filled.span().file, 3u);
  EXPECT_EQ(filled.span().begin, 60u);  // body offset 10 in a piece starting at 50
}

TEST(Instantiate, AKeyThatIsNotPassedIsUnknown) {
  ir::ScriptUse use;
  auto key = ir::KeyExpr::hole(ir::script_symbol("KEYS", 2), "KEYS[2]", {0, 0, 7});
  auto op = eval_op({literal("body"), literal("1"), literal("a")});
  auto filled = ir::instantiate(key, use, *ir::script_call_inputs(op));
  EXPECT_TRUE(filled.is_unknown());
}

TEST(LocateInScript, InexactPiecesPointAtTheirStart) {
  ir::ScriptUse use;
  use.text.push_back({0, 10, {0, 100, 110}, true});
  use.text.push_back({10, 10, {0, 200, 212}, false});
  EXPECT_EQ(ir::locate_in_script(use, 2, 5).begin, 102u);
  EXPECT_EQ(ir::locate_in_script(use, 2, 5).end, 105u);
  EXPECT_EQ(ir::locate_in_script(use, 14, 16).begin, 200u);
  EXPECT_EQ(ir::locate_in_script(use, 14, 16).end, 200u);
}

TEST(ScriptSymbols, RoundTripAndRejectOrdinarySymbols) {
  auto input = ir::parse_script_symbol(ir::script_symbol("ARGV", 12));
  ASSERT_TRUE(input);
  EXPECT_FALSE(input->is_keys);
  EXPECT_EQ(input->index, 12);
  EXPECT_FALSE(ir::parse_script_symbol("s0:KEYS:1"));
  EXPECT_FALSE(ir::parse_script_symbol(""));
}

}  // namespace
}  // namespace slotlint
