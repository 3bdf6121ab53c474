// The Python lowering: expressions and assignment patterns.
#include <charconv>
#include <utility>

#include "frontends/python/lowering_internal.h"

namespace slotlint::python::lowering {
namespace {

bool is_none(ts::Node node) { return node.type() == "none"; }

}  // namespace

il::ExprId Lowerer::opaque(ts::Node node, std::string reason, bool with_children) {
  il::Opaque lowered{std::move(reason), {}};
  if (with_children) {
    for (auto child : named_children(node)) lowered.children.push_back(expr(child));
  }
  return add(std::move(lowered), node);
}

il::ExprId Lowerer::expr(ts::Node node) {
  if (node.is_null()) return il::kNone;
  Nest nest(*this);
  if (!nest.ok) return opaque(node, too_deep(), false);
  auto type = node.type();
  if (type == "identifier") return add(il::Name{std::string(node.text())}, node);
  if (type == "attribute") {
    auto name = node.field("attribute");
    return add(il::Attribute{expr(node.field("object")), std::string(name.text()), span(name)},
               node);
  }
  if (type == "subscript") {
    auto subscripts = named_children(node);
    // value, then one subscript (or several: `a[1, 2]`, a tuple).
    il::ExprId index = il::kNone;
    if (subscripts.size() == 2 && subscripts[1].type() != "slice") {
      index = expr(subscripts[1]);
    } else {
      index = opaque(node, "a slice or several subscripts", false);
    }
    return add(il::Index{expr(node.field("value")), index}, node);
  }
  if (type == "call") return call(node);
  if (type == "string" || type == "concatenated_string") return string(node);
  if (type == "integer") {
    return add(il::NumberLiteral{std::string(node.text()), integer_value(node.text())}, node);
  }
  if (type == "float") return add(il::NumberLiteral{std::string(node.text()), std::nullopt}, node);
  if (type == "true") return add(il::Constant{il::Constant::Kind::True}, node);
  if (type == "false") return add(il::Constant{il::Constant::Kind::False}, node);
  if (type == "none") return add(il::Constant{il::Constant::Kind::Null}, node);
  if (type == "parenthesized_expression" || type == "await") {
    auto inner = named_children(node);
    if (inner.size() == 1) return expr(inner.front());
    return opaque(node, "a parenthesised expression of several parts");
  }
  if (type == "binary_operator") {
    auto op = node.field("operator").text();
    if (op == "%") {
      auto formatted = percent_format(node);
      if (formatted != il::kNone) return formatted;
    }
    il::Binary::Op kind = op == "+"   ? il::Binary::Op::Add
                          : op == "-" ? il::Binary::Op::Subtract
                          : op == "*" ? il::Binary::Op::Multiply
                          : op == "/" ? il::Binary::Op::Divide
                          : op == "%" ? il::Binary::Op::Modulo
                                      : il::Binary::Op::Other;
    return add(il::Binary{kind, expr(node.field("left")), expr(node.field("right"))}, node);
  }
  if (type == "boolean_operator") {
    auto op = node.field("operator").text();
    return add(il::Binary{op == "and" ? il::Binary::Op::And : il::Binary::Op::Or,
                          expr(node.field("left")), expr(node.field("right"))},
               node);
  }
  if (type == "not_operator" || type == "comparison_operator") return condition(node);
  if (type == "unary_operator") {
    auto argument = node.field("argument");
    auto op = node.field("operator").text();
    if (op == "-" && argument.type() == "integer") {
      auto value = integer_value(argument.text());
      return add(il::NumberLiteral{std::string(node.text()),
                                   value ? std::optional<std::int64_t>(-*value) : std::nullopt},
                 node);
    }
    return opaque(node, "a unary `" + std::string(op) + "`");
  }
  if (type == "conditional_expression") {
    auto parts = named_children(node);  // then, condition, otherwise
    if (parts.size() != 3) return opaque(node, "a conditional expression of unexpected shape");
    auto then = expr(parts[0]);
    auto test = condition(parts[1]);
    return add(il::Conditional{test, then, expr(parts[2])}, node);
  }
  if (type == "list") return sequence(node, il::SequenceLiteral::Kind::List);
  if (type == "tuple" || type == "expression_list" || type == "pattern_list")
    return sequence(node, il::SequenceLiteral::Kind::Tuple);
  if (type == "set") return sequence(node, il::SequenceLiteral::Kind::Set);
  if (type == "dictionary") {
    il::MapLiteral map;
    for (auto child : named_children(node)) {
      if (child.type() == "pair") {
        map.entries.emplace_back(expr(child.field("key")), expr(child.field("value")));
      } else if (child.type() == "dictionary_splat") {
        map.spreads.push_back(expr(child.named_child(0)));
      }
    }
    return add(std::move(map), node);
  }
  if (type == "list_comprehension" || type == "set_comprehension" ||
      type == "dictionary_comprehension" || type == "generator_expression") {
    return comprehension(node);
  }
  if (type == "lambda") return lambda(node);
  if (type == "named_expression") {
    return add(il::AssignExpression{pattern(node.field("name")), expr(node.field("value"))}, node);
  }
  if (type == "yield") return opaque(node, "a `yield` inside an expression");
  if (type == "ellipsis") return opaque(node, "`...`", false);
  if (type == "ERROR") return opaque(node, "a syntax error");
  return opaque(node,
                "a `" + std::string(type) + "` expression the Python lowering does not model");
}

// A test the engine can refine a branch by: `x is None`, `x is not None`,
// `isinstance(x, T)`, `not ...`, or a value tested for truth.
il::ExprId Lowerer::condition(ts::Node node) {
  if (node.is_null()) return il::kNone;
  Nest nest(*this);
  if (!nest.ok) return opaque(node, too_deep(), false);
  while (node.type() == "parenthesized_expression" && node.named_child_count() == 1)
    node = node.named_child(0);
  auto type = node.type();
  if (type == "not_operator") {
    auto inner = node.field("argument");
    auto lowered = condition(inner);
    if (const auto* test = std::get_if<il::Test>(&module_.exprs[lowered].kind))
      return add(test->negated(), node);
    return add(il::Test{il::Test::Kind::Falsy, lowered, {}}, node);
  }
  if (type == "comparison_operator") {
    auto operands = named_children(node);
    std::vector<std::string> operators;
    for (std::uint32_t i = 0; i < node.child_count(); ++i) {
      auto child = node.child(i);
      if (!child.is_named()) operators.emplace_back(child.type());
    }
    // `is not` comes as one operator or as `is` then `not`.
    std::string op;
    for (const auto& part : operators) op += (op.empty() ? "" : " ") + part;
    if (operands.size() == 2) {
      if ((op == "is" || op == "is not") && (is_none(operands[0]) || is_none(operands[1]))) {
        auto subject = is_none(operands[1]) ? operands[0] : operands[1];
        auto kind = op == "is" ? il::Test::Kind::IsNull : il::Test::Kind::IsNotNull;
        return add(il::Test{kind, expr(subject), {}}, node);
      }
      il::Binary::Op kind = op == "=="   ? il::Binary::Op::Equal
                            : op == "!=" ? il::Binary::Op::NotEqual
                                         : il::Binary::Op::Other;
      return add(il::Binary{kind, expr(operands[0]), expr(operands[1])}, node);
    }
    return opaque(node, "a chained comparison");
  }
  if (type == "call" && node.field("function").type() == "identifier" &&
      node.field("function").text() == "isinstance") {
    auto args = named_children(node.field("arguments"));
    if (args.size() == 2 && args[1].type() != "tuple" && args[1].type() != "keyword_argument") {
      return add(il::Test{il::Test::Kind::InstanceOf, expr(args[0]), squeezed(args[1].text())},
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
  if (function.type() == "attribute" && function.field("attribute").text() == "format") {
    auto formatted = brace_format(node);
    if (formatted != il::kNone) return formatted;
  }
  il::Call lowered;
  lowered.callee = expr(function);
  auto arguments = node.field("arguments");
  if (arguments.type() == "generator_expression") {
    lowered.args.push_back({il::Argument::Kind::Positional, {}, expr(arguments)});
  } else {
    lowered.args = this->arguments(arguments);
  }
  return add(std::move(lowered), node);
}

std::vector<il::Argument> Lowerer::arguments(ts::Node list) {
  std::vector<il::Argument> args;
  for (auto arg : named_children(list)) {
    auto type = arg.type();
    if (type == "keyword_argument") {
      args.push_back({il::Argument::Kind::Keyword, std::string(arg.field("name").text()),
                      expr(arg.field("value"))});
    } else if (type == "list_splat") {
      args.push_back({il::Argument::Kind::Spread, {}, expr(arg.named_child(0))});
    } else if (type == "dictionary_splat") {
      args.push_back({il::Argument::Kind::KeywordSpread, {}, expr(arg.named_child(0))});
    } else {
      args.push_back({il::Argument::Kind::Positional, {}, expr(arg)});
    }
  }
  return args;
}

il::ExprId Lowerer::sequence(ts::Node node, il::SequenceLiteral::Kind kind) {
  il::SequenceLiteral lowered;
  lowered.kind = kind;
  for (auto item : named_children(node)) {
    bool spread = item.type() == "list_splat" || item.type() == "list_splat_pattern";
    lowered.items.push_back(expr(spread ? item.named_child(0) : item));
    lowered.spread.push_back(spread);
  }
  return add(std::move(lowered), node);
}

il::ExprId Lowerer::comprehension(ts::Node node) {
  il::Comprehension lowered;
  auto type = node.type();
  lowered.kind = type == "dictionary_comprehension" ? il::Comprehension::Kind::Map
                 : type == "generator_expression"   ? il::Comprehension::Kind::Generator
                                                    : il::Comprehension::Kind::Sequence;
  // Clauses first: their targets are what the element reads.
  for (auto child : named_children(node)) {
    if (child.type() == "for_in_clause") {
      il::LoopClause clause;
      clause.target = pattern(child.field("left"));
      clause.iterable = expr(child.field("right"));
      lowered.clauses.push_back(std::move(clause));
    } else if (child.type() == "if_clause" && !lowered.clauses.empty()) {
      auto inner = named_children(child);
      if (!inner.empty()) lowered.clauses.back().conditions.push_back(condition(inner.front()));
    }
  }
  auto body = node.field("body");
  if (lowered.kind == il::Comprehension::Kind::Map && body.type() == "pair") {
    lowered.key = expr(body.field("key"));
    lowered.element = expr(body.field("value"));
  } else {
    lowered.element = expr(body);
  }
  return add(std::move(lowered), node);
}

il::ExprId Lowerer::lambda(ts::Node node) {
  il::Function f;
  f.span = span(node);
  f.enclosing = current_;
  auto id = module_.add(std::move(f));
  const auto outer = current_;
  current_ = id;
  il::Function params_holder;
  parameters(node.field("parameters"), params_holder, false);
  auto body = expr(node.field("body"));
  current_ = outer;
  module_.functions[id].params = std::move(params_holder.params);
  module_.functions[id].expression_body = body;
  return add(il::Lambda{id}, node);
}

il::PatternId Lowerer::pattern(ts::Node node) {
  if (node.is_null()) return il::kNone;
  Nest nest(*this);
  if (!nest.ok) return add_pattern(il::IgnorePattern{}, node);
  auto type = node.type();
  if (type == "identifier") return add_pattern(il::NamePattern{std::string(node.text())}, node);
  if (type == "attribute") {
    return add_pattern(il::AttributePattern{expr(node.field("object")),
                                            std::string(node.field("attribute").text())},
                       node);
  }
  if (type == "subscript") {
    auto parts = named_children(node);
    il::ExprId index = parts.size() == 2 && parts[1].type() != "slice"
                           ? expr(parts[1])
                           : opaque(node, "a slice or several subscripts", false);
    return add_pattern(il::IndexPattern{expr(node.field("value")), index}, node);
  }
  if (type == "parenthesized_expression" && node.named_child_count() == 1)
    return pattern(node.named_child(0));
  if (type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" ||
      type == "tuple" || type == "list" || type == "expression_list" ||
      type == "parenthesized_expression") {
    il::SequencePattern sequence;
    for (auto item : named_children(node)) {
      if (item.type() == "list_splat_pattern" || item.type() == "list_splat") {
        sequence.rest = static_cast<std::uint32_t>(sequence.items.size());
        sequence.items.push_back(pattern(item.named_child(0)));
      } else {
        sequence.items.push_back(pattern(item));
      }
    }
    return add_pattern(std::move(sequence), node);
  }
  return add_pattern(il::IgnorePattern{}, node);
}

}  // namespace slotlint::python::lowering
