#include "frontends/javascript/evaluator.h"
#include "frontends/common/source_helpers.h"
#include "frontends/javascript/module_loader.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace slotlint::javascript {
namespace {

constexpr int kMaxImportDepth = 48;
constexpr std::size_t kMaxMappedItems = 64;

std::string decode_escape(std::string_view escape) {
  if (escape.size() < 2) return std::string(escape);
  switch (escape[1]) {
    case 'n':
      return "\n";
    case 't':
      return "\t";
    case 'r':
      return "\r";
    case '0':
      return std::string(1, '\0');
    default:
      return std::string(escape.substr(1));
  }
}

std::string dirname(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  auto slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  return slash == 0 ? "/" : std::string(path.substr(0, slash));
}

bool is_function_node(ts::Node node) {
  auto type = node.type();
  return type == "arrow_function" || type == "function_expression" ||
         type == "function_declaration" || type == "method_definition" || type == "function";
}

template <std::size_t N>
bool one_of(std::string_view text, const std::array<std::string_view, N>& names) {
  return std::ranges::find(names, text) != names.end();
}

constexpr std::array<std::string_view, 4> kJoin{"path.join", "join", "path.resolve", "posix.join"};
constexpr std::array<std::string_view, 2> kDirname{"path.dirname", "dirname"};
constexpr std::array<std::string_view, 7> kRead{
    "fs.readFileSync",     "readFileSync",      "fs.promises.readFile", "readFile",
    "fsPromises.readFile", "promises.readFile", "fs.readFile"};
constexpr std::array<std::string_view, 3> kUrlToPath{"fileURLToPath", "url.fileURLToPath",
                                                     "require.resolve"};

}  // namespace

Value Evaluator::evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const {
  steps_ = 0;
  return eval(expr, Context{&scope, position, {}, 0});
}

Value Evaluator::hole(ts::Node expr, const Context& ctx) const {
  return frontend::expression_hole(expr.text(), ctx.scope->id, ctx.locals, span(expr));
}

const Binding* Evaluator::binding_of(std::string_view name, const Scope& scope) const {
  for (const Scope* s = &scope; s != nullptr; s = s->parent) {
    if (s->kind == Scope::Kind::Class) continue;  // class bodies bind no plain names
    if (const auto* bindings = s->find(name)) {
      return bindings->size() == 1 ? &bindings->front() : nullptr;
    }
  }
  return nullptr;
}

const std::vector<Binding>* Evaluator::fields_of(std::string_view name, const Scope& scope) const {
  const Scope* cls = scope.kind == Scope::Kind::Class ? &scope : scope.enclosing_class;
  if (cls == nullptr) return nullptr;
  auto it = cls->fields.find(name);
  return it == cls->fields.end() ? nullptr : &it->second;
}

const Binding* Evaluator::field_of(std::string_view name, const Scope& scope) const {
  const auto* fields = fields_of(name, scope);
  if (fields == nullptr) return nullptr;
  // A field declared without a value (`private redis: Redis;`) and assigned
  // once in the constructor has that one value.
  const Binding* valued = nullptr;
  for (const auto& binding : *fields) {
    if (binding.value.is_null()) continue;
    if (valued != nullptr) return nullptr;
    valued = &binding;
  }
  return valued;
}

