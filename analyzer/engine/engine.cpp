#include "analyzer/engine/engine.h"

#include <functional>
#include <utility>

#include "analyzer/engine/frame.h"

namespace slotlint::engine {

namespace {
// As deep as a nested entry point looks for the names it closes over.
constexpr std::size_t kEnclosingLevels = 8;
}  // namespace

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
  return summarise(invocation, invocation.key());
}

std::shared_ptr<const Summary> Engine::Impl::summarise(const Invocation& invocation,
                                                       std::string key) {
  if (auto found = memo.find(key); found != memo.end()) return found->second;
  // Asked for again while it is computed (a nested function's entry needs
  // its enclosing function's, which calls it past its contexts budget):
  // nothing is known of it yet.
  if (!in_progress.insert(key).second) return called_back;
  Frame frame(*this, invocation);
  auto summary = std::make_shared<const Summary>(frame.run());
  in_progress.erase(key);
  ++computed;
  memo.emplace(std::move(key), summary);
  return summary;
}

Engine::Impl::CallSummary Engine::Impl::summarise_call(const Invocation& invocation) {
  auto key = invocation.key();
  if (auto found = memo.find(key); found != memo.end()) return {found->second, std::nullopt};
  const auto& f = program.module(invocation.module).functions[invocation.function];
  // Each construction site makes its own instance: a constructor's calls
  // differ by where they are, and what they set is what the caller gets.
  auto& count = contexts[{invocation.module, invocation.function}];
  if (f.kind == il::Function::Kind::Constructor || count < budgets.contexts) {
    ++count;
    return {summarise(invocation, std::move(key)), std::nullopt};
  }
  auto entry = entry_invocation(invocation.module, invocation.function, kEnclosingLevels);
  auto summary = summarise(entry);
  return {summary, std::move(entry)};
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
    // The module's path, relative to the root: the host reads files from there.
    if (!mod.path_global.empty())
      env[mod.path_global] = Value::string(ir::KeyExpr::literal(mod.path, {}, false));
    return declarations.emplace(module, std::move(env)).first->second;
  }
  const auto& mod = program.module(module);
  Invocation body{module, mod.body, level, budgets.call_depth, {}, nullptr, {}, {}};
  return summarise(body)->final_env;
}

