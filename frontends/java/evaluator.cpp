#include "frontends/java/evaluator.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "frontends/common/source_helpers.h"

namespace slotlint::java {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, 12> kSequenceFactories{"List.of",
                                                              "Arrays.asList",
                                                              "Set.of",
                                                              "Stream.of",
                                                              "Collections.singletonList",
                                                              "Collections.singleton",
                                                              "ImmutableList.of",
                                                              "ImmutableSet.of",
                                                              "Lists.newArrayList",
                                                              "Sets.newHashSet",
                                                              "List.copyOf",
                                                              "Set.copyOf"};
constexpr std::array<std::string_view, 4> kMapFactories{"Map.of", "ImmutableMap.of",
                                                        "Collections.singletonMap", "Map.entry"};
// Calls that hand their receiver on unchanged, as far as keys go.
constexpr std::array<std::string_view, 14> kPassThrough{"stream",
                                                        "parallelStream",
                                                        "filter",
                                                        "distinct",
                                                        "sorted",
                                                        "limit",
                                                        "skip",
                                                        "boxed",
                                                        "collect",
                                                        "toList",
                                                        "toArray",
                                                        "iterator",
                                                        "unmodifiableList",
                                                        "peek"};
// ...and calls that turn a value into the bytes or text of the same key.
constexpr std::array<std::string_view, 8> kSameText{
    "getBytes", "encode", "serialize", "toString", "valueOf", "intern", "name", "toCharArray"};
// Readers of a whole stream or resource into a string.
constexpr std::array<std::string_view, 9> kReadsAll{
    "readString",     "readAllBytes", "toString",        "copyToString",      "readAllLines",
    "getInputStream", "openStream",   "copyToByteArray", "getContentAsString"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

bool is_loop(std::string_view type) {
  return type == "enhanced_for_statement" || type == "for_statement" || type == "while_statement" ||
         type == "do_statement";
}

// The text of a literal's escape sequence.
std::string unescape(std::string_view escape) {
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
    case 's':
      return " ";
    case '\n':
      return "";  // a text block's line continuation
    default:
      return std::string(escape.substr(1));
  }
}

// A text block's content: after the opening line, without the indentation
// common to its lines.
std::string strip_text_block(const std::string& raw) {
  auto start = raw.find('\n');
  std::string body = start == std::string::npos ? raw : raw.substr(start + 1);
  std::size_t common = std::string::npos;
  std::size_t line_start = 0;
  while (line_start <= body.size()) {
    auto end = body.find('\n', line_start);
    if (end == std::string::npos) end = body.size();
    auto line = std::string_view(body).substr(line_start, end - line_start);
    auto indent = line.find_first_not_of(" \t");
    if (indent != std::string_view::npos) common = std::min(common, indent);
    line_start = end + 1;
  }
  if (common == std::string::npos || common == 0) return body;
  std::string out;
  line_start = 0;
  while (line_start <= body.size()) {
    auto end = body.find('\n', line_start);
    if (end == std::string::npos) end = body.size();
    auto line = std::string_view(body).substr(line_start, end - line_start);
    out += line.size() > common ? line.substr(common) : std::string_view{};
    if (end < body.size()) out += '\n';
    line_start = end + 1;
  }
  return out;
}

}  // namespace

Value Evaluator::evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const {
  steps_ = 0;
  return eval(expr, Context{&scope, position, {}, 0});
}

Value Evaluator::hole(ts::Node expr, const Context& ctx) const {
  return frontend::expression_hole(expr.text(), ctx.scope->id, ctx.locals, span(expr));
}

std::optional<Resolved> Evaluator::resolve(std::string_view name, const Scope& scope,
                                           std::uint32_t position) const {
  for (const Scope* s = &scope; s != nullptr; s = s->parent) {
    const auto* bindings = s->find(name);
    if (bindings == nullptr) continue;
    const Binding* declaration = nullptr;
    for (const auto& binding : *bindings) {
      if (binding.kind == Binding::Kind::Assignment || binding.kind == Binding::Kind::Added)
        continue;
      if (binding.kind == Binding::Kind::Local &&
          !(binding.position <= position && position < binding.visible_until)) {
        continue;
      }
      if (declaration == nullptr || binding.position >= declaration->position)
        declaration = &binding;
    }
    if (declaration == nullptr) continue;
    Resolved resolved{declaration, s, {}, {}};
    for (const auto& binding : *bindings) {
      bool changes =
          binding.kind == Binding::Kind::Assignment || binding.kind == Binding::Kind::Added;
      if (!changes) continue;
      if (declaration->kind == Binding::Kind::Local &&
          (binding.position < declaration->position ||
           binding.position >= declaration->visible_until)) {
        continue;
      }
      (binding.kind == Binding::Kind::Added ? resolved.additions : resolved.assignments)
          .push_back(&binding);
    }
    return resolved;
  }
  return std::nullopt;
}

