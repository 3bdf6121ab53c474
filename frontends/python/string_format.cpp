#include "frontends/python/string_format.h"

#include <cctype>

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
      while (j < text.size() && std::string_view("#0- +*.0123456789hlL").find(text[j]) !=
                                    std::string_view::npos) {
        ++j;
      }
      if (j >= text.size()) return false;
      if (!name.empty()) {
        auto it = args.named.find(name);
        out.append(it != args.named.end() ? it->second : missing(args, "'" + name + "'"));
      } else if (const auto* value = positional(args, next++)) {
        out.append(*value);
      } else {
        out.append(missing(args, std::to_string(next)));
      }
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
      std::string field = text.substr(i + 1, close - i - 1);
      field = field.substr(0, field.find_first_of(":!"));
      if (field.empty()) {
        const auto* value = positional(args, next++);
        out.append(value != nullptr ? *value : missing(args, std::to_string(next - 1)));
      } else if (std::isdigit(static_cast<unsigned char>(field[0])) &&
                 field.find_first_not_of("0123456789") == std::string::npos) {
        const auto* value = positional(args, std::stoul(field));
        out.append(value != nullptr ? *value : missing(args, field));
      } else if (auto it = args.named.find(field); it != args.named.end()) {
        out.append(it->second);
      } else {
        out.append(missing(args, "'" + field + "'"));  // attribute or index access
      }
      done = close + 1;
      i = close;
    }
    out.append(slice(literal, done, text.size()));
    return true;
  });
}

}  // namespace slotlint::python
