#include "analyzer/driver/suppressions.h"

#include <algorithm>

namespace slotlint::driver {
namespace {

constexpr std::string_view kMarker = "slotlint: ignore";

std::string trim(std::string_view text) {
  auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

// Where the line's comment starts: the first comment prefix outside a quoted
// string ('...', "...", with backslash escapes). Strings that span lines are
// not tracked; a marker inside one is rare and at worst silences a finding.
std::size_t comment_start(std::string_view line, std::span<const std::string_view> prefixes) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    for (auto prefix : prefixes) {
      if (line.substr(i).starts_with(prefix)) return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<Suppression> find_suppressions(std::string_view source,
                                           std::span<const std::string_view> comment_prefixes) {
  std::vector<Suppression> found;
  std::uint32_t line = 1;
  std::size_t start = 0;
  while (start <= source.size()) {
    auto end = source.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = source.size();
    auto text = source.substr(start, end - start);
    auto comment = comment_start(text, comment_prefixes);
    auto marker = comment == std::string_view::npos ? comment : text.find(kMarker, comment);
    if (marker != std::string_view::npos) {
      Suppression suppression{line, {}, trim(text.substr(marker))};
      auto rest = text.substr(marker + kMarker.size());
      if (rest.starts_with('[')) {
        auto close = rest.find(']');
        auto list = rest.substr(1, close == std::string_view::npos ? rest.size() - 1 : close - 1);
        std::size_t from = 0;
        while (from <= list.size()) {
          auto comma = std::min(list.find(',', from), list.size());
          if (auto rule = trim(list.substr(from, comma - from)); !rule.empty()) {
            suppression.rules.push_back(std::move(rule));
          }
          from = comma + 1;
        }
      }
      found.push_back(std::move(suppression));
    }
    if (end == source.size()) break;
    // "\r\n" is one line end, as LineIndex counts it.
    start = end + (source.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    ++line;
  }
  return found;
}

const Suppression* covering(std::span<const Suppression> suppressions, std::uint32_t line,
                            std::string_view code, std::string_view name) {
  for (const auto& suppression : suppressions) {
    if (suppression.line != line && suppression.line + 1 != line) continue;
    if (std::ranges::any_of(suppression.rules, [&](const std::string& rule) {
          return rule == code || rule == name;
        })) {
      return &suppression;
    }
  }
  return nullptr;
}

}  // namespace slotlint::driver
