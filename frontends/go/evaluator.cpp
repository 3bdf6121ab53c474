#include "frontends/go/evaluator.h"

#include <algorithm>
#include <cctype>

#include "frontends/common/format_spec.h"
#include "frontends/common/source_helpers.h"

namespace slotlint::golang {
Value Evaluator::evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const {
  steps_ = 0;
  return eval(expr, Context{&scope, position, {}, 0});
}

Value Evaluator::hole(ts::Node expr, const Context& ctx) const {
  return frontend::expression_hole(expr.text(), ctx.scope->id, ctx.locals, span(expr));
}

const std::vector<Binding>* Evaluator::bindings_of(std::string_view name, const Scope& scope,
                                                   const Scope** where) const {
  for (const Scope* s = &scope; s != nullptr; s = s->parent) {
    if (const auto* bindings = s->find(name)) {
      if (where != nullptr) *where = s;
      return bindings;
    }
  }
  return nullptr;
}

Value Evaluator::eval(ts::Node expr, const Context& ctx) const {
  if (auto limit = frontend::beyond_evaluation_limits(expr, ctx.depth, steps_, file_))
    return *limit;
  expr = unwrap(expr);
  auto type = expr.type();
  Context inner = ctx;
  ++inner.depth;
  if (type == "interpreted_string_literal" || type == "raw_string_literal") {
    std::string text;
    bool exact = true;
    for (std::uint32_t i = 0; i < expr.named_child_count(); ++i) {
      auto part = expr.named_child(i);
      if (part.type() == "escape_sequence") {
        exact = false;
        auto escape = part.text();
        text += escape.size() >= 2 && escape[1] == 'n'   ? std::string("\n")
                : escape.size() >= 2 && escape[1] == 't' ? std::string("\t")
                                                         : std::string(escape.substr(1));
      } else {
        text += part.text();
      }
    }
    ir::SourceSpan content{file_, expr.begin() + 1,
                           expr.end() > expr.begin() ? expr.end() - 1 : expr.begin()};
    auto literal = ir::KeyExpr::literal(std::move(text), content, exact);
    literal.set_span(span(expr));
    return Value::string(std::move(literal));
  }
  if (type == "int_literal" || type == "float_literal")
    return Value::number(ir::KeyExpr::literal(std::string(expr.text()), span(expr), true));
  if (type == "identifier") return eval_identifier(expr, ctx);
  if (type == "call_expression") return eval_call(expr, ctx);
  if (type == "composite_literal") return eval_composite(expr, ctx);
  if (type == "binary_expression" && expr.field("operator").text() == "+") {
    Value left = eval(expr.field("left"), inner);  // left first: the work budget is shared
    Value right = eval(expr.field("right"), inner);
    if (auto text = frontend::concatenated(left, right, span(expr))) return *text;
  }
  if (type == "selector_expression") {
    // keys.Prefix for a package-level var/const of this file: `pkg.Name` of
    // another package stays a hole.
    return hole(expr, ctx);
  }
  return hole(expr, ctx);
}

Value Evaluator::eval_identifier(ts::Node name, const Context& ctx) const {
  auto text = name.text();
  if (auto it = ctx.locals.find(text); it != ctx.locals.end()) return it->second;
  const Scope* where = nullptr;
  const auto* bindings = bindings_of(text, *ctx.scope, &where);
  if (bindings == nullptr) {
    // A const or var of another file of the package.
    if (auto sibling = sibling_binding(text); sibling && !sibling->second->value.is_null() &&
                                              (sibling->second->kind == Binding::Kind::Const ||
                                               sibling->second->kind == Binding::Kind::Var)) {
      Evaluator other(*sibling->first->scopes, file_, sibling->first->path, package_);
      // The depth carries on, so that files naming each other cannot loop.
      Value value = other.eval(sibling->second->value,
                               Context{&sibling->first->scopes->package(), 0, {}, ctx.depth + 1});
      if (value.kind != Value::Kind::Opaque || value.text.is_unknown())
        return frontend::relocated(std::move(value), span(name));
    }
    return Value::opaque(
        ir::KeyExpr::hole(ctx.scope->id + ":" + std::string(text), std::string(text), span(name)));
  }
  std::string symbol = where->id + ":" + std::string(text);
  if (std::ranges::any_of(*bindings, [](const Binding& b) { return b.appended; })) {
    return appended_in_loop(*bindings, text, ctx);
  }
  if (bindings->size() == 1 && !bindings->front().embed.empty()) {
    // //go:embed release.lua / var releaseScript string
    auto dir = path_.parent_path().generic_string();
    return Value::file(
        Value::Kind::FileContents,
        ir::KeyExpr::literal((dir.empty() ? "" : dir + "/") + bindings->front().embed, span(name),
                             false));
  }
  if (bindings->size() == 1) {
    const auto& binding = bindings->front();
    if ((binding.kind == Binding::Kind::Const || binding.kind == Binding::Kind::Var) &&
        !binding.value.is_null() && binding.scope != nullptr) {
      Value value =
          eval(binding.value, Context{binding.scope, binding.position, {}, ctx.depth + 1});
      value.text.forbid_edits();
      for (auto& item : value.items) item.value.text.forbid_edits();
      if (value.kind != Value::Kind::Opaque || value.text.is_unknown()) return value;
    }
  }
  return Value::opaque(ir::KeyExpr::hole(symbol, std::string(text), span(name)));
}

// var keys []string; for _, id := range ids { keys = append(keys, "user:"+id) }
Value Evaluator::appended_in_loop(const std::vector<Binding>& bindings, std::string_view name,
                                  const Context& ctx) const {
  Value seq{Value::Kind::Sequence, {}, {}, {}, {}, false};
  for (const auto& binding : bindings) {
    if (!binding.appended) continue;
    auto call = unwrap(binding.value);
    auto args = arguments_of(call);
    // The loop variables around the append differ from one element to the next.
    Context body{binding.scope, binding.position, {}, ctx.depth + 1};
    for (auto node : call.ancestors()) {
      if (node.type() == "function_declaration" || node.type() == "func_literal") break;
      if (node.type() != "for_statement") continue;
      for (std::uint32_t i = 0; i < node.named_child_count(); ++i) {
        auto clause = node.named_child(i);
        if (clause.type() != "range_clause") continue;
        auto left = clause.field("left");
        for (std::uint32_t j = 0; j < left.named_child_count(); ++j) {
          auto var = left.named_child(j);
          if (var.type() != "identifier" || var.text() == "_") continue;
          body.locals[std::string(var.text())] =
              Value::opaque(ir::KeyExpr::hole(binding.scope->id + ":" + std::string(var.text()),
                                              std::string(var.text()), span(var), true));
        }
      }
    }
    for (std::size_t i = 1; i < args.size(); ++i) {
      auto arg = args[i];
      bool spread = arg.type() == "variadic_argument";
      Value value = eval(spread ? arg.named_child(0) : arg, body);
      if (frontend::varies_per_element(value)) {
        value.text.mark_collection();
        spread = true;
      }
      value.text.forbid_edits();
      seq.items.push_back({std::move(value), spread});
    }
  }
  (void)name;
  return seq;
}

Value Evaluator::eval_composite(ts::Node literal, const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  auto body = literal.field("body");
  // A map, or a struct with named fields (&redis.ZStore{Keys: ...}): a mapping.
  bool map = literal.field("type").type() == "map_type";
  for (std::uint32_t i = 0; !map && i < body.named_child_count(); ++i)
    map = body.named_child(i).type() == "keyed_element";
  bool struct_fields = map && literal.field("type").type() != "map_type";
  Value result{map ? Value::Kind::Mapping : Value::Kind::Sequence, {}, {}, {}, {}, false};
  for (std::uint32_t i = 0; i < body.named_child_count(); ++i) {
    auto element = body.named_child(i);
    if (element.type() == "keyed_element") {
      auto key = element.field("key");
      auto value = element.field("value");
      if (key.is_null()) key = element.named_child(0);
      if (value.is_null()) value = element.named_child(1);
      if (struct_fields) {
        result.keys.push_back(
            Value::string(ir::KeyExpr::literal(std::string(key.text()), span(key), false)));
        result.values.push_back(eval(value.named_child(0), inner));
      } else if (map) {
        result.keys.push_back(eval(key.named_child(0), inner));
        result.values.push_back(eval(value.named_child(0), inner));
      }
    } else if (element.type() == "literal_element") {
      result.items.push_back({eval(element.named_child(0), inner), false});
    }
  }
  return result;
}

Value Evaluator::sprintf(ts::Node call, const std::vector<ts::Node>& args,
                         const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  Value pattern = eval(args[0], inner);
  if (!pattern.text.is_literal()) return hole(call, ctx);
  std::string format = pattern.text.literal_text();
  ir::KeyExpr text;
  std::string pending;
  std::size_t next = 1;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      pending += format[i];
      continue;
    }
    if (format[i + 1] == '%') {
      pending += '%';
      ++i;
      continue;
    }
    // A verb: flags and width, then its letter.
    std::size_t end = i + 1;
    while (end < format.size() &&
           std::string_view("+-# 0123456789.").find(format[end]) != std::string_view::npos)
      ++end;
    if (end == format.size() || next >= args.size()) return hole(call, ctx);
    if (format[end] != 's' && format[end] != 'v' && format[end] != 'd') return hole(call, ctx);
    text.append(ir::KeyExpr::literal(pending, span(args[0]), false));
    pending.clear();
    auto value = frontend::to_text(eval(args[next++], inner), span(call));
    // "%05d", "%-8s": written through the flags and width, not the value's text.
    bool plain = end == i + 1;
    text.append(plain ? value
                      : frontend::through_printf_spec(
                            value, std::string_view(format).substr(i, end + 1 - i), span(call)));
    i = end;
  }
  text.append(ir::KeyExpr::literal(pending, span(args[0]), false));
  text.set_span(span(call));
  return Value::string(std::move(text));
}

