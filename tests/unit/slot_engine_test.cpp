#include "analyzer/slot/slot_engine.h"

#include <gtest/gtest.h>

#include "analyzer/slot/hash_tag_suggestion.h"

namespace slotlint::slot {
namespace {

using ir::KeyExpr;

// Builds keys from a tiny notation: "<name>" is a hole with symbol name,
// "<*name>" a hole that varies per element; the rest is literal.
KeyExpr key(std::string_view spec, std::uint32_t at = 0) {
  KeyExpr expr;
  std::size_t i = 0;
  while (i < spec.size()) {
    if (spec[i] == '<') {
      auto close = spec.find('>', i);
      std::string name(spec.substr(i + 1, close - i - 1));
      bool varies = name.front() == '*';
      if (varies) name.erase(0, 1);
      expr.append(KeyExpr::hole(
          name, name,
          {0, at + static_cast<std::uint32_t>(i), at + static_cast<std::uint32_t>(close + 1)},
          varies));
      i = close + 1;
    } else {
      auto next = std::min(spec.find('<', i), spec.size());
      expr.append(KeyExpr::literal(
          std::string(spec.substr(i, next - i)),
          {0, at + static_cast<std::uint32_t>(i), at + static_cast<std::uint32_t>(next)}, true));
      i = next;
    }
  }
  return expr;
}

Verdict verdict_of(std::vector<KeyExpr> keys) { return judge(keys).verdict; }

TEST(SlotEngine, LiteralKeysInDifferentSlotsAreProvenCrossSlot) {
  auto result = judge(std::vector{key("foo"), key("bar")});
  EXPECT_EQ(result.verdict, Verdict::CrossSlot);
  EXPECT_NE(result.reason.find("12182"), std::string::npos);
}

TEST(SlotEngine, LiteralTagsMakeSameSlot) {
  EXPECT_EQ(verdict_of({key("{user:1}:a"), key("{user:1}:b")}), Verdict::SameSlot);
}

TEST(SlotEngine, SameKeyTwiceIsSameSlot) {
  EXPECT_EQ(verdict_of({key("a"), key("a")}), Verdict::SameSlot);
  EXPECT_EQ(verdict_of({key("user:<uid>"), key("user:<uid>")}), Verdict::SameSlot);
}

TEST(SlotEngine, HoleInsideSharedTagIsSameSlot) {
  EXPECT_EQ(verdict_of({key("{user:<uid>}:name"), key("{user:<uid>}:email")}), Verdict::SameSlot);
}

TEST(SlotEngine, DifferentVariablesInATagAreLikelyCrossSlot) {
  auto result = judge(std::vector{key("{user:<a>}:name"), key("{user:<b>}:name")});
  EXPECT_EQ(result.verdict, Verdict::LikelyCrossSlot);
  EXPECT_NE(result.reason.find("different values (`a` and `b`)"), std::string::npos)
      << result.reason;
}

TEST(SlotEngine, TemplatesDifferingOutsideATagAreLikelyCrossSlot) {
  auto result = judge(std::vector{key("user:<uid>:name"), key("user:<uid>:email")});
  EXPECT_EQ(result.verdict, Verdict::LikelyCrossSlot);
}

TEST(SlotEngine, LiteralTagAfterAHoleIsNotProvable) {
  // `p` could contain '{' and move the tag: different literal tags are only likely.
  auto result = judge(std::vector{key("<p>{a}:x"), key("<p>{b}:y")});
  EXPECT_EQ(result.verdict, Verdict::LikelyCrossSlot);
  EXPECT_NE(result.reason.find("brace"), std::string::npos);
}

TEST(SlotEngine, LiteralTagWithHolesAfterItIsProven) {
  EXPECT_EQ(verdict_of({key("{a}:<x>"), key("{b}:<x>")}), Verdict::CrossSlot);
  EXPECT_EQ(verdict_of({key("{a}:<x>"), key("{a}:<y>")}), Verdict::SameSlot);
}

TEST(SlotEngine, EmptyTagHashesTheWholeKey) {
  // "{}a" and "{}b" hash whole; they land in different slots.
  EXPECT_EQ(verdict_of({key("{}a"), key("{}b")}), Verdict::CrossSlot);
}

TEST(SlotEngine, UnknownKeysGiveUnknown) {
  std::vector keys{key("a"), KeyExpr::unknown("keys()", {})};
  EXPECT_EQ(verdict_of(keys), Verdict::Unknown);
}

TEST(SlotEngine, OpaqueCollectionIsUnknown) {
  auto keys = KeyExpr::unknown("keys", {});
  keys.mark_collection();
  EXPECT_EQ(verdict_of({keys}), Verdict::Unknown);
}

TEST(SlotEngine, CollectionVaryingInHashedPartIsLikelyCrossSlot) {
  auto elements = key("user:<*u>");
  elements.mark_collection();
  EXPECT_EQ(verdict_of({elements}), Verdict::LikelyCrossSlot);
  auto tagged = key("{cart:<c>}:<*item>");
  tagged.mark_collection();
  EXPECT_EQ(verdict_of({tagged}), Verdict::SameSlot);
}

TEST(SlotEngine, AKeyThatIsOnlyAVariableIsUnknown) {
  // The value may carry its own hash tag.
  EXPECT_EQ(verdict_of({key("<a>"), key("<b>")}), Verdict::Unknown);
  EXPECT_EQ(verdict_of({key("<a>"), key("user:<b>:x")}), Verdict::Unknown);
}

TEST(SlotEngine, DistinctVariablesInOtherwiseEqualKeysAreLikelyCrossSlot) {
  EXPECT_EQ(verdict_of({key("user:<a>"), key("user:<b>")}), Verdict::LikelyCrossSlot);
  EXPECT_EQ(verdict_of({key("{<a>}:x"), key("{<b>}:x")}), Verdict::LikelyCrossSlot)
      << "a variable alone in a literal tag is hashed whole";
  EXPECT_EQ(verdict_of({key("{job:<a>}:x"), key("{job:<b>}:y")}), Verdict::LikelyCrossSlot);
}

TEST(SlotEngine, TheSameVariableOnBothSidesStaysSameSlot) {
  EXPECT_EQ(verdict_of({key("{job:<a>}:x"), key("{job:<a>}:y")}), Verdict::SameSlot);
  EXPECT_EQ(verdict_of({key("user:<a>:<b>"), key("user:<a>:<b>")}), Verdict::SameSlot);
}

TEST(SlotEngine, DistinctVariablesOutsideTheTagDoNotMatter) {
  EXPECT_EQ(verdict_of({key("{user:1}:<a>"), key("{user:1}:<b>")}), Verdict::SameSlot);
}

TEST(SlotEngine, DifferentFixedTextIsLikelyCrossSlot) {
  EXPECT_EQ(verdict_of({key("user:1"), key("user:<u>")}), Verdict::LikelyCrossSlot);
  EXPECT_EQ(verdict_of({key("rq:queue:<a>"), key("rq:queue:_compact:<b>")}),
            Verdict::LikelyCrossSlot);
}

TEST(SlotEngine, ProvenBeatsEverythingElse) {
  std::vector keys{KeyExpr::unknown("x", {}), key("foo"), key("bar")};
  EXPECT_EQ(verdict_of(keys), Verdict::CrossSlot);
}

TEST(TagSuggestion, SharedLeadingPart) {
  auto suggestion =
      suggest_hash_tag(std::vector{key("user:1000:profile"), key("user:1000:email", 100)});
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->tag, "{user:1000}");
  EXPECT_EQ(suggestion->tagged_keys[0], "{user:1000}:profile");
  EXPECT_EQ(suggestion->tagged_keys[1], "{user:1000}:email");
  ASSERT_TRUE(suggestion->fix);
  ASSERT_EQ(suggestion->fix->replacements.size(), 4u);
  EXPECT_EQ(suggestion->fix->replacements[0].deleted.begin, 0u);
  EXPECT_EQ(suggestion->fix->replacements[0].inserted, "{");
  EXPECT_EQ(suggestion->fix->replacements[1].deleted.begin, 9u);
  EXPECT_EQ(suggestion->fix->replacements[1].inserted, "}");
}

TEST(TagSuggestion, SharedVariable) {
  auto suggestion =
      suggest_hash_tag(std::vector{key("cart:<uid>"), key("user:<uid>:profile", 100)});
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->tag, "{<uid>}");
  EXPECT_EQ(suggestion->tagged_keys[1], "user:{<uid>}:profile");
  // cart:<uid> ends with the variable: nothing literal after it to hold '}'.
  EXPECT_FALSE(suggestion->fix);
}

