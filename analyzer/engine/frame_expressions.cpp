// The interpreter's expressions: names, attributes, indexing, templates,
// operators and comprehensions.
#include "analyzer/engine/frame.h"

#include <algorithm>
#include <utility>

namespace slotlint::engine {

using namespace frame_detail;

// ---- expressions ------------------------------------------------------------

Value Frame::lookup(const std::string& name) {
  if (auto found = env_.find(name); found != env_.end()) return found->second;
  if (invocation_.closure) {
    if (auto found = invocation_.closure->find(name); found != invocation_.closure->end()) {
      return found->second;
    }
  }
  if (auto found =
          engine_.resolve_name(invocation_.module, name, invocation_.level - 1, !module_body_)) {
    return *found;
  }
  if (!receiver_name_.empty()) {
    Value self = env_[receiver_name_];
    if (self.is(ValueKind::Instance) && self.as_instance().fields.contains(name)) {
      return self.as_instance().fields.at(name);
    }
  }
  // An entry point nested in a function reads its enclosing function's
  // locals without their values: one unknown value per enclosing call.
  if (!invocation_.closure && binds_in_enclosing(name)) {
    return Value::unknown("`" + name + "` of the enclosing function",
                          symbol("closure", il::kNone) + name, name);
  }
  return Value::external(name);
}

bool Frame::binds_in_enclosing(const std::string& name) const {
  const auto* function = &module_.functions[invocation_.function];
  for (std::size_t depth = 0; depth < 8 && function->enclosing != il::kNone; ++depth) {
    const auto& outer = module_.functions[function->enclosing];
    if (outer.kind == il::Function::Kind::ModuleBody) return false;
    for (const auto& param : outer.params) {
      if (param.name == name) return true;
    }
    for (auto id : outer.body) {
      const auto* assign = std::get_if<il::Assign>(&module_.stmts[id].kind);
      if (assign == nullptr) continue;
      for (auto target : assign->targets) {
        const auto* bound = std::get_if<il::NamePattern>(&module_.patterns[target].kind);
        if (bound != nullptr && bound->name == name) return true;
      }
    }
    function = &outer;
  }
  return false;
}

// The value of a name or attribute chain without evaluating anything.
std::optional<Value> Frame::peek(il::ExprId id) {
  const auto& kind = module_.exprs[id].kind;
  if (const auto* name = std::get_if<il::Name>(&kind)) {
    if (auto found = env_.find(name->name); found != env_.end()) return found->second;
    return std::nullopt;
  }
  if (const auto* attr = std::get_if<il::Attribute>(&kind)) {
    auto object = peek(attr->object);
    if (!object || !object->is(ValueKind::Instance)) return std::nullopt;
    const auto& fields = object->as_instance().fields;
    if (auto found = fields.find(attr->name); found != fields.end()) return found->second;
    return std::nullopt;
  }
  return std::nullopt;
}

// After a mutation: the name (or the field of an object held by a name) that
// `target` reads now holds `value`.
void Frame::rebind(il::ExprId target, const Value& value) {
  const auto& kind = module_.exprs[target].kind;
  if (const auto* name = std::get_if<il::Name>(&kind)) {
    if (env_.contains(name->name)) env_[name->name] = value;
  } else if (const auto* attr = std::get_if<il::Attribute>(&kind)) {
    auto object = peek(attr->object);
    if (!object || !object->is(ValueKind::Instance)) return;
    InstanceData data = object->as_instance();
    data.fields[attr->name] = value;
    rebind(attr->object, Value::instance(std::move(data)));
  }
}

namespace {

// Builtins read as attributes (`xs.length`, `p.parent`, `p.stem`); a file's
// name only of a path or string (`job.name` is the job's own field).
bool reads_as_attribute(BuiltinOp op, const Value& object) {
  switch (op) {
    case BuiltinOp::Length:
    case BuiltinOp::PathParent:
      return true;
    case BuiltinOp::FileStem:
    case BuiltinOp::Basename:
      return object.is(ValueKind::Path) || object.is(ValueKind::String);
    default:
      return false;
  }
}

// A string built here (a template, a concatenation) sits where it is
// written: its findings' related locations point at the expression (a value
// that flows on keeps the place it was made).
Value placed_at(const Value& value, const ir::SourceSpan& span) {
  if (value.is(ValueKind::Alternatives)) {
    std::vector<Value> members;
    for (const auto& member : value.members()) members.push_back(placed_at(member, span));
    return Value::alternatives(std::move(members));
  }
  if (!value.is(ValueKind::String)) return value;
  auto key = value.as_string().key;
  key.set_span(span);
  return Value::string(std::move(key));
}

}  // namespace

Value Frame::eval(il::ExprId id) {
  if (id == il::kNone) return Value::unknown("no expression");
  if (!step()) return Value::unknown(exhausted_);
  const auto& expr = module_.exprs[id];
  Unnest unnest{nesting_};
  if (!nest(expr.span)) {
    return Value::unknown("nested deeper than " + std::to_string(engine_.budgets.nesting) +
                          " levels");
  }
  const auto& kind = expr.kind;
  if (const auto* e = std::get_if<il::StringLiteral>(&kind)) {
    return Value::string(ir::KeyExpr::literal(e->text, expr.span, e->maps_to_source, e->escaping));
  }
  if (const auto* e = std::get_if<il::NumberLiteral>(&kind)) {
    return e->value ? Value::number(*e->value) : Value::number_text(e->text);
  }
  if (const auto* e = std::get_if<il::Constant>(&kind)) {
    if (e->kind == il::Constant::Kind::Null) return Value::null();
    return Value::boolean(e->kind == il::Constant::Kind::True);
  }
  if (const auto* e = std::get_if<il::Name>(&kind)) return lookup(e->name);
  if (const auto* e = std::get_if<il::Attribute>(&kind)) {
    return attribute(eval(e->object), e->name, id);
  }
  if (const auto* e = std::get_if<il::Index>(&kind)) {
    Value object = eval(e->object);
    return index(object, eval(e->index));
  }
  if (const auto* e = std::get_if<il::Call>(&kind)) return call(*e, id);
  if (const auto* e = std::get_if<il::Template>(&kind)) {
    return placed_at(template_value(*e), expr.span);
  }
  if (const auto* e = std::get_if<il::Binary>(&kind)) return placed_at(binary(*e), expr.span);
  if (const auto* e = std::get_if<il::Test>(&kind)) {
    eval(e->subject);
    return Value::boolean(std::nullopt);
  }
  if (const auto* e = std::get_if<il::SequenceLiteral>(&kind)) {
    std::vector<Value> items;
    std::optional<Value> unknown_part;
    for (std::size_t i = 0; i < e->items.size(); ++i) {
      Value item = eval(e->items[i]);
      bool spread = i < e->spread.size() && e->spread[i];
      if (!spread) {
        items.push_back(item);
      } else if (item.is(ValueKind::Sequence)) {
        for (const auto& inner : item.as_sequence().items) items.push_back(inner);
      } else {
        Value element = element_of(item, symbol("spread", e->items[i]), "item");
        unknown_part = unknown_part ? join(*unknown_part, element, limits_) : element;
      }
    }
    if (!unknown_part) return Value::sequence(std::move(items), e->kind);
    Value element = *unknown_part;
    for (const auto& item : items) element = join(element, item, limits_);
    return Value::collection(element, "a spread of a collection");
  }
  if (const auto* e = std::get_if<il::MapLiteral>(&kind)) {
    std::vector<std::pair<Value, Value>> entries;
    for (auto spread : e->spreads) {
      Value other = eval(spread);
      if (other.is(ValueKind::Map)) {
        for (const auto& entry : other.as_map().entries) entries.push_back(entry);
      }
    }
    for (const auto& [k, v] : e->entries) {
      Value key = eval(k);
      put_entry(entries, key, eval(v));
    }
    return Value::map(std::move(entries));
  }
  if (const auto* e = std::get_if<il::Comprehension>(&kind)) return comprehension(*e, id);
  if (const auto* e = std::get_if<il::Lambda>(&kind)) return function_value(e->function);
  if (const auto* e = std::get_if<il::Cast>(&kind)) {
    // `x as Redis`: a value nothing is known of is what its declared type says.
    Value value = eval(e->value);
    if (e->type.empty() || !(value.is(ValueKind::Unknown) || value.is(ValueKind::Null)))
      return value;
    auto cast_symbol = symbol("cast", id);
    if (auto typed = engine_.host.declared(e->type, module_.language, cast_symbol)) return *typed;
    if (auto typed = engine_.declared_through_imports(invocation_.module, e->type, cast_symbol))
      return *typed;
    return value;
  }
  if (const auto* e = std::get_if<il::AssignExpression>(&kind)) {
    Value value = eval(e->value);
    bind(e->target, value);
    return value;
  }
  if (const auto* e = std::get_if<il::Conditional>(&kind)) {
    eval(e->condition);
    Value then = eval(e->then);
    return join(then, eval(e->otherwise), limits_);
  }
  if (const auto* e = std::get_if<il::Opaque>(&kind)) {
    for (auto child : e->children) eval(child);
    return Value::unknown(e->reason);
  }
  return Value::unknown("an expression the engine does not know");
}

Value Frame::attribute(const Value& object, const std::string& name, il::ExprId at) {
  switch (object.kind()) {
    case ValueKind::Alternatives: {
      std::optional<Value> out;
      for (const auto& member : object.as_alternatives().members) {
        Value each = attribute(member, name, at);
        out = out ? join(*out, each, limits_) : each;
      }
      return *out;
    }
    case ValueKind::Instance:
      return instance_attribute(object, name, at);
    case ValueKind::ClassRef: {
      const auto& data = object.as_class_ref();
      auto method = engine_.find_method(
          data.module, data.cls, [&](const il::Function& f) { return f.name == name; },
          invocation_.level - 1);
      if (method) {
        // A class method gets its class as the receiver (`cls`).
        bool class_method = engine_.program.module(method->first).functions[method->second].kind ==
                            il::Function::Kind::ClassMethod;
        return Value::function({method->first, method->second, nullptr,
                                class_method ? std::vector{object} : std::vector<Value>{}});
      }
      return class_field(data.module, data.cls, name, true);
    }
    case ValueKind::Module:
      return engine_.import_lookup(object.as_module().module, name, invocation_.level - 1);
    case ValueKind::External:
      return Value::external(object.as_external().qualified_name + "." + name);
    case ValueKind::Map: {
      Value key = string_literal(name);
      for (const auto& [k, v] : object.as_map().entries) {
        if (literal_equal(k, key)) return v;
      }
      break;
    }
    case ValueKind::Unknown: {
      const auto& unknown = object.as_unknown();
      if (unknown.symbol.empty()) break;
      // The same field of the same value is the same value.
      return Value::unknown(
          "`" + name + "` of " + (unknown.display.empty() ? unknown.symbol : unknown.display),
          unknown.symbol + "." + name, unknown.display + "." + name);
    }
    default:
      break;
  }
  if (const auto* row = engine_.builtins.find(module_.language, name, true);
      row != nullptr && reads_as_attribute(row->op, object)) {
    CallSite site{invocation_.module, module_.path, at, {}, {}};
    if (at != il::kNone) site.span = site.callee = module_.exprs[at].span;
    return apply_builtin(row->op, object, {}, engine_.host, limits_, site).value;
  }
  return Value::bound_method(object, name);
}

Value Frame::class_field(ModuleId module, il::ClassId id, const std::string& name, bool is_static) {
  const auto& cls = engine_.program.module(module).classes[id];
  std::optional<Value> declared;
  for (const auto& field : cls.fields) {
    // From the class only its static fields; from an instance any field (a
    // Python class attribute, a Java static read through an instance).
    if (field.name != name || (is_static && !field.is_static)) continue;
    if (field.initializer == il::kNone) break;
    declared = module != invocation_.module
                   ? Value::unknown("the field `" + name + "` is initialised in another module")
                   : eval(field.initializer);
    break;
  }
  const auto& written = engine_.class_writes(module, id);
  if (auto found = written.find(name); found != written.end())
    return declared ? join(*declared, found->second, limits_) : found->second;
  if (declared) return *declared;
  return Value::unknown("`" + cls.name + "` has no attribute `" + name + "` the engine can see");
}

Value Frame::instance_attribute(const Value& object, const std::string& name, il::ExprId at) {
  const auto& data = object.as_instance();
  if (const auto* row = engine_.builtins.find(module_.language, name, true);
      row != nullptr && row->op == BuiltinOp::ClassOf) {
    return Value::class_ref(data.module, data.cls);
  }
  if (auto found = data.fields.find(name); found != data.fields.end()) {
    // A field holding a value nothing is known of (a constructor's
    // parameter), named like a client (`self.redis = client`): such a client.
    if (found->second.is(ValueKind::Unknown)) {
      if (auto client = engine_.host.named(name, module_.language, data.id + "." + name))
        return *client;
    }
    return found->second;
  }
  auto method = engine_.find_method(
      data.module, data.cls, [&](const il::Function& f) { return f.name == name; },
      invocation_.level - 1);
  if (method) {
    const auto& f = engine_.program.module(method->first).functions[method->second];
    Value receiver = f.kind == il::Function::Kind::ClassMethod
                         ? Value::class_ref(data.module, data.cls)
                         : object;
    Value bound = Value::function({method->first, method->second, nullptr, {receiver}});
    bool getter = f.kind == il::Function::Kind::Getter ||
                  std::ranges::find(f.decorators, "property") != f.decorators.end();
    if (getter && at != il::kNone) return invoke(bound, {}, site_of(at)).value;
    return bound;
  }
  // A class attribute: the class's own, or a base class's in the program.
  ModuleId module = data.module;
  il::ClassId cls = data.cls;
  for (std::size_t depth = 0; depth < engine_.budgets.call_depth; ++depth) {
    const auto& c = engine_.program.module(module).classes[cls];
    bool declared =
        std::ranges::any_of(c.fields, [&](const il::Field& f) { return f.name == name; });
    if (declared) {
      Value field = class_field(module, cls, name, false);
      // A field declared without a value (`value: str`) is one value per
      // instance.
      if (field.is(ValueKind::Unknown) && field.as_unknown().symbol.empty())
        return Value::unknown(field.as_unknown().reason, data.id + "." + name, "self." + name);
      return field;
    }
    std::optional<Value> base;
    for (auto expr : c.bases) {
      auto found = engine_.base_value(module, expr, invocation_.level - 1);
      if (found && found->is(ValueKind::ClassRef)) {
        base = found;
        break;
      }
    }
    if (!base) break;
    module = base->as_class_ref().module;
    cls = base->as_class_ref().cls;
  }
  return class_field(data.module, data.cls, name, false);
}

Value Frame::index(const Value& object, const Value& key) {
  switch (object.kind()) {
    case ValueKind::Sequence: {
      const auto& items = object.as_sequence().items;
      if (key.is(ValueKind::Number) && key.as_number().value) {
        auto i = *key.as_number().value;
        if (i < 0) i += static_cast<std::int64_t>(items.size());
        if (i >= 0 && static_cast<std::size_t>(i) < items.size())
          return items[static_cast<std::size_t>(i)];
        return Value::unknown("an index past the end");
      }
      return element_of(object, {}, {});
    }
    case ValueKind::Collection:
      return object.as_collection().element.front();
    case ValueKind::Map: {
      return map_entry(object, key, limits_);
    }
    case ValueKind::Alternatives: {
      std::optional<Value> out;
      for (const auto& member : object.as_alternatives().members) {
        Value each = index(member, key);
        out = out ? join(*out, each, limits_) : each;
      }
      return *out;
    }
    case ValueKind::Unknown: {
      const auto& unknown = object.as_unknown();
      if (unknown.symbol.empty() || !literal_key(key)) break;
      auto text = key_of(key, {}, limits_).literal_text();
      return Value::unknown("an entry of " + unknown.display, unknown.symbol + "[" + text + "]",
                            unknown.display + "[" + text + "]");
    }
    default:
      break;
  }
  return Value::unknown("an entry of " + object.describe());
}

Value Frame::template_value(const il::Template& text) {
  Value out = string_literal("");
  for (std::size_t i = 0; i < text.parts.size(); ++i) {
    const auto& part = text.parts[i];
    Value piece;
    if (part.value == il::kNone) {
      piece = Value::string(
          ir::KeyExpr::literal(part.literal, part.span, part.maps_to_source, text.escaping));
    } else {
      Value value = eval(part.value);
      bool plain_spec =
          part.format_spec.empty() || part.format_spec == "s" || part.format_spec == "d";
      std::optional<ir::KeyExpr> written;
      if (!plain_spec && (value.is(ValueKind::String) || value.is(ValueKind::Number))) {
        written = engine_.host.formatted(key_of(value, part.span, limits_), part.format_spec,
                                         text.escaping == ir::BraceEscaping::Doubled, part.span);
      }
      if (written) {
        value = Value::string(std::move(*written));
      } else if (!plain_spec || (part.format_spec == "d" && !value.is(ValueKind::Number))) {
        // Shown as the value and its spec (`uid:>8`): a different value
        // from the bare `uid` when they meet in one finding.
        std::string shown = value.is(ValueKind::Unknown) ? value.as_unknown().display : "";
        value = Value::unknown("a field formatted with `" + part.format_spec + "`",
                               symbol("format", part.value),
                               shown.empty() ? part.format_spec : shown + ":" + part.format_spec);
      }
      std::vector<Value> members;
      for (const auto& member : value.members()) {
        auto key = key_of(member, part.span, limits_);
        // A field that is one hole: it sits where the field is written.
        if (key.segments().size() == 1 &&
            std::holds_alternative<ir::HoleSegment>(key.segments()[0]) && !key.is_collection()) {
          auto hole = std::get<ir::HoleSegment>(key.segments()[0]);
          hole.span = part.span;
          hole.in_string_literal = text.fields_in_literal;
          hole.escaping = text.escaping;
          ir::KeyExpr placed;
          placed.append(ir::Segment(hole));
          placed.set_span(part.span);
          members.push_back(Value::string(std::move(placed)));
        } else {
          members.push_back(member);
        }
      }
      piece = Value::alternatives(std::move(members));
    }
    out = concat(out, piece, limits_);
  }
  return out;
}

Value Frame::add(const Value& left, const Value& right) {
  if (left.is(ValueKind::Alternatives) || right.is(ValueKind::Alternatives)) {
    std::vector<Value> results;
    for (const auto& l : left.members()) {
      for (const auto& r : right.members()) results.push_back(add(l, r));
    }
    Value all = Value::alternatives(results);
    if (all.members().size() <= limits_.alternatives) return all;
    return widen(all.members(), "one of " + std::to_string(all.members().size()) + " values",
                 limits_);
  }
  auto is = [](const Value& v, ValueKind k) { return v.is(k); };
  if (is(left, ValueKind::Number) && is(right, ValueKind::Number)) {
    const auto& a = left.as_number();
    const auto& b = right.as_number();
    if (a.value && b.value) return Value::number(*a.value + *b.value);
    return Value::unknown_number({}, "a sum");
  }
  auto seqish = [&](const Value& v) {
    return is(v, ValueKind::Sequence) || is(v, ValueKind::Collection);
  };
  if (seqish(left) && seqish(right)) {
    if (is(left, ValueKind::Sequence) && is(right, ValueKind::Sequence)) {
      auto items = left.as_sequence().items;
      for (const auto& item : right.as_sequence().items) items.push_back(item);
      return Value::sequence(std::move(items), left.as_sequence().kind);
    }
    return widen({left, right}, "a concatenation with a collection", limits_);
  }
  auto textual = [&](const Value& v) { return is(v, ValueKind::String) || is(v, ValueKind::Path); };
  if (textual(left) || textual(right)) return concat(left, right, limits_);
  // Two unknowns: the first that says why on its own.
  if (is(left, ValueKind::Unknown) && is(right, ValueKind::Unknown)) {
    if (left.as_unknown().symbol.empty()) return left;
    if (right.as_unknown().symbol.empty()) return right;
  }
  if (is(left, ValueKind::Unknown) && is(right, ValueKind::Number))
    return Value::unknown_number({}, "a sum");
  return Value::unknown("`+` of " + left.describe() + " and " + right.describe());
}

Value Frame::binary(const il::Binary& op) {
  Value left = eval(op.left);
  Value right = eval(op.right);
  switch (op.op) {
    case il::Binary::Op::Add:
      return add(left, right);
    case il::Binary::Op::Or:
      if (is_null(left) || (left.is(ValueKind::Bool) && left.as_bool().value == false))
        return right;
      return join(without(left, is_null), right, limits_);
    case il::Binary::Op::And:
      return right;
    case il::Binary::Op::Equal:
    case il::Binary::Op::NotEqual:
      return Value::boolean(std::nullopt);
    case il::Binary::Op::Subtract:
    case il::Binary::Op::Multiply:
      if (left.is(ValueKind::Number) && right.is(ValueKind::Number) && left.as_number().value &&
          right.as_number().value) {
        auto a = *left.as_number().value;
        auto b = *right.as_number().value;
        return Value::number(op.op == il::Binary::Op::Subtract ? a - b : a * b);
      }
      return Value::unknown_number({}, "a product or difference");
    case il::Binary::Op::Divide:
      if (left.is(ValueKind::Path)) {
        CallSite site{invocation_.module, module_.path, il::kNone, {}, {}};
        return apply_builtin(BuiltinOp::PathJoin, std::nullopt,
                             {{il::Argument::Kind::Positional, {}, left, {}, {}},
                              {il::Argument::Kind::Positional, {}, right, {}, {}}},
                             engine_.host, limits_, site)
            .value;
      }
      return Value::unknown_number({}, "a quotient");
    case il::Binary::Op::Modulo:
      return Value::unknown("`%` whose format the lowering could not decode");
    case il::Binary::Op::Other:
      break;
  }
  return Value::unknown("an operator the engine does not evaluate");
}

Value Frame::comprehension(const il::Comprehension& comp, il::ExprId id) {
  const Env saved = env_;
  // One clause over known items: the items one by one.
  if (comp.clauses.size() == 1 && comp.clauses[0].conditions.empty() &&
      comp.kind != il::Comprehension::Kind::Map) {
    Value iterable = eval(comp.clauses[0].iterable);
    if (iterable.is(ValueKind::Sequence) && iterable.as_sequence().items.size() <= 64) {
      std::vector<Value> items;
      for (const auto& item : iterable.as_sequence().items) {
        bind(comp.clauses[0].target, item);
        items.push_back(eval(comp.element));
      }
      env_ = saved;
      return Value::sequence(std::move(items));
    }
    env_ = saved;
  }
  for (const auto& clause : comp.clauses) {
    Value iterable = eval(clause.iterable);
    std::string display = "element";
    if (clause.target != il::kNone) {
      if (const auto* name = std::get_if<il::NamePattern>(&module_.patterns[clause.target].kind)) {
        display = name->name;
      }
    }
    bind(clause.target, element_of(iterable, symbol("element", clause.target), display));
    for (auto condition : clause.conditions) eval(condition);
  }
  Value element = eval(comp.element);
  Value result;
  if (comp.kind == il::Comprehension::Kind::Map) {
    Value key = eval(comp.key);
    result = Value::map({{Value::collection(key, "a comprehension"), element}});
  } else {
    result = Value::collection(element, "a comprehension");
  }
  (void)id;
  env_ = saved;
  return result;
}

}  // namespace slotlint::engine
