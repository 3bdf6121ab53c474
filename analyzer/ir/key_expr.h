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
//
// A key may also be one of a few alternatives (a key chosen on a branch), each
// a KeyExpr with the condition that chose it. Read a key's values through
// choices(): a plain key is its own single choice, so code that judges keys has
// one path for both. For code that reads segments() directly an alternatives
// key is one hole standing for "one of these keys", which is never wrong,
// only less precise.
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

// The most alternatives one key holds (as many as the value-flow engine keeps
// before it widens alternatives to one template). More become an unknown key
// that says how many there were.
inline constexpr std::size_t kMaxAlternatives = 8;

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

struct KeyAlternative;

class KeyExpr {
 public:
  static KeyExpr literal(std::string text, SourceSpan span, bool maps_to_source,
                         BraceEscaping escaping = BraceEscaping::None);
  static KeyExpr hole(std::string symbol, std::string display, SourceSpan span,
                      bool varies_per_element = false);
  static KeyExpr unknown(std::string reason, SourceSpan span);
  // One of `alternatives` (nested alternatives are flattened, their
  // conditions joined); a single one is that key; more than kMaxAlternatives
  // an unknown key saying so.
  static KeyExpr one_of(std::vector<KeyAlternative> alternatives, SourceSpan span);
  // `text` widened to `width` bytes by inserting `fill` before text[fill_at]
  // (printf and str.format padding); a hole, never built, past the budget.
  static KeyExpr padded(std::string_view text, std::size_t width, char fill, std::size_t fill_at,
                        SourceSpan span);

  // Exactly the key these parts describe, as another process wrote them
  // (analyzer/ir/ir_json.h): no merging, no budget applied again.
  static KeyExpr restore(std::vector<Segment> segments, std::vector<KeyAlternative> alternatives,
                         bool unknown, std::string unknown_reason, bool collection,
                         SourceSpan span);

  void append(const KeyExpr& tail);
  void append(Segment segment);

  [[nodiscard]] const std::vector<Segment>& segments() const { return segments_; }
  [[nodiscard]] bool is_unknown() const { return unknown_; }
  [[nodiscard]] const std::string& unknown_reason() const { return unknown_reason_; }
  [[nodiscard]] bool is_collection() const { return collection_; }
  // The alternatives of a key chosen on a branch; empty for any other key.
  [[nodiscard]] std::span<const KeyAlternative> alternatives() const;
  [[nodiscard]] bool is_literal() const;           // known, single, and no holes
  [[nodiscard]] std::string literal_text() const;  // concatenated literal bytes
  [[nodiscard]] const SourceSpan& span() const { return span_; }

  void set_span(SourceSpan span) { span_ = span; }
  void mark_collection();
  // The text also serves other keys (a module constant): a fix must not edit it.
  void forbid_edits();
  // Marks holes with these symbols as differing per element and the key as a
  // collection; false when none of them occurs.
  bool vary(const std::vector<std::string>& symbols);
  // The value was built in another file: point every part at `at` (the call
  // that brought it here) and allow no edits, so spans stay in one file.
  void relocate_to(SourceSpan at);

  // "user:<uid>:name"; "<unknown: reason>" for unknown keys; "a | b" for
  // alternatives.
  [[nodiscard]] std::string display() const;

 private:
  // Applies `change` to each alternative, when there are any.
  template <typename Change>
  void for_each_alternative(Change change);
  // Rebuilds the hole that stands for the alternatives.
  void summarise();

  std::vector<Segment> segments_;
  std::vector<KeyAlternative> alternatives_;
  bool unknown_ = false;
  bool collection_ = false;
  std::size_t literal_bytes_ = 0;  // in all literal segments; at most kMaxKeyBytes
  std::string unknown_reason_;
  SourceSpan span_;
};

// One value a key can take, and what chose it.
struct KeyAlternative {
  KeyExpr key;
  // "when `delayed` is false"; empty when not known (the value-flow engine's
  // joins do not keep the branch).
  std::string condition;
  SourceSpan where;  // the branch that chose it; empty when not known
};

// One value of a key for judging it: the key itself (a plain key) or one of
// its alternatives.
struct KeyChoice {
  const KeyExpr* key = nullptr;
  std::string_view condition;  // empty for a plain key or an unknown condition
};
// The values `key` can take: its alternatives, or itself. Valid while `key` lives.
std::vector<KeyChoice> choices(const KeyExpr& key);
// Every value each of `keys` can take, in order.
std::vector<KeyChoice> all_choices(std::span<const KeyExpr> keys);

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
