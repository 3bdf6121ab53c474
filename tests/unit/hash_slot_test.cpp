#include "analyzer/slot/hash_slot.h"

#include <gtest/gtest.h>

namespace slotlint::slot {
namespace {

TEST(Crc16, MatchesTheXmodemCheckValue) { EXPECT_EQ(crc16_xmodem("123456789"), 0x31C3); }

TEST(Crc16, EmptyInputIsZero) { EXPECT_EQ(crc16_xmodem(""), 0); }

TEST(HashedPart, WholeKeyWithoutBraces) { EXPECT_EQ(hashed_part("user:1000"), "user:1000"); }

TEST(HashedPart, TagBetweenFirstOpenAndNextClose) {
  EXPECT_EQ(hashed_part("{user:1000}:profile"), "user:1000");
  EXPECT_EQ(hashed_part("foo{bar}{zap}"), "bar");
  EXPECT_EQ(hashed_part("{a}{b}"), "a");
}

TEST(HashedPart, EmptyTagHashesTheWholeKey) {
  EXPECT_EQ(hashed_part("{}"), "{}");
  EXPECT_EQ(hashed_part("x{}{y}"), "x{}{y}");  // no fallback to a later tag
  EXPECT_EQ(hashed_part("a{}{b}"), "a{}{b}");
}

TEST(HashedPart, UnclosedBraceHashesTheWholeKey) {
  EXPECT_EQ(hashed_part("{a"), "{a");
  EXPECT_EQ(hashed_part("a}{b"), "a}{b");
}

TEST(HashedPart, NestedOpenBraceIsPartOfTheTag) { EXPECT_EQ(hashed_part("{{bar}}zap"), "{bar"); }

TEST(HashedPart, CloseBeforeOpenIsIgnored) { EXPECT_EQ(hashed_part("a}{b}"), "b"); }

TEST(KeyHashSlot, KnownSlots) {
  // Values from the Redis Cluster specification and CLUSTER KEYSLOT.
  EXPECT_EQ(key_hash_slot("foo"), 12182);
  EXPECT_EQ(key_hash_slot("bar"), 5061);
  EXPECT_EQ(key_hash_slot("{user1000}.following"), key_hash_slot("{user1000}.followers"));
  EXPECT_EQ(key_hash_slot("{user1000}.following"), key_hash_slot("user1000"));
  EXPECT_LT(key_hash_slot("anything at all"), kSlotCount);
}

}  // namespace
}  // namespace slotlint::slot
