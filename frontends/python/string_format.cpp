#include "frontends/python/string_format.h"

#include <cctype>
#include <optional>

#include "frontends/common/format_spec.h"

namespace slotlint::python {
namespace {

ir::LiteralSegment slice(const ir::LiteralSegment& literal, std::size_t from, std::size_t to) {
  ir::LiteralSegment piece = literal;
  piece.text = literal.text.substr(from, to - from);
  if (literal.maps_to_source) {
    piece.span.begin = literal.span.begin + static_cast<std::uint32_t>(from);
    piece.span.end = literal.span.begin + static_cast<std::uint32_t>(to);
  }
  return piece;
}

ir::LiteralSegment unmapped(std::string text, const ir::LiteralSegment& near) {
  return {std::move(text), near.span, false, near.escaping};
}

ir::KeyExpr missing(const FormatArguments& args, const std::string& what) {
  return ir::KeyExpr::unknown("missing format argument " + what, args.call);
}

// What a brace spec asks for: ":03", ":>8", ":<4s", ":05d".
struct Padding {
  char conversion = 0;  // 's', 'd', or none given: formats as the value's type does
  bool zero = false;
  bool left = false;
  std::size_t width = 0;
};

std::optional<Padding> parse_brace_spec(std::string_view spec) {
  if (spec.empty() || spec.front() != ':') return std::nullopt;  // "!r", "!s": conversions
  Padding padding;
  std::size_t i = 1;
  if (i < spec.size() && (spec[i] == '<' || spec[i] == '>')) padding.left = spec[i++] == '<';
  if (i < spec.size() && spec[i] == '0') {
    padding.zero = true;
    ++i;
  }
  padding.width = frontend::read_width(spec, i);
  if (i < spec.size() && (spec[i] == 'd' || spec[i] == 's')) padding.conversion = spec[i++];
  if (i != spec.size()) return std::nullopt;
  return padding;
}

// A literal written through a brace spec, as str.format writes it.
std::optional<ir::KeyExpr> brace_padded(const std::string& text, Padding padding,
                                        ir::SourceSpan span) {
  bool integer = frontend::is_integer_text(text);
  if (padding.conversion == 'd' && !integer) return std::nullopt;
  if (padding.zero && !integer) return std::nullopt;  // zero-fill of text: leave to run time
  if (padding.zero) {
    std::size_t sign = text.starts_with('-') ? 1 : 0;
    return ir::KeyExpr::padded(text, padding.width, '0', sign, span);
  }
  // Numbers align right and text left unless told otherwise.
  bool left = padding.left || (!integer && padding.conversion != 'd');
  return ir::KeyExpr::padded(text, padding.width, ' ', left ? text.size() : 0, span);
}

}  // namespace

ir::KeyExpr through_spec(const ir::KeyExpr& value, std::string_view spec, ir::SourceSpan span) {
  if (spec.starts_with('%')) {
    // "%(name)05d": the name only picks the value.
    auto named = spec.starts_with("%(") ? spec.find(')') : std::string_view::npos;
    if (named == std::string_view::npos) return frontend::through_printf_spec(value, spec, span);
    return frontend::through_printf_spec(value, "%" + std::string(spec.substr(named + 1)), span);
  }
  if (value.is_literal()) {
    if (auto padding = parse_brace_spec(spec)) {
      if (auto text = brace_padded(value.literal_text(), *padding, span)) return *text;
    }
  }
  return frontend::through_spec(value, spec, span);
}

namespace {

const ir::KeyExpr* positional(const FormatArguments& args, std::size_t index) {
  return index < args.positional.size() ? &args.positional[index] : nullptr;
}

// One pass over every literal segment, letting `on_literal` split it.
template <typename OnLiteral>
std::optional<ir::KeyExpr> rewrite(const ir::KeyExpr& format, OnLiteral&& on_literal) {
  if (format.is_unknown()) return std::nullopt;
  ir::KeyExpr out;
  for (const auto& segment : format.segments()) {
    if (const auto* literal = std::get_if<ir::LiteralSegment>(&segment)) {
      if (!on_literal(*literal, out)) return std::nullopt;
    } else {
      out.append(segment);
    }
  }
  out.set_span(format.span());
  return out;
}

}  // namespace

std::optional<ir::KeyExpr> percent_format(const ir::KeyExpr& format, const FormatArguments& args) {
  std::size_t next = 0;
  return rewrite(format, [&](const ir::LiteralSegment& literal, ir::KeyExpr& out) {
    const std::string& text = literal.text;
    std::size_t done = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '%') continue;
      out.append(slice(literal, done, i));
      if (i + 1 < text.size() && text[i + 1] == '%') {
        out.append(unmapped("%", literal));
        done = ++i + 1;
        continue;
      }
      std::size_t j = i + 1;
      std::string name;
      if (j < text.size() && text[j] == '(') {
        auto close = text.find(')', j);
        if (close == std::string::npos) return false;
        name = text.substr(j + 1, close - j - 1);
        j = close + 1;
      }
      while (j < text.size() &&
             std::string_view("#0- +*.0123456789hlL").find(text[j]) != std::string_view::npos) {
        ++j;
      }
      if (j >= text.size()) return false;
      std::string spec = text.substr(i, j + 1 - i);
      // "%*d" takes its width from the arguments: not followed here.
      if (spec.find('*') != std::string::npos) return false;
      bool plain = spec == "%s" || (!name.empty() && spec == "%(" + name + ")s");
      ir::KeyExpr value;
      if (!name.empty()) {
        auto it = args.named.find(name);
        value = it != args.named.end() ? it->second : missing(args, "'" + name + "'");
      } else if (const auto* found = positional(args, next++)) {
        value = *found;
      } else {
        value = missing(args, std::to_string(next));
      }
      out.append(plain ? value : through_spec(value, spec, args.call));
      done = j + 1;
      i = j;
    }
    out.append(slice(literal, done, text.size()));
    return true;
  });
}

