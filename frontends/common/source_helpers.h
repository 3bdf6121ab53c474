// Small facts about source text and values that every frontend needs.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/tree_sitter.h"
#include "frontends/common/value.h"

namespace slotlint::frontend {

// A code point as UTF-8 (string escapes: Python's "\xe9", Java's "\u00e9").
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The 1-based line of a byte offset.
inline std::uint32_t line_of(std::string_view source, std::uint32_t offset) {
  auto end = source.begin() + std::min<std::size_t>(offset, source.size());
  return 1 + static_cast<std::uint32_t>(std::count(source.begin(), end, '\n'));
}

// Whether `name` occurs in `text` as a whole identifier (`$` counts as part of
// one, for JavaScript).
inline bool mentions_identifier(std::string_view text, std::string_view name) {
  auto part = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
  };
  for (auto at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    bool starts = at == 0 || !part(text[at - 1]);
    bool ends = at + name.size() == text.size() || !part(text[at + name.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// A value with a hole that differs from one element of a collection to the next.
inline bool varies_per_element(const Value& value) {
  return std::ranges::any_of(value.text.segments(), [](const ir::Segment& segment) {
    const auto* hole = std::get_if<ir::HoleSegment>(&segment);
    return hole != nullptr && hole->varies_per_element;
  });
}

// Whether a function's name says it waits before a retry: sleep, delay,
// wait, backoff, setTimeout (any case).
inline bool names_a_wait(std::string_view callee) {
  std::string lowered(callee);
  std::ranges::transform(lowered, lowered.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view word : {"sleep", "delay", "wait", "backoff", "settimeout"}) {
    if (lowered.find(word) != std::string::npos) return true;
  }
  return false;
}

// The waits in a retry loop's body: calls (nodes of `call_type`) whose
// callee, as `callee_of` reads it, names a wait. `all_zero` when every such
// wait's delay (the node `delay_of` picks) is a literal 0.
struct Waits {
  bool any = false;
  bool all_zero = false;
};

template <typename CalleeOf, typename DelayOf>
Waits find_waits(ts::Node body, std::string_view call_type, CalleeOf callee_of, DelayOf delay_of) {
  Waits found;
  bool any_nonzero = false;
  std::vector<ts::Node> stack{body};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == call_type && names_a_wait(callee_of(current))) {
      found.any = true;
      auto delay = delay_of(current).text();
      any_nonzero = any_nonzero || (delay != "0" && delay != "0.0");
    }
    for (auto child : current.named_children()) stack.push_back(child);
  }
  found.all_zero = found.any && !any_nonzero;
  return found;
}

// Whitespace runs as one space, none at the ends: two spellings of one
// expression get one hole symbol.
inline std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A value used as text: its text, or unknown for a collection.
inline ir::KeyExpr to_text(const Value& value, ir::SourceSpan span) {
  if (value.is_text() || value.kind == Value::Kind::Opaque) return value.text;
  return ir::KeyExpr::unknown("a collection used as text", span);
}

// `left + right` as text when either side is a string; nullopt otherwise
// (numbers add, collections concatenate).
inline std::optional<Value> concatenated(const Value& left, const Value& right,
                                         ir::SourceSpan span) {
  if (left.kind != Value::Kind::String && right.kind != Value::Kind::String) return std::nullopt;
  ir::KeyExpr text = to_text(left, span);
  text.append(to_text(right, span));
  text.set_span(span);
  return Value::string(std::move(text));
}

// Parts joined by a separator (`strings.Join`, `array.join`, `String.join`);
// nullopt when a part stands for any number of elements. The separator
// stands between several parts, so a fix must not edit it.
inline std::optional<Value> joined(const std::vector<SequenceItem>& parts, ir::KeyExpr separator,
                                   ir::SourceSpan span) {
  if (std::ranges::any_of(parts, [](const SequenceItem& item) { return item.spread; }))
    return std::nullopt;
  separator.forbid_edits();
  ir::KeyExpr text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text.append(separator);
    text.append(to_text(parts[i].value, span));
  }
  text.set_span(span);
  return Value::string(std::move(text));
}

// The work an evaluator may spend on one argument: chains like `a2 = a1 + a1`
// grow exponentially, and a pre-commit hook must not hang on them. An
// unknown value when `expr` is past a limit (or missing), nullopt otherwise.
inline std::optional<Value> beyond_evaluation_limits(ts::Node expr, int depth, std::size_t& steps,
                                                     ir::FileIndex file) {
  constexpr int kMaxDepth = 48;
  constexpr std::size_t kMaxSteps = 20'000;
  if (expr.is_null())
    return Value::opaque(ir::KeyExpr::unknown("missing expression", {file, 0, 0}));
  ir::SourceSpan span{file, expr.begin(), expr.end()};
  if (depth > kMaxDepth)
    return Value::opaque(ir::KeyExpr::unknown("expression nested too deeply", span));
  if (++steps > kMaxSteps) return Value::opaque(ir::KeyExpr::unknown("too much to evaluate", span));
  return std::nullopt;
}

// A value built in another file, as seen at `at` (the reference that brought
// it here): every span points there and nothing may be edited.
inline Value relocated(Value value, ir::SourceSpan at) {
  value.text.relocate_to(at);
  for (auto& item : value.items) item.value = relocated(std::move(item.value), at);
  for (auto& key : value.keys) key = relocated(std::move(key), at);
  for (auto& v : value.values) v = relocated(std::move(v), at);
  return value;
}

// Whether a node of `type` lies in `node`, not counting nested functions
// (`is_boundary` tells a function's node type).
template <typename Boundary>
bool contains_type(ts::Node node, std::string_view type, Boundary is_boundary) {
  std::vector<ts::Node> stack{node};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == type) return true;
    if (current != node && is_boundary(current.type())) continue;
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return false;
}

