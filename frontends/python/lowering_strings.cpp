// The Python lowering: string literals (prefixes, escapes, implicit
// concatenation), f-strings, and `%` / `.format` with a literal format, all
// decoded into il::Templates whose literal pieces say whether they are the
// source bytes (so a fix can edit them in place) and how braces are escaped.
#include <cctype>
#include <charconv>
#include <map>
#include <utility>

#include "frontends/common/source_helpers.h"
#include "frontends/python/lowering_internal.h"

namespace slotlint::python::lowering {
namespace {

// The bytes a Python escape sequence stands for; nullopt when it cannot be
// told here (`\N{...}`).
std::optional<std::string> decode_escape(std::string_view escape, bool bytes) {
  if (escape.size() < 2 || escape[0] != '\\') return std::string(escape);
  char kind = escape[1];
  static constexpr std::pair<char, char> kSimple[] = {
      {'\\', '\\'}, {'\'', '\''}, {'"', '"'},  {'n', '\n'}, {'t', '\t'},
      {'r', '\r'},  {'a', '\a'},  {'b', '\b'}, {'f', '\f'}, {'v', '\v'}};
  if (kind == '\n' || kind == '\r') return std::string{};  // a line continuation
  for (auto [letter, byte] : kSimple) {
    if (kind == letter) return std::string(1, byte);
  }
  auto hex = [&](std::size_t digits) -> std::optional<std::uint32_t> {
    if (escape.size() != 2 + digits) return std::nullopt;
    std::uint32_t value = 0;
    for (char c : escape.substr(2)) {
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    return value;
  };
  std::optional<std::uint32_t> cp;
  if (kind == 'x') cp = hex(2);
  if (kind == 'u' && !bytes) cp = hex(4);
  if (kind == 'U' && !bytes) cp = hex(8);
  if (kind >= '0' && kind <= '7') {
    std::uint32_t value = 0;
    for (char c : escape.substr(1)) value = value * 8 + static_cast<std::uint32_t>(c - '0');
    cp = value;
  }
  if (!cp || *cp > 0x10FFFF) return std::nullopt;
  std::string out;
  if (bytes) {
    if (*cp > 0xFF) return std::nullopt;
    out += static_cast<char>(*cp);  // b"\xe9" is one byte
  } else {
    frontend::append_utf8(out, *cp);  // "\xe9" is U+00E9, sent as UTF-8
  }
  return out;
}

StringPiece slice(const StringPiece& piece, std::size_t from, std::size_t to) {
  StringPiece out = piece;
  out.text = piece.text.substr(from, to - from);
  if (piece.maps_to_source) {
    out.span.begin = piece.span.begin + static_cast<std::uint32_t>(from);
    out.span.end = piece.span.begin + static_cast<std::uint32_t>(to);
  }
  return out;
}

// Where a field written at text[from, to) of `piece` sits in the source.
ir::SourceSpan field_span(const StringPiece& piece, std::size_t from, std::size_t to) {
  return slice(piece, from, to).span;
}

il::TemplatePart literal_part(const StringPiece& piece, ir::BraceEscaping escaping) {
  il::TemplatePart part;
  part.literal = piece.text;
  part.span = piece.span;
  // A piece written with another escaping than the template's cannot be edited
  // as the template says.
  part.maps_to_source = piece.maps_to_source && piece.escaping == escaping;
  return part;
}

bool has_fields(const std::vector<StringPiece>& pieces) {
  for (const auto& piece : pieces) {
    if (piece.value != il::kNone) return true;
  }
  return false;
}

}  // namespace

std::optional<std::vector<StringPiece>> Lowerer::string_pieces(ts::Node node) {
  std::vector<StringPiece> pieces;
  if (node.type() == "concatenated_string") {
    for (auto part : named_children(node)) {
      auto inner = string_pieces(part);
      if (!inner) return std::nullopt;
      pieces.insert(pieces.end(), inner->begin(), inner->end());
    }
    return pieces;
  }
  std::string_view prefix;
  auto children = named_children(node);
  if (!children.empty() && children.front().type() == "string_start") {
    auto start = children.front().text();
    prefix = start.substr(0, start.find_first_of("'\""));
  }
  auto has = [&](char c) {
    return prefix.find(c) != std::string_view::npos ||
           prefix.find(static_cast<char>(std::toupper(static_cast<unsigned char>(c)))) !=
               std::string_view::npos;
  };
  const bool raw = has('r');
  const bool bytes = has('b');
  const auto escaping = has('f') ? ir::BraceEscaping::Doubled : ir::BraceEscaping::None;
  auto literal = [&](std::uint32_t begin, std::uint32_t end) {
    if (begin >= end) return;
    pieces.push_back({std::string(node.source().substr(begin, end - begin)),
                      il::kNone,
                      {},
                      {file_, begin, end},
                      true,
                      escaping});
  };
  for (auto child : children) {
    auto type = child.type();
    if (type == "string_content") {
      std::uint32_t done = child.begin();
      for (auto escape : named_children(child)) {
        literal(done, escape.begin());
        done = escape.end();
        if (escape.type() == "escape_interpolation") {  // `{{` in an f-string
          pieces.push_back({std::string(escape.text().substr(0, 1)),
                            il::kNone,
                            {},
                            span(escape),
                            false,
                            escaping});
        } else if (raw) {
          literal(escape.begin(), escape.end());
        } else if (auto decoded = decode_escape(escape.text(), bytes)) {
          pieces.push_back({*decoded, il::kNone, {}, span(escape), false, escaping});
        } else {
          return std::nullopt;
        }
      }
      literal(done, child.end());
    } else if (type == "interpolation") {
      StringPiece field;
      field.span = span(child);
      field.escaping = escaping;
      auto value = child.field("expression");
      field.value = expr(value);
      auto conversion = child.field("type_conversion");
      auto spec = child.field("format_specifier");
      if (!conversion.is_null()) field.format_spec += std::string(conversion.text());
      if (!spec.is_null()) {
        auto text = spec.text();
        if (text.starts_with(':')) text.remove_prefix(1);
        field.format_spec += std::string(text);
      }
      for (std::uint32_t i = 0; i < child.child_count(); ++i) {
        if (child.child(i).type() == "=") field.format_spec = "=" + field.format_spec;  // `{x=}`
      }
      pieces.push_back(std::move(field));
    }
  }
  return pieces;
}

il::ExprId Lowerer::string(ts::Node node) {
  auto pieces = string_pieces(node);
  if (!pieces) return opaque(node, "a string with an escape the lowering does not decode", false);
  il::Template text;
  text.escaping = ir::BraceEscaping::None;
  for (const auto& piece : *pieces) {
    if (piece.value != il::kNone) text.escaping = piece.escaping;
  }
  if (!has_fields(*pieces) && !pieces->empty()) text.escaping = pieces->front().escaping;
  for (const auto& piece : *pieces) {
    if (piece.value == il::kNone) {
      text.parts.push_back(literal_part(piece, text.escaping));
      continue;
    }
    il::TemplatePart part;
    part.value = piece.value;
    part.format_spec = piece.format_spec;
    part.span = piece.span;
    text.parts.push_back(std::move(part));
    text.fields_in_literal = true;
  }
  return add(std::move(text), node);
}

std::optional<std::vector<StringPiece>> Lowerer::literal_format(ts::Node node) {
  if (node.type() != "string" && node.type() != "concatenated_string") return std::nullopt;
  auto pieces = string_pieces(node);
  if (!pieces || has_fields(*pieces)) return std::nullopt;
  return pieces;
}

Lowerer::FormatArguments Lowerer::format_arguments(
    const std::vector<ts::Node>& positional,
    const std::map<std::string, ts::Node, std::less<>>& named) {
  FormatArguments out;
  out.positional.reserve(positional.size());
  for (auto node : positional) out.positional.push_back(expr(node));
  for (const auto& [name, node] : named) out.named[name] = expr(node);
  return out;
}

// `"user:%s:%(field)s" % args`: the literal's conversions become fields.
il::ExprId Lowerer::percent_format(ts::Node binary) {
  auto right = binary.field("right");
  auto pieces = literal_format(binary.field("left"));
  if (!pieces) return il::kNone;

  // The conversions first, to know what the arguments must be.
  struct Conversion {
    std::size_t piece, from, to;
    std::string name, spec;
  };
  std::vector<Conversion> conversions;
  for (std::size_t p = 0; p < pieces->size(); ++p) {
    const auto& text = (*pieces)[p].text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '%') continue;
      if (i + 1 < text.size() && text[i + 1] == '%') {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      std::string name;
      if (j < text.size() && text[j] == '(') {
        auto close = text.find(')', j);
        if (close == std::string::npos) return il::kNone;
        name = text.substr(j + 1, close - j - 1);
        j = close + 1;
      }
      auto flags_start = j;
      while (j < text.size() &&
             std::string_view("#0- +.0123456789hlL").find(text[j]) != std::string_view::npos) {
        ++j;
      }
      // A conversion split by implicit concatenation, or a `*` width: not followed.
      if (j >= text.size() || text[j] == '*') return il::kNone;
      conversions.push_back({p, i, j + 1, name, text.substr(flags_start, j + 1 - flags_start)});
      i = j;
    }
  }
  // The arguments: a tuple literal, a dict literal for named ones, or one value.
  std::vector<ts::Node> positional;
  std::map<std::string, ts::Node, std::less<>> named;
  bool any_named = !conversions.empty() && !conversions.front().name.empty();
  if (right.type() == "tuple") {
    for (auto item : named_children(right)) {
      if (item.type() == "list_splat") return il::kNone;
      positional.push_back(item);
    }
  } else if (any_named && right.type() == "dictionary") {
    for (auto pair : named_children(right)) {
      if (pair.type() != "pair") return il::kNone;
      auto key = string_pieces(pair.field("key"));
      if (!key || has_fields(*key)) return il::kNone;
      std::string text;
      for (const auto& piece : *key) text += piece.text;
      named.emplace(std::move(text), pair.field("value"));
    }
  } else if (!any_named && conversions.size() == 1) {
    positional.push_back(right);
  } else {
    return il::kNone;  // a tuple or mapping held by a name: not followed here
  }
  std::size_t positional_used = 0;
  for (const auto& c : conversions) {
    if (c.name.empty() == any_named) return il::kNone;  // mixing is a TypeError
    if (c.name.empty()) ++positional_used;
    if (!c.name.empty() && !named.contains(c.name)) return il::kNone;
  }
  if (!any_named && positional_used != positional.size()) return il::kNone;

