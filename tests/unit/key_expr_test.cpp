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