Value Evaluator::eval(ts::Node expr, const Context& ctx) const {
  if (auto limit = frontend::beyond_evaluation_limits(expr, ctx.depth, steps_, file_))
    return *limit;
  expr = unwrap(expr);
  auto type = expr.type();
  Context inner = ctx;
  ++inner.depth;
  if (type == "string") return eval_string(expr);
  if (type == "template_string") return eval_template(expr, ctx);
  if (type == "number")
    return Value::number(ir::KeyExpr::literal(std::string(expr.text()), span(expr), true));
  if (type == "identifier") return eval_identifier(expr, ctx);
  if (type == "member_expression") return eval_member(expr, ctx);
  if (type == "call_expression") return eval_call(expr, ctx);
  if (type == "new_expression") return eval_new(expr, ctx);
  if (type == "binary_expression") return eval_binary(expr, ctx);
  if (type == "array") {
    Value seq{Value::Kind::Sequence, {}, {}, {}, {}, false};
    for (std::uint32_t i = 0; i < expr.named_child_count(); ++i) {
      auto item = expr.named_child(i);
      if (item.type() == "comment") continue;
      if (item.type() == "spread_element") {
        seq.items.push_back({eval(item.named_child(0), inner), true});
      } else {
        seq.items.push_back({eval(item, inner), false});
      }
    }
    return seq;
  }
  if (type == "object") {
    Value map{Value::Kind::Mapping, {}, {}, {}, {}, false};
    for (std::uint32_t i = 0; i < expr.named_child_count(); ++i) {
      auto part = expr.named_child(i);
      if (part.type() == "pair") {
        auto key = part.field("key");
        Value name = key.type() == "string" ? eval_string(key)
                     : key.type() == "computed_property_name"
                         ? eval(key.named_child(0), inner)
                         : Value::string(ir::KeyExpr::literal(std::string(key.text()), span(key),
                                                              key.type() != "number"));
        map.keys.push_back(std::move(name));
        map.values.push_back(eval(part.field("value"), inner));
      } else if (part.type() == "shorthand_property_identifier") {
        map.keys.push_back(
            Value::string(ir::KeyExpr::literal(std::string(part.text()), span(part), false)));
        map.values.push_back(eval_identifier(part, inner));
      } else if (part.type() == "spread_element") {
        map.mapping_has_unknown_part = true;
      }
    }
    return map;
  }
  return hole(expr, ctx);
}

Value Evaluator::eval_string(ts::Node string) const {
  bool exact = true;
  std::string text;
  for (std::uint32_t i = 0; i < string.named_child_count(); ++i) {
    auto part = string.named_child(i);
    if (part.type() == "string_fragment") {
      text += part.text();
    } else {
      exact = false;
      text += decode_escape(part.text());
    }
  }
  ir::SourceSpan content{file_, string.begin() + 1,
                         string.end() > string.begin() + 1 ? string.end() - 1 : string.begin() + 1};
  auto literal = ir::KeyExpr::literal(std::move(text), content, exact);
  literal.set_span(span(string));
  return Value::string(std::move(literal));
}

Value Evaluator::eval_template(ts::Node string, const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  ir::KeyExpr text;
  for (std::uint32_t i = 0; i < string.named_child_count(); ++i) {
    auto part = string.named_child(i);
    auto type = part.type();
    if (type == "string_fragment") {
      text.append(ir::KeyExpr::literal(std::string(part.text()), span(part), true));
    } else if (type == "escape_sequence") {
      text.append(ir::KeyExpr::literal(decode_escape(part.text()), span(part), false));
    } else if (type == "template_substitution") {
      Value value = eval(part.named_child(0), inner);
      ir::KeyExpr field = frontend::to_text(value, span(part));
      if (!field.is_unknown() && field.segments().size() == 1) {
        if (const auto* hole = std::get_if<ir::HoleSegment>(&field.segments().front())) {
          // `${uid}` inside the template: a fix may put braces around it.
          ir::HoleSegment located = *hole;
          located.span = span(part);
          located.in_string_literal = true;
          text.append(ir::Segment{located});
          continue;
        }
      }
      field.forbid_edits();
      text.append(field);
    }
  }
  text.set_span(span(string));
  return Value::string(std::move(text));
}

Value Evaluator::eval_binding(const Binding& binding, std::string_view name,
                              const Context& ctx) const {
  std::string symbol =
      (binding.scope != nullptr ? binding.scope->id : ctx.scope->id) + ":" + std::string(name);
  bool assigned = binding.kind == Binding::Kind::Const || binding.kind == Binding::Kind::Let;
  if (assigned && !binding.value.is_null() && binding.scope != nullptr &&
      !is_function_node(unwrap(binding.value))) {
    Value value = eval(binding.value, Context{binding.scope, binding.position, {}, ctx.depth + 1});
    // A constant serves every key built from it: a fix must not edit it.
    value.text.forbid_edits();
    for (auto& item : value.items) item.value.text.forbid_edits();
    if (value.kind != Value::Kind::Opaque || value.text.is_unknown()) return value;
  }
  return Value::opaque(
      ir::KeyExpr::hole(symbol, std::string(name), {file_, ctx.position, ctx.position}));
}

