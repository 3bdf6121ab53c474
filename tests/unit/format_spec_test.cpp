// Values written through printf-style specs, as Python's `%`, Go's
// fmt.Sprintf and C's snprintf write them.
#include <gtest/gtest.h>

#include "frontends/common/format_spec.h"

namespace slotlint::frontend {
namespace {

std::string written(std::string_view value, std::string_view spec) {
  return through_printf_spec(ir::KeyExpr::literal(std::string(value), {0, 0, 1}, false), spec,
                             {0, 0, 1})
      .display();
}

TEST(FormatSpec, LiteralsArePaddedAsPrintfPadsThem) {
  EXPECT_EQ(written("7", "%05d"), "00007");
  EXPECT_EQ(written("-7", "%05d"), "-0007");
  EXPECT_EQ(written("7", "%-05d"), "7    ");  // '-' wins over '0'
  EXPECT_EQ(written("ab", "%5s"), "   ab");
  EXPECT_EQ(written("ab", "%-5s"), "ab   ");
  EXPECT_EQ(written("7", "%3v"), "  7");
  EXPECT_EQ(written("abcdef", "%3s"), "abcdef");
}

TEST(FormatSpec, WhatIsNotModelledIsAHoleForTheValueThroughTheSpec) {
  EXPECT_EQ(written("ab", "%05s"), "<ab>");  // Go fills with zeros, Python with spaces
  EXPECT_EQ(written("ab", "%5d"), "<ab>");
  EXPECT_EQ(written("255", "%x"), "<255>");
  EXPECT_EQ(written("7", "%.3d"), "<7>");
  EXPECT_EQ(written("7", "%5ld"), "<7>");
  auto same = through_printf_spec(ir::KeyExpr::hole("s:uid", "uid", {}), "%05d", {});
  auto other = through_printf_spec(ir::KeyExpr::hole("s:uid", "uid", {}), "%06d", {});
  EXPECT_EQ(ir::tokens(same),
            ir::tokens(through_printf_spec(ir::KeyExpr::hole("s:uid", "uid", {}), "%05d", {})));
  EXPECT_NE(ir::tokens(same), ir::tokens(other));
}

TEST(FormatSpec, WidthsPastTheKeyBudgetAreHolesThatSaySo) {
  const std::string note = "<longer than the 65536-byte key budget>";
  EXPECT_EQ(written("1", "%999999999d"), note);
  EXPECT_EQ(written("1", "%0999999999d"), note);
  EXPECT_EQ(written("x", "%-999999999s"), note);
  EXPECT_EQ(written("1", "%99999999999999999999999999d"), note);  // saturates, never wraps
}

}  // namespace
}  // namespace slotlint::frontend
