#include "frontends/spring_config/properties_reader.h"

#include <cstddef>
#include <cstdint>

#include "frontends/common/source_helpers.h"

namespace slotlint::spring_config {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool line_end(char c) { return c == '\n' || c == '\r'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One logical line: its natural lines joined, continuation backslashes and
// the blanks that start a continued line dropped, escapes still in place.
// `offsets[i]` is where byte i of `text` sits in the file.
struct LogicalLine {
  std::string text;
  std::vector<std::uint32_t> offsets;
  std::uint32_t end = 0;  // the file offset just past its last byte
};

// Decodes `line.text[from, to)`; `verbatim` says whether nothing changed.
std::string decode(const LogicalLine& line, std::size_t from, std::size_t to, bool& verbatim) {
  std::string out;
  verbatim = true;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from && line.offsets[i] != line.offsets[i - 1] + 1) verbatim = false;  // joined lines
    char c = line.text[i];
    if (c != '\\' || i + 1 >= to) {
      if (c == '\\') verbatim = false;  // a lone backslash at the end is dropped
      if (c != '\\') out += c;
      continue;
    }
    verbatim = false;
    char next = line.text[++i];
    switch (next) {
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        std::uint32_t code = 0;
        std::size_t digits = 0;
        while (digits < 4 && i + 1 + digits < to && hex_digit(line.text[i + 1 + digits]) >= 0) {
          code = code * 16 + static_cast<std::uint32_t>(hex_digit(line.text[i + 1 + digits]));
          ++digits;
        }
        if (digits == 4) {
          frontend::append_utf8(out, code);
          i += 4;
        } else {
          out += 'u';  // Java refuses the file; the text is kept as written
        }
        break;
      }
      default:
        out += next;
    }
  }
  return out;
}

}  // namespace

ReadSettings read_properties(std::string_view text) {
  ReadSettings result;
  std::uint32_t document = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    // Skip the blanks that start a natural line.
    while (at < text.size() && blank(text[at])) ++at;
    if (at >= text.size()) break;
    if (line_end(text[at])) {
      ++at;
      continue;
    }
    if (text[at] == '#' || text[at] == '!') {
      auto end = text.find_first_of("\r\n", at);
      if (end == std::string_view::npos) end = text.size();
      auto comment = text.substr(at, end - at);
      if (comment == "#---" || comment == "!---") ++document;
      at = end;
      continue;
    }
    LogicalLine line;
    for (;;) {
      auto end = text.find_first_of("\r\n", at);
      if (end == std::string_view::npos) end = text.size();
      std::size_t backslashes = 0;
      while (backslashes < end - at && text[end - 1 - backslashes] == '\\') ++backslashes;
      bool continued = backslashes % 2 == 1;
      auto last = continued ? end - 1 : end;
      for (auto i = at; i < last; ++i) {
        line.text += text[i];
        line.offsets.push_back(static_cast<std::uint32_t>(i));
      }
      line.end = static_cast<std::uint32_t>(last);
      at = end;
      if (at < text.size() && text[at] == '\r') ++at;
      if (at < text.size() && text[at] == '\n') ++at;
      if (!continued || at >= text.size()) break;
      while (at < text.size() && blank(text[at])) ++at;
    }
    // The key runs to the first unescaped '=', ':' or blank.
    std::size_t key_end = 0;
    while (key_end < line.text.size()) {
      char c = line.text[key_end];
      if (c == '\\') {
        key_end += 2;
        continue;
      }
      if (c == '=' || c == ':' || blank(c)) break;
      ++key_end;
    }
    key_end = std::min(key_end, line.text.size());
    auto value_start = key_end;
    while (value_start < line.text.size() && blank(line.text[value_start])) ++value_start;
    if (value_start < line.text.size() &&
        (line.text[value_start] == '=' || line.text[value_start] == ':')) {
      ++value_start;
      while (value_start < line.text.size() && blank(line.text[value_start])) ++value_start;
    }
    Setting setting;
    bool key_verbatim = false;
    setting.key = decode(line, 0, key_end, key_verbatim);
    setting.value = decode(line, value_start, line.text.size(), setting.verbatim);
    setting.value_span.begin =
        value_start < line.offsets.size() ? line.offsets[value_start] : line.end;
    setting.value_span.end = line.end;
    setting.document = document;
    result.settings.push_back(std::move(setting));
  }
  return result;
}

}  // namespace slotlint::spring_config
