#include "analyzer/engine/frame.h"

#include <algorithm>
#include <utility>

namespace slotlint::engine {

namespace {

Env join_env(const Env& a, const Env& b, const Limits& limits) {
  Env out = a;
  for (const auto& [name, value] : b) {
    auto found = out.find(name);
    if (found == out.end()) {
      out.emplace(name, value);
    } else {
      found->second = join(found->second, value, limits);
    }
  }
  return out;
}

bool same_env(const Env& a, const Env& b) {
  return a.size() == b.size() && std::ranges::equal(a, b, [](const auto& x, const auto& y) {
           return x.first == y.first && x.second == y.second;
         });
}

// Values a name took in the loop, folded into one that covers every iteration.
Env widen_env(const Env& entry, const Env& current, const Limits& limits) {
  Env out = current;
  for (auto& [name, value] : out) {
    auto before = entry.find(name);
    if (before != entry.end() && before->second == value) continue;
    std::vector<Value> members = value.members();
    if (before != entry.end()) members.push_back(before->second);
    out[name] = widen(Value::alternatives(members).members(),
                      "`" + name + "` changes on each iteration of a loop", limits);
  }
  return out;
}

// Names a value it is bound to, so that templates can tell it from others.
Value named(const Value& value, const std::string& symbol, const std::string& display) {
  if (value.is(ValueKind::Unknown) && value.as_unknown().symbol.empty()) {
    return Value::unknown(value.as_unknown().reason, symbol, display);
  }
  if (value.is(ValueKind::Number) && !value.as_number().value && value.as_number().text.empty() &&
      value.as_number().symbol.empty()) {
    return Value::unknown_number(symbol, display);
  }
  return value;
}

Value without(const Value& value, auto drop) {
  std::vector<Value> kept;
  for (const auto& member : value.members()) {
    if (!drop(member)) kept.push_back(member);
  }
  if (kept.empty()) return value;
  return Value::alternatives(std::move(kept));
}

bool is_null(const Value& v) { return v.is(ValueKind::Null); }

// `entries` with `key` set to `value`: the entry of an equal literal key
// replaced, or a new entry at the end.
void put_entry(std::vector<std::pair<Value, Value>>& entries, const Value& key,
               const Value& value) {
  auto found =
      std::ranges::find_if(entries, [&](const auto& e) { return literal_equal(e.first, key); });
  if (found != entries.end()) {
    found->second = value;
  } else {
    entries.emplace_back(key, value);
  }
}

Value string_literal(std::string text) {
  ir::KeyExpr key;
  key.append(ir::KeyExpr::literal(std::move(text), {}, false));
  return Value::string(std::move(key));
}

}  // namespace

Frame::Frame(Engine::Impl& engine, const Invocation& invocation)
    : engine_(engine),
      invocation_(invocation),
      module_(engine.program.module(invocation.module)),
      function_(module_.functions.at(invocation.function)),
      limits_(engine.budgets.limits),
      module_body_(invocation.function == module_.body) {}

bool Frame::step() {
  if (!exhausted_.empty()) return false;
  if (++steps_ <= engine_.budgets.steps) return true;
  exhausted_ = "the step budget (" + std::to_string(engine_.budgets.steps) + ") ran out in `" +
               (function_.name.empty() ? module_.path : function_.name) + "`";
  note(function_.span, "unknown, because " + exhausted_);
  return false;
}

bool Frame::nest(ir::SourceSpan span) {
  if (++nesting_ <= engine_.budgets.nesting) return true;
  if (!nesting_noted_) {  // once per function: the first place says it
    nesting_noted_ = true;
    note(span, "unknown, because the code nests deeper than " +
                   std::to_string(engine_.budgets.nesting) + " levels");
  }
  return false;
}

namespace {
struct Unnest {
  std::size_t& depth;
  ~Unnest() { --depth; }
};
}  // namespace

void Frame::note(ir::SourceSpan span, std::string message) {
  Note n{module_.path, function_.name, span, std::move(message)};
  bool seen = std::ranges::any_of(notes_, [&](const Note& other) {
    return other.span == n.span && other.message == n.message;
  });
  if (!seen) notes_.push_back(std::move(n));
}

std::string Frame::symbol(std::string_view what, std::uint32_t id) const {
  return std::string(what) + ":" + module_.path + ":" + std::to_string(invocation_.function) + ":" +
         std::to_string(id);
}

CallSite Frame::site_of(il::ExprId call) const {
  CallSite site{invocation_.module, module_.path, call, module_.exprs[call].span, {}};
  site.callee = site.span;
  if (const auto* c = std::get_if<il::Call>(&module_.exprs[call].kind)) {
    if (c->callee == il::kNone) {
      // keep the call's span
    } else if (const auto* a = std::get_if<il::Attribute>(&module_.exprs[c->callee].kind)) {
      site.callee = a->name_span;
    } else {
      site.callee = module_.exprs[c->callee].span;
    }
  }
  return site;
}

Value Frame::function_value(il::FunctionId id) {
  std::shared_ptr<const Env> closure;
  if (!module_body_) {
    Env captured = invocation_.closure ? *invocation_.closure : Env{};
    for (const auto& [name, value] : env_) captured[name] = value;
    closure = std::make_shared<const Env>(std::move(captured));
  }
  return Value::function({invocation_.module, id, std::move(closure), {}});
}

Summary Frame::run() {
  if (module_body_) env_ = engine_.globals(invocation_.module, -1);
  if (invocation_.callee && !function_.name.empty()) env_[function_.name] = *invocation_.callee;
  if (invocation_.self) {
    receiver_name_ = function_.receiver.empty() ? "this" : function_.receiver;
    env_[receiver_name_] = *invocation_.self;
  }
  // A constructor starts by initialising the fields its class declares.
  if (function_.kind == il::Function::Kind::Constructor && invocation_.self &&
      invocation_.self->is(ValueKind::Instance) && function_.owner != il::kNone) {
    InstanceData data = invocation_.self->as_instance();
    for (const auto& field : module_.classes[function_.owner].fields) {
      if (field.is_static || field.initializer == il::kNone || data.fields.contains(field.name))
        continue;
      data.fields[field.name] = eval(field.initializer);
    }
    env_[receiver_name_] = Value::instance(std::move(data));
  }
  for (std::size_t i = 0; i < function_.params.size(); ++i) {
    const auto& param = function_.params[i];
    std::optional<Value> value =
        i < invocation_.params.size() ? invocation_.params[i] : std::nullopt;
    if (!value) {
      value = param.default_value != il::kNone
                  ? eval(param.default_value)
                  : Value::unknown("the parameter `" + param.name + "` was not passed");
    }
    if (param.pattern != il::kNone) {
      bind(param.pattern, *value);
    } else {
      env_[param.name] = *value;
    }
  }
  exec_block(function_.body);
  if (function_.expression_body != il::kNone && live_) {
    Value value = eval(function_.expression_body);
    returned_ = returned_ ? join(*returned_, value, limits_) : value;
  }
  if (live_ && !receiver_name_.empty()) {
    const Value& self = env_[receiver_name_];
    self_after_ = self_after_ ? join(*self_after_, self, limits_) : self;
  }

  Summary summary;
  if (!exhausted_.empty()) {
    summary.result = Value::unknown(exhausted_);
  } else if (function_.is_generator) {
    Value element = yields_.empty() ? Value::unknown("yields nothing") : yields_.front();
    for (std::size_t i = 1; i < yields_.size(); ++i) element = join(element, yields_[i], limits_);
    summary.result = Value::collection(element, "what a generator yields");
  } else {
    summary.result = returned_.value_or(Value::null());
  }
  summary.self_after = self_after_;
  summary.calls = std::move(calls_);
  summary.notes = std::move(notes_);
  if (module_body_) summary.final_env = std::move(env_);
  return summary;
}

// ---- statements -------------------------------------------------------------

void Frame::exec_block(const std::vector<il::StmtId>& block) {
  for (auto id : block) {
    if (!live_ || !exhausted_.empty()) return;
    exec(id);
  }
}

void Frame::exec(il::StmtId id) {
  if (!step()) return;
  const auto& stmt = module_.stmts[id];
  Unnest unnest{nesting_};
  if (!nest(stmt.span)) return;
  if (const auto* s = std::get_if<il::Assign>(&stmt.kind)) {
    Value value =
        s->value == il::kNone ? Value::unknown("declared without a value") : eval(s->value);
    for (auto target : s->targets) bind(target, value);
  } else if (const auto* s = std::get_if<il::AugmentedAssign>(&stmt.kind)) {
    const auto& pattern = module_.patterns[s->target];
    Value current;
    if (const auto* name = std::get_if<il::NamePattern>(&pattern.kind)) {
      current = lookup(name->name);
    } else if (const auto* attr = std::get_if<il::AttributePattern>(&pattern.kind)) {
      current = attribute(eval(attr->object), attr->name, attr->object);
    } else if (const auto* idx = std::get_if<il::IndexPattern>(&pattern.kind)) {
      current = index(eval(idx->object), eval(idx->index));
    }
    Value right = eval(s->value);
    Value result = s->op == il::Binary::Op::Add
                       ? add(current, right)
                       : Value::unknown("an augmented assignment other than +=");
    bind(s->target, result);
  } else if (const auto* s = std::get_if<il::ExpressionStatement>(&stmt.kind)) {
    eval(s->value);
  } else if (const auto* s = std::get_if<il::If>(&stmt.kind)) {
    exec_if(*s);
  } else if (const auto* s = std::get_if<il::Loop>(&stmt.kind)) {
    exec_loop(*s);
  } else if (const auto* s = std::get_if<il::Try>(&stmt.kind)) {
    exec_try(*s);
  } else if (const auto* s = std::get_if<il::With>(&stmt.kind)) {
    exec_with(*s);
  } else if (const auto* s = std::get_if<il::Return>(&stmt.kind)) {
    Value value = s->value == il::kNone ? Value::null() : eval(s->value);
    returned_ = returned_ ? join(*returned_, value, limits_) : value;
    if (!receiver_name_.empty()) {
      const Value& self = env_[receiver_name_];
      self_after_ = self_after_ ? join(*self_after_, self, limits_) : self;
    }
    live_ = false;
  } else if (const auto* s = std::get_if<il::Yield>(&stmt.kind)) {
    if (s->value != il::kNone) {
      Value value = eval(s->value);
      if (s->delegates) value = element_of(value, symbol("yield", id), "item");
      yields_.push_back(value);
    }
  } else if (const auto* s = std::get_if<il::Raise>(&stmt.kind)) {
    if (s->value != il::kNone) eval(s->value);
    live_ = false;
  } else if (std::holds_alternative<il::Break>(stmt.kind) ||
             std::holds_alternative<il::Continue>(stmt.kind)) {
    if (!loops_.empty()) {
      auto& exits = loops_.back();
      auto& slot = std::holds_alternative<il::Break>(stmt.kind) ? exits.breaks : exits.continues;
      slot = slot ? join_env(*slot, env_, limits_) : env_;
    }
    live_ = false;
  } else if (const auto* s = std::get_if<il::LocalFunction>(&stmt.kind)) {
    const auto& f = module_.functions[s->function];
    if (!f.name.empty()) env_[f.name] = function_value(s->function);
  } else if (const auto* s = std::get_if<il::LocalClass>(&stmt.kind)) {
    env_[module_.classes[s->cls].name] = Value::class_ref(invocation_.module, s->cls);
  }
}

void Frame::exec_if(const il::If& branch) {
  eval(branch.condition);
  Env before = env_;
  refine(branch.condition, true);
  exec_block(branch.then);
  Env then_env = std::move(env_);
  bool then_live = live_;
  env_ = std::move(before);
  live_ = true;
  refine(branch.condition, false);
  exec_block(branch.otherwise);
  if (then_live && live_) {
    env_ = join_env(then_env, env_, limits_);
  } else if (then_live) {
    env_ = std::move(then_env);
    live_ = true;
  }
}

void Frame::refine(il::ExprId condition, bool holds) {
  if (condition == il::kNone) return;
  const auto* test = std::get_if<il::Test>(&module_.exprs[condition].kind);
  if (test == nullptr || test->subject == il::kNone) return;
  const auto* name = std::get_if<il::Name>(&module_.exprs[test->subject].kind);
  if (name == nullptr) return;
  auto found = env_.find(name->name);
  if (found == env_.end()) return;
  Value& value = found->second;
  using Kind = il::Test::Kind;
  auto type_matches = [&](const Value& v) {
    if (v.is(ValueKind::Instance)) {
      const auto& data = v.as_instance();
      return engine_.program.module(data.module).classes[data.cls].name == test->type;
    }
    if (v.is(ValueKind::Client)) return v.as_client().api_class == test->type;
    return false;
  };
  auto falsy = [](const Value& v) {
    return is_null(v) || (v.is(ValueKind::Bool) && v.as_bool().value == false);
  };
  switch (test->kind) {
    case Kind::IsNull:
    case Kind::IsNotNull:
      if ((test->kind == Kind::IsNull) == holds) {
        value = Value::null();
      } else {
        value = without(value, is_null);
      }
      break;
    case Kind::InstanceOf:
    case Kind::NotInstanceOf:
      if ((test->kind == Kind::InstanceOf) == holds) {
        value = without(value, [&](const Value& v) { return !type_matches(v); });
      } else {
        value = without(value, type_matches);
      }
      break;
    case Kind::Truthy:
    case Kind::Falsy:
      if ((test->kind == Kind::Truthy) == holds) value = without(value, falsy);
      break;
  }
}

Value Frame::element_of(const Value& iterable, const std::string& symbol,
                        const std::string& display) {
  switch (iterable.kind()) {
    case ValueKind::Sequence: {
      const auto& items = iterable.as_sequence().items;
      if (items.empty()) return Value::unknown("an element of an empty sequence");
      Value element = items.front();
      for (std::size_t i = 1; i < items.size(); ++i) element = join(element, items[i], limits_);
      return element;
    }
    case ValueKind::Collection:
      return iterable.as_collection().element.front();
    case ValueKind::Map: {
      const auto& entries = iterable.as_map().entries;
      if (entries.empty()) return Value::unknown("a key of an empty map");
      Value element = entries.front().first;
      for (std::size_t i = 1; i < entries.size(); ++i)
        element = join(element, entries[i].first, limits_);
      return element;
    }
    case ValueKind::Alternatives: {
      std::optional<Value> element;
      for (const auto& member : iterable.as_alternatives().members) {
        Value each = element_of(member, symbol, display);
        element = element ? join(*element, each, limits_) : each;
      }
      return *element;
    }
    default:
      return Value::element_of_unknown("an element of " + iterable.describe(), symbol, display);
  }
}

Env Frame::run_loop_body(const il::Loop& loop, const Value& element, const Env& start) {
  env_ = start;
  live_ = true;
  loops_.emplace_back();
  if (loop.kind == il::Loop::Kind::While) {
    eval(loop.iterable);
  } else {
    bind(loop.element, element);
  }
  exec_block(loop.body);
  auto exits = std::move(loops_.back());
  loops_.pop_back();
  Env end = live_ ? env_ : start;
  if (exits.continues) end = join_env(end, *exits.continues, limits_);
  if (exits.breaks) end = join_env(end, *exits.breaks, limits_);
  return end;
}

void Frame::exec_loop(const il::Loop& loop) {
  Value element;
  std::string element_symbol;
  if (loop.kind == il::Loop::Kind::ForEach) {
    Value iterable = eval(loop.iterable);
    element_symbol = symbol("element", loop.element);
    std::string display = "element";
    if (loop.element != il::kNone) {
      if (const auto* name = std::get_if<il::NamePattern>(&module_.patterns[loop.element].kind)) {
        display = name->name;
      }
    }
    element = element_of(iterable, element_symbol, display);
  }
  const Env entry = env_;
  const bool entry_live = live_;
  // What the dry rounds return or yield is recorded again by the last run.
  const std::optional<Value> returned_before = returned_;
  const std::optional<Value> self_after_before = self_after_;
  const std::size_t yields_before = yields_.size();
  Env current = entry;
  bool stable = false;
  ++dry_;
  for (std::size_t round = 0; round < engine_.budgets.loop_rounds && exhausted_.empty(); ++round) {
    Env next = join_env(entry, run_loop_body(loop, element, current), limits_);
    if (same_env(next, current)) {
      stable = true;
      break;
    }
    current = std::move(next);
  }
  --dry_;
  if (!stable) current = widen_env(entry, current, limits_);
  // The recorded run, from the environment every iteration starts in.
  returned_ = returned_before;
  self_after_ = self_after_before;
  yields_.resize(yields_before);
  if (!element_symbol.empty()) loop_symbols_.push_back(element_symbol);
  Env end = join_env(current, run_loop_body(loop, element, current), limits_);
  if (!element_symbol.empty()) loop_symbols_.pop_back();
  env_ = std::move(end);
  live_ = entry_live;
  exec_block(loop.otherwise);
}

void Frame::exec_try(const il::Try& block) {
  const Env before = env_;
  std::size_t pushed = 0;
  // Innermost last on the stack; a try's own handlers in source order.
  for (auto it = block.handlers.rbegin(); it != block.handlers.rend(); ++it) {
    handlers_.push_back({it->types, it->span});
    ++pushed;
  }
  exec_block(block.body);
  handlers_.resize(handlers_.size() - pushed);
  if (live_) exec_block(block.otherwise);
  const Env body_end = env_;
  std::optional<Env> joined = live_ ? std::optional<Env>(env_) : std::nullopt;
  for (const auto& handler : block.handlers) {
    env_ = join_env(before, body_end, limits_);
    live_ = true;
    if (!handler.name.empty()) env_[handler.name] = Value::unknown("the error caught here");
    exec_block(handler.body);
    if (live_) joined = joined ? join_env(*joined, env_, limits_) : env_;
  }
  env_ = joined.value_or(join_env(before, body_end, limits_));
  live_ = joined.has_value();
  if (!block.finally.empty()) {
    bool was_live = live_;
    live_ = true;
    exec_block(block.finally);
    live_ = live_ && was_live;
  }
}

void Frame::exec_with(const il::With& block) {
  for (const auto& item : block.items) {
    Value value = eval(item.value);
    Value entered = enter(value, site_of(item.value));
    if (item.target != il::kNone) bind(item.target, entered);
  }
  exec_block(block.body);
}

Value Frame::enter(const Value& value, const CallSite& site) {
  if (value.is(ValueKind::Instance)) {
    Value method = instance_attribute(value, "__enter__", site.expr);
    if (method.is(ValueKind::Function)) return invoke(method, {}, site).value;
    return value;
  }
  if (value.is(ValueKind::Client) || value.is(ValueKind::Batch) || value.is(ValueKind::Script)) {
    return engine_.host.enter(value);
  }
  return value;
}

void Frame::bind(il::PatternId id, const Value& value) {
  if (id == il::kNone) return;
  const auto& pattern = module_.patterns[id];
  Value bound = value;
  if (pattern.default_value != il::kNone && value.is(ValueKind::Unknown) &&
      value.as_unknown().symbol.empty()) {
    bound = join(eval(pattern.default_value), value, limits_);
  }
  if (const auto* p = std::get_if<il::NamePattern>(&pattern.kind)) {
    env_[p->name] = named(bound, symbol("bind", id), p->name);
  } else if (const auto* p = std::get_if<il::AttributePattern>(&pattern.kind)) {
    auto object = peek(p->object);
    if (!object) {
      eval(p->object);
      return;
    }
    if (object->is(ValueKind::Instance)) {
      InstanceData data = object->as_instance();
      data.fields[p->name] = bound;
      rebind(p->object, Value::instance(std::move(data)));
    } else if (object->is(ValueKind::Map)) {
      auto entries = object->as_map().entries;
      put_entry(entries, string_literal(p->name), bound);
      rebind(p->object, Value::map(std::move(entries)));
    }
  } else if (const auto* p = std::get_if<il::IndexPattern>(&pattern.kind)) {
    Value key = eval(p->index);
    auto object = peek(p->object);
    if (!object) return;
    if (object->is(ValueKind::Map) && literal_key(key)) {
      auto entries = object->as_map().entries;
      put_entry(entries, key, bound);
      rebind(p->object, Value::map(std::move(entries)));
    } else if (object->is(ValueKind::Map)) {
      // An unknown key: some entry changes, or one is added.
      auto entries = object->as_map().entries;
      for (auto& entry : entries) entry.second = join(entry.second, bound, limits_);
      entries.emplace_back(key, bound);
      rebind(p->object, Value::map(std::move(entries)));
    } else if (object->is(ValueKind::Sequence) && key.is(ValueKind::Number) &&
               key.as_number().value) {
      auto items = object->as_sequence().items;
      auto i = *key.as_number().value;
      if (i < 0) i += static_cast<std::int64_t>(items.size());
      if (i >= 0 && static_cast<std::size_t>(i) < items.size()) {
        items[static_cast<std::size_t>(i)] = bound;
        rebind(p->object, Value::sequence(std::move(items), object->as_sequence().kind));
      }
    }
  } else if (const auto* p = std::get_if<il::SequencePattern>(&pattern.kind)) {
    const std::size_t n = p->items.size();
    auto element_at = [&](auto& self, const Value& v, std::size_t i) -> Value {
      if (v.is(ValueKind::Alternatives)) {
        std::optional<Value> out;
        for (const auto& member : v.as_alternatives().members) {
          Value each = self(self, member, i);
          out = out ? join(*out, each, limits_) : each;
        }
        return *out;
      }
      if (v.is(ValueKind::Collection)) return v.as_collection().element.front();
      if (!v.is(ValueKind::Sequence)) return Value::unknown("an element of " + v.describe());
      const auto& items = v.as_sequence().items;
      if (p->rest == il::kNone || i < p->rest) {
        return i < items.size() ? items[i] : Value::unknown("an element past the end");
      }
      std::size_t from_end = n - i;
      return from_end <= items.size() ? items[items.size() - from_end]
                                      : Value::unknown("an element past the end");
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (i == p->rest) {
        Value rest;
        if (bound.is(ValueKind::Sequence) && bound.as_sequence().items.size() + 1 >= n) {
          const auto& items = bound.as_sequence().items;
          rest = Value::sequence({items.begin() + static_cast<std::ptrdiff_t>(i),
                                  items.end() - static_cast<std::ptrdiff_t>(n - 1 - i)});
        } else {
          rest = Value::collection(element_at(element_at, bound, i), "the rest of a sequence");
        }
        bind(p->items[i], rest);
      } else {
        bind(p->items[i], element_at(element_at, bound, i));
      }
    }
  } else if (const auto* p = std::get_if<il::MapPattern>(&pattern.kind)) {
    for (const auto& [key, target] : p->entries) {
      bind(target, attribute(bound, key, il::kNone));
    }
    if (p->rest != il::kNone) bind(p->rest, Value::unknown("the rest of an object"));
  }
}

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
  return Value::external(name);
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
  if (const auto* e = std::get_if<il::Template>(&kind)) return template_value(*e);
  if (const auto* e = std::get_if<il::Binary>(&kind)) return binary(*e);
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
  if (const auto* e = std::get_if<il::Cast>(&kind)) return eval(e->value);
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
      if (method) return Value::function({method->first, method->second, nullptr, {}});
      return class_field(data.module, engine_.program.module(data.module).classes[data.cls], name,
                         true);
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
      row != nullptr && row->op == BuiltinOp::Length) {
    CallSite site{invocation_.module, module_.path, at, {}, {}};
    if (at != il::kNone) site.span = site.callee = module_.exprs[at].span;
    return apply_builtin(row->op, object, {}, engine_.host, limits_, site).value;
  }
  return Value::bound_method(object, name);
}

