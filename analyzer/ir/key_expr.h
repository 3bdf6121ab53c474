// KeyExpr: what the analyser knows about a string value that becomes a Redis
// argument (usually a key).
//
// A KeyExpr is a sequence of segments. A literal segment holds bytes that are
// certain; a hole stands for a value we cannot see, with a symbol that is equal
// for two holes exactly when the frontend can tell they hold the same value (the
// same variable or expression in the same scope). A KeyExpr may also be wholly
// unknown ("unknown, because ...") and may stand for a collection: zero or more
// keys each shaped like the segments (a list comprehension, a `*keys` spread).
//
// Invariants: append() merges adjacent literals only when they are one stretch
// of the same source (so a fix can still edit each piece where it is written);
// compare keys through tokens(), which merges all adjacent literals. Spans
// point into the file the segment came from, which may differ from the call's.
// A key holds at most kMaxKeyBytes literal bytes, whatever built it: the
// bytes past that become a hole that says so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analyzer/ir/source_span.h"

namespace slotlint::ir {

// The most literal bytes one key holds. Real keys are tens of bytes; hostile
// source ("%999999999d" % 1, or `a = a + a` a few dozen times) would build
// gigabytes. Every operation that adds literal bytes checks this before it
// allocates, so no frontend can go past it.
inline constexpr std::size_t kMaxKeyBytes = 64 * 1024;

// How literal bytes must be written back into the source they came from when a
// fix inserts text. f-strings, str.format and fmt::format double their braces.
enum class BraceEscaping : std::uint8_t { None, Doubled };

struct LiteralSegment {
  std::string text;
  SourceSpan span;
  // True when text[i] is the source byte at span.begin + i (no escapes, no
  // implicit concatenation): only then can a fix edit inside this literal.
  bool maps_to_source = false;
  BraceEscaping escaping = BraceEscaping::None;
};

struct HoleSegment {
  std::string symbol;   // identity; equal symbols hold equal values
  std::string display;  // what a person reads, e.g. "uid"
  SourceSpan span;
  // Inside a collection: the value differs from one element to the next (the
  // loop variable of a comprehension).
  bool varies_per_element = false;
  // The hole is a field inside a string literal (an f-string's `{uid}`): a fix
  // can insert text right before span.begin and right after span.end, written
  // with `escaping`.
  bool in_string_literal = false;
  BraceEscaping escaping = BraceEscaping::None;
  // Stands for literal bytes past kMaxKeyBytes: known to the source, not kept.
  bool over_budget = false;
};

using Segment = std::variant<LiteralSegment, HoleSegment>;

class KeyExpr {
 public:
  static KeyExpr literal(std::string text, SourceSpan span, bool maps_to_source,
                         BraceEscaping escaping = BraceEscaping::None);
  static KeyExpr hole(std::string symbol, std::string display, SourceSpan span,
                      bool varies_per_element = false);
  static KeyExpr unknown(std::string reason, SourceSpan span);
  // `text` widened to `width` bytes by inserting `fill` before text[fill_at]
  // (printf and str.format padding); a hole, never built, past the budget.
  static KeyExpr padded(std::string_view text, std::size_t width, char fill, std::size_t fill_at,
                        SourceSpan span);

  void append(const KeyExpr& tail);
  void append(Segment segment);

  [[nodiscard]] const std::vector<Segment>& segments() const { return segments_; }
  [[nodiscard]] bool is_unknown() const { return unknown_; }
  [[nodiscard]] const std::string& unknown_reason() const { return unknown_reason_; }
  [[nodiscard]] bool is_collection() const { return collection_; }
  [[nodiscard]] bool is_literal() const;           // known, single, and no holes
  [[nodiscard]] std::string literal_text() const;  // concatenated literal bytes
  [[nodiscard]] const SourceSpan& span() const { return span_; }

  void set_span(SourceSpan span) { span_ = span; }
  void mark_collection() { collection_ = true; }
  // The text also serves other keys (a module constant): a fix must not edit it.
  void forbid_edits();
  // Marks holes with these symbols as differing per element and the key as a
  // collection; false when none of them occurs.
  bool vary(const std::vector<std::string>& symbols);
  // The value was built in another file: point every part at `at` (the call
  // that brought it here) and allow no edits, so spans stay in one file.
  void relocate_to(SourceSpan at);

  // "user:<uid>:name"; "<unknown: reason>" for unknown keys.
  [[nodiscard]] std::string display() const;

 private:
  std::vector<Segment> segments_;
  bool unknown_ = false;
  bool collection_ = false;
  std::size_t literal_bytes_ = 0;  // in all literal segments; at most kMaxKeyBytes
  std::string unknown_reason_;
  SourceSpan span_;
};

// A KeyExpr as comparable tokens: adjacent literals merged, holes by symbol.
struct Token {
  bool is_hole = false;
  std::string text;  // literal bytes, or the hole's symbol
  bool varies_per_element = false;
  std::string display;  // holes only; not part of identity
  friend bool operator==(const Token& a, const Token& b) {
    return a.is_hole == b.is_hole && a.text == b.text &&
           a.varies_per_element == b.varies_per_element;
  }
};
std::vector<Token> tokens(const KeyExpr& expr);

// Two keys or more, or a collection of keys: what can span slots.
bool names_several_keys(std::span<const KeyExpr> keys);

}  // namespace slotlint::ir
