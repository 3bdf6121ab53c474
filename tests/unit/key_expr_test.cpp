// KeyExpr's byte budget: whatever builds a key (a concatenation, a format
// width), it holds at most kMaxKeyBytes literal bytes, and the bytes past
// that are a hole that says so.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "analyzer/ir/key_expr.h"

namespace slotlint::ir {
namespace {

constexpr std::string_view kBudgetNote = "longer than the 65536-byte key budget";

const HoleSegment* hole_at(const KeyExpr& key, std::size_t index) {
  return index < key.segments().size() ? std::get_if<HoleSegment>(&key.segments()[index]) : nullptr;
}

TEST(KeyBudget, ALiteralUpToTheBudgetIsKept) {
  auto key = KeyExpr::literal(std::string(kMaxKeyBytes, 'x'), {0, 0, 10}, false);
  EXPECT_TRUE(key.is_literal());
  EXPECT_EQ(key.literal_text().size(), kMaxKeyBytes);
}

TEST(KeyBudget, ALongerLiteralIsAHoleThatSaysWhy) {
  auto key = KeyExpr::literal(std::string(kMaxKeyBytes + 1, 'x'), {0, 0, 10}, true);
  ASSERT_EQ(key.segments().size(), 1u);
  const auto* hole = hole_at(key, 0);
  ASSERT_NE(hole, nullptr);
  EXPECT_TRUE(hole->over_budget);
  EXPECT_EQ(hole->display, kBudgetNote);
  EXPECT_EQ(key.display(), "<" + std::string(kBudgetNote) + ">");
}

TEST(KeyBudget, AppendingPastTheBudgetMakesThatPieceAHole) {
  auto key = KeyExpr::literal("{user:1}:", {0, 0, 9}, true);
  key.append(KeyExpr::literal(std::string(kMaxKeyBytes, 'x'), {0, 20, 30}, false));
  key.append(KeyExpr::literal(":tail", {0, 40, 45}, false));  // still fits
  ASSERT_EQ(key.segments().size(), 3u);
  EXPECT_EQ(std::get<LiteralSegment>(key.segments()[0]).text, "{user:1}:");
  ASSERT_NE(hole_at(key, 1), nullptr);
  EXPECT_TRUE(hole_at(key, 1)->over_budget);
  EXPECT_EQ(std::get<LiteralSegment>(key.segments()[2]).text, ":tail");
  EXPECT_EQ(key.display(), "{user:1}:<" + std::string(kBudgetNote) + ">:tail");
}

TEST(KeyBudget, ARunOfAppendsPastTheBudgetIsOneHole) {
  // `k = k + "a"` again and again: one hole, not one segment per "a".
  KeyExpr key;
  for (std::uint32_t i = 0; i < 200'000; ++i)
    key.append(KeyExpr::literal("a", {0, i, i + 1}, false));
  ASSERT_EQ(key.segments().size(), 2u);
  EXPECT_EQ(key.literal_text(), std::string(kMaxKeyBytes, 'a'));
  EXPECT_TRUE(hole_at(key, 1)->over_budget);
}

TEST(KeyBudget, TheSameBytesGiveTheSameHoleAndOthersAnother) {
  auto big = [](char c) {
    return KeyExpr::literal(std::string(kMaxKeyBytes + 5, c), {0, 0, 1}, false);
  };
  EXPECT_EQ(tokens(big('x')), tokens(big('x')));
  EXPECT_NE(tokens(big('x')), tokens(big('y')));
  auto padded = [](std::size_t width) { return KeyExpr::padded("7", width, '0', 0, {0, 0, 1}); };
  EXPECT_EQ(tokens(padded(999'999'999)), tokens(padded(999'999'999)));
  EXPECT_NE(tokens(padded(999'999'999)), tokens(padded(999'999'998)));
}

TEST(KeyBudget, PaddingWithinTheBudgetIsWritten) {
  EXPECT_EQ(KeyExpr::padded("-7", 5, '0', 1, {}).literal_text(), "-0007");
  EXPECT_EQ(KeyExpr::padded("ab", 5, ' ', 2, {}).literal_text(), "ab   ");
  EXPECT_EQ(KeyExpr::padded("ab", 5, ' ', 0, {}).literal_text(), "   ab");
  EXPECT_EQ(KeyExpr::padded("abcdef", 3, ' ', 0, {}).literal_text(), "abcdef");
  EXPECT_EQ(KeyExpr::padded("7", kMaxKeyBytes, '0', 0, {}).literal_text().size(), kMaxKeyBytes);
}

TEST(KeyBudget, PaddingPastTheBudgetIsAHoleAndNeverBuilt) {
  // Built, these would be a gigabyte and more bytes than memory has.
  for (std::size_t width :
       {kMaxKeyBytes + 1, std::size_t{999'999'999}, std::numeric_limits<std::size_t>::max()}) {
    auto key = KeyExpr::padded("7", width, ' ', 0, {0, 3, 9});
    ASSERT_EQ(key.segments().size(), 1u);
    ASSERT_NE(hole_at(key, 0), nullptr);
    EXPECT_EQ(hole_at(key, 0)->display, kBudgetNote);
    EXPECT_EQ(key.span(), (SourceSpan{0, 3, 9}));
  }
}

}  // namespace
}  // namespace slotlint::ir

namespace slotlint::ir {
namespace {

KeyAlternative when(std::string text, std::string condition) {
  return {KeyExpr::literal(std::move(text), {0, 0, 1}, false), std::move(condition), {}};
}

TEST(KeyAlternatives, APlainKeyIsItsOwnSingleChoice) {
  auto key = KeyExpr::literal("a", {0, 0, 1}, true);
  auto each = choices(key);
  ASSERT_EQ(each.size(), 1u);
  EXPECT_EQ(each.front().key, &key);
  EXPECT_TRUE(each.front().condition.empty());
}

TEST(KeyAlternatives, EachAlternativeIsAChoiceWithItsCondition) {
  auto key = KeyExpr::one_of(
      {when("{job}:delayed", "when `delayed` is true"), when("", "when `delayed` is false")},
      {0, 0, 9});
  auto each = choices(key);
  ASSERT_EQ(each.size(), 2u);
  EXPECT_EQ(each[1].key->literal_text(), "");
  EXPECT_EQ(each[1].condition, "when `delayed` is false");
  EXPECT_EQ(key.display(), "{job}:delayed | ");
  // Whoever reads segments sees one value it cannot see, never a literal.
  EXPECT_FALSE(key.is_literal());
  ASSERT_EQ(key.segments().size(), 1u);
  EXPECT_TRUE(std::holds_alternative<HoleSegment>(key.segments().front()));
}

TEST(KeyAlternatives, OneAlternativeIsThatKey) {
  auto key = KeyExpr::one_of({when("a", "when `x`")}, {0, 0, 1});
  EXPECT_TRUE(key.alternatives().empty());
  EXPECT_EQ(key.literal_text(), "a");
}

TEST(KeyAlternatives, NestedAlternativesAreFlattenedWithBothConditions) {
  auto inner = KeyExpr::one_of({when("a", "when `y` is 1"), when("b", "when `y` is 2")}, {});
  auto key = KeyExpr::one_of({{inner, "when `x` is true", {}}, when("c", "when `x` is false")}, {});
  ASSERT_EQ(key.alternatives().size(), 3u);
  EXPECT_EQ(key.alternatives()[1].condition, "when `x` is true and when `y` is 2");
}

TEST(KeyAlternatives, MoreThanTheBoundIsAnUnknownKeyThatSaysSo) {
  std::vector<KeyAlternative> many;
  for (std::size_t i = 0; i <= kMaxAlternatives; ++i) many.push_back(when(std::to_string(i), ""));
  auto key = KeyExpr::one_of(std::move(many), {});
  ASSERT_TRUE(key.is_unknown());
  EXPECT_NE(key.unknown_reason().find("one of 9 keys"), std::string::npos);
}

TEST(KeyAlternatives, AppendingGoesIntoEveryAlternative) {
  auto prefix = KeyExpr::literal("app:", {0, 0, 4}, false);
  prefix.append(KeyExpr::one_of({when("a", "when `x`"), when("b", "when not `x`")}, {}));
  ASSERT_EQ(prefix.alternatives().size(), 2u);
  EXPECT_EQ(prefix.alternatives()[0].key.literal_text(), "app:a");
  EXPECT_EQ(prefix.alternatives()[1].condition, "when not `x`");
  prefix.append(KeyExpr::literal(":z", {0, 5, 7}, false));
  EXPECT_EQ(prefix.display(), "app:a:z | app:b:z");
  prefix.mark_collection();
  EXPECT_TRUE(prefix.alternatives()[1].key.is_collection());
}

TEST(KeyAlternatives, AlternativesTimesAlternativesPastTheBoundAreUnknown) {
  std::vector<KeyAlternative> three;
  for (int i = 0; i < 3; ++i) three.push_back(when(std::to_string(i), ""));
  auto key = KeyExpr::one_of(three, {});
  key.append(KeyExpr::one_of(three, {}));
  EXPECT_TRUE(key.is_unknown()) << "9 combinations exceed kMaxAlternatives";
}

}  // namespace
}  // namespace slotlint::ir