Value Frame::class_field(ModuleId module, const il::Class& cls, const std::string& name,
                         bool is_static) {
  for (const auto& field : cls.fields) {
    if (field.name != name || field.is_static != is_static) continue;
    if (field.initializer == il::kNone) break;
    if (module != invocation_.module) {
      return Value::unknown("the field `" + name + "` is initialised in another module");
    }
    return eval(field.initializer);
  }
  return Value::unknown("`" + cls.name + "` has no attribute `" + name + "` the engine can see");
}

Value Frame::instance_attribute(const Value& object, const std::string& name, il::ExprId at) {
  const auto& data = object.as_instance();
  if (auto found = data.fields.find(name); found != data.fields.end()) return found->second;
  auto method = engine_.find_method(
      data.module, data.cls, [&](const il::Function& f) { return f.name == name; },
      invocation_.level - 1);
  if (method) {
    const auto& f = engine_.program.module(method->first).functions[method->second];
    Value bound = Value::function({method->first, method->second, nullptr, {object}});
    bool getter = f.kind == il::Function::Kind::Getter ||
                  std::ranges::find(f.decorators, "property") != f.decorators.end();
    if (getter && at != il::kNone) return invoke(bound, {}, site_of(at)).value;
    return bound;
  }
  return class_field(data.module, engine_.program.module(data.module).classes[data.cls], name,
                     false);
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

std::vector<ArgValue> Frame::arguments(const std::vector<il::Argument>& args) {
  std::vector<ArgValue> values;
  for (const auto& arg : args) {
    values.push_back({arg.kind, arg.keyword, eval(arg.value),
                      arg.value == il::kNone ? ir::SourceSpan{} : module_.exprs[arg.value].span});
  }
  return values;
}

Value Frame::call(const il::Call& call, il::ExprId id) {
  const CallSite site = site_of(id);
  if (call.callee == il::kNone) {
    arguments(call.args);
    return Value::unknown("a call without a callee");
  }
  if (const auto* attr = std::get_if<il::Attribute>(&module_.exprs[call.callee].kind)) {
    Value receiver = eval(attr->object);
    auto args = arguments(call.args);
    auto outcome = call_method(receiver, attr->name, args, site);
    if (outcome.self_after) rebind(attr->object, *outcome.self_after);
    return outcome.value;
  }
  Value callee = eval(call.callee);
  auto args = arguments(call.args);
  return call_value(callee, args, site).value;
}

Frame::CallOutcome Frame::call_method(const Value& receiver, const std::string& name,
                                      const std::vector<ArgValue>& args, const CallSite& site) {
  switch (receiver.kind()) {
    case ValueKind::Alternatives: {
      std::optional<Value> out;
      for (const auto& member : receiver.as_alternatives().members) {
        Value each = call_method(member, name, args, site).value;
        out = out ? join(*out, each, limits_) : each;
      }
      return {*out, std::nullopt};
    }
    case ValueKind::Client:
    case ValueKind::Batch:
    case ValueKind::Script:
      return {client_call(receiver, name, args, site), std::nullopt};
    case ValueKind::Instance:
    case ValueKind::ClassRef:
    case ValueKind::Module:
    case ValueKind::External: {
      Value callee = attribute(receiver, name, il::kNone);
      return call_value(callee, args, site);
    }
    case ValueKind::Map: {
      Value callee = attribute(receiver, name, il::kNone);
      if (!callee.is(ValueKind::BoundMethod)) return call_value(callee, args, site);
      break;
    }
    default:
      break;
  }
  if (const auto* row = engine_.builtins.find(module_.language, name, true)) {
    auto result = apply_builtin(row->op, receiver, args, engine_.host, limits_, site);
    return {result.value, result.receiver_after};
  }
  if (receiver.is(ValueKind::Unknown)) {
    return {Value::unknown("`" + name + "` called on " + receiver.describe()), std::nullopt};
  }
  return {Value::unknown("the method `" + name + "` of " + receiver.describe() +
                         " is not a builtin the engine knows"),
          std::nullopt};
}

Frame::CallOutcome Frame::call_value(const Value& callee, const std::vector<ArgValue>& args,
                                     const CallSite& site) {
  switch (callee.kind()) {
    case ValueKind::Function:
      return invoke(callee, args, site);
    case ValueKind::BoundMethod: {
      const auto& data = callee.as_bound_method();
      return {call_method(data.receiver.front(), data.name, args, site).value, std::nullopt};
    }
    case ValueKind::ClassRef:
      return {construct(callee, args, site), std::nullopt};
    case ValueKind::Script:
      return {client_call(callee, "__call__", args, site), std::nullopt};
    case ValueKind::Alternatives: {
      std::optional<Value> out;
      for (const auto& member : callee.as_alternatives().members) {
        Value each = call_value(member, args, site).value;
        out = out ? join(*out, each, limits_) : each;
      }
      return {*out, std::nullopt};
    }
    case ValueKind::External: {
      const auto& name = callee.as_external().qualified_name;
      if (auto made = engine_.host.construct({callee, name, args, module_.language, site})) {
        return {*made, std::nullopt};
      }
      if (const auto* row = engine_.builtins.find(module_.language, name, false)) {
        return {apply_builtin(row->op, std::nullopt, args, engine_.host, limits_, site).value,
                std::nullopt};
      }
      return {Value::unknown("`" + name + "(...)` is a call no model or builtin describes"),
              std::nullopt};
    }
    default:
      if (auto made = engine_.host.construct({callee, {}, args, module_.language, site})) {
        return {*made, std::nullopt};
      }
      return {Value::unknown("a call of " + callee.describe()), std::nullopt};
  }
}

Frame::CallOutcome Frame::invoke(const Value& function, const std::vector<ArgValue>& args,
                                 const CallSite& site) {
  const auto& data = function.as_function();
  const auto& mod = engine_.program.module(data.module);
  const auto& f = mod.functions.at(data.function);
  const std::string name = f.name.empty() ? "a lambda" : "`" + f.name + "`";
  if (invocation_.depth_left == 0) {
    std::string reason = "the call depth limit (" + std::to_string(engine_.budgets.call_depth) +
                         ") was reached at the call of " + name;
    note(site.span, "unknown, because " + reason);
    return {Value::unknown(reason), std::nullopt};
  }
  Invocation callee{data.module,
                    data.function,
                    invocation_.level,
                    invocation_.depth_left - 1,
                    data.self.empty() ? std::nullopt : std::optional<Value>(data.self.front()),
                    data.closure,
                    std::vector<std::optional<Value>>(f.params.size()),
                    {}};
  if (data.closure) callee.callee = function;

  // Arguments to parameters: positional in order, keywords by name, the rest
  // to *args / **kwargs.
  std::vector<Value> extra_positional;
  std::vector<std::pair<Value, Value>> extra_keywords;
  bool unknown_spread = false;
  std::size_t next = 0;
  auto bind_positional = [&](const Value& value) {
    while (next < f.params.size() &&
           (f.params[next].kind != il::Parameter::Kind::Positional || callee.params[next])) {
      ++next;
    }
    if (next < f.params.size()) {
      callee.params[next++] = value;
    } else {
      extra_positional.push_back(value);
    }
  };
  for (const auto& arg : args) {
    switch (arg.kind) {
      case il::Argument::Kind::Positional:
        bind_positional(arg.value);
        break;
      case il::Argument::Kind::Spread:
        if (arg.value.is(ValueKind::Sequence)) {
          for (const auto& item : arg.value.as_sequence().items) bind_positional(item);
        } else {
          unknown_spread = true;
          extra_positional.push_back(element_of(arg.value, {}, {}));
        }
        break;
      case il::Argument::Kind::Keyword: {
        auto found = std::ranges::find_if(f.params, [&](const il::Parameter& p) {
          return p.name == arg.keyword && (p.kind == il::Parameter::Kind::Positional ||
                                           p.kind == il::Parameter::Kind::KeywordOnly);
        });
        if (found != f.params.end()) {
          callee.params[static_cast<std::size_t>(found - f.params.begin())] = arg.value;
        } else {
          extra_keywords.emplace_back(string_literal(arg.keyword), arg.value);
        }
        break;
      }
      case il::Argument::Kind::KeywordSpread:
        if (arg.value.is(ValueKind::Map)) {
          for (const auto& [k, v] : arg.value.as_map().entries) {
            std::string keyword = literal_key(k) ? key_of(k, {}, limits_).literal_text() : "";
            auto found = std::ranges::find_if(f.params, [&](const il::Parameter& p) {
              return !keyword.empty() && p.name == keyword;
            });
            if (found != f.params.end()) {
              callee.params[static_cast<std::size_t>(found - f.params.begin())] = v;
            } else {
              extra_keywords.emplace_back(k, v);
            }
          }
        }
        break;
    }
  }
  for (std::size_t i = 0; i < f.params.size(); ++i) {
    const auto& param = f.params[i];
    if (param.kind == il::Parameter::Kind::VarArgs) {
      if (unknown_spread) {
        Value element =
            extra_positional.empty() ? Value::unknown("no argument") : extra_positional.front();
        for (const auto& v : extra_positional) element = join(element, v, limits_);
        callee.params[i] = Value::collection(element, "arguments spread from a collection");
      } else {
        callee.params[i] = Value::sequence(extra_positional, il::SequenceLiteral::Kind::Tuple);
      }
    } else if (param.kind == il::Parameter::Kind::KeywordArgs) {
      callee.params[i] = Value::map(extra_keywords);
    } else if (!callee.params[i] && unknown_spread &&
               param.kind == il::Parameter::Kind::Positional) {
      callee.params[i] = Value::unknown("an argument spread from a collection");
    }
  }

  auto summary = engine_.summarise(callee);

  // What the callee made is new at each call: rename its batches and instances.
  std::set<std::string> inputs;
  if (callee.self) collect_ids(*callee.self, inputs);
  if (callee.closure) {
    for (const auto& [_, v] : *callee.closure) collect_ids(v, inputs);
  }
  for (const auto& param : callee.params) {
    if (param) collect_ids(*param, inputs);
  }
  const std::string prefix = site.id() + ">";
  if (dry_ == 0) {
    for (const auto& made : summary->calls) {
      ClientCall c = made;
      c.receiver = rename_ids(c.receiver, inputs, prefix);
      for (auto& arg : c.args) arg.value = rename_ids(arg.value, inputs, prefix);
      for (auto& symbol : c.iteration_symbols) {
        symbol = rename_ids(Value::unknown({}, symbol), inputs, prefix).as_unknown().symbol;
      }
      c.via.insert(c.via.begin(), site);
      c.handlers.insert(c.handlers.end(), handlers_.rbegin(), handlers_.rend());
      c.iteration_symbols.insert(c.iteration_symbols.begin(), loop_symbols_.begin(),
                                 loop_symbols_.end());
      calls_.push_back(std::move(c));
    }
  }
  for (const auto& n : summary->notes) {
    bool seen = std::ranges::any_of(notes_, [&](const Note& other) {
      return other.span == n.span && other.message == n.message;
    });
    if (!seen) notes_.push_back(n);
  }
  std::optional<Value> self_after;
  if (summary->self_after) self_after = rename_ids(*summary->self_after, inputs, prefix);
  return {rename_ids(summary->result, inputs, prefix), self_after};
}

Value Frame::construct(const Value& class_ref, const std::vector<ArgValue>& args,
                       const CallSite& site) {
  const auto& data = class_ref.as_class_ref();
  const auto& cls = engine_.program.module(data.module).classes[data.cls];
  Value instance = Value::instance({data.module, data.cls, site.id(), {}});
  auto constructor = engine_.find_method(
      data.module, data.cls,
      [](const il::Function& f) { return f.kind == il::Function::Kind::Constructor; },
      invocation_.level - 1);
  if (constructor) {
    Value bound = Value::function({constructor->first, constructor->second, nullptr, {instance}});
    return invoke(bound, args, site).self_after.value_or(instance);
  }
  if (data.module != invocation_.module) return instance;
  InstanceData fields = instance.as_instance();
  for (const auto& field : cls.fields) {
    if (!field.is_static && field.initializer != il::kNone)
      fields.fields[field.name] = eval(field.initializer);
  }
  return Value::instance(std::move(fields));
}

Value Frame::client_call(const Value& receiver, const std::string& method,
                         const std::vector<ArgValue>& args, const CallSite& site) {
  ClientCall c{receiver,
               method,
               args,
               module_.language,
               site,
               {site},
               {handlers_.rbegin(), handlers_.rend()},
               loop_symbols_};
  Value result = engine_.host.call_result(c);
  auto callbacks = engine_.host.callbacks(c);
  if (dry_ == 0) calls_.push_back(std::move(c));
  // Functions the client calls back run as if called here.
  for (const auto& callback : callbacks) {
    std::size_t position = 0;
    for (const auto& arg : args) {
      bool positional = arg.kind == il::Argument::Kind::Positional;
      bool named = !callback.keyword.empty() && arg.kind == il::Argument::Kind::Keyword &&
                   arg.keyword == callback.keyword;
      bool chosen =
          named || (positional && callback.keyword.empty() && position == callback.position);
      if (positional) ++position;
      if (!chosen) continue;
      std::vector<ArgValue> passed;
      for (const auto& value : callback.args)
        passed.push_back({il::Argument::Kind::Positional, {}, value, site.span});
      for (const auto& function : arg.value.members()) {
        if (function.is(ValueKind::Function)) invoke(function, passed, site);
      }
    }
  }
  return result;
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
      if (!plain_spec || (part.format_spec == "d" && !value.is(ValueKind::Number))) {
        value = Value::unknown("a field formatted with `" + part.format_spec + "`",
                               symbol("format", part.value), part.format_spec);
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
