#include "analyzer/engine/value.h"

#include <gtest/gtest.h>

namespace slotlint::engine {
namespace {

Value text(const std::string& s, std::uint32_t at = 0) {
  return Value::string(
      ir::KeyExpr::literal(s, {0, at, at + static_cast<std::uint32_t>(s.size())}, true));
}

TEST(EngineValue, SignatureIsCanonicalAndCoversSpans) {
  EXPECT_EQ(text("user:1").signature(), text("user:1").signature());
  // Where a literal is written reaches fixes, so it is part of the identity.
  EXPECT_NE(text("user:1", 0).signature(), text("user:1", 40).signature());
  EXPECT_NE(text("a").signature(), text("b").signature());
  EXPECT_NE(Value::number(1).signature(), text("1").signature());
  // Length-prefixed texts cannot forge structure.
  EXPECT_NE(Value::external("a,b").signature(), Value::external("a").signature());
  auto ab = Value::alternatives({text("a"), text("b")});
  auto ba = Value::alternatives({text("b"), text("a"), text("b")});
  EXPECT_EQ(ab.signature(), ba.signature());
  EXPECT_EQ(ab.members().size(), 2u);
  // Copies share their data.
  Value copy = ab;
  EXPECT_EQ(&copy.signature(), &ab.signature());
}

TEST(EngineValue, SignaturesDoNotGrowWithNestingAndNestingIsBounded) {
  Value x = text("k");
  std::size_t first = 0;
  for (int i = 0; i < 40; ++i) {
    x = Value::sequence({x, x});  // doubles what it holds
    if (i == 0) first = x.signature().size();
    EXPECT_EQ(x.signature().size(), first) << i;
  }
  ASSERT_TRUE(x.is(ValueKind::Sequence));
  EXPECT_EQ(x.depth(), 41u);
  EXPECT_EQ(x.digest().size(), 16u);  // XXH3-128, raw bytes
  std::uint32_t depth = x.depth();
  while (x.is(ValueKind::Sequence) && depth < 100) {
    x = Value::sequence({x});
    ++depth;
  }
  ASSERT_TRUE(x.is(ValueKind::Unknown));
  EXPECT_EQ(depth, Value::kMaxDepth + 1);
  EXPECT_EQ(x.as_unknown().reason, "a value nested deeper than 64 levels");
}

TEST(EngineValue, EitherOfTwoNamedUnknownsIsNamedByNeither) {
  Limits limits;
  auto name = Value::unknown("the parameter `name`", "param:name", "name");
  auto fresh = Value::unknown("`uuid4()` makes a new value at each call", "fresh:f#3", "uuid4()");
  auto either = join(name, fresh, limits);
  ASSERT_TRUE(either.is(ValueKind::Unknown));
  // `name or uuid4().hex` is not `name`: no key built from it is proven
  // equal to one built from `name` alone.
  EXPECT_NE(either.as_unknown().symbol, "param:name");
  EXPECT_NE(either.as_unknown().symbol, "fresh:f#3");
  EXPECT_FALSE(either.as_unknown().symbol.empty());
  EXPECT_EQ(join(fresh, name, limits), either);
  auto nameless = Value::unknown("a call no model describes");
  EXPECT_TRUE(join(name, nameless, limits).as_unknown().symbol.empty());
  EXPECT_TRUE(join(nameless, name, limits).as_unknown().symbol.empty());
}

TEST(EngineValue, JoinOfEqualValuesIsTheValue) {
  Limits limits;
  auto joined = join(text("k"), text("k"), limits);
  ASSERT_TRUE(joined.is(ValueKind::String));
  EXPECT_EQ(joined, text("k"));
}

TEST(EngineValue, JoinOfDifferentStringsIsAlternatives) {
  Limits limits;
  auto joined = join(text("a"), text("b"), limits);
  ASSERT_TRUE(joined.is(ValueKind::Alternatives)) << joined.describe();
  auto keys = alternative_keys(joined, {}, limits);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].literal_text(), "a");
  EXPECT_EQ(keys[1].literal_text(), "b");
}

TEST(EngineValue, AlternativesAreBoundedThenWidenedToATemplate) {
  Limits limits;
  limits.alternatives = 4;
  Value value = text("user:1:name");
  for (int i = 2; i <= 4; ++i)
    value = join(value, text("user:" + std::to_string(i) + ":name"), limits);
  ASSERT_TRUE(value.is(ValueKind::Alternatives));
  EXPECT_EQ(value.members().size(), 4u);
  value = join(value, text("user:5:name"), limits);
  ASSERT_TRUE(value.is(ValueKind::String)) << value.describe();
  const auto& key = value.as_string().key;
  EXPECT_EQ(key.display(), "user:<one of 5 values>:name");
  auto tokens = ir::tokens(key);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[1].is_hole);
}

TEST(EngineValue, JoinOfDifferentKindsKeepsBoth) {
  Limits limits;
  auto joined = join(text("a"), Value::null(), limits);
  ASSERT_TRUE(joined.is(ValueKind::Alternatives));
  EXPECT_EQ(joined.members().size(), 2u);
  // Beyond the limit, values with nothing in common are unknown, with why.
  limits.alternatives = 1;
  auto widened = join(Value::null(), Value::external("x"), limits);
  ASSERT_TRUE(widened.is(ValueKind::Unknown));
  EXPECT_EQ(widened.as_unknown().reason, "one of 2 values");
}

TEST(EngineValue, KeysOfNumbersUnknownsAndAlternatives) {
  Limits limits;
  EXPECT_EQ(key_of(Value::number(42), {}, limits).literal_text(), "42");
  auto hole = key_of(Value::unknown("the parameter `uid`", "param:uid", "uid"), {}, limits);
  ASSERT_EQ(hole.segments().size(), 1u);
  EXPECT_EQ(std::get<ir::HoleSegment>(hole.segments()[0]).symbol, "param:uid");
  EXPECT_TRUE(key_of(Value::unknown("no idea"), {}, limits).is_unknown());
  auto element = key_of(Value::element_of_unknown("an id", "e", "id"), {}, limits);
  EXPECT_TRUE(std::get<ir::HoleSegment>(element.segments()[0]).varies_per_element);
  auto widened = key_of(Value::alternatives({text("job:a"), text("job:b")}), {}, limits);
  EXPECT_EQ(widened.display(), "job:<one of 2 values>");
}

TEST(EngineValue, ConcatCombinesAlternativesMemberByMember) {
  Limits limits;
  auto prefix = Value::alternatives({text("a:"), text("b:")});
  auto joined = concat(prefix, text("x"), limits);
  ASSERT_TRUE(joined.is(ValueKind::Alternatives));
  auto keys = alternative_keys(joined, {}, limits);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].literal_text(), "a:x");
  EXPECT_EQ(keys[1].literal_text(), "b:x");
}

}  // namespace
}  // namespace slotlint::engine
