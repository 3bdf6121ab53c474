#include "analyzer/engine/engine.h"

#include <functional>
#include <utility>

#include "analyzer/engine/frame.h"

namespace slotlint::engine {

std::string Invocation::key() const {
  std::string key = std::to_string(module) + "." + std::to_string(function) + " L" +
                    std::to_string(level) + " d" + std::to_string(depth_left) + " |";
  key += self ? self->digest() : "-";
  key += '|';
  if (closure) {
    for (const auto& [name, value] : *closure) {
      key += std::to_string(name.size()) + ":" + name + value.digest() + ",";
    }
  }
  key += '|';
  for (const auto& param : params) {
    key += param ? param->digest() : "unset";
    key += ',';
  }
  return key;
}

std::shared_ptr<const Summary> Engine::Impl::summarise(const Invocation& invocation) {
  auto key = invocation.key();
  if (auto found = memo.find(key); found != memo.end()) return found->second;
  Frame frame(*this, invocation);
  auto summary = std::make_shared<const Summary>(frame.run());
  ++computed;
  memo.emplace(std::move(key), summary);
  return summary;
}

const Env& Engine::Impl::globals(ModuleId module, int level) {
  if (level < 0) {
    auto found = declarations.find(module);
    if (found != declarations.end()) return found->second;
    const auto& mod = program.module(module);
    Env env;
    for (il::FunctionId id = 0; id < mod.functions.size(); ++id) {
      const auto& f = mod.functions[id];
      bool top = f.enclosing == il::kNone || f.enclosing == mod.body;
      if (id == mod.body || f.name.empty() || f.owner != il::kNone || !top) continue;
      env[f.name] = Value::function({module, id, nullptr, {}});
    }
    for (il::ClassId id = 0; id < mod.classes.size(); ++id) {
      const auto& c = mod.classes[id];
      if (c.enclosing == il::kNone || c.enclosing == mod.body)
        env[c.name] = Value::class_ref(module, id);
    }
    return declarations.emplace(module, std::move(env)).first->second;
  }
  const auto& mod = program.module(module);
  Invocation body{module, mod.body, level, budgets.call_depth, {}, nullptr, {}, {}};
  return summarise(body)->final_env;
}

Value Engine::Impl::import_lookup(ModuleId target, const std::string& name, int level) {
  const auto& env = globals(target, level);
  if (auto found = env.find(name); found != env.end()) return found->second;
  const auto& path = program.module(target).path;
  // A package's submodule (`from pkg import keys`, `pkg.keys`), when the
  // package itself binds no such name.
  if (path.ends_with("__init__.py")) {
    il::Import submodule;
    submodule.module = "." + name;
    if (auto found = program.resolve_import(target, submodule)) return Value::module(*found);
  }
  if (level < 0) {
    return Value::unknown(
        "`" + name + "` from " + path +
        " is not evaluated this deep (imports nest deeper than the globals levels)");
  }
  return Value::unknown("`" + name + "` is not defined in " + path);
}

std::optional<Value> Engine::Impl::resolve_name(ModuleId module, const std::string& name, int level,
                                                bool with_globals) {
  if (with_globals) {
    const auto& env = globals(module, level);
    if (auto found = env.find(name); found != env.end()) return found->second;
  }
  for (const auto& import : program.module(module).imports) {
    bool binds_module = import.alias == name;
    const std::pair<std::string, std::string>* binding = nullptr;
    for (const auto& pair : import.names) {
      if (pair.second == name) binding = &pair;
    }
    if (!binds_module && binding == nullptr && !import.everything) continue;
    auto target = program.resolve_import(module, import);
    if (binds_module) return target ? Value::module(*target) : Value::external(import.module);
    if (binding != nullptr) {
      return target ? import_lookup(*target, binding->first, level)
                    : Value::external(import.module + "." + binding->first);
    }
    if (target) {
      const auto& env = globals(*target, level);
      if (auto found = env.find(name); found != env.end()) return found->second;
    }
  }
  return std::nullopt;
}

std::optional<std::pair<ModuleId, il::FunctionId>> Engine::Impl::find_method(
    ModuleId module, il::ClassId cls, const std::function<bool(const il::Function&)>& wanted,
    int level, std::size_t depth) {
  const auto& mod = program.module(module);
  const auto& c = mod.classes[cls];
  for (auto method : c.methods) {
    if (wanted(mod.functions[method])) return std::pair{module, method};
  }
  if (depth == 0) return std::nullopt;
  for (auto base : c.bases) {
    auto found = base_value(module, base, level);
    if (!found || !found->is(ValueKind::ClassRef)) continue;
    const auto& ref = found->as_class_ref();
    if (auto method = find_method(ref.module, ref.cls, wanted, level, depth - 1)) return method;
  }
  return std::nullopt;
}

// A base class named by a name, or by an attribute of an imported module
// or library (`redis.Redis`): a class of the program or an External.
std::optional<Value> Engine::Impl::base_value(ModuleId module, il::ExprId base, int level) {
  if (base == il::kNone) return std::nullopt;
  const auto& mod = program.module(module);
  if (const auto* name = std::get_if<il::Name>(&mod.exprs[base].kind)) {
    auto found = resolve_name(module, name->name, level, true);
    return found ? found : std::optional<Value>(Value::external(name->name));
  }
  if (const auto* attr = std::get_if<il::Attribute>(&mod.exprs[base].kind)) {
    auto owner = base_value(module, attr->object, level);
    if (owner && owner->is(ValueKind::Module))
      return import_lookup(owner->as_module().module, attr->name, level);
    if (owner && owner->is(ValueKind::External))
      return Value::external(owner->as_external().qualified_name + "." + attr->name);
  }
  return std::nullopt;
}

std::optional<Value> Engine::Impl::client_base(ModuleId module, il::ClassId cls,
                                               const std::vector<ArgValue>& args,
                                               const CallSite& site, int level, std::size_t depth) {
  const auto& mod = program.module(module);
  for (auto base : mod.classes[cls].bases) {
    auto found = base_value(module, base, level);
    if (!found) continue;
    if (found->is(ValueKind::External)) {
      const auto& name = found->as_external().qualified_name;
      if (auto made = host.construct({*found, name, args, mod.language, site})) return made;
    } else if (found->is(ValueKind::ClassRef) && depth > 0) {
      const auto& ref = found->as_class_ref();
      if (auto made = client_base(ref.module, ref.cls, args, site, level, depth - 1)) return made;
    }
  }
  return std::nullopt;
}

Value Engine::Impl::parameter_hole(ModuleId module, il::FunctionId function,
                                   const il::Parameter& param) {
  std::string symbol =
      "param:" + program.module(module).path + ":" + std::to_string(function) + ":" + param.name;
  std::string reason = "the parameter `" + param.name + "`";
  if (!param.declared_type.empty() && param.kind != il::Parameter::Kind::VarArgs &&
      param.kind != il::Parameter::Kind::KeywordArgs) {
    if (auto typed = host.declared(param.declared_type, program.module(module).language, symbol))
      return *typed;
  }
  if (param.declared_type.empty() && (param.kind == il::Parameter::Kind::Positional ||
                                      param.kind == il::Parameter::Kind::KeywordOnly)) {
    if (auto named = host.named(param.name, program.module(module).language, symbol)) return *named;
  }
  if (param.kind == il::Parameter::Kind::VarArgs) {
    return Value::collection(Value::element_of_unknown(reason, symbol, param.name),
                             "the arguments are not known");
  }
  return Value::unknown(reason, symbol, param.name);
}

Value Engine::Impl::entry_instance(ModuleId module, il::ClassId cls, il::FunctionId entry) {
  const auto& mod = program.module(module);
  // A class deriving from a client class: its `self` is such a client.
  CallSite site{module, mod.path, il::kNone, mod.classes[cls].span, mod.classes[cls].span};
  if (auto client = client_base(module, cls, {}, site, budgets.globals_levels - 1)) return *client;
  InstanceData data{module, cls, "entry:" + mod.path + ":" + std::to_string(cls), {}};
  Value instance = Value::instance(std::move(data));
  auto constructor = find_method(
      module, cls, [](const il::Function& f) { return f.kind == il::Function::Kind::Constructor; },
      budgets.globals_levels - 1);
  if (!constructor || constructor->second == entry) return instance;
  const auto& f = program.module(constructor->first).functions[constructor->second];
  Invocation ctor{constructor->first,
                  constructor->second,
                  budgets.globals_levels,
                  budgets.call_depth,
                  instance,
                  nullptr,
                  {},
                  {}};
  for (const auto& param : f.params) {
    ctor.params.emplace_back(parameter_hole(constructor->first, constructor->second, param));
  }
  return summarise(ctor)->self_after.value_or(instance);
}

// ---- renaming what a callee made -------------------------------------------

namespace {

void collect_symbols(const ir::KeyExpr& key, std::set<std::string>& ids) {
  for (const auto& segment : key.segments()) {
    if (const auto* hole = std::get_if<ir::HoleSegment>(&segment)) ids.insert(hole->symbol);
  }
}

// The key with its hole symbols passed through `fresh`.
ir::KeyExpr renamed(const ir::KeyExpr& key, const auto& fresh) {
  if (key.is_unknown()) return key;
  ir::KeyExpr out;
  for (auto segment : key.segments()) {
    if (auto* hole = std::get_if<ir::HoleSegment>(&segment)) hole->symbol = fresh(hole->symbol);
    out.append(std::move(segment));
  }
  out.set_span(key.span());
  if (key.is_collection()) out.mark_collection();
  return out;
}

}  // namespace

void collect_ids(const Value& value, std::set<std::string>& ids) {
  switch (value.kind()) {
    case ValueKind::String:
      collect_symbols(value.as_string().key, ids);
      break;
    case ValueKind::Path:
      collect_symbols(value.as_path().path, ids);
      break;
    case ValueKind::Unknown:
      if (!value.as_unknown().symbol.empty()) ids.insert(value.as_unknown().symbol);
      break;
    case ValueKind::Number:
      if (!value.as_number().symbol.empty()) ids.insert(value.as_number().symbol);
      break;
    case ValueKind::Script:
      collect_ids(value.as_script().body.front(), ids);
      for (const auto& c : value.as_script().client) collect_ids(c, ids);
      break;
    case ValueKind::Batch:
      ids.insert(value.as_batch().id);
      for (const auto& c : value.as_batch().client) collect_ids(c, ids);
      break;
    case ValueKind::Instance:
      ids.insert(value.as_instance().id);
      for (const auto& [_, field] : value.as_instance().fields) collect_ids(field, ids);
      break;
    case ValueKind::Sequence:
      for (const auto& item : value.as_sequence().items) collect_ids(item, ids);
      break;
    case ValueKind::Collection:
      collect_ids(value.as_collection().element.front(), ids);
      break;
    case ValueKind::Alternatives:
      for (const auto& member : value.as_alternatives().members) collect_ids(member, ids);
      break;
    case ValueKind::Map:
      for (const auto& [k, v] : value.as_map().entries) {
        collect_ids(k, ids);
        collect_ids(v, ids);
      }
      break;
    case ValueKind::Function:
      if (value.as_function().closure) {
        for (const auto& [_, v] : *value.as_function().closure) collect_ids(v, ids);
      }
      for (const auto& self : value.as_function().self) collect_ids(self, ids);
      break;
    case ValueKind::BoundMethod:
      collect_ids(value.as_bound_method().receiver.front(), ids);
      break;
    default:
      break;
  }
}

Value rename_ids(const Value& value, const std::set<std::string>& keep, const std::string& prefix) {
  auto rename = [&](const Value& v) { return rename_ids(v, keep, prefix); };
  // Kept: what came in, and what derives from it (`x.field`, `x[0]` of a kept x).
  auto fresh = [&](const std::string& id) {
    if (keep.contains(id)) return id;
    for (auto cut = id.find_first_of(".["); cut != std::string::npos;
         cut = id.find_first_of(".[", cut + 1)) {
      if (keep.contains(id.substr(0, cut))) return id;
    }
    return prefix + id;
  };
  switch (value.kind()) {
    case ValueKind::String:
      return Value::string(renamed(value.as_string().key, fresh));
    case ValueKind::Path:
      return Value::path(renamed(value.as_path().path, fresh));
    case ValueKind::Unknown: {
      const auto& data = value.as_unknown();
      if (data.symbol.empty()) return value;
      if (data.varies_per_element) {
        return Value::element_of_unknown(data.reason, fresh(data.symbol), data.display);
      }
      return Value::unknown(data.reason, fresh(data.symbol), data.display);
    }
    case ValueKind::Number: {
      const auto& data = value.as_number();
      if (data.symbol.empty()) return value;
      return Value::unknown_number(fresh(data.symbol), data.display);
    }
    case ValueKind::Script: {
      ScriptData data = value.as_script();
      data.body.front() = rename(data.body.front());
      for (auto& c : data.client) c = rename(c);
      return Value::script(std::move(data));
    }
    case ValueKind::Batch: {
      BatchData data = value.as_batch();
      data.id = fresh(data.id);
      for (auto& c : data.client) c = rename(c);
      return Value::batch(std::move(data));
    }
    case ValueKind::Instance: {
      InstanceData data = value.as_instance();
      data.id = fresh(data.id);
      for (auto& [_, field] : data.fields) field = rename(field);
      return Value::instance(std::move(data));
    }
    case ValueKind::Sequence: {
      auto items = value.as_sequence().items;
      for (auto& item : items) item = rename(item);
      return Value::sequence(std::move(items), value.as_sequence().kind);
    }
    case ValueKind::Collection:
      return Value::collection(rename(value.as_collection().element.front()),
                               value.as_collection().reason);
    case ValueKind::Alternatives: {
      auto members = value.as_alternatives().members;
      for (auto& member : members) member = rename(member);
      return Value::alternatives(std::move(members));
    }
    case ValueKind::Map: {
      auto entries = value.as_map().entries;
      for (auto& [k, v] : entries) {
        k = rename(k);
        v = rename(v);
      }
      return Value::map(std::move(entries));
    }
    case ValueKind::Function: {
      FunctionData data = value.as_function();
      if (data.closure) {
        Env env = *data.closure;
        for (auto& [_, v] : env) v = rename(v);
        data.closure = std::make_shared<const Env>(std::move(env));
      }
      for (auto& self : data.self) self = rename(self);
      return Value::function(std::move(data));
    }
    case ValueKind::BoundMethod:
      return Value::bound_method(rename(value.as_bound_method().receiver.front()),
                                 value.as_bound_method().name);
    default:
      return value;
  }
}

// ---- the public face -------------------------------------------------------

Engine::Engine(const Program& program, Host& host, Builtins builtins, Budgets budgets)
    : impl_(std::make_unique<Impl>(program, host, std::move(builtins), budgets)) {}
Engine::~Engine() = default;

void Engine::analyse(ModuleId module) {
  const auto& mod = impl_->program.module(module);
  analyse_entry(module, mod.body);
  for (il::FunctionId id = 0; id < mod.functions.size(); ++id) {
    if (id != mod.body) analyse_entry(module, id);
  }
}

void Engine::analyse_entry(ModuleId module, il::FunctionId function) {
  auto& impl = *impl_;
  const auto& mod = impl.program.module(module);
  const auto& f = mod.functions.at(function);
  Invocation entry{
      module, function, impl.budgets.globals_levels, impl.budgets.call_depth, {}, nullptr, {}, {}};
  if (function != mod.body) {
    for (const auto& param : f.params)
      entry.params.emplace_back(impl.parameter_hole(module, function, param));
    bool method = f.kind == il::Function::Kind::Method || f.kind == il::Function::Kind::Getter ||
                  f.kind == il::Function::Kind::Constructor;
    if (method && f.owner != il::kNone) entry.self = impl.entry_instance(module, f.owner, function);
    if (f.kind == il::Function::Kind::ClassMethod && f.owner != il::kNone)
      entry.self = Value::class_ref(module, f.owner);
  }
  auto summary = impl.summarise(entry);
  for (const auto& call : summary->calls) impl.host.emit(call);
  for (const auto& note : summary->notes) impl.host.note(note);
}

Value Engine::global(ModuleId module, const std::string& name) {
  return impl_->import_lookup(module, name, impl_->budgets.globals_levels - 1);
}

std::size_t Engine::summaries_computed() const { return impl_->computed; }

void Engine::clear_cache() {
  impl_->memo.clear();
  impl_->declarations.clear();
  impl_->computed = 0;
}

}  // namespace slotlint::engine