std::optional<ClassRef> Evaluator::class_named(std::string_view name) const {
  if (name.empty() || std::isupper(static_cast<unsigned char>(name.front())) == 0)
    return std::nullopt;
  if (const auto* scope = scopes_.find_class(name)) return ClassRef{nullptr, scope};
  if (classes_ == nullptr) return std::nullopt;
  return classes_->find(path_, scopes_, name);
}

std::optional<ClassRef> Evaluator::class_of_expression(ts::Node expr) const {
  expr = unwrap(expr);
  if (expr.type() == "identifier") return class_named(expr.text());
  if (expr.type() == "field_access") return class_named(expr.field("field").text());
  return std::nullopt;
}

Value Evaluator::eval(ts::Node expr, const Context& ctx) const {
  if (auto limit = frontend::beyond_evaluation_limits(expr, ctx.depth, steps_, file_))
    return *limit;
  expr = unwrap(expr);
  auto type = expr.type();
  Context inner = ctx;
  ++inner.depth;
  if (type == "string_literal") return string_literal(expr);
  if (type == "character_literal") {
    auto text = expr.text();
    std::string value(text.size() >= 2 ? text.substr(1, text.size() - 2) : text);
    if (value.starts_with('\\')) value = unescape(value);
    return Value::string(ir::KeyExpr::literal(value, span(expr), false));
  }
  if (type == "decimal_integer_literal" || type == "hex_integer_literal" ||
      type == "decimal_floating_point_literal") {
    std::string text(expr.text());
    while (!text.empty() && std::string_view("lLfFdD").find(text.back()) != std::string::npos)
      text.pop_back();
    return Value::number(ir::KeyExpr::literal(text, span(expr), false));
  }
  if (type == "true" || type == "false")
    return Value::string(ir::KeyExpr::literal(std::string(type), span(expr), false));
  if (type == "identifier") return eval_identifier(expr, ctx);
  if (type == "field_access") return eval_field_access(expr, ctx);
  if (type == "method_invocation") return eval_call(expr, ctx);
  if (type == "object_creation_expression") return eval_creation(expr, ctx);
  if (type == "array_creation_expression") {
    auto value = expr.field("value");
    if (!value.is_null()) return eval(value, inner);
    return hole(expr, ctx);
  }
  if (type == "array_initializer") {
    Value result{Value::Kind::Sequence, {}, {}, {}, {}, false};
    for (std::uint32_t i = 0; i < expr.named_child_count(); ++i) {
      auto element = expr.named_child(i);
      if (element.type() == "line_comment" || element.type() == "block_comment") continue;
      result.items.push_back({eval(element, inner), false});
    }
    return result;
  }
  if (type == "binary_expression" && expr.field("operator").text() == "+") {
    Value left = eval(expr.field("left"), inner);  // left first: the work budget is shared
    Value right = eval(expr.field("right"), inner);
    if (auto text = frontend::concatenated(left, right, span(expr))) return *text;
  }
  return hole(expr, ctx);
}

Value Evaluator::string_literal(ts::Node literal) const {
  bool text_block = literal.text().starts_with("\"\"\"");
  std::string text;
  bool exact = !text_block;
  for (std::uint32_t i = 0; i < literal.named_child_count(); ++i) {
    auto part = literal.named_child(i);
    if (part.type() == "escape_sequence") {
      exact = false;
      text += unescape(part.text());
    } else {
      text += part.text();
    }
  }
  if (text_block) text = strip_text_block(text);  // the fragments start right after `"""`
  auto quote = text_block ? 3u : 1u;
  ir::SourceSpan content{
      file_, literal.begin() + quote,
      literal.end() >= literal.begin() + 2 * quote ? literal.end() - quote : literal.begin()};
  auto value = ir::KeyExpr::literal(std::move(text), content, exact);
  value.set_span(span(literal));
  return Value::string(std::move(value));
}

