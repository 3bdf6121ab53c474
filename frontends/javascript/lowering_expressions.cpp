// The JavaScript lowering: expressions, patterns, strings and template
// literals.
#include <charconv>
#include <utility>

#include "frontends/common/source_helpers.h"
#include "frontends/javascript/lowering_internal.h"

namespace slotlint::javascript::lowering {
namespace {

std::optional<std::uint32_t> hex_value(std::string_view digits) {
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  std::uint32_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// The bytes a JavaScript escape sequence stands for (UTF-8).
std::string decode_escape(std::string_view escape) {
  if (escape.size() < 2 || escape[0] != '\\') return std::string(escape);
  char kind = escape[1];
  static constexpr std::pair<char, char> kSimple[] = {
      {'n', '\n'}, {'t', '\t'}, {'r', '\r'}, {'b', '\b'}, {'f', '\f'}, {'v', '\v'}, {'0', '\0'}};
  if (kind == '\n' || kind == '\r') return {};  // a line continuation
  if (kind == '0' && escape.size() == 2) return std::string(1, '\0');
  for (auto [letter, byte] : kSimple) {
    if (kind == letter && escape.size() == 2) return std::string(1, byte);
  }
  std::optional<std::uint32_t> cp;
  if (kind == 'x') cp = hex_value(escape.substr(2));
  if (kind == 'u') {
    auto digits = escape.substr(2);
    if (digits.starts_with('{') && digits.ends_with('}'))
      digits = digits.substr(1, digits.size() - 2);
    cp = hex_value(digits);
  }
  if (cp && *cp <= 0x10FFFF) {
    std::string out;
    frontend::append_utf8(out, *cp);
    return out;
  }
  return std::string(escape.substr(1));
}

bool is_null_literal(ts::Node node) { return node.type() == "null" || node.type() == "undefined"; }

}  // namespace

std::optional<std::string> literal_string(ts::Node node) {
  node = unwrap(node);
  if (node.type() != "string" && !(node.type() == "template_string" &&
                                   std::ranges::none_of(named_children(node), [](ts::Node part) {
                                     return part.type() == "template_substitution";
                                   }))) {
    return std::nullopt;
  }
  std::string out;
  for (auto part : named_children(node)) {
    if (part.type() == "escape_sequence") {
      out += decode_escape(part.text());
    } else {
      out += part.text();
    }
  }
  return out;
}

std::optional<std::string> Lowerer::property_name(ts::Node key) {
  auto type = key.type();
  if (type == "property_identifier" || type == "identifier" ||
      type == "private_property_identifier" || type == "shorthand_property_identifier" ||
      type == "number")
    return std::string(key.text());
  if (type == "string") return literal_string(key);
  if (type == "computed_property_name") {
    auto inner = named_children(key);
    if (inner.size() == 1) return literal_string(inner.front());
  }
  return std::nullopt;
}

il::ExprId Lowerer::opaque(ts::Node node, std::string reason, bool with_children) {
  il::Opaque lowered{std::move(reason), {}};
  if (with_children) {
    for (auto child : named_children(node)) {
      auto id = expr(child);
      if (id != il::kNone) lowered.children.push_back(id);
    }
  }
  return add(std::move(lowered), node);
}

il::ExprId Lowerer::expr(ts::Node node) {
  if (node.is_null()) return il::kNone;
  Nest nest(*this);
  if (!nest.ok) return opaque(node, too_deep(), false);
  while (node.type() == "parenthesized_expression" || node.type() == "await_expression" ||
         node.type() == "non_null_expression" || node.type() == "satisfies_expression") {
    auto inner = named_children(node);
    if (inner.empty()) break;
    node = inner.front();
  }
  auto type = node.type();
  if (type == "as_expression" || type == "type_assertion") {
    // `x as T`, `<T>x`: a value of the type the code says.
    auto parts = named_children(node);
    if (parts.size() == 2) {
      auto value = type == "as_expression" ? parts[0] : parts[1];
      auto written = type == "as_expression" ? parts[1] : parts[0];
      auto type_written = declared_type(written);
      if (type_written == "any" || type_written == "unknown" || type_written == "const")
        return expr(value);
      return add(il::Cast{expr(value), type_written}, node);
    }
    node = unwrap(node);
    type = node.type();
  }
  if (type == "identifier" || type == "shorthand_property_identifier")
    return add(il::Name{std::string(node.text())}, node);
  if (type == "this") return add(il::Name{"this"}, node);
  if (type == "super") {
    // `super.m(...)`: the base classes' m on this receiver, as the engine
    // reads `super().m(...)`.
    return add(il::Call{add(il::Name{"super"}, node), {}, false}, node);
  }
  if (type == "undefined" || type == "null")
    return add(il::Constant{il::Constant::Kind::Null}, node);
  if (type == "true") return add(il::Constant{il::Constant::Kind::True}, node);
  if (type == "false") return add(il::Constant{il::Constant::Kind::False}, node);
  if (type == "number")
    return add(il::NumberLiteral{std::string(node.text()), integer_value(node.text())}, node);
  if (type == "string") return string(node);
  if (type == "template_string") return template_string(node);
  if (type == "member_expression") return member(node);
  if (type == "subscript_expression") {
    return add(il::Index{expr(node.field("object")), expr(node.field("index"))}, node);
  }
  if (type == "call_expression") return call(node);
  if (type == "new_expression") return construct(node);
  if (type == "binary_expression") return binary(node);
  if (type == "unary_expression") {
    auto op = node.field("operator").text();
    auto argument = node.field("argument");
    if (op == "!") return condition(node);
    if (op == "-" && argument.type() == "number") {
      auto value = integer_value(argument.text());
      return add(il::NumberLiteral{std::string(node.text()),
                                   value ? std::optional<std::int64_t>(-*value) : std::nullopt},
                 node);
    }
    return opaque(node, "a unary `" + std::string(op) + "`");
  }
  if (type == "ternary_expression") {
    return add(il::Conditional{condition(node.field("condition")), expr(node.field("consequence")),
                               expr(node.field("alternative"))},
               node);
  }
  if (type == "object") return object(node);
  if (type == "array") return array(node);
  if (type == "arrow_function" || type == "function_expression" || type == "function" ||
      type == "generator_function") {
    return arrow(node);
  }
  if (type == "assignment_expression") {
    return add(il::AssignExpression{pattern(node.field("left")), expr(node.field("right"))}, node);
  }
  if (type == "sequence_expression") {
    auto parts = named_children(node);
    // The value is the last part's; the others are evaluated for their effects.
    il::Opaque effects{"the earlier parts of a comma expression", {}};
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) effects.children.push_back(expr(parts[i]));
    auto last = parts.empty() ? il::kNone : expr(parts.back());
    if (effects.children.empty()) return last;
    return add(il::Binary{il::Binary::Op::Other, add(std::move(effects), node), last}, node);
  }
  if (type == "regex") return opaque(node, "a regular expression", false);
  if (type == "class") return opaque(node, "a class expression");
  if (type == "ERROR") return opaque(node, "a syntax error");
  return opaque(node,
                "a `" + std::string(type) + "` expression the JavaScript lowering does not model");
}

il::ExprId Lowerer::member(ts::Node node) {
  auto property = node.field("property");
  return add(
      il::Attribute{expr(node.field("object")), std::string(property.text()), span(property)},
      node);
}

il::ExprId Lowerer::binary(ts::Node node) {
  auto op = node.field("operator").text();
  auto left = node.field("left");
  auto right = node.field("right");
  if (op == "instanceof" || op == "==" || op == "===" || op == "!=" || op == "!==")
    return condition(node);
  il::Binary::Op kind = op == "+"    ? il::Binary::Op::Add
                        : op == "-"  ? il::Binary::Op::Subtract
                        : op == "*"  ? il::Binary::Op::Multiply
                        : op == "/"  ? il::Binary::Op::Divide
                        : op == "%"  ? il::Binary::Op::Modulo
                        : op == "&&" ? il::Binary::Op::And
                        : op == "||" ? il::Binary::Op::Or
                        : op == "??" ? il::Binary::Op::Or
                                     : il::Binary::Op::Other;
  return add(il::Binary{kind, expr(left), expr(right)}, node);
}

// A test the engine can refine a branch by: `x == null`, `x !== undefined`,
// `x instanceof T`, `!x`, or a value tested for truth.
il::ExprId Lowerer::condition(ts::Node node) {
  if (node.is_null()) return il::kNone;
  Nest nest(*this);
  if (!nest.ok) return opaque(node, too_deep(), false);
  node = unwrap(node);
  auto type = node.type();
  if (type == "unary_expression" && node.field("operator").text() == "!") {
    auto lowered = condition(node.field("argument"));
    if (const auto* test = std::get_if<il::Test>(&module_.exprs[lowered].kind))
      return add(test->negated(), node);
    return add(il::Test{il::Test::Kind::Falsy, lowered, {}}, node);
  }
  if (type == "binary_expression") {
    auto op = node.field("operator").text();
    auto left = node.field("left");
    auto right = node.field("right");
    if (op == "instanceof") {
      return add(il::Test{il::Test::Kind::InstanceOf, expr(left), squeezed(unwrap(right).text())},
                 node);
    }
    bool equal = op == "==" || op == "===";
    bool not_equal = op == "!=" || op == "!==";
    if ((equal || not_equal) && (is_null_literal(unwrap(left)) || is_null_literal(unwrap(right)))) {
      auto subject = is_null_literal(unwrap(right)) ? left : right;
      return add(
          il::Test{equal ? il::Test::Kind::IsNull : il::Test::Kind::IsNotNull, expr(subject), {}},
          node);
    }
    if (equal || not_equal) {
      return add(il::Binary{equal ? il::Binary::Op::Equal : il::Binary::Op::NotEqual, expr(left),
                            expr(right)},
                 node);
    }
  }
  auto value = expr(node);
  const auto& kind = module_.exprs[value].kind;
  if (std::holds_alternative<il::Test>(kind) || std::holds_alternative<il::Binary>(kind))
    return value;
  return add(il::Test{il::Test::Kind::Truthy, value, {}}, node);
}

il::ExprId Lowerer::call(ts::Node node) {
  auto function = node.field("function");
  auto arguments = node.field("arguments");
  if (function.type() == "identifier" && function.text() == "require") {
    // `require("m")` inside an expression: the module, bound under a name
    // no source can write.
    auto args = named_children(arguments);
    if (args.size() == 1) {
      if (auto module = literal_string(args.front())) {
        std::string alias = "%require:" + *module;
        bool known = std::ranges::any_of(
            module_.imports, [&](const il::Import& import) { return import.alias == alias; });
        if (!known) {
          il::Import import;
          import.module = *module;
          import.alias = alias;
          import.span = span(node);
          module_.imports.push_back(std::move(import));
        }
        return add(il::Name{alias}, node);
      }
    }
  }
  if (function.type() == "super") {
    // `super(...)` in a constructor: the base class's constructor on this receiver.
    auto base = add(il::Call{add(il::Name{"super"}, function), {}, false}, function);
    il::Call lowered;
    lowered.callee = add(il::Attribute{base, "constructor", span(function)}, function);
    lowered.args = this->arguments(arguments);
    return add(std::move(lowered), node);
  }
  if (arguments.type() == "template_string") {
    // A tagged template: what the tag makes of it is not known.
    return opaque(node, "a tagged template");
  }
  il::Call lowered;
  lowered.callee = expr(function);
  lowered.args = this->arguments(arguments);
  return add(std::move(lowered), node);
}

il::ExprId Lowerer::construct(ts::Node node) {
  il::Call lowered;
  lowered.constructs = true;
  lowered.callee = expr(node.field("constructor"));
  auto arguments = node.field("arguments");
  if (!arguments.is_null()) lowered.args = this->arguments(arguments);
  return add(std::move(lowered), node);
}

std::vector<il::Argument> Lowerer::arguments(ts::Node list) {
  std::vector<il::Argument> args;
  for (auto arg : named_children(list)) {
    if (arg.type() == "spread_element") {
      auto inner = named_children(arg);
      args.push_back(
          {il::Argument::Kind::Spread, {}, inner.empty() ? il::kNone : expr(inner.front())});
    } else {
      args.push_back({il::Argument::Kind::Positional, {}, expr(arg)});
    }
  }
  return args;
}

il::ExprId Lowerer::object(ts::Node node) {
  il::MapLiteral map;
  auto key_expr = [&](ts::Node key) -> il::ExprId {
    if (key.type() == "computed_property_name") {
      auto inner = named_children(key);
      return inner.empty() ? il::kNone : expr(inner.front());
    }
    if (key.type() == "string") return string(key);
    if (key.type() == "number") return expr(key);
    il::Template name;
    name.parts.push_back({std::string(key.text()), il::kNone, {}, span(key), true});
    return add(std::move(name), key);
  };
  for (auto child : named_children(node)) {
    auto type = child.type();
    if (type == "pair") {
      auto key = child.field("key");
      auto value = child.field("value");
      auto inner = unwrap(value);
      il::ExprId lowered = il::kNone;
      if (is_function_value(inner)) {
        auto id = function(inner, il::Function::Kind::Function, il::kNone,
                           property_name(key).value_or(""));
        lowered = add(il::Lambda{id}, inner);
      } else {
        lowered = expr(value);
      }
      map.entries.emplace_back(key_expr(key), lowered);
    } else if (type == "shorthand_property_identifier") {
      map.entries.emplace_back(key_expr(child), add(il::Name{std::string(child.text())}, child));
    } else if (type == "spread_element") {
      auto inner = named_children(child);
      if (!inner.empty()) map.spreads.push_back(expr(inner.front()));
    } else if (type == "method_definition") {
      auto key = child.field("name");
      if (has_token(child, "set")) continue;
      auto id =
          function(child, il::Function::Kind::Function, il::kNone, property_name(key).value_or(""));
      map.entries.emplace_back(key_expr(key), add(il::Lambda{id}, child));
    }
  }
  return add(std::move(map), node);
}

il::ExprId Lowerer::array(ts::Node node) {
  il::SequenceLiteral lowered;
  lowered.kind = il::SequenceLiteral::Kind::List;
  for (auto item : named_children(node)) {
    bool spread = item.type() == "spread_element";
    if (spread) {
      auto inner = named_children(item);
      if (inner.empty()) continue;
      lowered.items.push_back(expr(inner.front()));
    } else {
      lowered.items.push_back(expr(item));
    }
    lowered.spread.push_back(spread);
  }
  return add(std::move(lowered), node);
}

il::ExprId Lowerer::arrow(ts::Node node) {
  return add(il::Lambda{function(node, il::Function::Kind::Function, il::kNone, {})}, node);
}

// A quoted string: its fragments are the source bytes, its escapes decoded.
il::ExprId Lowerer::string(ts::Node node) {
  il::Template text;
  for (auto part : named_children(node)) {
    if (part.type() == "escape_sequence" || part.type() == "html_character_reference") {
      text.parts.push_back({decode_escape(part.text()), il::kNone, {}, span(part), false});
    } else {
      text.parts.push_back({std::string(part.text()), il::kNone, {}, span(part), true});
    }
  }
  return add(std::move(text), node);
}

// `cart:${uid}`: literal pieces and fields.
il::ExprId Lowerer::template_string(ts::Node node) {
  il::Template text;
  text.fields_in_literal = true;
  for (auto part : named_children(node)) {
    auto type = part.type();
    if (type == "template_substitution") {
      auto inner = named_children(part);
      il::TemplatePart field;
      field.value =
          inner.empty() ? opaque(part, "an empty substitution", false) : expr(inner.front());
      field.span = span(part);
      text.parts.push_back(std::move(field));
    } else if (type == "escape_sequence") {
      text.parts.push_back({decode_escape(part.text()), il::kNone, {}, span(part), false});
    } else {
      text.parts.push_back({std::string(part.text()), il::kNone, {}, span(part), true});
    }
  }
  return add(std::move(text), node);
}

il::PatternId Lowerer::pattern(ts::Node node) {
  if (node.is_null()) return il::kNone;
  Nest nest(*this);
  if (!nest.ok) return add_pattern(il::IgnorePattern{}, node);
  node = unwrap(node);
  auto type = node.type();
  if (type == "identifier" || type == "shorthand_property_identifier_pattern")
    return add_pattern(il::NamePattern{std::string(node.text())}, node);
  if (type == "member_expression") {
    return add_pattern(il::AttributePattern{expr(node.field("object")),
                                            std::string(node.field("property").text())},
                       node);
  }
  if (type == "subscript_expression") {
    return add_pattern(il::IndexPattern{expr(node.field("object")), expr(node.field("index"))},
                       node);
  }
  if (type == "lexical_declaration" || type == "variable_declaration") {
    // `for (const x of xs)` in some grammar versions.
    for (auto declarator : named_children(node)) {
      if (declarator.type() == "variable_declarator") return pattern(declarator.field("name"));
    }
  }
  if (type == "assignment_pattern" || type == "object_assignment_pattern") {
    auto inner = pattern(node.field("left"));
    if (inner != il::kNone) module_.patterns[inner].default_value = expr(node.field("right"));
    return inner;
  }
  if (type == "array_pattern") {
    il::SequencePattern sequence;
    for (auto item : named_children(node)) {
      if (item.type() == "rest_pattern") {
        sequence.rest = static_cast<std::uint32_t>(sequence.items.size());
        auto inner = named_children(item);
        sequence.items.push_back(inner.empty() ? add_pattern(il::IgnorePattern{}, item)
                                               : pattern(inner.front()));
      } else {
        sequence.items.push_back(pattern(item));
      }
    }
    return add_pattern(std::move(sequence), node);
  }
  if (type == "object_pattern") {
    il::MapPattern map;
    for (auto item : named_children(node)) {
      auto kind = item.type();
      if (kind == "shorthand_property_identifier_pattern") {
        map.entries.emplace_back(std::string(item.text()), pattern(item));
      } else if (kind == "pair_pattern") {
        auto key = property_name(item.field("key"));
        if (!key) continue;
        map.entries.emplace_back(*key, pattern(item.field("value")));
      } else if (kind == "object_assignment_pattern") {
        auto left = item.field("left");
        map.entries.emplace_back(std::string(left.text()), pattern(item));
      } else if (kind == "rest_pattern") {
        auto inner = named_children(item);
        if (!inner.empty()) map.rest = pattern(inner.front());
      }
    }
    return add_pattern(std::move(map), node);
  }
  return add_pattern(il::IgnorePattern{}, node);
}

}  // namespace slotlint::javascript::lowering