TEST(TagSuggestion, NoNamespaceOnlyTag) {
  // "stats:" alone would put every stats key in one hot slot.
  EXPECT_FALSE(suggest_hash_tag(std::vector{key("stats:<day>"), key("stats:<month>")}));
}

TEST(TagSuggestion, DoubledBracesForFormatStrings) {
  auto a = KeyExpr::literal("user:", {0, 0, 5}, true, ir::BraceEscaping::Doubled);
  a.append(KeyExpr::hole("uid", "uid", {0, 5, 10}));
  a.append(KeyExpr::literal(":a", {0, 10, 12}, true, ir::BraceEscaping::Doubled));
  auto b = KeyExpr::literal("user:", {0, 20, 25}, true, ir::BraceEscaping::Doubled);
  b.append(KeyExpr::hole("uid", "uid", {0, 25, 30}));
  b.append(KeyExpr::literal(":b", {0, 30, 32}, true, ir::BraceEscaping::Doubled));
  auto suggestion = suggest_hash_tag(std::vector{a, b});
  ASSERT_TRUE(suggestion && suggestion->fix);
  EXPECT_EQ(suggestion->fix->replacements[0].inserted, "{{");
  EXPECT_EQ(suggestion->fix->replacements[1].inserted, "}}");
  EXPECT_EQ(suggestion->fix->replacements[1].deleted.begin, 10u);
}