Value Evaluator::eval_identifier(ts::Node name, const Context& ctx) const {
  auto text = name.text();
  if (auto it = ctx.locals.find(text); it != ctx.locals.end()) return it->second;
  if (auto resolved = resolve(text, *ctx.scope, name.begin())) {
    // Inside a helper called from elsewhere, a use is at the helper's end.
    return eval_binding(*resolved, name, ctx);
  }
  // import static com.acme.Keys.PREFIX; / import static com.acme.Keys.*;
  if (classes_ != nullptr) {
    std::vector<std::string> owners;
    if (auto it = scopes_.static_imports().find(text); it != scopes_.static_imports().end())
      owners.push_back(it->second);
    for (const auto& owner : scopes_.static_wildcards()) owners.push_back(owner);
    for (const auto& owner : owners) {
      if (auto cls = classes_->find_qualified(path_, scopes_, owner)) {
        if (auto value = field_of(*cls, text, name, ctx)) return *value;
      }
    }
  }
  return Value::opaque(
      ir::KeyExpr::hole(ctx.scope->id + ":" + std::string(text), std::string(text), span(name)));
}

Value Evaluator::eval_binding(const Resolved& resolved, ts::Node name, const Context& ctx) const {
  const auto& declaration = *resolved.declaration;
  std::string symbol = resolved.where->id + ":" + std::string(name.text());
  auto opaque = [&] {
    return Value::opaque(ir::KeyExpr::hole(symbol, std::string(name.text()), span(name)));
  };
  if (!resolved.additions.empty()) return filled_collection(resolved, ctx);
  ts::Node value = declaration.value;
  const Scope* scope = declaration.scope;
  std::uint32_t position = declaration.position;
  if (!resolved.assignments.empty()) {
    // Declared without a value and assigned once (a field set in the constructor).
    if (!value.is_null() || resolved.assignments.size() != 1) return opaque();
    value = resolved.assignments.front()->value;
    scope = resolved.assignments.front()->scope;
    position = resolved.assignments.front()->position;
  }
  if (value.is_null() || scope == nullptr) return opaque();
  Value result = eval(value, Context{scope, position, {}, ctx.depth + 1});
  if (declaration.kind == Binding::Kind::Field) {
    result.text.forbid_edits();
    for (auto& item : result.items) item.value.text.forbid_edits();
  }
  if (result.kind == Value::Kind::Opaque && !result.text.is_unknown()) return opaque();
  if (result.kind == Value::Kind::String && declaration.type == "StringBuilder") return result;
  return frontend::read_at(std::move(result), span(name));
}

void Evaluator::bind_loop_variables(ts::Node from, std::uint32_t until, Context& ctx) const {
  auto per_element = [&](ts::Node var) {
    ctx.locals[std::string(var.text())] = Value::opaque(ir::KeyExpr::hole(
        ctx.scope->id + ":" + std::string(var.text()), std::string(var.text()), span(var), true));
  };
  for (auto node : from.ancestors()) {
    if (node.begin() < until) break;
    auto type = node.type();
    if (type == "enhanced_for_statement") {
      per_element(node.field("name"));
    } else if (type == "for_statement") {
      auto init = node.field("init");
      for (auto var : frontend::identifiers_in(init)) {
        if (var.parent().type() == "variable_declarator" && var.parent().field("name") == var)
          per_element(var);
      }
    } else if (type == "lambda_expression") {
      // ids.forEach(id -> keys.add(...))
      for (auto var : frontend::identifiers_in(node.field("parameters"))) per_element(var);
    }
  }
}