std::optional<std::pair<const GoFile*, const Binding*>> Evaluator::sibling_binding(
    std::string_view name) const {
  if (package_ == nullptr) return std::nullopt;
  for (const auto& file : package_->files) {
    const auto* bindings = file->scopes->package().find(name);
    if (bindings != nullptr && bindings->size() == 1)
      return std::pair{file.get(), &bindings->front()};
  }
  return std::nullopt;
}

std::optional<Value> Evaluator::call_helper(const Evaluator& callee, ts::Node function,
                                            ts::Node arguments, const Context& ctx) const {
  const Scope* own = callee.scopes_.scope_of(function);
  if (own == nullptr) return std::nullopt;
  Context body{own, function.end(), {}, ctx.depth + 1};
  Context arg_ctx = ctx;
  ++arg_ctx.depth;
  auto parameters = function.field("parameters");
  std::uint32_t next = 0;
  for (std::uint32_t i = 0; i < parameters.named_child_count(); ++i) {
    auto declaration = parameters.named_child(i);
    for (std::uint32_t j = 0; j < declaration.named_child_count(); ++j) {
      auto name = declaration.named_child(j);
      if (name.type() != "identifier") continue;
      while (next < arguments.named_child_count() &&
             arguments.named_child(next).type() == "comment")
        ++next;
      if (next >= arguments.named_child_count()) return std::nullopt;
      body.locals[std::string(name.text())] = eval(arguments.named_child(next++), arg_ctx);
    }
  }
  // The single return of the body.
  ts::Node returned;
  int returns = 0;
  std::vector<ts::Node> stack{function.field("body")};
  while (!stack.empty()) {
    auto node = stack.back();
    stack.pop_back();
    if (node.type() == "return_statement") {
      ++returns;
      returned = node.named_child(0).named_child(0);
      continue;
    }
    if (node.type() == "func_literal") continue;
    for (auto child : node.named_children()) stack.push_back(child);
  }
  if (returns != 1 || returned.is_null()) return std::nullopt;
  return callee.eval(returned, body);
}