TEST(TagSuggestion, NothingInCommon) {
  EXPECT_FALSE(suggest_hash_tag(std::vector{key("a"), key("b")}));
}

}  // namespace
}  // namespace slotlint::slot

namespace slotlint::slot {
namespace {

TEST(TagSuggestion, FieldsOfFormatStringsCanBeWrapped) {
  // f"cart:{uid}" and f"order:{uid}:{oid}": tag the shared field in place.
  auto field = [](std::uint32_t begin) {
    auto hole = KeyExpr::hole("uid", "uid", {0, begin, begin + 5});
    auto segment = std::get<ir::HoleSegment>(hole.segments().front());
    segment.in_string_literal = true;
    segment.escaping = ir::BraceEscaping::Doubled;
    KeyExpr out;
    out.append(ir::Segment{segment});
    return out;
  };
  auto cart = KeyExpr::literal("cart:", {0, 0, 5}, true, ir::BraceEscaping::Doubled);
  cart.append(field(5));
  auto order = KeyExpr::literal("order:", {0, 20, 26}, true, ir::BraceEscaping::Doubled);
  order.append(field(26));
  order.append(KeyExpr::literal(":x", {0, 31, 33}, true, ir::BraceEscaping::Doubled));
  auto suggestion = suggest_hash_tag(std::vector{cart, order});
  ASSERT_TRUE(suggestion && suggestion->fix);
  const auto& edits = suggestion->fix->replacements;
  ASSERT_EQ(edits.size(), 4u);
  EXPECT_EQ(edits[0].deleted.begin, 5u);  // before the field {uid}
  EXPECT_EQ(edits[0].inserted, "{{");
  EXPECT_EQ(edits[1].deleted.begin, 10u);  // after it
  EXPECT_EQ(edits[1].inserted, "}}");
  EXPECT_EQ(edits[2].deleted.begin, 26u);
  EXPECT_EQ(edits[3].deleted.begin, 31u);
}

TEST(TagSuggestion, WarnsWhenTheTagIsAWholeFamily) {
  auto family = suggest_hash_tag(std::vector{key("price:apple"), key("price:pear", 50)});
  ASSERT_TRUE(family);
  EXPECT_TRUE(family->whole_family);
  auto entity = suggest_hash_tag(std::vector{key("user:1:a"), key("user:1:b", 50)});
  ASSERT_TRUE(entity);
  EXPECT_FALSE(entity->whole_family);
}

}  // namespace
}  // namespace slotlint::slot

namespace slotlint::slot {
namespace {

TEST(SlotEngine, OpaqueVaryingElementsAreUnknown) {
  auto elements = key("<*k>");
  elements.mark_collection();
  EXPECT_EQ(verdict_of({elements}), Verdict::Unknown);
}

}  // namespace
}  // namespace slotlint::slot

namespace slotlint::slot {
namespace {

TEST(TagSuggestion, ACollectionIsTaggedBeforeItsVaryingPart) {
  auto fields = key("user:<uid>:<*f>");
  fields.mark_collection();
  auto suggestion = suggest_hash_tag(std::vector{fields});
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->tag, "{user:<uid>}");
  auto users = key("user:<*u>");
  users.mark_collection();
  EXPECT_FALSE(suggest_hash_tag(std::vector{users})) << "{user} would be one hot slot";
}

TEST(TagSuggestion, TagTextComesFromTheKeyNotItsRendering) {
  // A hole whose display holds braces must not confuse the tag's text.
  auto a = key("user:<uid>:a");
  auto b = key("user:<uid>:b", 50);
  auto suggestion = suggest_hash_tag(std::vector{a, b});
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->tag, "{user:<uid>}");
}

}  // namespace
}  // namespace slotlint::slot