Value Evaluator::filled_collection(const Resolved& resolved, const Context& ctx) const {
  const auto& declaration = *resolved.declaration;
  Context inner = ctx;
  ++inner.depth;
  Value initial = declaration.value.is_null()
                      ? Value{Value::Kind::Sequence, {}, {}, {}, {}, false}
                      : eval(declaration.value,
                             Context{declaration.scope, declaration.position, {}, ctx.depth + 1});
  bool builder = declaration.type == "StringBuilder" || declaration.type == "StringBuffer";
  if (builder) {
    // sb.append(a); sb.append(b); — in order, once each, or we cannot tell.
    ir::KeyExpr text = initial.kind == Value::Kind::Opaque && !initial.text.is_unknown()
                           ? ir::KeyExpr{}
                           : frontend::to_text(initial, initial.text.span());
    for (const auto* addition : resolved.additions) {
      auto call = addition->value;
      auto up = call.ancestors();
      for (auto node : up) {
        if (node.begin() < declaration.position) break;
        if (is_loop(node.type()) || node.type() == "if_statement")
          return hole(call.field("object"), ctx);
      }
      // sb.append(a).append(b): every link of the chain; up[i] is the i-th
      // link's parent.
      auto link = call;
      for (std::size_t i = 0;
           link.type() == "method_invocation" && link.field("name").text() == "append"; ++i) {
        auto args = arguments_of(link);
        if (!args.empty()) {
          text.append(frontend::to_text(
              eval(args[0], Context{addition->scope, addition->position, {}, ctx.depth + 1}),
              span(args[0])));
        }
        if (i >= up.size() || up[i].type() != "method_invocation" || up[i].field("object") != link)
          break;
        link = up[i];
      }
    }
    return Value::string(std::move(text));
  }
  Value result = initial.kind == Value::Kind::Sequence || initial.kind == Value::Kind::Mapping
                     ? std::move(initial)
                     : Value{Value::Kind::Sequence, {}, {}, {}, {}, false};
  for (const auto* addition : resolved.additions) {
    auto call = addition->value;
    auto method = call.field("name").text();
    auto args = arguments_of(call);
    Context body{addition->scope, addition->position, {}, ctx.depth + 1};
    bind_loop_variables(call, declaration.position, body);
    if ((method == "put") && args.size() == 2) {
      if (result.kind != Value::Kind::Mapping) {
        result.kind = Value::Kind::Mapping;
        result.items.clear();
      }
      Value key = eval(args[0], body);
      Value value = eval(args[1], body);
      if (frontend::varies_per_element(key)) key.text.mark_collection();
      result.keys.push_back(std::move(key));
      result.values.push_back(std::move(value));
      continue;
    }
    if (method == "putAll") {
      result.mapping_has_unknown_part = true;
      continue;
    }
    if (args.empty()) continue;
    Value value = eval(args.back(), body);  // add(x) and add(index, x)
    bool spread = method == "addAll";
    if (frontend::varies_per_element(value)) {
      value.text.mark_collection();
      spread = true;
    }
    if (spread && value.kind == Value::Kind::Sequence) {
      for (auto& item : value.items) result.items.push_back(std::move(item));
      continue;
    }
    result.items.push_back({std::move(value), spread});
  }
  return result;
}

std::optional<Value> Evaluator::field_of(const ClassRef& cls, std::string_view name, ts::Node at,
                                         const Context& ctx) const {
  if (cls.file == nullptr) {
    auto resolved = resolve(name, *cls.scope, UINT32_MAX);
    if (!resolved || resolved->declaration->kind != Binding::Kind::Field) return std::nullopt;
    return eval_binding(*resolved, at, ctx);
  }
  Evaluator other(*cls.file->scopes, file_, cls.file->path, classes_);
  other.steps_ = steps_;
  auto resolved = other.resolve(name, *cls.scope, UINT32_MAX);
  if (!resolved || resolved->declaration->kind != Binding::Kind::Field) return std::nullopt;
  Value value =
      other.eval_binding(*resolved, at, Context{cls.scope, UINT32_MAX, {}, ctx.depth + 1});
  steps_ = other.steps_;
  if (value.kind == Value::Kind::Opaque && !value.text.is_unknown()) {
    // A field we cannot see into: one hole named after the class and field.
    return Value::opaque(ir::KeyExpr::hole(cls.scope->class_name + "." + std::string(name),
                                           std::string(at.text()), span(at)));
  }
  return frontend::relocated(std::move(value), span(at));
}

Value Evaluator::eval_field_access(ts::Node access, const Context& ctx) const {
  auto object = unwrap(access.field("object"));
  auto field = access.field("field").text();
  if (object.type() == "this" ||
      (object.type() == "field_access" && object.field("field").type() == "this")) {
    if (const auto* cls = ctx.scope->enclosing_class()) {
      if (auto value = field_of({nullptr, cls}, field, access, ctx)) return *value;
    }
    return hole(access, ctx);
  }
  // Keys.PREFIX, Outer.Keys.PREFIX: a static field of a class.
  if (auto cls = class_of_expression(object)) {
    bool is_variable = object.type() == "identifier" &&
                       resolve(object.text(), *ctx.scope, object.begin()).has_value();
    if (!is_variable) {
      if (auto value = field_of(*cls, field, access, ctx)) return *value;
    }
  }
  return hole(access, ctx);
}

