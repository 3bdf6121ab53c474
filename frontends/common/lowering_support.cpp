#include "frontends/common/lowering_support.h"

#include <algorithm>

namespace slotlint::frontend {

std::vector<ts::Node> named_children(ts::Node node) {
  auto out = node.named_children();
  std::erase_if(out, [](ts::Node child) { return child.type() == "comment"; });
  return out;
}

std::string squeezed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\') out += c;
  }
  return out;
}

}  // namespace slotlint::frontend
