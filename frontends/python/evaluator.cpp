#include "frontends/python/evaluator.h"
#include "frontends/python/source_text.h"

#include <algorithm>
#include <cctype>

#include "frontends/common/source_helpers.h"
#include "frontends/python/module_loader.h"
#include "frontends/python/string_format.h"

namespace slotlint::python {
namespace {

constexpr int kMaxDepth = 48;
// Work allowed for one argument: chains like `A2 = A1 + A1` grow
// exponentially, and a pre-commit hook must not hang on them.
constexpr std::size_t kMaxSteps = 20'000;

void append_utf8(std::string& out, std::uint32_t cp) {
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

// The bytes a Python escape sequence stands for; nullopt when we cannot tell
// (\N{...}), which makes the string's value unknown.
std::optional<std::string> decode_escape(std::string_view escape, bool bytes) {
  if (escape.size() < 2 || escape[0] != '\\') return std::string(escape);
  char kind = escape[1];
  switch (kind) {
    case '\n':
    case '\r':
      return std::string{};  // a line continuation (\ + LF or CRLF)
    case '\\':
      return std::string("\\");
    case '\'':
      return std::string("'");
    case '"':
      return std::string("\"");
    case 'n':
      return std::string("\n");
    case 't':
      return std::string("\t");
    case 'r':
      return std::string("\r");
    case 'a':
      return std::string("\a");
    case 'b':
      return std::string("\b");
    case 'f':
      return std::string("\f");
    case 'v':
      return std::string("\v");
    default:
      break;
  }
  auto hex = [&](std::size_t digits) -> std::optional<std::uint32_t> {
    if (escape.size() != 2 + digits) return std::nullopt;
    std::uint32_t value = 0;
    for (char c : escape.substr(2)) {
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        value |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        value |= static_cast<std::uint32_t>(c - 'A' + 10);
      else
        return std::nullopt;
    }
    return value;
  };
  std::optional<std::uint32_t> cp;
  if (kind == 'x') cp = hex(2);
  if (kind == 'u') cp = hex(4);
  if (kind == 'U') cp = hex(8);
  if (kind >= '0' && kind <= '7') {
    std::uint32_t value = 0;
    for (char c : escape.substr(1)) value = value * 8 + static_cast<std::uint32_t>(c - '0');
    cp = value;
  }
  if (!cp || *cp > 0x10FFFF) return std::nullopt;
  std::string out;
  if (bytes && (kind == 'x' || (kind >= '0' && kind <= '7'))) {
    out += static_cast<char>(*cp);  // b"\xe9" is one byte
  } else {
    append_utf8(out, *cp);  // "\xe9" is U+00E9, sent as UTF-8 like "é"
  }
  return out;
}

// Whether a def carries a decorator whose text ends with `suffix`
// (`@property`, `@functools.cached_property`, `@staticmethod`).
bool has_decorator(ts::Node function, std::string_view suffix) {
  auto decorated = function.parent();
  if (decorated.type() != "decorated_definition") return false;
  for (std::uint32_t i = 0; i < decorated.named_child_count(); ++i) {
    auto decorator = decorated.named_child(i);
    if (decorator.type() == "decorator" && decorator.text().ends_with(suffix)) return true;
  }
  return false;
}

bool is_property(ts::Node function) { return has_decorator(function, "property"); }

// A value built in another module, brought to this file: every part now
// points at the call or name that brought it, and none of it may be edited.

bool followed(const Value& value) {
  return value.kind != Value::Kind::Opaque || !value.text.is_unknown();
}

std::vector<ts::Node> named_children(ts::Node node) {
  std::vector<ts::Node> out;
  for (std::uint32_t i = 0; i < node.named_child_count(); ++i) out.push_back(node.named_child(i));
  return out;
}

// The only return statement of a function body (nested definitions aside).
std::optional<ts::Node> single_return(ts::Node function) {
  std::optional<ts::Node> found;
  std::vector<ts::Node> stack{function.field("body")};
  while (!stack.empty()) {
    auto node = stack.back();
    stack.pop_back();
    if (node.is_null()) continue;
    auto type = node.type();
    if (type == "function_definition" || type == "class_definition" || type == "lambda") continue;
    if (type == "return_statement") {
      if (found) return std::nullopt;
      found = node;
      continue;
    }
    if (type == "yield") return std::nullopt;
    for (auto child : node.named_children()) stack.push_back(child);
  }
  return found;
}

}  // namespace

Value Evaluator::evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const {
  steps_ = 0;
  return eval(expr, Context{&scope, position, {}, 0});
}

Value Evaluator::hole(std::string symbol, std::string display, ts::Node expr) const {
  return Value::opaque(ir::KeyExpr::hole(std::move(symbol), std::move(display), span(expr)));
}

Value Evaluator::hole(ts::Node expr, const Context& ctx) const {
  std::string text = squeeze(expr.text());
  std::string display = text.size() > 40 ? text.substr(0, 37) + "..." : text;
  // `key_for(i)` inside `[... for i in ids]` differs from element to element.
  bool varies = std::ranges::any_of(ctx.locals, [&](const auto& local) {
    return frontend::varies_per_element(local.second) &&
           frontend::mentions_identifier(text, local.first);
  });
  return Value::opaque(ir::KeyExpr::hole(ctx.scope->id + ":" + text, display, span(expr), varies));
}

Value Evaluator::eval(ts::Node expr, const Context& ctx) const {
  if (expr.is_null())
    return Value::opaque(ir::KeyExpr::unknown("missing expression", {file_, 0, 0}));
  if (ctx.depth > kMaxDepth) {
    return Value::opaque(ir::KeyExpr::unknown("expression nested too deeply", span(expr)));
  }
  if (++steps_ > kMaxSteps) {
    return Value::opaque(ir::KeyExpr::unknown("too much to evaluate", span(expr)));
  }
  auto type = expr.type();
  if (type == "string") return eval_string(expr, ctx);
  if (type == "concatenated_string") {
    ir::KeyExpr text;
    for (auto part : named_children(expr)) text.append(to_text(eval_string(part, ctx), span(part)));
    text.set_span(span(expr));
    return Value::string(std::move(text));
  }
  if (type == "integer" || type == "float") {
    return Value::number(ir::KeyExpr::literal(std::string(expr.text()), span(expr), true));
  }
  if (type == "identifier") return eval_name(expr, ctx);
  if (type == "attribute") return eval_attribute(expr, ctx);
  if (type == "call") return eval_call(expr, ctx);
  if (type == "binary_operator") return eval_binary(expr, ctx);
  if (type == "parenthesized_expression" && expr.named_child_count() == 1) {
    Context inner = ctx;
    ++inner.depth;
    return eval(expr.named_child(0), inner);
  }
  if (type == "list" || type == "tuple" || type == "set" || type == "expression_list") {
    Value seq{Value::Kind::Sequence, ir::KeyExpr{}, {}, {}, {}, false};
    Context inner = ctx;
    ++inner.depth;
    for (auto child : named_children(expr)) {
      if (child.type() == "list_splat") {
        seq.items.push_back({eval(child.named_child(0), inner), true});
      } else {
        seq.items.push_back({eval(child, inner), false});
      }
    }
    return seq;
  }
  if (type == "dictionary") {
    Value map{Value::Kind::Mapping, ir::KeyExpr{}, {}, {}, {}, false};
    Context inner = ctx;
    ++inner.depth;
    for (auto child : named_children(expr)) {
      if (child.type() == "pair") {
        map.keys.push_back(eval(child.field("key"), inner));
        map.values.push_back(eval(child.field("value"), inner));
      } else {
        map.mapping_has_unknown_part = true;
      }
    }
    return map;
  }
  if (type == "list_comprehension" || type == "set_comprehension" ||
      type == "generator_expression") {
    return eval_comprehension(expr, ctx);
  }
  if (type == "dictionary_comprehension") {
    Value map{Value::Kind::Mapping, ir::KeyExpr{}, {}, {}, {}, true};
    return map;
  }
  return hole(expr, ctx);
}

Value Evaluator::eval_string(ts::Node string, const Context& ctx) const {
  if (string.type() != "string") return eval(string, ctx);
  std::string_view prefix;
  if (string.child_count() > 0 && string.child(0).type() == "string_start") {
    auto start = string.child(0).text();
    prefix = start.substr(0, start.find_first_of("'\""));
  }
  auto has = [&](char c) {
    return prefix.find(c) != std::string_view::npos ||
           prefix.find(static_cast<char>(c - 'a' + 'A')) != std::string_view::npos;
  };
  bool raw = has('r');
  bool bytes = has('b');
  auto escaping = has('f') ? ir::BraceEscaping::Doubled : ir::BraceEscaping::None;

  ir::KeyExpr text;
  auto literal = [&](std::uint32_t begin, std::uint32_t end, bool maps) {
    if (begin >= end) return;
    auto bytes = string.source().substr(begin, end - begin);
    text.append(ir::LiteralSegment{std::string(bytes), {file_, begin, end}, maps, escaping});
  };
  for (std::uint32_t i = 0; i < string.named_child_count(); ++i) {
    auto child = string.named_child(i);
    auto type = child.type();
    if (type == "string_content") {
      std::uint32_t done = child.begin();
      for (std::uint32_t j = 0; j < child.named_child_count(); ++j) {
        auto escape = child.named_child(j);
        literal(done, escape.begin(), true);
        done = escape.end();
        if (escape.type() == "escape_interpolation") {
          text.append(ir::LiteralSegment{std::string(escape.text().substr(0, 1)), span(escape),
                                         false, escaping});
        } else if (raw) {
          literal(escape.begin(), escape.end(), true);
        } else if (auto decoded = decode_escape(escape.text(), bytes)) {
          text.append(ir::LiteralSegment{*decoded, span(escape), false, escaping});
        } else {
          return Value::opaque(ir::KeyExpr::unknown("an escape we do not decode", span(string)));
        }
      }
      literal(done, child.end(), true);
    } else if (type == "interpolation") {
      auto inner_expr = child.field("expression");
      bool plain =
          child.field("format_specifier").is_null() && child.field("type_conversion").is_null();
      Context inner = ctx;
      ++inner.depth;
      Value value = plain ? eval(inner_expr, inner) : hole(child, ctx);
      if (value.kind == Value::Kind::Opaque && !value.text.is_unknown()) {
        // Point the hole at the whole `{...}` so a fix can insert around it.
        auto segment = value.text.segments().empty()
                           ? nullptr
                           : std::get_if<ir::HoleSegment>(&value.text.segments().front());
        if (segment != nullptr && value.text.segments().size() == 1) {
          ir::HoleSegment hole_segment = *segment;
          hole_segment.span = span(child);
          hole_segment.in_string_literal = true;
          hole_segment.escaping = escaping;
          text.append(ir::Segment{hole_segment});
          continue;
        }
      }
      text.append(to_text(value, span(child)));
    }
  }
  text.set_span(span(string));
  return Value::string(std::move(text));
}

Value Evaluator::eval_binding(const std::vector<Binding>& bindings, const std::string& name,
                              const Scope& scope, const Context& ctx, bool shared) const {
  std::string symbol = scope.id + ":" + name;
  if (bindings.size() > 1 && &scope == ctx.scope) {
    // `uid = uid + 1` between two reads: the reads see different values. The
    // symbol names the last binding before the read.
    std::uint32_t in_force = 0;
    for (const auto& binding : bindings) {
      if (binding.position < ctx.position) in_force = std::max(in_force, binding.position);
    }
    symbol += "@" + std::to_string(in_force);
  }
  // A local read in several places (`base` feeding two keys) is shared text:
  // a fix editing it would rename every key built from it.
  shared = shared || scope.uses(name) > 2;
  bool local = &scope == ctx.scope;
  if (bindings.size() == 1 && bindings.front().kind == Binding::Kind::Assign &&
      (!local || bindings.front().position < ctx.position || scope.kind != Scope::Kind::Function)) {
    const auto& binding = bindings.front();
    Context inner{binding.scope, binding.position, {}, ctx.depth + 1};
    Value value = eval(binding.value, inner);
    if (shared) {
      value.text.forbid_edits();
      for (auto& item : value.items) item.value.text.forbid_edits();
    }
    if (value.kind == Value::Kind::Opaque && !value.text.is_unknown()) {
      // Two names bound to the same call text (`a = uuid4(); b = uuid4()`)
      // hold different values: the hole takes the name's identity.
      return Value::opaque(ir::KeyExpr::hole(symbol, name, {file_, ctx.position, ctx.position}));
    }
    return value;
  }
  if (bindings.size() == 1 && bindings.front().kind == Binding::Kind::WithTarget) {
    // `with open(path) as f:` — f.read() is the file's contents.
    const auto& binding = bindings.front();
    Value value = eval(binding.value, Context{binding.scope, binding.position, {}, ctx.depth + 1});
    if (value.kind == Value::Kind::OpenFile) return value;
  }
  return Value::opaque(ir::KeyExpr::hole(symbol, name, {file_, ctx.position, ctx.position}));
}

const ParsedModule* Evaluator::module_named_by(const Binding& import) const {
  if (loader_ == nullptr || import.kind != Binding::Kind::Import) return nullptr;
  ModuleRef ref{import.import_level, import.import_module};
  if (import.import_name.empty()) return pin(loader_->load(path_, ref));  // import a.b as k
  // from pkg import keys: `keys` is a submodule unless pkg defines the name.
  if (const auto* package = pin(loader_->load(path_, ref));
      package != nullptr && package->scopes->module().find(import.import_name) != nullptr) {
    return nullptr;
  }
  ref.dotted = ref.dotted.empty() ? import.import_name : ref.dotted + "." + import.import_name;
  return pin(loader_->load(path_, ref));
}

const ParsedModule* Evaluator::module_of_identifier(ts::Node identifier, const Context& ctx) const {
  if (identifier.type() != "identifier" || loader_ == nullptr) return nullptr;
  for (const Scope* scope = ctx.scope; scope != nullptr; scope = scope->parent) {
    if (scope->kind == Scope::Kind::Class && scope != ctx.scope) continue;
    const auto* bindings = scope->find(identifier.text());
    if (bindings == nullptr) continue;
    return bindings->size() == 1 ? module_named_by(bindings->front()) : nullptr;
  }
  return nullptr;
}

std::optional<Value> Evaluator::eval_module_attribute(const ParsedModule& module,
                                                      std::string_view name, ts::Node at,
                                                      const Context& ctx) const {
  const auto& scope = module.scopes->module();
  const auto* bindings = scope.find(name);
  if (bindings == nullptr || bindings->size() != 1 || ctx.depth > kMaxDepth) return std::nullopt;
  Evaluator other(*module.scopes, file_, loader_, module.path);
  Context there{&scope, 0, {}, ctx.depth + 1};
  const auto& binding = bindings->front();
  std::optional<Value> value;
  if (binding.kind == Binding::Kind::Assign) {
    value = other.eval_binding(*bindings, std::string(name), scope, there, true);
  } else if (binding.kind == Binding::Kind::Import) {
    value = other.eval_imported_name(binding, at, there);  // a re-export
  }
  if (!value || !followed(*value)) return std::nullopt;
  return frontend::relocated(std::move(*value), span(at));
}

std::optional<Value> Evaluator::eval_imported_name(const Binding& import, ts::Node at,
                                                   const Context& ctx) const {
  if (loader_ == nullptr || import.import_name.empty()) return std::nullopt;
  const auto* module = pin(loader_->load(path_, {import.import_level, import.import_module}));
  if (module == nullptr) return std::nullopt;
  return eval_module_attribute(*module, import.import_name, at, ctx);
}

std::optional<Value> Evaluator::call_imported(const ParsedModule& module, std::string_view name,
                                              ts::Node call, const Context& ctx) const {
  const auto* bindings = module.scopes->module().find(name);
  if (bindings == nullptr || bindings->size() != 1 || ctx.depth > kMaxDepth) return std::nullopt;
  const auto& binding = bindings->front();
  if (binding.kind == Binding::Kind::Import) {
    // from .keys import user_key, re-exported by a package's __init__.
    Evaluator other(*module.scopes, file_, loader_, module.path);
    const auto* origin = pin(loader_->load(module.path, {binding.import_level, binding.import_module}));
    if (origin == nullptr) return std::nullopt;
    return other.call_imported(*origin, binding.import_name, call, ctx);
  }
  if (binding.kind != Binding::Kind::Function) return std::nullopt;
  Evaluator callee(*module.scopes, file_, loader_, module.path);
  Value value = call_helper(callee, binding, call.field("arguments"), ctx, false);
  if (!followed(value)) return std::nullopt;
  return frontend::relocated(std::move(value), span(call));
}

Value Evaluator::eval_name(ts::Node name, const Context& ctx) const {
  std::string text(name.text());
  if (auto it = ctx.locals.find(text); it != ctx.locals.end()) return it->second;
  for (const Scope* scope = ctx.scope; scope != nullptr; scope = scope->parent) {
    // Methods do not see their class's names (Python scoping).
    if (scope->kind == Scope::Kind::Class && scope != ctx.scope) continue;
    if (const auto* bindings = scope->find(text)) {
      if (bindings->size() == 1 && bindings->front().kind == Binding::Kind::Import) {
        if (auto value = eval_imported_name(bindings->front(), name, ctx)) return *value;
      }
      Value value =
          eval_binding(*bindings, text, *scope, ctx, scope->kind != Scope::Kind::Function);
      return frontend::read_at(std::move(value), span(name));
    }
  }
  if (text == "__file__") return module_file();
  return hole(scopes_.module().id + ":g:" + text, text, name);
}

Value Evaluator::eval_attribute(ts::Node attribute, const Context& ctx) const {
  auto object = attribute.field("object");
  std::string field(attribute.field("attribute").text());
  if (auto path = eval_path_attribute(attribute, ctx)) return *path;
  if (const auto* module = module_of_identifier(object, ctx)) {
    if (auto value = eval_module_attribute(*module, field, attribute, ctx)) return *value;
    return hole(attribute, ctx);
  }
  const Scope* cls = ctx.scope->kind == Scope::Kind::Class ? ctx.scope : ctx.scope->enclosing_class;
  bool on_own_class = cls != nullptr && object.type() == "identifier" &&
                      (object.text() == "self" || object.text() == "cls");
  if (!on_own_class && object.type() == "identifier") {
    // ClassName.CONSTANT for a class defined in this module.
    if (const auto* bindings = scopes_.module().find(object.text());
        bindings != nullptr && bindings->size() == 1 &&
        bindings->front().value.type() == "class_definition") {
      cls = scopes_.scope_of(bindings->front().value);
      on_own_class = cls != nullptr;
    }
  }
  // The nearest class (this one, then its bases in this module) that binds it.
  for (const Scope* owner : on_own_class ? scopes_.lineage(*cls) : std::vector<const Scope*>{}) {
    if (const auto* bindings = owner->find(field); bindings != nullptr && bindings->size() == 1) {
      const auto& binding = bindings->front();
      if (binding.kind == Binding::Kind::Assign)
        return eval_binding(*bindings, field, *owner, ctx, true);
      if (binding.kind == Binding::Kind::Function && is_property(binding.value)) {
        // Reading a property runs its body: `self.key` is `key(self)`.
        Value value = call_helper(*this, binding, ts::Node{}, ctx, true);
        if (!value.text.is_unknown() || value.kind != Value::Kind::Opaque) return value;
        return hole(owner->id + ":self." + field, "self." + field, attribute);
      }
    }
    if (auto it = owner->self_attributes.find(field); it != owner->self_attributes.end()) {
      if (it->second.size() == 1 && it->second.front().kind == Binding::Kind::Assign) {
        const auto& binding = it->second.front();
        Value value =
            eval(binding.value, Context{binding.scope, binding.position, {}, ctx.depth + 1});
        if (value.is_text()) value.text.forbid_edits();
        if (value.kind != Value::Kind::Opaque || value.text.is_unknown()) return value;
      }
      // The same attribute of the same class: one symbol across its methods.
      return hole(owner->id + ":self." + field, "self." + field, attribute);
    }
  }
  return hole(attribute, ctx);
}

Value Evaluator::eval_binary(ts::Node binary, const Context& ctx) const {
  auto op = binary.field("operator").text();
  Context inner = ctx;
  ++inner.depth;
  Value left = eval(binary.field("left"), inner);
  if (op == "/" && left.kind == Value::Kind::Path) {
    Value right = eval(binary.field("right"), inner);
    ir::KeyExpr path = left.text;
    path.append(ir::KeyExpr::literal("/", span(binary), false));
    path.append(right.text);
    return Value::file(Value::Kind::Path, std::move(path));
  }
  if (op == "+") {
    Value right = eval(binary.field("right"), inner);
    if (left.kind == Value::Kind::Sequence && right.kind == Value::Kind::Sequence) {
      std::ranges::move(right.items, std::back_inserter(left.items));
      return left;
    }
    if ((left.kind == Value::Kind::String || right.kind == Value::Kind::String) &&
        left.kind != Value::Kind::Sequence && right.kind != Value::Kind::Sequence) {
      ir::KeyExpr text = to_text(left, span(binary));
      text.append(to_text(right, span(binary)));
      text.set_span(span(binary));
      return Value::string(std::move(text));
    }
    return hole(binary, ctx);
  }
  if (op == "%" && left.kind == Value::Kind::String) {
    Value right = eval(binary.field("right"), inner);
    FormatArguments args;
    args.call = span(binary);
    if (right.kind == Value::Kind::Sequence) {
      for (const auto& item : right.items)
        args.positional.push_back(to_text(item.value, args.call));
    } else if (right.kind == Value::Kind::Mapping) {
      for (std::size_t i = 0; i < right.keys.size(); ++i) {
        if (right.keys[i].text.is_literal()) {
          args.named[right.keys[i].text.literal_text()] = to_text(right.values[i], args.call);
        }
      }
    } else {
      args.positional.push_back(to_text(right, args.call));
    }
    if (auto text = percent_format(left.text, args)) {
      text->set_span(span(binary));
      return Value::string(std::move(*text));
    }
  }
  return hole(binary, ctx);
}

Value Evaluator::eval_comprehension(ts::Node comprehension, const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  for (auto child : named_children(comprehension)) {
    if (child.type() != "for_in_clause") continue;
    std::vector<ts::Node> targets{child.field("left")};
    while (!targets.empty()) {
      auto target = targets.back();
      targets.pop_back();
      if (target.type() == "identifier") {
        std::string name(target.text());
        inner.locals[name] = Value::opaque(ir::KeyExpr::hole(
            scopes_.module().id + ":c" + std::to_string(comprehension.begin()) + ":" + name, name,
            span(target), true));
      } else {
        for (auto part : named_children(target)) targets.push_back(part);
      }
    }
  }
  Value element = eval(comprehension.field("body"), inner);
  Value seq{Value::Kind::Sequence, ir::KeyExpr{}, {}, {}, {}, false};
  ir::KeyExpr text =
      element.is_text() || element.kind == Value::Kind::Opaque
          ? element.text
          : ir::KeyExpr::unknown("comprehension of collections", span(comprehension));
  text.mark_collection();
  seq.items.push_back({Value::opaque(std::move(text)), true});
  return seq;
}

Value Evaluator::call_helper(const Evaluator& callee, const Binding& function, ts::Node arguments,
                             const Context& ctx, bool skip_self) const {
  const Scope* body_scope = callee.scopes_.scope_of(function.value);
  auto returned = single_return(function.value);
  if (body_scope == nullptr || !returned || returned->named_child_count() == 0) {
    return Value::opaque(ir::KeyExpr::unknown("a call we do not follow", span(arguments)));
  }
  Context inner{body_scope, returned->begin(), {}, ctx.depth + 1};
  // Bind the caller's values to the helper's parameters.
  std::vector<std::string> params;
  auto parameters = function.value.field("parameters");
  for (auto param : named_children(parameters)) {
    auto type = param.type();
    if (type == "list_splat_pattern" || type == "dictionary_splat_pattern" ||
        type == "keyword_separator" || type == "positional_separator") {
      // *parts / **kw: the helper's value depends on what we do not bind.
      return Value::opaque(ir::KeyExpr::unknown("a call we do not follow", span(arguments)));
    }
    ts::Node name = type == "identifier"        ? param
                    : type == "typed_parameter" ? param.named_child(0)
                                                : param.field("name");
    params.emplace_back(name.is_null() ? std::string{} : std::string(name.text()));
    if ((param.type() == "default_parameter" || param.type() == "typed_default_parameter") &&
        !name.is_null()) {
      inner.locals[std::string(name.text())] = callee.eval(
          param.field("value"), Context{function.scope, function.position, {}, ctx.depth + 1});
    }
  }
  // Through self./cls. a method's first parameter is the instance, unless the
  // method is a staticmethod.
  skip_self = skip_self && !has_decorator(function.value, "staticmethod");
  std::size_t next = skip_self && !params.empty() ? 1 : 0;
  Context caller = ctx;
  ++caller.depth;
  for (auto arg : named_children(arguments)) {
    if (arg.type() == "keyword_argument") {
      inner.locals[std::string(arg.field("name").text())] = eval(arg.field("value"), caller);
    } else if (arg.type() == "list_splat" || arg.type() == "dictionary_splat") {
      return Value::opaque(ir::KeyExpr::unknown("a call with unpacked arguments", span(arguments)));
    } else if (next < params.size()) {
      inner.locals[params[next++]] = eval(arg, caller);
    }
  }
  // A parameter the call leaves unbound would read as the helper's own hole,
  // the same at every call site: do not follow such a call.
  for (std::size_t i = skip_self ? 1 : 0; i < params.size(); ++i) {
    if (!inner.locals.contains(params[i])) {
      return Value::opaque(ir::KeyExpr::unknown("a call we do not follow", span(arguments)));
    }
  }
  return callee.eval(returned->named_child(0), inner);
}

Value Evaluator::eval_call(ts::Node call, const Context& ctx) const {
  auto function = call.field("function");
  auto arguments = call.field("arguments");
  if (arguments.is_null() || arguments.type() != "argument_list") return hole(call, ctx);
  auto args = named_children(arguments);
  Context inner = ctx;
  ++inner.depth;

  if (auto file = eval_file_call(call, ctx)) return *file;
  if (function.type() == "identifier") {
    auto name = function.text();
    if ((name == "str" || name == "list" || name == "tuple" || name == "set" || name == "sorted") &&
        args.size() == 1 && args[0].type() != "keyword_argument") {
      Value value = eval(args[0], inner);
      bool keeps = name == "str"
                       ? (value.kind == Value::Kind::String || value.kind == Value::Kind::Path)
                       : value.kind == Value::Kind::Sequence;
      return keeps ? value : hole(call, ctx);
    }
    for (const Scope* scope = ctx.scope; scope != nullptr; scope = scope->parent) {
      if (scope->kind == Scope::Kind::Class && scope != ctx.scope) continue;
      const auto* bindings = scope->find(name);
      if (bindings == nullptr) continue;
      const auto& binding = bindings->front();
      if (bindings->size() == 1 && binding.kind == Binding::Kind::Function) {
        Value value = call_helper(*this, binding, arguments, ctx, false);
        if (followed(value)) return value;
      }
      if (bindings->size() == 1 && binding.kind == Binding::Kind::Import && loader_ != nullptr &&
          !binding.import_name.empty()) {
        if (const auto* module =
                pin(loader_->load(path_, {binding.import_level, binding.import_module}))) {
          if (auto value = call_imported(*module, binding.import_name, call, ctx)) return *value;
        }
      }
      break;
    }
    return hole(call, ctx);
  }
  if (function.type() != "attribute") return hole(call, ctx);

  auto object = function.field("object");
  auto method = function.field("attribute").text();
  const Scope* cls = ctx.scope->kind == Scope::Kind::Class ? ctx.scope : ctx.scope->enclosing_class;
  if (cls != nullptr && object.type() == "identifier" &&
      (object.text() == "self" || object.text() == "cls")) {
    for (const Scope* owner : scopes_.lineage(*cls)) {
      const auto* bindings = owner->find(method);
      if (bindings == nullptr) continue;
      if (bindings->size() == 1 && bindings->front().kind == Binding::Kind::Function) {
        Value value = call_helper(*this, bindings->front(), arguments, ctx, true);
        if (!value.text.is_unknown() || value.kind != Value::Kind::Opaque) return value;
      }
      break;
    }
    return hole(call, ctx);
  }
  if (const auto* module = module_of_identifier(object, ctx)) {
    if (auto value = call_imported(*module, method, call, ctx)) return *value;
    return hole(call, ctx);
  }
  if (method == "format" || method == "join") {
    Value receiver = eval(object, inner);
    if (receiver.kind != Value::Kind::String) return hole(call, ctx);
    if (method == "join") {
      if (args.size() != 1) return hole(call, ctx);
      Value parts = eval(args[0], inner);
      if (parts.kind != Value::Kind::Sequence ||
          std::ranges::any_of(parts.items, [](const SequenceItem& i) { return i.spread; })) {
        return hole(call, ctx);
      }
      ir::KeyExpr text;
      for (std::size_t i = 0; i < parts.items.size(); ++i) {
        if (i > 0) {
          ir::KeyExpr separator = receiver.text;
          separator.forbid_edits();  // the separator stands between several parts
          text.append(separator);
        }
        text.append(to_text(parts.items[i].value, span(call)));
      }
      text.set_span(span(call));
      return Value::string(std::move(text));
    }
    FormatArguments format_args;
    format_args.call = span(call);
    for (auto arg : args) {
      if (arg.type() == "keyword_argument") {
        format_args.named[std::string(arg.field("name").text())] =
            to_text(eval(arg.field("value"), inner), span(arg));
      } else if (arg.type() == "list_splat" || arg.type() == "dictionary_splat") {
        return hole(call, ctx);
      } else {
        format_args.positional.push_back(to_text(eval(arg, inner), span(arg)));
      }
    }
    if (auto text = brace_format(receiver.text, format_args)) {
      text->set_span(span(call));
      return Value::string(std::move(*text));
    }
  }
  return hole(call, ctx);
}

}  // namespace slotlint::python