const ParsedModule* Evaluator::imported_module(const Binding& import) const {
  if (modules_ == nullptr || import.kind != Binding::Kind::Import) return nullptr;
  auto module = modules_->load(path_, import.import_source);
  if (!module) return nullptr;
  pinned_.push_back(std::move(module));
  return pinned_.back().get();
}

const Binding* Evaluator::exported(const ParsedModule& module, std::string_view name) const {
  const auto* bindings = module.scopes->module().find(name);
  return bindings != nullptr && bindings->size() == 1 ? &bindings->front() : nullptr;
}

Value Evaluator::eval_identifier(ts::Node name, const Context& ctx) const {
  auto text = name.text();
  if (auto it = ctx.locals.find(text); it != ctx.locals.end()) return it->second;
  if (text == "__dirname" || text == "__filename") {
    std::error_code ec;
    auto path = std::filesystem::absolute(path_, ec).lexically_normal().generic_string();
    return Value::file(
        Value::Kind::Path,
        ir::KeyExpr::literal(text == "__dirname" ? dirname(path) : path, span(name), false));
  }
  const auto* binding = binding_of(text, *ctx.scope);
  if (binding != nullptr && binding->kind == Binding::Kind::Import && ctx.depth < kMaxImportDepth) {
    // import { PREFIX } from "./keys": its value there, seen from here.
    if (const auto* module = imported_module(*binding)) {
      if (const auto* there = exported(*module, binding->import_name)) {
        Evaluator other(*module->scopes, file_, module->path, modules_);
        Value value = other.eval_binding(*there, binding->import_name,
                                         Context{&module->scopes->module(), 0, {}, ctx.depth + 1});
        if (value.kind != Value::Kind::Opaque || value.text.is_unknown())
          return frontend::relocated(std::move(value), span(name));
      }
    }
  }
  if (binding != nullptr) {
    Value value = eval_binding(*binding, text, ctx);
    return frontend::read_at(std::move(value), span(name));
  }
  // Unbound, or bound several times: the same name in the same scope.
  return Value::opaque(
      ir::KeyExpr::hole(ctx.scope->id + ":" + std::string(text), std::string(text), span(name)));
}

Value Evaluator::eval_member(ts::Node member, const Context& ctx) const {
  auto object = unwrap(member.field("object"));
  auto property = member.field("property").text();
  Context inner = ctx;
  ++inner.depth;
  if (object.type() == "this") {
    if (const auto* field = field_of(property, *ctx.scope)) {
      if (!field->value.is_null() && field->scope != nullptr) {
        Value value = eval(field->value, Context{field->scope, field->position, {}, ctx.depth + 1});
        value.text.forbid_edits();
        if (value.kind != Value::Kind::Opaque || value.text.is_unknown()) return value;
      }
    }
    const Scope* cls =
        ctx.scope->kind == Scope::Kind::Class ? ctx.scope : ctx.scope->enclosing_class;
    std::string owner = cls != nullptr ? cls->id : ctx.scope->id;
    return Value::opaque(ir::KeyExpr::hole(owner + ":this." + std::string(property),
                                           "this." + std::string(property), span(member)));
  }
  if (object.type() == "identifier") {
    // import * as keys from "./keys"; keys.PREFIX
    if (const auto* binding = binding_of(object.text(), *ctx.scope);
        binding != nullptr && binding->import_name == "*") {
      if (const auto* module = imported_module(*binding)) {
        if (const auto* there = exported(*module, property)) {
          Evaluator other(*module->scopes, file_, module->path, modules_);
          Value found = other.eval_binding(
              *there, property, Context{&module->scopes->module(), 0, {}, ctx.depth + 1});
          if (found.kind != Value::Kind::Opaque || found.text.is_unknown())
            return frontend::relocated(std::move(found), span(member));
        }
      }
    }
  }
  Value value = eval(object, inner);
  if (value.kind == Value::Kind::Mapping) {
    for (std::size_t i = 0; i < value.keys.size(); ++i) {
      if (value.keys[i].text.is_literal() && value.keys[i].text.literal_text() == property)
        return value.values[i];
    }
  }
  return hole(member, ctx);
}

