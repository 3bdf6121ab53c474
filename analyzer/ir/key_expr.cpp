#include "analyzer/ir/key_expr.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace slotlint::ir {

KeyExpr KeyExpr::literal(std::string text, SourceSpan span, bool maps_to_source,
                         BraceEscaping escaping) {
  KeyExpr expr;
  expr.span_ = span;
  expr.segments_.push_back(LiteralSegment{std::move(text), span, maps_to_source, escaping});
  return expr;
}

KeyExpr KeyExpr::hole(std::string symbol, std::string display, SourceSpan span,
                      bool varies_per_element) {
  KeyExpr expr;
  expr.span_ = span;
  expr.segments_.push_back(HoleSegment{std::move(symbol), std::move(display), span,
                                       varies_per_element, false, BraceEscaping::None});
  return expr;
}

KeyExpr KeyExpr::unknown(std::string reason, SourceSpan span) {
  KeyExpr expr;
  expr.span_ = span;
  expr.unknown_ = true;
  expr.unknown_reason_ = std::move(reason);
  return expr;
}

void KeyExpr::append(Segment segment) {
  if (unknown_) return;
  auto* tail_literal = segments_.empty() ? nullptr : std::get_if<LiteralSegment>(&segments_.back());
  auto* new_literal = std::get_if<LiteralSegment>(&segment);
  if (new_literal != nullptr && new_literal->text.empty()) return;
  // Literals are merged only where they are one stretch of source; others stay
  // apart so that a fix can still edit each where it is written.
  if (tail_literal != nullptr && new_literal != nullptr &&
      tail_literal->span.file == new_literal->span.file &&
      tail_literal->span.end == new_literal->span.begin &&
      tail_literal->maps_to_source == new_literal->maps_to_source &&
      tail_literal->escaping == new_literal->escaping) {
    tail_literal->text += new_literal->text;
    tail_literal->span.end = new_literal->span.end;
    return;
  }
  segments_.push_back(std::move(segment));
}

void KeyExpr::append(const KeyExpr& tail) {
  if (tail.unknown_) {
    *this = unknown(tail.unknown_reason_, span_);
    return;
  }
  collection_ = collection_ || tail.collection_;
  for (const auto& segment : tail.segments_) append(segment);
}

void KeyExpr::forbid_edits() {
  for (auto& segment : segments_) {
    if (auto* literal = std::get_if<LiteralSegment>(&segment)) literal->maps_to_source = false;
  }
}

namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Whether a hole stands for a value computed from the variable `symbol`
// names: the same symbol, or an expression in the same scope that mentions
// the variable (`job.key`, `key_for(job)` for the variable `job`). Symbols
// are "<scope>:<text>".
bool derives_from(std::string_view hole, std::string_view symbol) {
  if (hole == symbol) return true;
  auto colon = symbol.rfind(':');
  if (colon == std::string_view::npos) return false;
  auto scope = symbol.substr(0, colon + 1);
  auto name = symbol.substr(colon + 1);
  if (name.empty() || !hole.starts_with(scope)) return false;
  auto text = hole.substr(scope.size());
  for (auto at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    bool starts = at == 0 || (!is_identifier_char(text[at - 1]) && text[at - 1] != '.');
    bool ends = at + name.size() == text.size() || !is_identifier_char(text[at + name.size()]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

bool KeyExpr::vary(const std::vector<std::string>& symbols) {
  bool varied = false;
  for (auto& segment : segments_) {
    auto* hole = std::get_if<HoleSegment>(&segment);
    if (hole != nullptr && std::ranges::any_of(symbols, [&](const std::string& symbol) {
          return derives_from(hole->symbol, symbol);
        })) {
      hole->varies_per_element = true;
      varied = true;
    }
  }
  if (varied) collection_ = true;
  return varied;
}

void KeyExpr::relocate_to(SourceSpan at) {
  span_ = at;
  for (auto& segment : segments_) {
    if (auto* literal = std::get_if<LiteralSegment>(&segment)) {
      literal->span = at;
      literal->maps_to_source = false;
    } else {
      auto& hole = std::get<HoleSegment>(segment);
      hole.span = at;
      hole.in_string_literal = false;
    }
  }
}

bool KeyExpr::is_literal() const {
  return !unknown_ && !collection_ && std::ranges::all_of(segments_, [](const Segment& s) {
    return std::holds_alternative<LiteralSegment>(s);
  });
}

std::string KeyExpr::literal_text() const {
  std::string text;
  for (const auto& segment : segments_) {
    if (const auto* literal = std::get_if<LiteralSegment>(&segment)) text += literal->text;
  }
  return text;
}

std::string KeyExpr::display() const {
  if (unknown_) return "<unknown: " + unknown_reason_ + ">";
  std::string text;
  for (const auto& segment : segments_) {
    if (const auto* literal = std::get_if<LiteralSegment>(&segment)) {
      text += literal->text;
    } else {
      text += "<" + std::get<HoleSegment>(segment).display + ">";
    }
  }
  return collection_ ? "[" + text + ", ...]" : text;
}

bool names_several_keys(std::span<const KeyExpr> keys) {
  return keys.size() >= 2 || (keys.size() == 1 && keys.front().is_collection());
}

std::vector<Token> tokens(const KeyExpr& expr) {
  std::vector<Token> result;
  for (const auto& segment : expr.segments()) {
    if (const auto* literal = std::get_if<LiteralSegment>(&segment)) {
      if (!result.empty() && !result.back().is_hole) {
        result.back().text += literal->text;
      } else {
        result.push_back(Token{false, literal->text, false, {}});
      }
    } else {
      const auto& hole = std::get<HoleSegment>(segment);
      result.push_back(Token{true, hole.symbol, hole.varies_per_element, hole.display});
    }
  }
  return result;
}

}  // namespace slotlint::ir