// A hole for an expression we cannot evaluate, named by its text in its
// scope; it differs per element when it mentions a per-element local.
template <typename Locals>
Value expression_hole(std::string_view source_text, const std::string& scope_id,
                      const Locals& locals, ir::SourceSpan span) {
  std::string text = collapse_spaces(source_text);
  std::string display = text.size() > 40 ? text.substr(0, 37) + "..." : text;
  bool per_element = std::ranges::any_of(locals, [&](const auto& local) {
    return varies_per_element(local.second) && mentions_identifier(text, local.first);
  });
  return Value::opaque(ir::KeyExpr::hole(scope_id + ":" + text, display, span, per_element));
}

// A name's value read where the name is: a single hole is pointed at the
// reading, so that evidence shows the use, not the binding.
inline Value read_at(Value value, ir::SourceSpan at) {
  if (value.kind != Value::Kind::Opaque || value.text.is_unknown() ||
      value.text.segments().size() != 1) {
    return value;
  }
  auto segment = std::get<ir::HoleSegment>(value.text.segments().front());
  segment.span = at;
  ir::KeyExpr located;
  located.append(ir::Segment{segment});
  located.set_span(at);
  return Value::opaque(std::move(located));
}

// The identifiers a binding pattern binds (`a`, `(a, b)`, `{a, b: [c]}`).
inline std::vector<ts::Node> identifiers_in(ts::Node pattern) {
  std::vector<ts::Node> found;
  std::vector<ts::Node> stack{pattern};
  while (!stack.empty()) {
    auto node = stack.back();
    stack.pop_back();
    if (node.type() == "identifier") {
      found.push_back(node);
      continue;
    }
    for (auto child : node.named_children()) stack.push_back(child);
  }
  return found;
}

// The symbols of a value's holes.
inline void add_hole_symbols(const ir::KeyExpr& text, std::vector<std::string>& symbols) {
  for (const auto& segment : text.segments()) {
    if (const auto* hole = std::get_if<ir::HoleSegment>(&segment)) symbols.push_back(hole->symbol);
  }
}

}  // namespace slotlint::frontend
