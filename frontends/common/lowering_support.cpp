#include "frontends/common/lowering_support.h"

#include <algorithm>
#include <charconv>

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

std::optional<std::int64_t> integer_value(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;
  }
  if (digits.ends_with('n')) digits.pop_back();
  int base = 10;
  std::string_view body = digits;
  if (body.size() > 2 && body[0] == '0') {
    char kind = static_cast<char>(body[1] | 0x20);
    if (kind == 'x') base = 16;
    if (kind == 'o') base = 8;
    if (kind == 'b') base = 2;
    if (base != 10) body.remove_prefix(2);
  }
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value, base);
  if (error != std::errc{} || end != body.data() + body.size()) return std::nullopt;
  return value;
}

}  // namespace slotlint::frontend
