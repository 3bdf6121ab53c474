#include "frontends/common/nesting.h"

#include <vector>

namespace slotlint::frontend {
namespace {

void deepen(Depth& deepest, std::uint32_t levels, std::uint32_t line) {
  if (levels > deepest.levels) deepest = {levels, line};
}

}  // namespace

Nesting measure_nesting(std::string_view text, bool measure_indentation) {
  Nesting nesting;
  std::uint32_t brackets = 0;
  std::vector<std::uint32_t> indents{0};  // the widths open, innermost last
  std::uint32_t line = 1;
  bool in_indentation = measure_indentation;
  std::uint32_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_indentation) {
      if (c == ' ') {
        ++width;
        continue;
      }
      if (c == '\t') {
        width += 8;  // as tree-sitter-python counts a tab
        continue;
      }
      in_indentation = false;
      if (c != '\n' && c != '\r' && c != '\f') {
        while (width < indents.back()) indents.pop_back();
        if (width > indents.back()) indents.push_back(width);
        deepen(nesting.indentation, static_cast<std::uint32_t>(indents.size() - 1), line);
      }
    }
    switch (c) {
      case '(':
      case '[':
      case '{':
        deepen(nesting.brackets, ++brackets, line);
        break;
      case ')':
      case ']':
      case '}':
        if (brackets > 0) --brackets;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        [[fallthrough]];  // a lone CR ends a line, as editors and Python count it
      case '\n':
        ++line;
        in_indentation = measure_indentation;
        width = 0;
        break;
      default:
        break;
    }
  }
  return nesting;
}

}  // namespace slotlint::frontend