std::optional<Value> Evaluator::call_helper(const Evaluator& callee, ts::Node function,
                                            ts::Node arguments, const Context& ctx) const {
  const Scope* own = callee.scopes_.scope_of(function);
  if (own == nullptr) return std::nullopt;
  Context body_ctx{own, function.end(), {}, ctx.depth + 1};
  Context arg_ctx = ctx;
  ++arg_ctx.depth;
  // Parameters by position; a default applies when the argument is missing.
  std::vector<ts::Node> parameters;
  if (auto single = function.field("parameter"); !single.is_null()) {
    parameters.push_back(single);
  } else {
    auto list = function.field("parameters");
    for (std::uint32_t i = 0; i < list.named_child_count(); ++i)
      parameters.push_back(list.named_child(i));
  }
  std::uint32_t next = 0;
  for (auto parameter : parameters) {
    auto pattern = parameter;
    if (pattern.type() == "required_parameter" || pattern.type() == "optional_parameter")
      pattern = pattern.field("pattern");
    ts::Node fallback;
    if (pattern.type() == "assignment_pattern") {
      fallback = pattern.field("right");
      pattern = pattern.field("left");
    }
    if (pattern.type() != "identifier") return std::nullopt;
    ts::Node argument;
    while (next < arguments.named_child_count() && arguments.named_child(next).type() == "comment")
      ++next;
    if (next < arguments.named_child_count()) argument = arguments.named_child(next++);
    if (argument.type() == "spread_element") return std::nullopt;
    Value value = !argument.is_null() ? eval(argument, arg_ctx)
                  : !fallback.is_null()
                      ? eval(fallback, body_ctx)
                      : Value::opaque(ir::KeyExpr::unknown("undefined", span(function)));
    body_ctx.locals[std::string(pattern.text())] = std::move(value);
  }
  return callee.eval_body(function, body_ctx);
}

std::optional<Value> Evaluator::eval_body(ts::Node function, const Context& body_ctx) const {
  auto body = function.field("body");
  if (body.type() != "statement_block") return eval(body, body_ctx);
  // The single `return` of the body (not counting nested functions).
  ts::Node returned;
  std::vector<ts::Node> stack{body};
  int returns = 0;
  while (!stack.empty()) {
    auto node = stack.back();
    stack.pop_back();
    if (node.type() == "return_statement") {
      ++returns;
      returned = node.named_child(0);
      continue;
    }
    if (node != body && is_function_node(node)) continue;
    for (auto child : node.named_children()) stack.push_back(child);
  }
  if (returns != 1 || returned.is_null()) return std::nullopt;
  return eval(returned, body_ctx);
}

Value Evaluator::map_over(ts::Node callback, const Value& array, const Context& ctx) const {
  callback = unwrap(callback);
  const Scope* own = scopes_.scope_of(callback);
  if (own == nullptr || !is_function_node(callback)) return hole(callback, ctx);
  auto parameter = callback.field("parameter");
  if (parameter.is_null()) {
    parameter = callback.field("parameters").named_child(0);
    if (parameter.type() == "required_parameter") parameter = parameter.field("pattern");
  }
  if (parameter.type() != "identifier") return hole(callback, ctx);
  std::string name(parameter.text());
  auto run = [&](Value element) {
    Context body_ctx{own, callback.end(), ctx.locals, ctx.depth + 1};
    body_ctx.locals[name] = std::move(element);
    auto value = eval_body(callback, body_ctx);
    return value ? std::move(*value) : hole(callback, ctx);
  };
  Value seq{Value::Kind::Sequence, {}, {}, {}, {}, false};
  bool known = array.kind == Value::Kind::Sequence && array.items.size() <= kMaxMappedItems &&
               std::ranges::none_of(array.items, [](const SequenceItem& i) { return i.spread; });
  if (known) {
    for (const auto& item : array.items) seq.items.push_back({run(item.value), false});
    return seq;
  }
  // Unknown elements: one key pattern standing for every element.
  auto element =
      Value::opaque(ir::KeyExpr::hole(own->id + ":" + name, name, span(parameter), true));
  Value pattern = run(std::move(element));
  pattern.text.mark_collection();
  seq.items.push_back({std::move(pattern), true});
  return seq;
}

