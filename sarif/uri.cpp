#include "sarif/uri.h"

namespace slotlint::report {
namespace {

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

bool is_reserved(unsigned char c) {
  constexpr std::string_view kReserved = ":/?#[]@!$&'()*+,;=";
  return kReserved.find(static_cast<char>(c)) != std::string_view::npos;
}

void append_escaped(unsigned char c, std::string& out) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

template <typename Keep>
std::string encode(std::string_view text, Keep keep) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (keep(c)) {
      out += ch;
    } else {
      append_escaped(c, out);
    }
  }
  return out;
}

}  // namespace

std::string relative_path_uri(std::string_view path) {
  return encode(path, [](unsigned char c) { return is_unreserved(c) || c == '/'; });
}

std::string valid_uri(std::string_view uri) {
  return encode(uri,
                [](unsigned char c) { return is_unreserved(c) || is_reserved(c) || c == '%'; });
}

}  // namespace slotlint::report
