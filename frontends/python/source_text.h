// Small helpers over Python source text shared by the frontend's parts.
#pragma once

#include <string>
#include <string_view>

namespace slotlint::python {

// The text without spaces, tabs and line breaks: `redis . Redis` and
// `redis.Redis` name the same callee, and two spellings of one expression get
// one hole symbol.
inline std::string squeeze(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\') out += c;
  }
  return out;
}

}  // namespace slotlint::python