namespace slotlint::slot {
namespace {

ir::KeyExpr one_of(std::vector<std::pair<std::string, std::string>> alternatives) {
  std::vector<ir::KeyAlternative> out;
  for (auto& [spec, condition] : alternatives) out.push_back({key(spec), condition, {}});
  return KeyExpr::one_of(std::move(out), {});
}

TEST(SlotAlternatives, TheWorstCombinationIsReportedWithItsBranch) {
  auto delayed =
      one_of({{"{job}:delayed", "when `delayed` is true"}, {"", "when `delayed` is false"}});
  auto result = judge(std::vector{key("{job}:wait"), delayed});
  EXPECT_EQ(result.verdict, Verdict::CrossSlot);
  EXPECT_EQ(result.branch, "when `delayed` is false");
  EXPECT_EQ(result.reason.rfind("when `delayed` is false, ", 0), 0u) << result.reason;
  EXPECT_NE(result.reason.find("'' to slot 0"), std::string::npos) << result.reason;
  EXPECT_EQ(result.choice, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(result.combinations, 2u);
  ASSERT_EQ(result.keys.size(), 2u);
  EXPECT_EQ(result.keys[1].slot, 0);
}

TEST(SlotAlternatives, EveryCombinationSameSlotIsSameSlot) {
  auto either = one_of({{"{job}:a", "when `x`"}, {"{job}:b", "when not `x`"}});
  auto result = judge(std::vector{key("{job}:wait"), either, either});
  EXPECT_EQ(result.verdict, Verdict::SameSlot);
  EXPECT_EQ(result.combinations, 4u);
  EXPECT_TRUE(result.branch.empty());
}

TEST(SlotAlternatives, EachCombinationIsJudgedOnItsOwn) {
  auto either = one_of({{"{a}:1", "when `x`"}, {"{b}:1", "when not `x`"}});
  auto each = judge_each_combination(std::vector{key("{a}:2"), either});
  ASSERT_TRUE(each);
  ASSERT_EQ(each->size(), 2u);
  EXPECT_EQ((*each)[0].verdict.verdict, Verdict::SameSlot);
  EXPECT_EQ((*each)[1].verdict.verdict, Verdict::CrossSlot);
  EXPECT_EQ((*each)[1].choice, (std::vector<std::size_t>{0, 1}));
}

TEST(SlotAlternatives, AnAlternativeWithoutConditionIsNamedByItsKey) {
  auto either = one_of({{"{a}:1", ""}, {"user:<u>:x", ""}});
  auto result = judge(std::vector{key("{a}:2"), either});
  EXPECT_EQ(result.verdict, Verdict::LikelyCrossSlot);
  EXPECT_EQ(result.branch, "when key 2 is 'user:<u>:x'");
}

TEST(SlotAlternatives, AVerdictThatDoesNotDependOnTheBranchNamesNone) {
  auto either = one_of({{"{a}:1", "when `x`"}, {"{a}:2", "when not `x`"}});
  auto result = judge(std::vector{key("foo"), key("bar"), either});
  EXPECT_EQ(result.verdict, Verdict::CrossSlot);
  EXPECT_TRUE(result.branch.empty()) << result.branch;
}

TEST(SlotAlternatives, DistinctVariablesInOneBranch) {
  auto either = one_of({{"{job:<a>}:x", "when `a` is set"}, {"{job:<b>}:x", "otherwise"}});
  auto result = judge(std::vector{key("{job:<a>}:y"), either});
  EXPECT_EQ(result.verdict, Verdict::LikelyCrossSlot);
  EXPECT_EQ(result.branch, "otherwise");
}

TEST(SlotAlternatives, TooManyCombinationsAreUnknownWithAReason) {
  std::vector<std::pair<std::string, std::string>> eight;
  for (int i = 0; i < 8; ++i) eight.emplace_back("{t}:" + std::to_string(i), "");
  auto many = one_of(eight);
  std::vector keys{many, many, many, many};  // 4096 combinations
  EXPECT_FALSE(judge_each_combination(keys));
  auto result = judge(keys);
  EXPECT_EQ(result.verdict, Verdict::Unknown);
  EXPECT_EQ(result.combinations, 0u);
  EXPECT_NE(result.reason.find("more than 256 combinations"), std::string::npos) << result.reason;
  // What holds without the alternatives is still proven.
  keys.push_back(key("foo"));
  keys.push_back(key("bar"));
  EXPECT_EQ(judge(keys).verdict, Verdict::CrossSlot);
}

}  // namespace
}  // namespace slotlint::slot