std::optional<Value> Evaluator::call_helper(const ClassRef& cls, std::string_view name,
                                            const std::vector<Value>& arguments, ts::Node at,
                                            const Context& ctx) const {
  auto it = cls.scope->methods.find(name);
  if (it == cls.scope->methods.end()) return std::nullopt;
  const ScopeTree& tree = cls.file != nullptr ? *cls.file->scopes : scopes_;
  for (auto method : it->second) {
    auto parameters = method.field("parameters");
    std::vector<ts::Node> names;
    bool varargs = false;
    for (std::uint32_t i = 0; i < parameters.named_child_count(); ++i) {
      auto parameter = parameters.named_child(i);
      if (parameter.type() == "formal_parameter") names.push_back(parameter.field("name"));
      if (parameter.type() == "spread_parameter") varargs = true;
    }
    if (varargs || names.size() != arguments.size()) continue;
    const Scope* own = tree.scope_of(method);
    if (own == nullptr) return std::nullopt;
    ts::Node returned;
    int returns = 0;
    std::vector<ts::Node> stack{method.field("body")};
    while (!stack.empty()) {
      auto node = stack.back();
      stack.pop_back();
      if (node.type() == "return_statement") {
        ++returns;
        returned = node.named_child(0);
        continue;
      }
      if (node.type() == "lambda_expression" || node.type() == "class_body") continue;
      for (auto child : node.named_children()) stack.push_back(child);
    }
    if (returns != 1 || returned.is_null()) return std::nullopt;
    Context body{own, returned.begin(), {}, ctx.depth + 1};
    for (std::size_t i = 0; i < names.size(); ++i)
      body.locals[std::string(names[i].text())] = arguments[i];
    if (cls.file == nullptr) return eval(returned, body);
    Evaluator other(tree, file_, cls.file->path, classes_);
    other.steps_ = steps_;
    Value value = other.eval(returned, body);
    steps_ = other.steps_;
    return frontend::relocated(std::move(value), span(at));
  }
  return std::nullopt;
}

Value Evaluator::format(ts::Node call, ts::Node pattern_node, const std::vector<ts::Node>& args,
                        const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  Value pattern = eval(pattern_node, inner);
  if (!pattern.text.is_literal()) return hole(call, ctx);
  std::string format = pattern.text.literal_text();
  ir::KeyExpr text;
  std::string pending;
  std::size_t next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      pending += format[i];
      continue;
    }
    if (format[i + 1] == '%' || format[i + 1] == 'n') {
      pending += format[i + 1] == '%' ? "%" : "\n";
      ++i;
      continue;
    }
    // %[index$][flags][width][.precision]conversion
    std::size_t end = i + 1;
    while (end < format.size() &&
           std::string_view("-#+ 0,(123456789.$<").find(format[end]) != std::string_view::npos)
      ++end;
    if (end == format.size() || next >= args.size()) return hole(call, ctx);
    bool plain = end == i + 1 && (format[end] == 's' || format[end] == 'd');
    if (!plain) return hole(call, ctx);
    text.append(ir::KeyExpr::literal(pending, span(pattern_node), false));
    pending.clear();
    text.append(frontend::to_text(eval(args[next++], inner), span(call)));
    i = end;
  }
  text.append(ir::KeyExpr::literal(pending, span(pattern_node), false));
  text.set_span(span(call));
  return Value::string(std::move(text));
}

Value Evaluator::join(ts::Node call, const std::vector<ts::Node>& args, const Context& ctx) const {
  Context inner = ctx;
  ++inner.depth;
  Value separator = eval(args[0], inner);
  std::vector<SequenceItem> parts;
  if (args.size() == 2) {
    Value second = eval(args[1], inner);
    if (second.kind == Value::Kind::Sequence) {
      parts = std::move(second.items);
    } else {
      parts.push_back({std::move(second), false});
    }
  } else {
    for (std::size_t i = 1; i < args.size(); ++i) parts.push_back({eval(args[i], inner), false});
  }
  if (!separator.text.is_literal()) return hole(call, ctx);
  auto text = frontend::joined(parts, separator.text, span(call));
  return text ? *text : hole(call, ctx);
}

