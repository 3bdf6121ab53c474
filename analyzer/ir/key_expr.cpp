#include "analyzer/ir/key_expr.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "analyzer/ir/stable_hash.h"

namespace slotlint::ir {

namespace {

// A hole for bytes past kMaxKeyBytes. `identity` determines the bytes (the
// text itself, or how it would have been built), so the same bytes give
// equal holes.
std::string over_budget_symbol(std::string_view identity) {
  return "key-budget:" + std::to_string(stable_hash(identity));
}

HoleSegment over_budget_hole(std::string_view identity, SourceSpan span) {
  HoleSegment hole;
  hole.symbol = over_budget_symbol(identity);
  hole.display = "longer than the " + std::to_string(kMaxKeyBytes) + "-byte key budget";
  hole.span = span;
  hole.over_budget = true;
  return hole;
}

}  // namespace

KeyExpr KeyExpr::literal(std::string text, SourceSpan span, bool maps_to_source,
                         BraceEscaping escaping) {
  KeyExpr expr;
  expr.span_ = span;
  if (text.size() > kMaxKeyBytes) {
    expr.segments_.emplace_back(over_budget_hole(text, span));
    return expr;
  }
  expr.literal_bytes_ = text.size();
  expr.segments_.push_back(LiteralSegment{std::move(text), span, maps_to_source, escaping});
  return expr;
}

KeyExpr KeyExpr::padded(std::string_view text, std::size_t width, char fill, std::size_t fill_at,
                        SourceSpan span) {
  if (width <= text.size()) return literal(std::string(text), span, false);
  if (width > kMaxKeyBytes) {
    // Checked before anything is allocated: the width may be a gigabyte.
    KeyExpr expr;
    expr.span_ = span;
    std::string identity = "padded\x1f" + std::to_string(width) + "\x1f" + fill + "\x1f" +
                           std::to_string(fill_at) + "\x1f" + std::string(text);
    expr.segments_.emplace_back(over_budget_hole(identity, span));
    return expr;
  }
  std::string out(text);
  out.insert(std::min(fill_at, out.size()), width - text.size(), fill);
  return literal(std::move(out), span, false);
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

KeyExpr KeyExpr::restore(std::vector<Segment> segments, std::vector<KeyAlternative> alternatives,
                         bool unknown, std::string unknown_reason, bool collection,
                         SourceSpan span) {
  KeyExpr expr;
  expr.segments_ = std::move(segments);
  expr.alternatives_ = std::move(alternatives);
  expr.unknown_ = unknown;
  expr.unknown_reason_ = std::move(unknown_reason);
  expr.collection_ = collection;
  expr.span_ = span;
  for (const auto& segment : expr.segments_) {
    if (const auto* literal = std::get_if<LiteralSegment>(&segment))
      expr.literal_bytes_ += literal->text.size();
  }
  return expr;
}

namespace {

std::string both(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a + b;
  return a + " and " + b;
}

}  // namespace

KeyExpr KeyExpr::one_of(std::vector<KeyAlternative> alternatives, SourceSpan span) {
  std::vector<KeyAlternative> flat;
  for (auto& alternative : alternatives) {
    if (alternative.key.alternatives_.empty()) {
      flat.push_back(std::move(alternative));
      continue;
    }
    for (auto& inner : alternative.key.alternatives_) {
      flat.push_back({std::move(inner.key), both(alternative.condition, inner.condition),
                      inner.where.end != 0 ? inner.where : alternative.where});
    }
  }
  if (flat.empty()) return unknown("a choice of no keys", span);
  if (flat.size() == 1) return std::move(flat.front().key);
  if (flat.size() > kMaxAlternatives) {
    return unknown("one of " + std::to_string(flat.size()) + " keys (more than " +
                       std::to_string(kMaxAlternatives) + " are not followed)",
                   span);
  }
  KeyExpr expr;
  expr.span_ = span;
  expr.alternatives_ = std::move(flat);
  expr.summarise();
  return expr;
}

void KeyExpr::summarise() {
  // For code that reads segments: one value we cannot see, the same hole for
  // the same alternatives.
  std::string identity = "one-of";
  collection_ = false;
  for (const auto& alternative : alternatives_) {
    identity += "\x1f" + alternative.key.display() + "\x1e" + alternative.condition;
    collection_ = collection_ || alternative.key.collection_;
  }
  segments_.clear();
  literal_bytes_ = 0;
  segments_.push_back(HoleSegment{"one-of:" + std::to_string(stable_hash(identity)), display(),
                                  span_, false, false, BraceEscaping::None});
}

template <typename Change>
void KeyExpr::for_each_alternative(Change change) {
  if (alternatives_.empty()) return;
  for (auto& alternative : alternatives_) change(alternative.key);
  summarise();
}

void KeyExpr::append(Segment segment) {
  if (unknown_) return;
  if (!alternatives_.empty()) {
    for_each_alternative([&](KeyExpr& key) { key.append(segment); });
    return;
  }
  if (const auto* literal = std::get_if<LiteralSegment>(&segment)) {
    if (literal->text.empty()) return;
    if (literal->text.size() > kMaxKeyBytes - literal_bytes_)
      segment = over_budget_hole(literal->text, literal->span);
  }
  auto* tail_hole = segments_.empty() ? nullptr : std::get_if<HoleSegment>(&segments_.back());
  auto* new_hole = std::get_if<HoleSegment>(&segment);
  if (tail_hole != nullptr && new_hole != nullptr && tail_hole->over_budget &&
      new_hole->over_budget) {
    // One run of bytes past the budget is one hole (a million `+ 'a'` make
    // one segment, not a million).
    tail_hole->symbol = over_budget_symbol(tail_hole->symbol + "\x1f" + new_hole->symbol);
    if (tail_hole->span.file == new_hole->span.file)
      tail_hole->span.end = std::max(tail_hole->span.end, new_hole->span.end);
    return;
  }
  auto* tail_literal = segments_.empty() ? nullptr : std::get_if<LiteralSegment>(&segments_.back());
  auto* new_literal = std::get_if<LiteralSegment>(&segment);
  if (new_literal != nullptr) literal_bytes_ += new_literal->text.size();
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
  if (unknown_) return;
  if (!alternatives_.empty() || !tail.alternatives_.empty()) {
    // Every head with every tail.
    std::vector<KeyAlternative> combined;
    for (const auto& head : choices(*this)) {
      for (const auto& end : choices(tail)) {
        KeyExpr key = *head.key;
        key.append(*end.key);
        combined.push_back(
            {std::move(key), both(std::string(head.condition), std::string(end.condition)), {}});
      }
    }
    *this = one_of(std::move(combined), span_);
    return;
  }
  collection_ = collection_ || tail.collection_;
  for (const auto& segment : tail.segments_) append(segment);
}

void KeyExpr::mark_collection() {
  for_each_alternative([](KeyExpr& key) { key.mark_collection(); });
  collection_ = true;
}

void KeyExpr::forbid_edits() {
  for_each_alternative([](KeyExpr& key) { key.forbid_edits(); });
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
  if (!alternatives_.empty()) {
    for_each_alternative([&](KeyExpr& key) { varied = key.vary(symbols) || varied; });
    return varied;
  }
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
  for (auto& alternative : alternatives_) alternative.where = at;
  for_each_alternative([&](KeyExpr& key) { key.relocate_to(at); });
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
  if (!alternatives_.empty()) {
    std::string text;
    for (const auto& alternative : alternatives_) {
      text += (text.empty() ? "" : " | ") + alternative.key.display();
    }
    return text;
  }
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

std::span<const KeyAlternative> KeyExpr::alternatives() const { return alternatives_; }

std::vector<KeyChoice> choices(const KeyExpr& key) {
  if (key.alternatives().empty()) return {KeyChoice{&key, {}}};
  std::vector<KeyChoice> out;
  out.reserve(key.alternatives().size());
  for (const auto& alternative : key.alternatives()) {
    out.push_back({&alternative.key, alternative.condition});
  }
  return out;
}

std::vector<KeyChoice> all_choices(std::span<const KeyExpr> keys) {
  std::vector<KeyChoice> out;
  for (const auto& key : keys) {
    auto each = choices(key);
    out.insert(out.end(), each.begin(), each.end());
  }
  return out;
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