Value Evaluator::eval_call(ts::Node call, const Context& ctx) const {
  auto function = unwrap(call.field("function"));
  auto callee = function.text();
  auto args = arguments_of(call);
  Context inner = ctx;
  ++inner.depth;
  if ((callee == "fmt.Sprintf") && !args.empty()) return sprintf(call, args, ctx);
  if (callee == "fmt.Sprint" && !args.empty()) {
    ir::KeyExpr text;
    for (auto arg : args) text.append(frontend::to_text(eval(arg, inner), span(arg)));
    text.set_span(span(call));
    return Value::string(std::move(text));
  }
  if (callee == "string" && args.size() == 1) return eval(args[0], inner);  // string(bytes)
  if ((callee == "strconv.Itoa" || callee == "strconv.FormatInt" ||
       callee == "strconv.FormatUint") &&
      !args.empty()) {
    Value value = eval(args[0], inner);
    if (value.is_text()) return Value::string(value.text);
    return hole(call, ctx);
  }
  if (callee == "strings.Join" && args.size() == 2) {
    Value parts = eval(args[0], inner);
    Value separator = eval(args[1], inner);
    if (parts.kind != Value::Kind::Sequence || !separator.text.is_literal()) return hole(call, ctx);
    auto text = frontend::joined(parts.items, separator.text, span(call));
    return text ? *text : hole(call, ctx);
  }
  if ((callee == "os.ReadFile" || callee == "ioutil.ReadFile") && !args.empty()) {
    Value path = eval(args[0], inner);
    return Value::file(Value::Kind::FileContents, path.text);
  }
  if ((callee == "filepath.Join" || callee == "path.Join") && !args.empty()) {
    ir::KeyExpr path;
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i > 0) path.append(ir::KeyExpr::literal("/", span(call), false));
      path.append(eval(args[i], inner).text);
    }
    return Value::file(Value::Kind::Path, std::move(path));
  }
  if (function.type() == "identifier") {
    const Scope* where = nullptr;
    const auto* bindings = bindings_of(callee, *ctx.scope, &where);
    if (bindings != nullptr && bindings->size() == 1 &&
        bindings->front().kind == Binding::Kind::Function) {
      if (auto value = call_helper(*this, bindings->front().value, call.field("arguments"), ctx))
        return *value;
    }
    if (bindings == nullptr) {
      // A helper in another file of the package.
      if (auto sibling = sibling_binding(callee);
          sibling && sibling->second->kind == Binding::Kind::Function) {
        Evaluator other(*sibling->first->scopes, file_, sibling->first->path, package_);
        if (auto value = call_helper(other, sibling->second->value, call.field("arguments"), ctx))
          return frontend::relocated(std::move(*value), span(call));
      }
    }
  }
  return hole(call, ctx);
}

}  // namespace slotlint::golang