// ids.stream().map(id -> "user:" + id): a collection shaped like the lambda's
// result, its parameter differing per element.
Value Evaluator::mapped(ts::Node call, ts::Node mapper, const Context& ctx) const {
  mapper = unwrap(mapper);
  Context body = ctx;
  ++body.depth;
  Value element;
  if (mapper.type() == "lambda_expression") {
    auto parameters = frontend::identifiers_in(mapper.field("parameters"));
    if (parameters.size() != 1) return hole(call, ctx);
    const Scope* own = scopes_.scope_of(mapper);
    if (own != nullptr) body.scope = own;
    auto var = parameters.front();
    body.locals[std::string(var.text())] = Value::opaque(ir::KeyExpr::hole(
        body.scope->id + ":" + std::string(var.text()), std::string(var.text()), span(var), true));
    auto result = mapper.field("body");
    if (result.type() == "block") {
      if (result.named_child_count() != 1 || result.named_child(0).type() != "return_statement")
        return hole(call, ctx);
      result = result.named_child(0).named_child(0);
    }
    element = eval(result, body);
  } else if (mapper.type() == "method_reference") {
    // this::key, Keys::user: a helper applied to each element.
    auto target = mapper.named_child(0);
    auto method = mapper.named_child(mapper.named_child_count() - 1).text();
    std::optional<ClassRef> cls;
    if (target.type() == "this") {
      if (const auto* own = ctx.scope->enclosing_class()) cls = ClassRef{nullptr, own};
    } else {
      cls = class_of_expression(target);
    }
    Value each = Value::opaque(
        ir::KeyExpr::hole(ctx.scope->id + ":" + std::string(mapper.text()) + "#element", "element",
                          span(mapper), true));
    std::optional<Value> result;
    if (cls) result = call_helper(*cls, method, {each}, mapper, body);
    if (!result) return hole(call, ctx);
    element = std::move(*result);
  } else {
    return hole(call, ctx);
  }
  element.text.mark_collection();
  Value sequence{Value::Kind::Sequence, {}, {}, {}, {}, false};
  sequence.items.push_back({std::move(element), true});
  return sequence;
}

Value Evaluator::classpath_resource(ts::Node at, const Value& path) const {
  if (!path.text.is_literal()) return Value::file(Value::Kind::Path, path.text);
  std::string relative = path.text.literal_text();
  if (relative.starts_with("classpath:")) relative = relative.substr(10);
  while (relative.starts_with('/')) relative = relative.substr(1);
  // src/main/resources (or src/test/resources) of the module holding the
  // file, or a resources folder beside the sources; only inside the project.
  auto found = [&](const fs::path& candidate) {
    return classes_ != nullptr && classes_->project_files().is_file(candidate);
  };
  std::error_code ec;
  auto beside = fs::absolute(path_, ec).parent_path() / relative;
  if (found(beside))
    return Value::file(Value::Kind::Path, ir::KeyExpr::literal(beside.string(), span(at), false));
  for (auto folder = fs::absolute(path_, ec).parent_path();
       classes_ != nullptr && classes_->project_files().root_of(folder);
       folder = folder.parent_path()) {
    for (const char* resources : {"src/main/resources", "src/test/resources", "resources"}) {
      auto candidate = folder / resources / relative;
      if (found(candidate))
        return Value::file(Value::Kind::Path,
                           ir::KeyExpr::literal(candidate.string(), span(at), false));
    }
    if (folder == folder.parent_path()) break;
  }
  return Value::file(Value::Kind::Path,
                     ir::KeyExpr::literal("src/main/resources/" + relative, span(at), false));
}

Value Evaluator::eval_creation(ts::Node creation, const Context& ctx) const {
  auto type = simple_type(creation.field("type").text());
  auto args = arguments_of(creation);
  Context inner = ctx;
  ++inner.depth;
  if (type == "String" && args.size() >= 1) {
    Value value = eval(args[0], inner);  // new String(bytes, UTF_8)
    if (value.kind == Value::Kind::Path) value.kind = Value::Kind::FileContents;
    return value;
  }
  if ((type == "StringBuilder" || type == "StringBuffer")) {
    if (args.empty()) return Value::string(ir::KeyExpr::literal("", span(creation), false));
    Value initial = eval(args[0], inner);
    if (initial.kind == Value::Kind::Number)
      return Value::string(ir::KeyExpr::literal("", span(creation), false));
    return Value::string(frontend::to_text(initial, span(creation)));
  }
  if (type == "ClassPathResource" && !args.empty())
    return classpath_resource(creation, eval(args[0], inner));
  if ((type == "ResourceScriptSource" || type == "InputStreamReader" || type == "BufferedReader" ||
       type == "FileSystemResource" || type == "File" || type == "FileInputStream") &&
      !args.empty()) {
    return eval(args[0], inner);
  }
  if (type.ends_with("List") || type.ends_with("Set") || type.ends_with("Deque") ||
      type.ends_with("Queue") || type.ends_with("Map")) {
    if (args.empty() || eval(args[0], inner).kind == Value::Kind::Number) {
      return type.ends_with("Map") ? Value{Value::Kind::Mapping, {}, {}, {}, {}, false}
                                   : Value{Value::Kind::Sequence, {}, {}, {}, {}, false};
    }
    return eval(args[0], inner);  // new ArrayList<>(other)
  }
  return hole(creation, ctx);
}