  il::Template text;
  text.fields_in_literal = true;
  auto [values, named_values] = format_arguments(positional, named);
  std::size_t next = 0, c = 0;
  for (std::size_t p = 0; p < pieces->size(); ++p) {
    const auto& piece = (*pieces)[p];
    std::size_t done = 0;
    for (std::size_t i = 0; i < piece.text.size(); ++i) {
      if (piece.text[i] != '%') continue;
      if (done < i) text.parts.push_back(literal_part(slice(piece, done, i), text.escaping));
      if (i + 1 < piece.text.size() && piece.text[i + 1] == '%') {
        il::TemplatePart percent;
        percent.literal = "%";
        percent.span = field_span(piece, i, i + 2);
        text.parts.push_back(std::move(percent));
        done = ++i + 1;
        continue;
      }
      const auto& conversion = conversions[c++];
      il::TemplatePart field;
      field.value = conversion.name.empty() ? values[next++] : named_values.at(conversion.name);
      field.format_spec = conversion.spec;
      field.span = field_span(piece, conversion.from, conversion.to);
      text.fields_in_literal = text.fields_in_literal && piece.maps_to_source;
      text.parts.push_back(std::move(field));
      done = conversion.to;
      i = conversion.to - 1;
    }
    if (done < piece.text.size())
      text.parts.push_back(literal_part(slice(piece, done, piece.text.size()), text.escaping));
  }
  return add(std::move(text), binary);
}

// `"user:{}:{name}".format(uid, name=n)`: the literal's fields, brace-doubled.
il::ExprId Lowerer::brace_format(ts::Node call) {
  auto pieces = literal_format(call.field("function").field("object"));
  if (!pieces) return il::kNone;
  auto arguments = call.field("arguments");
  if (arguments.type() != "argument_list") return il::kNone;
  std::vector<ts::Node> positional;
  std::map<std::string, ts::Node, std::less<>> named;
  for (auto arg : named_children(arguments)) {
    if (arg.type() == "list_splat" || arg.type() == "dictionary_splat") return il::kNone;
    if (arg.type() == "keyword_argument") {
      named.emplace(std::string(arg.field("name").text()), arg.field("value"));
    } else {
      positional.push_back(arg);
    }
  }

  il::Template text;
  text.escaping = ir::BraceEscaping::Doubled;
  text.fields_in_literal = true;
  auto [values, named_values] = format_arguments(positional, named);
  std::size_t next = 0;
  for (auto piece : *pieces) {
    piece.escaping = ir::BraceEscaping::Doubled;
    const auto& body = piece.text;
    std::size_t done = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c != '{' && c != '}') continue;
      if (done < i) text.parts.push_back(literal_part(slice(piece, done, i), text.escaping));
      if (i + 1 < body.size() && body[i + 1] == c) {
        il::TemplatePart brace;
        brace.literal = std::string(1, c);
        brace.span = field_span(piece, i, i + 2);
        text.parts.push_back(std::move(brace));
        done = ++i + 1;
        continue;
      }
      if (c == '}') return il::kNone;  // a lone `}` is a ValueError
      auto close = body.find('}', i);
      if (close == std::string::npos) return il::kNone;
      std::string whole = body.substr(i + 1, close - i - 1);
      auto spec_at = whole.find_first_of(":!");
      std::string name = whole.substr(0, spec_at);
      il::TemplatePart field;
      if (name.empty()) {
        if (next >= values.size()) return il::kNone;
        field.value = values[next++];
      } else if (name.find_first_not_of("0123456789") == std::string::npos) {
        std::size_t index = 0;
        std::from_chars(name.data(), name.data() + name.size(), index);
        if (index >= values.size()) return il::kNone;
        field.value = values[index];
      } else if (auto found = named_values.find(name); found != named_values.end()) {
        field.value = found->second;
      } else {
        return il::kNone;  // `{0.attr}`, `{a[b]}`, a missing name
      }
      if (spec_at != std::string::npos) {
        field.format_spec = whole.substr(spec_at);
        if (field.format_spec.starts_with(':')) field.format_spec.erase(0, 1);
      }
      field.span = field_span(piece, i, close + 1);
      text.fields_in_literal = text.fields_in_literal && piece.maps_to_source;
      text.parts.push_back(std::move(field));
      done = close + 1;
      i = close;
    }
    if (done < body.size())
      text.parts.push_back(literal_part(slice(piece, done, body.size()), text.escaping));
  }
  return add(std::move(text), call);
}

}  // namespace slotlint::python::lowering
