// hiredis's format rules (redisvFormatCommand), as slotlint splits a format
// string into the arguments a call sends, and printf's for key buffers.
#include <gtest/gtest.h>

#include "frontends/cpp/hiredis_format.h"

namespace slotlint::cpp {
namespace {

// An argument as text: literal bytes, and "<N>" for the value of vararg N.
std::vector<std::string> shape(const SplitFormat& split) {
  std::vector<std::string> out;
  for (const auto& argument : split.arguments) {
    std::string text;
    for (const auto& piece : argument.pieces) {
      text += piece.kind == FormatPiece::Kind::Literal ? piece.text
                                                       : "<" + std::to_string(piece.vararg) + ">";
    }
    out.push_back(text);
  }
  return out;
}

TEST(HiredisFormat, SpacesSeparateAndRunsOfThemCountOnce) {
  auto split = split_hiredis_format("  MSET  foo 1   bar 2 ");
  EXPECT_EQ(shape(split), (std::vector<std::string>{"MSET", "foo", "1", "bar", "2"}));
  EXPECT_EQ(split.varargs_used, 0u);
}

TEST(HiredisFormat, ConversionsJoinTheTextAroundThem) {
  auto split = split_hiredis_format("MGET user:%d:name %s {t}%s");
  EXPECT_EQ(shape(split), (std::vector<std::string>{"MGET", "user:<0>:name", "<1>", "{t}<2>"}));
  EXPECT_EQ(split.varargs_used, 3u);
}

TEST(HiredisFormat, BinaryTakesTwoVarargsAndPercentIsLiteral) {
  auto split = split_hiredis_format("SET %b 100%% %lld");
  EXPECT_EQ(shape(split), (std::vector<std::string>{"SET", "<0>", "100%", "<2>"}));
  EXPECT_EQ(split.varargs_used, 3u);
}

TEST(HiredisFormat, FlagsWidthPrecisionAndLengthModifiers) {
  auto split = split_hiredis_format("SET k:%-08.3f %hhu % d");
  EXPECT_TRUE(split.valid);
  EXPECT_EQ(shape(split), (std::vector<std::string>{"SET", "k:<0>", "<1>", "<2>"}));
  // hiredis takes only hh, h, l and ll; printf takes z too.
  EXPECT_FALSE(split_hiredis_format("GET %zu").valid);
  EXPECT_FALSE(split_hiredis_format("GET %c").valid);
  EXPECT_TRUE(split_printf_format("k:%zu").valid);
}

TEST(HiredisFormat, UnknownConversionIsRejected) {
  EXPECT_FALSE(split_hiredis_format("GET %y").valid);
  EXPECT_FALSE(split_hiredis_format("GET %l").valid);
  // A lone '%' at the very end is a literal, as in hiredis.
  EXPECT_EQ(shape(split_hiredis_format("GET a%")), (std::vector<std::string>{"GET", "a%"}));
}

TEST(HiredisFormat, PiecesRememberWhereTheyAreWritten) {
  auto split = split_hiredis_format("DEL user:%s");
  ASSERT_EQ(split.arguments.size(), 2u);
  const auto& pieces = split.arguments[1].pieces;
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].offset, 4u);
  EXPECT_EQ(pieces[0].length, 5u);
  EXPECT_EQ(pieces[1].offset, 9u);
  EXPECT_EQ(pieces[1].length, 2u);
}

TEST(PrintfFormat, IsOneStringWithSpaces) {
  auto split = split_printf_format("user:%d name %s");
  EXPECT_EQ(shape(split), (std::vector<std::string>{"user:<0> name <1>"}));
  EXPECT_EQ(shape(split_printf_format("")), (std::vector<std::string>{""}));
  EXPECT_FALSE(split_printf_format("%b").valid);
}

TEST(HiredisFormat, OnlyConversionsWritingTheValueItselfArePlain) {
  // "%05d" writes 00007 for 7, "%x" ff for 255: not the value's own text.
  auto split = split_printf_format("%s%d%lld%u%05d%-8d%.3d%x%999999999d");
  std::vector<bool> plain;
  for (const auto& piece : split.arguments.front().pieces) plain.push_back(piece.plain);
  EXPECT_EQ(plain, (std::vector<bool>{true, true, true, true, false, false, false, false, false}));
}

}  // namespace
}  // namespace slotlint::cpp