Value Evaluator::eval_call(ts::Node call, const Context& ctx) const {
  auto object = unwrap(call.field("object"));
  auto name = call.field("name").text();
  auto args = arguments_of(call);
  std::string callee =
      object.is_null() ? std::string(name) : std::string(object.text()) + "." + std::string(name);
  Context inner = ctx;
  ++inner.depth;
  if (callee == "String.format" && !args.empty()) {
    // String.format(Locale.ROOT, "...", ...)
    bool locale = args.size() >= 2 && args[0].type() != "string_literal" &&
                  args[0].text().find("Locale") != std::string_view::npos;
    auto pattern = locale ? args[1] : args[0];
    return format(call, pattern, std::vector<ts::Node>(args.begin() + (locale ? 2 : 1), args.end()),
                  ctx);
  }
  if ((name == "formatted") && !object.is_null()) return format(call, object, args, ctx);
  if (callee == "String.join" && args.size() >= 2) return join(call, args, ctx);
  if (one_of(kSequenceFactories, callee)) {
    Value result{Value::Kind::Sequence, {}, {}, {}, {}, false};
    if (args.size() == 1) {
      Value only = eval(args[0], inner);
      if (only.kind == Value::Kind::Sequence && callee != "Collections.singletonList" &&
          callee != "Collections.singleton") {
        return only;  // Arrays.asList(array)
      }
      result.items.push_back({std::move(only), false});
      return result;
    }
    for (auto arg : args) result.items.push_back({eval(arg, inner), false});
    return result;
  }
  if (callee == "Collections.emptyList" || callee == "Collections.emptySet")
    return Value{Value::Kind::Sequence, {}, {}, {}, {}, false};
  if (callee == "Collections.emptyMap") return Value{Value::Kind::Mapping, {}, {}, {}, {}, false};
  if (name == "getName" && args.empty() && object.type() == "identifier") {
    // RQueue<String> q = redisson.getQueue("{q}a"); q.getName(): the name given.
    if (auto resolved = resolve(object.text(), *ctx.scope, object.begin());
        resolved && resolved->assignments.empty() && !resolved->declaration->value.is_null()) {
      auto made = unwrap(resolved->declaration->value);
      auto made_args = arguments_of(made);
      if (made.type() == "method_invocation" && made.field("name").text().starts_with("get") &&
          !made_args.empty()) {
        return eval(
            made_args.front(),
            Context{
                resolved->declaration->scope, resolved->declaration->position, {}, ctx.depth + 1});
      }
    }
  }
  if (one_of(kMapFactories, callee)) {
    Value result{Value::Kind::Mapping, {}, {}, {}, {}, false};
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
      result.keys.push_back(eval(args[i], inner));
      result.values.push_back(eval(args[i + 1], inner));
    }
    return result;
  }
  if (callee == "Arrays.stream" && !args.empty()) return eval(args[0], inner);
  // Lettuce's XReadArgs.StreamOffset.from(key, id) / latest(key): the stream's key.
  if (object.text().ends_with("StreamOffset") && !args.empty()) return eval(args[0], inner);
  if ((name == "map" || name == "mapToObj") && args.size() == 1 && !object.is_null())
    return mapped(call, args[0], ctx);
  if ((name == "keySet" || name == "values") && !object.is_null()) {
    Value mapping = eval(object, inner);
    if (mapping.kind != Value::Kind::Mapping || mapping.mapping_has_unknown_part)
      return hole(call, ctx);
    Value result{Value::Kind::Sequence, {}, {}, {}, {}, false};
    for (auto& item : name == "keySet" ? mapping.keys : mapping.values)
      result.items.push_back({std::move(item), false});
    return result;
  }
  if (one_of(kPassThrough, name) && !object.is_null()) {
    Value value = eval(object, inner);
    if (value.kind == Value::Kind::Sequence || value.kind == Value::Kind::Mapping) return value;
    return hole(call, ctx);
  }
  // Classpath and file reads of a script.
  if ((name == "getResourceAsStream" || name == "getResource" || name == "getResources") &&
      !args.empty()) {
    return classpath_resource(call, eval(args[0], inner));
  }
  if ((callee == "Paths.get" || callee == "Path.of") && !args.empty()) {
    ir::KeyExpr path;
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i > 0) path.append(ir::KeyExpr::literal("/", span(call), false));
      path.append(eval(args[i], inner).text);
    }
    return Value::file(Value::Kind::Path, std::move(path));
  }
  if (one_of(kReadsAll, name)) {
    // Files.readString(p), IOUtils.toString(in, UTF_8), in.readAllBytes(),
    // StreamUtils.copyToString(resource.getInputStream(), UTF_8)
    ts::Node source = !args.empty() && name != "getInputStream" && name != "openStream" &&
                              (object.is_null() || starts_with_upper(object.text()))
                          ? args[0]
                          : object;
    if (!source.is_null()) {
      Value value = eval(source, inner);
      if (value.kind == Value::Kind::Path || value.kind == Value::Kind::FileContents) {
        value.kind = Value::Kind::FileContents;
        return value;
      }
    }
  }
  if (name == "concat" && args.size() == 1 && !object.is_null()) {
    Value left = eval(object, inner);
    ir::KeyExpr text = frontend::to_text(left, span(call));
    text.append(frontend::to_text(eval(args[0], inner), span(call)));
    text.set_span(span(call));
    return Value::string(std::move(text));
  }
  if (name == "append" && args.size() == 1 && !object.is_null()) {
    // new StringBuilder("a").append(b).append(c)
    Value left = eval(object, inner);
    if (left.kind != Value::Kind::String) return hole(call, ctx);
    ir::KeyExpr text = left.text;
    text.append(frontend::to_text(eval(args[0], inner), span(call)));
    return Value::string(std::move(text));
  }
  if (one_of(kSameText, name)) {
    // String.valueOf(x), Long.toString(x), SafeEncoder.encode(x),
    // serializer.serialize(x), key.getBytes(UTF_8), sb.toString()
    bool static_form =
        !object.is_null() && !args.empty() &&
        (starts_with_upper(object.text()) || name == "serialize" || name == "encode");
    ts::Node source = static_form ? args[0] : object;
    if (!source.is_null() && !(static_form && args.size() > 2)) {
      Value value = eval(source, inner);
      if (value.is_text()) return Value::string(value.text);
      if (value.kind == Value::Kind::Opaque) return value;
    }
    return hole(call, ctx);
  }
  if ((name == "toLowerCase" || name == "toUpperCase" || name == "trim" || name == "strip") &&
      !object.is_null()) {
    Value value = eval(object, inner);
    if (!value.text.is_literal()) return hole(call, ctx);
    std::string text = value.text.literal_text();
    if (name == "toLowerCase" || name == "toUpperCase") {
      std::ranges::transform(text, text.begin(), [&](unsigned char c) {
        return static_cast<char>(name == "toLowerCase" ? std::tolower(c) : std::toupper(c));
      });
    } else {
      auto first = text.find_first_not_of(" \t\r\n");
      auto last = text.find_last_not_of(" \t\r\n");
      text = first == std::string::npos ? "" : text.substr(first, last - first + 1);
    }
    return Value::string(ir::KeyExpr::literal(text, span(call), false));
  }
  // A helper method: key(id), this.key(id), Keys.user(id).
  std::optional<ClassRef> cls;
  if (object.is_null() || object.type() == "this") {
    for (const Scope* s = ctx.scope->enclosing_class(); s != nullptr && !cls;
         s = s->parent != nullptr ? s->parent->enclosing_class() : nullptr) {
      if (s->methods.contains(name)) cls = ClassRef{nullptr, s};
    }
  } else if (object.type() == "identifier" &&
             !resolve(object.text(), *ctx.scope, object.begin()).has_value()) {
    cls = class_of_expression(object);
  }
  if (cls) {
    std::vector<Value> values;
    for (auto arg : args) values.push_back(eval(arg, inner));
    if (auto value = call_helper(*cls, name, values, call, ctx)) return *value;
  }
  return hole(call, ctx);
}

}  // namespace slotlint::java
