// What a frontend's evaluator knows about a value of the analysed language: a
// string (possibly with holes), a number, a sequence, a mapping, something
// opaque, or (to find the Lua scripts code loads) a filesystem path, an open
// file, or a file's contents, each with the path as its text.
#pragma once

#include <optional>
#include <vector>

#include "analyzer/ir/key_expr.h"

namespace slotlint::frontend {

struct Value;

struct SequenceItem;

struct Value {
  enum class Kind : std::uint8_t {
    String,
    Number,
    Sequence,
    Mapping,
    Opaque,
    Path,
    OpenFile,
    FileContents
  };
  Kind kind = Kind::Opaque;
  // String, Number (its text), Opaque (a hole, or unknown with a reason).
  ir::KeyExpr text;
  std::vector<SequenceItem> items;        // Sequence
  std::vector<Value> keys;                // Mapping
  std::vector<Value> values;              // Mapping, parallel to keys
  bool mapping_has_unknown_part = false;  // {**other, ...}

  // Defined below, where SequenceItem is complete (clang insists).
  static Value string(ir::KeyExpr text);
  static Value number(ir::KeyExpr text);
  static Value opaque(ir::KeyExpr text);
  static Value file(Kind kind, ir::KeyExpr path);
  [[nodiscard]] bool is_text() const { return kind == Kind::String || kind == Kind::Number; }
};

// An element of a sequence; `spread` when it stands for zero or more elements
// (`*rest`, or the body of a comprehension, then marked as a collection).
struct SequenceItem {
  Value value;
  bool spread = false;
};

inline Value Value::string(ir::KeyExpr text) {
  return {Kind::String, std::move(text), {}, {}, {}, false};
}
inline Value Value::number(ir::KeyExpr text) {
  return {Kind::Number, std::move(text), {}, {}, {}, false};
}
inline Value Value::opaque(ir::KeyExpr text) {
  return {Kind::Opaque, std::move(text), {}, {}, {}, false};
}
inline Value Value::file(Kind kind, ir::KeyExpr path) {
  return {kind, std::move(path), {}, {}, {}, false};
}

}  // namespace slotlint::frontend