std::optional<Value> Evaluator::eval_file_call(std::string_view callee, ts::Node arguments,
                                               const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  auto arg = [&](std::uint32_t i) { return eval(arguments.named_child(i), inner); };
  if (one_of(callee, kJoin)) {
    ir::KeyExpr path;
    for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
      Value part = arg(i);
      if (part.text.is_literal() && part.text.literal_text().starts_with('/')) {
        path = ir::KeyExpr{};  // an absolute part starts over
      } else if (i > 0) {
        path.append(ir::KeyExpr::literal("/", span(arguments), false));
      }
      path.append(part.text);
    }
    return Value::file(Value::Kind::Path, std::move(path));
  }
  if (one_of(callee, kDirname) && arguments.named_child_count() == 1) {
    Value path = arg(0);
    if (!path.text.is_literal()) return Value::file(Value::Kind::Path, path.text);
    return Value::file(Value::Kind::Path, ir::KeyExpr::literal(dirname(path.text.literal_text()),
                                                               span(arguments), false));
  }
  if (one_of(callee, kRead) && arguments.named_child_count() >= 1) {
    return Value::file(Value::Kind::FileContents, arg(0).text);
  }
  if (one_of(callee, kUrlToPath) && arguments.named_child_count() == 1) {
    return Value::file(Value::Kind::Path, arg(0).text);
  }
  return std::nullopt;
}

Value Evaluator::eval_call(ts::Node call, const Context& ctx) const {
  auto function = unwrap(call.field("function"));
  auto arguments = call.field("arguments");
  Context inner = ctx;
  ++inner.depth;
  if (arguments.type() != "arguments") return hole(call, ctx);
  if (auto file = eval_file_call(frontend::collapse_spaces(function.text()), arguments, ctx))
    return *file;
  if (function.type() == "identifier") {
    auto name = function.text();
    if (name == "String" && arguments.named_child_count() == 1) {
      Value value = eval(arguments.named_child(0), inner);
      if (value.is_text()) return value;
      return hole(call, ctx);
    }
    if (const auto* binding = binding_of(name, *ctx.scope)) {
      // userKey(id) with `import { userKey } from "./keys"`: its body there.
      if (const auto* module = imported_module(*binding)) {
        if (const auto* there = exported(*module, binding->import_name);
            there != nullptr && is_function_node(unwrap(there->value))) {
          Evaluator other(*module->scopes, file_, module->path, modules_);
          auto value = call_helper(other, unwrap(there->value), arguments, ctx);
          if (value && (value->kind != Value::Kind::Opaque || value->text.is_unknown()))
            return frontend::relocated(std::move(*value), span(call));
        }
        return hole(call, ctx);
      }
      auto definition =
          binding->kind == Binding::Kind::Function ? binding->value : unwrap(binding->value);
      if (is_function_node(definition) && binding->scope != nullptr) {
        if (auto value = call_helper(*this, definition, arguments, ctx)) return *value;
      }
    }
    return hole(call, ctx);
  }
  if (function.type() != "member_expression") return hole(call, ctx);
  auto object = unwrap(function.field("object"));
  auto method = function.field("property").text();
  if (method == "map" && arguments.named_child_count() >= 1) {
    return map_over(arguments.named_child(0), eval(object, inner), ctx);
  }
  if (method == "toString" || method == "valueOf") {
    Value value = eval(object, inner);
    if (value.is_text() || value.kind == Value::Kind::FileContents) return value;
    return hole(call, ctx);
  }
  if (method == "join") {
    Value parts = eval(object, inner);
    if (parts.kind != Value::Kind::Sequence) return hole(call, ctx);
    ir::KeyExpr separator =
        arguments.named_child_count() > 0
            ? frontend::to_text(eval(arguments.named_child(0), inner), span(call))
            : ir::KeyExpr::literal(",", span(call), false);
    auto text = frontend::joined(parts.items, std::move(separator), span(call));
    return text ? *text : hole(call, ctx);
  }
  // keys.user(id) for `const keys = { user: (id) => ... }`, this.key(id).
  ts::Node definition;
  const Scope* defined_in = nullptr;
  if (object.type() == "this") {
    const Scope* cls =
        ctx.scope->kind == Scope::Kind::Class ? ctx.scope : ctx.scope->enclosing_class;
    if (cls != nullptr) {
      auto body = cls->node.field("body");
      for (std::uint32_t i = 0; i < body.named_child_count(); ++i) {
        auto member = body.named_child(i);
        if (member.type() == "method_definition" && member.field("name").text() == method) {
          definition = member;
          defined_in = cls;
        }
      }
      if (definition.is_null()) {
        if (const auto* field = field_of(method, *ctx.scope);
            field != nullptr && is_function_node(unwrap(field->value))) {
          definition = unwrap(field->value);
          defined_in = field->scope;
        }
      }
    }
  } else if (object.type() == "identifier") {
    const auto* binding = binding_of(object.text(), *ctx.scope);
    if (binding != nullptr && binding->import_name == "*") {
      // keys.user(id) with `import * as keys from "./keys"` (or require).
      if (const auto* module = imported_module(*binding)) {
        if (const auto* there = exported(*module, method);
            there != nullptr && is_function_node(unwrap(there->value))) {
          Evaluator other(*module->scopes, file_, module->path, modules_);
          auto value = call_helper(other, unwrap(there->value), arguments, ctx);
          if (value && (value->kind != Value::Kind::Opaque || value->text.is_unknown()))
            return frontend::relocated(std::move(*value), span(call));
        }
      }
    }
    if (binding != nullptr && unwrap(binding->value).type() == "object") {
      auto literal = unwrap(binding->value);
      for (std::uint32_t i = 0; i < literal.named_child_count(); ++i) {
        auto part = literal.named_child(i);
        if (part.type() == "pair" && part.field("key").text() == method &&
            is_function_node(unwrap(part.field("value")))) {
          definition = unwrap(part.field("value"));
        } else if (part.type() == "method_definition" && part.field("name").text() == method) {
          definition = part;
        }
      }
      defined_in = binding->scope;
    }
  }
  if (!definition.is_null() && defined_in != nullptr) {
    if (auto value = call_helper(*this, definition, arguments, ctx)) return *value;
  }
  return hole(call, ctx);
}