Value Engine::Impl::import_lookup(ModuleId target, const std::string& name, int level,
                                  std::size_t hops) {
  const auto& env = globals(target, level);
  if (auto found = env.find(name); found != env.end()) return found->second;
  // A name the module imports (a package re-exporting `from .database
  // import Database`) is followed to the module that defines it, at most
  // `hops` modules on (imports may cycle).
  if (hops > 0) {
    if (auto found = resolve_name(target, name, level, false, hops - 1)) return *found;
  }
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
                                                bool with_globals, std::size_t hops) {
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
      return target ? import_lookup(*target, binding->first, level, hops)
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
  if (auto given = injected(module, function, param)) return *given;
  if (!param.declared_type.empty() && param.kind != il::Parameter::Kind::VarArgs &&
      param.kind != il::Parameter::Kind::KeywordArgs) {
    if (auto typed = host.declared(param.declared_type, program.module(module).language, symbol))
      return *typed;
    if (auto typed = declared_through_imports(module, param.declared_type, symbol)) return *typed;
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
  const std::tuple key{module, cls, entry};
  if (auto found = instances.find(key); found != instances.end()) return found->second;
  // Asked again while it is made (a method it runs calls, past its contexts
  // budget, a method of the same class): the instance without fields.
  if (!instances_in_progress.insert(key).second) {
    return Value::instance({module, cls, "entry:" + mod.path + ":" + std::to_string(cls), {}});
  }
  Value made = make_entry_instance(module, cls, entry);
  instances_in_progress.erase(key);
  instances.emplace(key, made);
  return made;
}

const Env& Engine::Impl::class_writes(ModuleId module, il::ClassId cls) {
  const std::pair key{module, cls};
  if (auto found = class_attributes.find(key); found != class_attributes.end())
    return found->second;
  if (!class_attributes_in_progress.insert(key).second) return no_writes;
  Env joined;
  const auto& mod = program.module(module);
  for (il::FunctionId id = 0; id < mod.functions.size(); ++id) {
    const auto& f = mod.functions[id];
    if (f.owner != cls || f.kind != il::Function::Kind::ClassMethod) continue;
    auto summary = summarise(entry_invocation(module, id, kEnclosingLevels));
    joined = frame_detail::join_env(joined, summary->class_writes, budgets.limits);
  }
  class_attributes_in_progress.erase(key);
  return class_attributes.emplace(key, std::move(joined)).first->second;
}

Value Engine::Impl::make_entry_instance(ModuleId module, il::ClassId cls, il::FunctionId entry) {
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
  Value constructed = summarise(ctor)->self_after.value_or(instance);
  if (!constructed.is(ValueKind::Instance)) return constructed;
  // Fields any other method of the class assigns are seen by every method:
  // one value per field, joined over the constructor and those methods, each
  // run once on what the constructor made.
  InstanceData joined = constructed.as_instance();
  for (il::FunctionId id = 0; id < mod.functions.size(); ++id) {
    const auto& g = mod.functions[id];
    if (id == entry || g.owner != cls || g.kind != il::Function::Kind::Method) continue;
    Invocation method{
        module, id, budgets.globals_levels, budgets.field_writes_depth, constructed, nullptr,
        {},     {}};
    for (const auto& param : g.params)
      method.params.emplace_back(parameter_hole(module, id, param));
    auto after = summarise(method)->self_after;
    if (!after || !after->is(ValueKind::Instance)) continue;
    for (const auto& [name, value] : after->as_instance().fields) {
      auto found = joined.fields.find(name);
      if (found == joined.fields.end()) {
        joined.fields.emplace(name, value);
      } else {
        found->second = join(found->second, value, budgets.limits);
      }
    }
  }
  return Value::instance(std::move(joined));
}

// ---- renaming what a callee made -------------------------------------------

namespace {

void collect_symbols(const ir::KeyExpr& key, IdSet& ids) {
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

namespace {

// A value's own ids, and its parts' through the cache.
void collect_ids_once(const Value& value, IdSet& ids, IdCache& cache) {
  auto collect_ids = [&](const Value& part, IdSet& into) {
    const auto& of_part = cache.ids(part);
    into.insert(of_part.begin(), of_part.end());
  };
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

Value rename_ids(const Value& value, const IdSet& keep, const std::string& prefix,
                 std::unordered_map<std::string, Value>& done, IdCache& cache);

// Kept: what came in, and what derives from it (`x.field`, `x[0]` of a kept x).
bool kept(std::string_view id, const IdSet& keep) {
  if (keep.contains(id)) return true;
  for (auto cut = id.find_first_of(".["); cut != std::string_view::npos;
       cut = id.find_first_of(".[", cut + 1)) {
    if (keep.contains(id.substr(0, cut))) return true;
  }
  return false;
}

}  // namespace

// Values share their parts (a receiver inside every closure over it, and in
// every value derived from it): each distinct value's ids are found once.
const IdSet& IdCache::ids(const Value& value) {
  if (auto found = by_digest_.find(value.digest()); found != by_digest_.end()) return found->second;
  IdSet ids;
  collect_ids_once(value, ids, *this);
  return by_digest_.emplace(value.digest(), std::move(ids)).first->second;
}

void collect_ids(const Value& value, IdSet& ids, IdCache& cache) {
  const auto& of_value = cache.ids(value);
  ids.insert(of_value.begin(), of_value.end());
}

namespace {

Value rename_once(const Value& value, const IdSet& keep, const std::string& prefix,
                  std::unordered_map<std::string, Value>& done, IdCache& cache) {
  // Nothing renamed: the value itself, not a copy (most of what a callee
  // returns is what it was given).
  bool changed = false;
  auto rename = [&](const Value& v) {
    Value out = rename_ids(v, keep, prefix, done, cache);
    if (out.digest() != v.digest()) changed = true;
    return out;
  };
  auto fresh = [&](const std::string& id) {
    if (kept(id, keep)) return id;
    changed = true;
    return prefix + id;
  };
  switch (value.kind()) {
    case ValueKind::String: {
      auto key = renamed(value.as_string().key, fresh);
      return changed ? Value::string(std::move(key)) : value;
    }
    case ValueKind::Path: {
      auto path = renamed(value.as_path().path, fresh);
      return changed ? Value::path(std::move(path)) : value;
    }
    case ValueKind::Unknown: {
      const auto& data = value.as_unknown();
      if (data.symbol.empty()) return value;
      auto symbol = fresh(data.symbol);
      if (!changed) return value;
      if (data.varies_per_element) {
        return Value::element_of_unknown(data.reason, std::move(symbol), data.display);
      }
      return Value::unknown(data.reason, std::move(symbol), data.display);
    }
    case ValueKind::Number: {
      const auto& data = value.as_number();
      if (data.symbol.empty()) return value;
      auto symbol = fresh(data.symbol);
      return changed ? Value::unknown_number(std::move(symbol), data.display) : value;
    }
    case ValueKind::Script: {
      ScriptData data = value.as_script();
      data.body.front() = rename(data.body.front());
      for (auto& c : data.client) c = rename(c);
      return changed ? Value::script(std::move(data)) : value;
    }
    case ValueKind::Batch: {
      BatchData data = value.as_batch();
      data.id = fresh(data.id);
      for (auto& c : data.client) c = rename(c);
      return changed ? Value::batch(std::move(data)) : value;
    }
    case ValueKind::Instance: {
      InstanceData data = value.as_instance();
      data.id = fresh(data.id);
      for (auto& [_, field] : data.fields) field = rename(field);
      return changed ? Value::instance(std::move(data)) : value;
    }
    case ValueKind::Sequence: {
      auto items = value.as_sequence().items;
      for (auto& item : items) item = rename(item);
      return changed ? Value::sequence(std::move(items), value.as_sequence().kind) : value;
    }
    case ValueKind::Collection: {
      auto element = rename(value.as_collection().element.front());
      return changed ? Value::collection(element, value.as_collection().reason) : value;
    }
    case ValueKind::Alternatives: {
      auto members = value.as_alternatives().members;
      for (auto& member : members) member = rename(member);
      return changed ? Value::alternatives(std::move(members)) : value;
    }
    case ValueKind::Map: {
      auto entries = value.as_map().entries;
      for (auto& [k, v] : entries) {
        k = rename(k);
        v = rename(v);
      }
      return changed ? Value::map(std::move(entries)) : value;
    }
    case ValueKind::Function: {
      FunctionData data = value.as_function();
      if (data.closure) {
        Env env = *data.closure;
        for (auto& [_, v] : env) v = rename(v);
        data.closure = std::make_shared<const Env>(std::move(env));
      }
      for (auto& self : data.self) self = rename(self);
      return changed ? Value::function(std::move(data)) : value;
    }
    case ValueKind::BoundMethod: {
      auto receiver = rename(value.as_bound_method().receiver.front());
      return changed ? Value::bound_method(receiver, value.as_bound_method().name) : value;
    }
    default:
      return value;
  }
}

Value rename_ids(const Value& value, const IdSet& keep, const std::string& prefix,
                 std::unordered_map<std::string, Value>& done, IdCache& cache) {
  const auto& ids = cache.ids(value);
  if (std::ranges::all_of(ids, [&](const std::string& id) { return kept(id, keep); })) return value;
  if (auto found = done.find(value.digest()); found != done.end()) return found->second;
  Value renamed = rename_once(value, keep, prefix, done, cache);
  done.emplace(value.digest(), renamed);
  return renamed;
}

}  // namespace

Value rename_ids(const Value& value, const IdSet& keep, const std::string& prefix, IdCache& cache) {
  std::unordered_map<std::string, Value> done;
  return rename_ids(value, keep, prefix, done, cache);
}

// ---- instantiating an entry-point summary -----------------------------------

namespace {

Value substitute_once(const Value& value, const std::map<std::string, Value>& by_symbol,
                      const Limits& limits, std::unordered_map<std::string, Value>& done);

Value substitute_in(const Value& value, const std::map<std::string, Value>& by_symbol,
                    const Limits& limits, std::unordered_map<std::string, Value>& done) {
  if (auto found = done.find(value.digest()); found != done.end()) return found->second;
  Value out = substitute_once(value, by_symbol, limits, done);
  done.emplace(value.digest(), out);
  return out;
}

Value substitute_once(const Value& value, const std::map<std::string, Value>& by_symbol,
                      const Limits& limits, std::unordered_map<std::string, Value>& done) {
  // Nothing replaced: the value itself, not an equal copy.
  bool changed = false;
  auto each = [&](const Value& v) {
    Value out = substitute_in(v, by_symbol, limits, done);
    if (out.digest() != v.digest()) changed = true;
    return out;
  };
  switch (value.kind()) {
    case ValueKind::Unknown: {
      auto found = by_symbol.find(value.as_unknown().symbol);
      return found == by_symbol.end() || value.as_unknown().symbol.empty() ? value : found->second;
    }
    case ValueKind::Number: {
      auto found = by_symbol.find(value.as_number().symbol);
      return found == by_symbol.end() || value.as_number().symbol.empty() ? value : found->second;
    }
    case ValueKind::String: {
      const auto& key = value.as_string().key;
      if (key.is_unknown()) return value;
      bool replaced = false;
      ir::KeyExpr out;
      for (const auto& segment : key.segments()) {
        const auto* hole = std::get_if<ir::HoleSegment>(&segment);
        auto found = hole ? by_symbol.find(hole->symbol) : by_symbol.end();
        if (found == by_symbol.end()) {
          out.append(segment);
          continue;
        }
        auto filled = key_of(found->second, hole->span, limits);
        if (filled.is_unknown()) {
          out.append(segment);
          continue;
        }
        out.append(filled);
        replaced = true;
      }
      if (!replaced) return value;
      out.set_span(key.span());
      if (key.is_collection()) out.mark_collection();
      return Value::string(std::move(out));
    }
    case ValueKind::Sequence: {
      auto items = value.as_sequence().items;
      for (auto& item : items) item = each(item);
      return changed ? Value::sequence(std::move(items), value.as_sequence().kind) : value;
    }
    case ValueKind::Collection: {
      Value element = each(value.as_collection().element.front());
      return changed ? Value::collection(element, value.as_collection().reason) : value;
    }
    case ValueKind::Alternatives: {
      auto members = value.as_alternatives().members;
      for (auto& member : members) member = each(member);
      return changed ? Value::alternatives(std::move(members)) : value;
    }
    case ValueKind::Map: {
      auto entries = value.as_map().entries;
      for (auto& [k, v] : entries) {
        k = each(k);
        v = each(v);
      }
      return changed ? Value::map(std::move(entries)) : value;
    }
    case ValueKind::Instance: {
      InstanceData data = value.as_instance();
      for (auto& [_, field] : data.fields) field = each(field);
      return changed ? Value::instance(std::move(data)) : value;
    }
    default:
      return value;
  }
}

}  // namespace

Value substitute(const Value& value, const std::map<std::string, Value>& by_symbol,
                 const Limits& limits) {
  if (by_symbol.empty()) return value;
  std::unordered_map<std::string, Value> done;
  return substitute_in(value, by_symbol, limits, done);
}

// ---- the public face -------------------------------------------------------

Engine::Engine(const Program& program, Host& host, Builtins builtins, Budgets budgets)
    : impl_(std::make_unique<Impl>(program, host, std::move(builtins), budgets)) {}
Engine::~Engine() = default;

void Engine::analyse(ModuleId module) {
  impl_->analysed = module;
  const auto& mod = impl_->program.module(module);
  analyse_entry(module, mod.body);
  for (il::FunctionId id = 0; id < mod.functions.size(); ++id) {
    if (id != mod.body) analyse_entry(module, id);
  }
}

// A function analysed as an entry point: its parameters are holes, a
// method's receiver an instance of its class, and a nested function's
// enclosing locals what they were when the enclosing function (itself
// analysed so) defined it.
Invocation Engine::Impl::entry_invocation(ModuleId module, il::FunctionId function,
                                          std::size_t enclosing_levels) {
  const auto& mod = program.module(module);
  const auto& f = mod.functions.at(function);
  Invocation entry{module, function, budgets.globals_levels, budgets.call_depth, {}, nullptr,
                   {},     {}};
  if (function == mod.body) return entry;
  for (const auto& param : f.params)
    entry.params.emplace_back(parameter_hole(module, function, param));
  bool method = f.kind == il::Function::Kind::Method || f.kind == il::Function::Kind::Getter ||
                f.kind == il::Function::Kind::Constructor;
  if (method && f.owner != il::kNone) entry.self = entry_instance(module, f.owner, function);
  if (f.kind == il::Function::Kind::ClassMethod && f.owner != il::kNone)
    entry.self = Value::class_ref(module, f.owner);
  if (f.enclosing != il::kNone && f.enclosing != mod.body && enclosing_levels > 0) {
    auto outer = summarise(entry_invocation(module, f.enclosing, enclosing_levels - 1));
    if (auto made = outer->closures.find(function); made != outer->closures.end())
      entry.closure = std::make_shared<const Env>(made->second);
  }
  return entry;
}

void Engine::analyse_entry(ModuleId module, il::FunctionId function) {
  auto& impl = *impl_;
  auto summary = impl.summarise(impl.entry_invocation(module, function, kEnclosingLevels));
  for (const auto& call : summary->calls) impl.host.emit(call);
  for (const auto& note : summary->notes) impl.host.note(note);
}

Value Engine::global(ModuleId module, const std::string& name) {
  return impl_->import_lookup(module, name, impl_->budgets.globals_levels - 1);
}

std::size_t Engine::summaries_computed() const { return impl_->computed; }
std::size_t Engine::steps_spent() const { return impl_->spent; }

void Engine::clear_cache() {
  impl_->memo.clear();
  impl_->declarations.clear();
  impl_->instances.clear();
  impl_->class_attributes.clear();
  impl_->contexts.clear();
  impl_->computed = 0;
}

}  // namespace slotlint::engine
