// Parsing within work limits: the nesting measured on the text before any
// parse, tree-sitter's operations counted (never timed), and the tree's walks
// up from a node counted in steps; the same input gives the same answer on any
// machine.
#include <gtest/gtest.h>
#include <tree_sitter/api.h>

#include <string>

#include "frontends/common/nesting.h"
#include "frontends/common/parsing.h"

extern "C" const TSLanguage* tree_sitter_python();
extern "C" const TSLanguage* tree_sitter_javascript();

namespace slotlint {
namespace {

ts::Parser parser_for(const TSLanguage* language) {
  std::string error;
  auto parser = ts::Parser::create(language, error);
  EXPECT_TRUE(parser) << error;
  return std::move(*parser);
}

// `levels` nested ifs around a Redis call, four spaces a level.
std::string nested_ifs(int levels) {
  std::string text = "import redis\nr = redis.Redis()\n";
  for (int i = 0; i < levels; ++i) text += std::string(4 * i, ' ') + "if x:\n";
  return text + std::string(4 * levels, ' ') + "r.mget('a', 'b')\n";
}

TEST(Nesting, CountsBracketsAndWhereTheyAreDeepest) {
  auto nesting = frontend::measure_nesting("f(a)\nx = [1, {2: (3,\n 4)}]\ny = ()\n", false);
  EXPECT_EQ(nesting.brackets.levels, 3u);
  EXPECT_EQ(nesting.brackets.line, 2u);
  EXPECT_EQ(nesting.indentation.levels, 0u);  // not asked for
  // Closers without openers do not go below zero.
  EXPECT_EQ(frontend::measure_nesting(")))((", false).brackets.levels, 2u);
}

TEST(Nesting, CountsIndentationLevelsAsPythonStacksThem) {
  auto nesting = frontend::measure_nesting(nested_ifs(7), true);
  EXPECT_EQ(nesting.indentation.levels, 7u);
  EXPECT_EQ(nesting.indentation.line, 10u);
  // Dedenting pops levels; blank lines and a tab (8 columns) count as Python does.
  auto text = "if a:\n  if b:\n\n    x\n  y\n      z\n\tw\nv\n";
  EXPECT_EQ(frontend::measure_nesting(text, true).indentation.levels, 3u);
  EXPECT_EQ(frontend::measure_nesting(text, true).indentation.line, 7u);
  // A lone CR ends a line too.
  EXPECT_EQ(frontend::measure_nesting("if a:\r  if b:\r    x\r", true).indentation.levels, 2u);
}

// About 510 nested blocks overran tree-sitter-python's scanner state (SIGBUS,
// or an assertion under ASan): refused before parsing, saying depth and limit.
TEST(Parsing, PythonIndentationOverTheLimitIsRefusedBeforeParsing) {
  auto parser = parser_for(tree_sitter_python());
  frontend::ParseLimits python;
  python.indentation_nests = true;
  for (int levels : {515, 2000}) {
    auto parsed = frontend::parse(parser, nested_ifs(levels), python);
    ASSERT_FALSE(parsed.tree);
    ASSERT_TRUE(parsed.refusal);
    EXPECT_EQ(parsed.refusal->id, "nesting-too-deep");
    EXPECT_EQ(parsed.refusal->message, "nests " + std::to_string(levels) +
                                           " indentation levels deep (line " +
                                           std::to_string(levels + 3) + "), over the limit of 200");
    EXPECT_EQ(parsed.work.parse_operations, 0u);  // tree-sitter never saw it
  }
  auto parsed = frontend::parse(parser, nested_ifs(200), python);
  EXPECT_TRUE(parsed.tree);
  EXPECT_FALSE(parsed.refusal);
  EXPECT_EQ(parsed.work.nesting, 200u);
}

TEST(Parsing, BracketsOverTheLimitAreRefused) {
  auto parser = parser_for(tree_sitter_javascript());
  auto deep = [](int levels) {
    return "const x = " + std::string(levels, '[') + std::string(levels, ']') + ";\n";
  };
  auto parsed = frontend::parse(parser, deep(1001), {});
  ASSERT_TRUE(parsed.refusal);
  EXPECT_EQ(parsed.refusal->id, "nesting-too-deep");
  EXPECT_EQ(parsed.refusal->message, "nests 1001 brackets deep (line 1), over the limit of 1000");
  EXPECT_TRUE(frontend::parse(parser, deep(1000), {}).tree);
}

TEST(Parsing, OperationsAreCountedTheSameEveryTimeAndBoundTheParse) {
  auto parser = parser_for(tree_sitter_javascript());
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "let x" + std::to_string(i) + " = f(" + std::to_string(i) + ");\n";
  auto first = frontend::parse(parser, text, {});
  auto second = frontend::parse(parser, text, {});
  ASSERT_TRUE(first.tree);
  EXPECT_GT(first.work.parse_operations, 0u);
  EXPECT_EQ(first.work.parse_operations, second.work.parse_operations);
  EXPECT_EQ(first.work.nodes, second.work.nodes);
  EXPECT_EQ(first.work.bytes, text.size());

  frontend::ParseLimits tight;
  tight.base_operations = first.work.parse_operations / 2;
  tight.operations_per_byte = 0;
  auto stopped = frontend::parse(parser, text, tight);
  EXPECT_FALSE(stopped.tree);
  ASSERT_TRUE(stopped.refusal);
  EXPECT_EQ(stopped.refusal->id, "parse-budget");
  EXPECT_EQ(stopped.refusal->message, "takes more than " + std::to_string(tight.base_operations) +
                                          " parse operations, the limit for its size (" +
                                          std::to_string(tight.base_operations) +
                                          " plus 0 a byte)");
}

TEST(TreeSitter, AncestorsAreTheParentsInOneWalkCountedInSteps) {
  auto parser = parser_for(tree_sitter_javascript());
  std::string text =
      "function f() {" + std::string(50, '{') + "g();" + std::string(50, '}') + "}\n";
  auto parsed = frontend::parse(parser, text, {});
  ASSERT_TRUE(parsed.tree);
  auto root = parsed.tree->root();
  ts::Node call;
  for (std::vector<ts::Node> stack{root}; !stack.empty() && call.is_null();) {
    auto node = stack.back();
    stack.pop_back();
    if (node.type() == "call_expression") call = node;
    for (auto child : node.named_children()) stack.push_back(child);
  }
  ASSERT_FALSE(call.is_null());
  auto before = parsed.tree->steps();
  auto ancestors = call.ancestors();
  auto depth = ancestors.size();
  EXPECT_EQ(parsed.tree->steps() - before, depth);  // one walk down, one step a level
  EXPECT_EQ(ancestors.back(), root);
  std::size_t i = 0;
  for (auto node = call.parent(); !node.is_null(); node = node.parent(), ++i) {
    ASSERT_LT(i, depth);
    EXPECT_EQ(node, ancestors[i]);
  }
  EXPECT_EQ(i, depth);
  // A loop of parent() calls walks down once per level: depth * (depth + 1) / 2.
  EXPECT_EQ(parsed.tree->steps() - before, depth + depth * (depth + 1) / 2);
  auto block = call.nearest_ancestor([](ts::Node n) { return n.type() == "function_declaration"; });
  EXPECT_EQ(block.type(), "function_declaration");
  EXPECT_TRUE(call.nearest_ancestor([](ts::Node n) { return n.type() == "class"; }).is_null());
}

TEST(TreeSitter, ChildrenInOnePassAreTheIndexedChildren) {
  auto parser = parser_for(tree_sitter_javascript());
  // Error recovery leaves flat nodes with many children.
  std::string text = "f(a, b, ) ) ] } ; let = = 3 ; g(1)(2)\n";
  auto parsed = frontend::parse(parser, text, {});
  ASSERT_TRUE(parsed.tree);
  std::vector<ts::Node> stack{parsed.tree->root()};
  while (!stack.empty()) {
    auto node = stack.back();
    stack.pop_back();
    auto children = node.children();
    auto named = node.named_children();
    ASSERT_EQ(children.size(), node.child_count());
    ASSERT_EQ(named.size(), node.named_child_count());
    for (std::uint32_t i = 0; i < children.size(); ++i) EXPECT_EQ(children[i], node.child(i));
    for (std::uint32_t i = 0; i < named.size(); ++i) EXPECT_EQ(named[i], node.named_child(i));
    stack.insert(stack.end(), children.begin(), children.end());
  }
}

}  // namespace
}  // namespace slotlint