Value Evaluator::eval_new(ts::Node expr, const Context& ctx) const {
  auto constructor = expr.field("constructor").text();
  auto arguments = expr.field("arguments");
  Context inner = ctx;
  ++inner.depth;
  if (constructor == "Map" && arguments.named_child_count() == 1) {
    Value entries = eval(arguments.named_child(0), inner);
    if (entries.kind != Value::Kind::Sequence) return hole(expr, ctx);
    Value map{Value::Kind::Mapping, {}, {}, {}, {}, false};
    for (const auto& entry : entries.items) {
      if (entry.spread || entry.value.kind != Value::Kind::Sequence ||
          entry.value.items.size() != 2) {
        map.mapping_has_unknown_part = true;
        continue;
      }
      map.keys.push_back(entry.value.items[0].value);
      map.values.push_back(entry.value.items[1].value);
    }
    return map;
  }
  if (constructor == "URL" && arguments.named_child_count() == 2 &&
      arguments.named_child(1).text() == "import.meta.url") {
    Value relative = eval(arguments.named_child(0), inner);
    if (!relative.text.is_literal()) return hole(expr, ctx);
    std::string rest = relative.text.literal_text();
    if (rest.starts_with("./")) rest = rest.substr(2);
    return Value::file(Value::Kind::Path,
                       ir::KeyExpr::literal(
                           dirname(std::filesystem::absolute(path_).generic_string()) + "/" + rest,
                           span(expr), false));
  }
  return hole(expr, ctx);
}

Value Evaluator::eval_binary(ts::Node binary, const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  if (binary.field("operator").text() != "+") return hole(binary, ctx);
  Value left = eval(binary.field("left"), inner);  // left first: the work budget is shared
  Value right = eval(binary.field("right"), inner);
  auto text = frontend::concatenated(left, right, span(binary));
  return text ? *text : hole(binary, ctx);
}

}  // namespace slotlint::javascript