std::optional<ir::KeyExpr> brace_format(const ir::KeyExpr& format, const FormatArguments& args) {
  std::size_t next = 0;
  return rewrite(format, [&](const ir::LiteralSegment& source, ir::KeyExpr& out) {
    ir::LiteralSegment literal = source;
    literal.escaping = ir::BraceEscaping::Doubled;
    const std::string& text = literal.text;
    std::size_t done = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c != '{' && c != '}') continue;
      out.append(slice(literal, done, i));
      if (i + 1 < text.size() && text[i + 1] == c) {
        out.append(unmapped(std::string(1, c), literal));
        done = ++i + 1;
        continue;
      }
      if (c == '}') return false;  // a lone '}' is a ValueError in Python
      auto close = text.find('}', i);
      if (close == std::string::npos) return false;
      std::string whole = text.substr(i + 1, close - i - 1);
      auto spec_at = whole.find_first_of(":!");
      std::string field = whole.substr(0, spec_at);
      ir::KeyExpr value;
      if (field.empty()) {
        const auto* found = positional(args, next++);
        value = found != nullptr ? *found : missing(args, std::to_string(next - 1));
      } else if (std::isdigit(static_cast<unsigned char>(field[0])) &&
                 field.find_first_not_of("0123456789") == std::string::npos) {
        const auto* found = positional(args, std::stoul(field));
        value = found != nullptr ? *found : missing(args, field);
      } else if (auto it = args.named.find(field); it != args.named.end()) {
        value = it->second;
      } else {
        value = missing(args, "'" + field + "'");  // attribute or index access
      }
      bool plain = spec_at == std::string::npos;
      out.append(plain ? value : through_spec(value, whole.substr(spec_at), args.call));
      done = close + 1;
      i = close;
    }
    out.append(slice(literal, done, text.size()));
    return true;
  });
}

}  // namespace slotlint::python
