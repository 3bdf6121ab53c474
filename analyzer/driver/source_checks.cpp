#include "analyzer/driver/source_checks.h"

#include <fmt/format.h>

namespace slotlint::driver {
namespace {

// Offset of the first byte that breaks UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return i;
    std::uint32_t cp = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (next & 0x3F);
    }
    bool overlong =
        (length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

std::string_view without_bom(std::string_view bytes) {
  return bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
}

std::optional<frontend::Notice> check_source_text(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return frontend::Notice{
        ir::Level::Warning, "unsupported-encoding",
        "UTF-16 text is not supported; convert the file to UTF-8 to analyse it"};
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return frontend::Notice{ir::Level::Note, "binary-file",
                            "contains NUL bytes: looks binary; not analysed"};
  }
  if (auto at = first_invalid_utf8(bytes); at != std::string_view::npos) {
    return frontend::Notice{ir::Level::Warning, "invalid-utf8",
                            fmt::format("byte {} is not valid UTF-8; not analysed", at)};
  }
  return std::nullopt;
}

}  // namespace slotlint::driver
