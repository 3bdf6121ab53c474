// The interpreter's statements: assignment and patterns, branches, loops,
// try and with.
#include "analyzer/engine/frame.h"

#include <algorithm>
#include <utility>

namespace slotlint::engine {

using namespace frame_detail;

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
    } else if (object->is(ValueKind::ClassRef) && !receiver_name_.empty()) {
      // A class attribute set from a method (`cls = self.__class__;
      // cls.x = ...`): the receiver, an instance of that class, reads it.
      // From a class method (`cls.x = ...`): every method reads it.
      const auto& cls = object->as_class_ref();
      Value& self = env_[receiver_name_];
      if (self == *object) {
        auto [found, added] = class_writes_.emplace(p->name, bound);
        if (!added) found->second = join(found->second, bound, limits_);
      }
      if (self.is(ValueKind::Instance) && self.as_instance().module == cls.module &&
          self.as_instance().cls == cls.cls) {
        InstanceData data = self.as_instance();
        data.fields[p->name] = bound;
        self = Value::instance(std::move(data));
      }
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

}  // namespace slotlint::engine
