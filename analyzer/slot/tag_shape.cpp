#include "analyzer/slot/tag_shape.h"

#include <algorithm>

namespace slotlint::slot {

TagShape tag_shape(const ir::KeyExpr& key) {
  TagShape shape;
  if (key.is_unknown()) return shape;
  // The key as one string, each value standing for one marker byte that is
  // never a brace ('\x01'), so positions are easy to reason about.
  std::string text;
  std::vector<std::string> values;
  for (const auto& token : ir::tokens(key)) {
    if (token.is_hole) {
      text += '\x01';
      values.push_back(token.display);
    } else {
      text += token.text;
    }
  }
  auto open = text.find('{');
  if (open == std::string::npos) {
    shape.kind = TagShape::Kind::NoBrace;
    shape.varies_outside_tag = text.find('\x01') != std::string::npos;
    return shape;
  }
  auto close = text.find('}', open + 1);
  if (close == std::string::npos) {
    shape.kind = TagShape::Kind::Unclosed;
    return shape;
  }
  if (close == open + 1) {
    shape.kind = TagShape::Kind::EmptyTag;
    auto later = text.find('{', close + 1);
    shape.later_tag = later != std::string::npos && text.find('}', later + 1) != std::string::npos;
    return shape;
  }
  shape.kind = TagShape::Kind::Tag;
  auto inside = text.substr(open + 1, close - open - 1);
  shape.constant_tag = inside.find('\x01') == std::string::npos;
  std::size_t value =
      static_cast<std::size_t>(std::count(text.begin(), text.begin() + open, '\x01'));
  for (char c : inside) {
    if (c == '\x01') {
      shape.tag += "<" + values[value++] + ">";
    } else {
      shape.tag += c;
    }
  }
  shape.varies_outside_tag = text.substr(0, open).find('\x01') != std::string::npos ||
                             text.substr(close + 1).find('\x01') != std::string::npos;
  return shape;
}

}  // namespace slotlint::slot
