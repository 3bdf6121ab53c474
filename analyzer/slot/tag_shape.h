// The hash tag a key asks for, as written: no brace, a tag (constant or
// built from values), an empty "{}" (the whole key is hashed and later tags
// are ignored), or a '{' that nothing closes. Holes are assumed to hold no
// braces, as everywhere in the slot engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analyzer/ir/key_expr.h"

namespace slotlint::slot {

struct TagShape {
  enum class Kind : std::uint8_t { NoBrace, Tag, EmptyTag, Unclosed, Unknown };
  Kind kind = Kind::Unknown;
  bool constant_tag = false;        // Tag: no value inside the braces
  std::string tag;                  // Tag: the text between the braces ("<id>" for values)
  bool varies_outside_tag = false;  // a value outside the tag (a per-entity key)
  bool later_tag = false;           // EmptyTag: a '{...}' after it that the server ignores
};

TagShape tag_shape(const ir::KeyExpr& key);

}  // namespace slotlint::slot
