// Parameters a test framework fills when it runs a function, with no caller
// in the program: pytest's fixtures (a test's parameter named like a
// fixture gets what the fixture returns or yields) and unittest.mock's
// patch decorators (a mock per decorator). Which decorators do so, and
// which functions take fixtures, is data (Builtins); how they are found is
// written once here.
#include <algorithm>

#include "analyzer/engine/frame.h"

namespace slotlint::engine {
namespace {

const il::Call* call_of(const il::Module& mod, il::ExprId id) {
  if (id == il::kNone) return nullptr;
  return std::get_if<il::Call>(&mod.exprs[id].kind);
}

// The text of a string literal passed to `call` as `keyword`.
std::optional<std::string> keyword_text(const il::Module& mod, const il::Call& call,
                                        std::string_view keyword) {
  for (const auto& arg : call.args) {
    if (arg.kind == il::Argument::Kind::Keyword && arg.keyword == keyword)
      return frame_detail::literal_text(mod, arg.value);
  }
  return std::nullopt;
}

bool top_level(const il::Module& mod, const il::Function& f) {
  return f.owner == il::kNone && (f.enclosing == il::kNone || f.enclosing == mod.body);
}

}  // namespace

std::optional<std::string> Engine::Impl::decorator_name(ModuleId module, il::ExprId decorator) {
  if (decorator == il::kNone) return std::nullopt;
  ++decorators_read;
  const auto& mod = program.module(module);
  const auto* call = call_of(mod, decorator);
  auto value =
      base_value(module, call != nullptr ? call->callee : decorator, budgets.globals_levels - 1);
  if (!value || !value->is(ValueKind::External)) return std::nullopt;
  return value->as_external().qualified_name;
}

std::optional<std::string> Engine::Impl::fixture_name(ModuleId module, il::FunctionId function,
                                                      const FixtureConvention& convention) {
  const std::pair key{module, function};
  if (auto found = fixture_names.find(key); found != fixture_names.end()) return found->second;
  auto name = read_fixture_name(module, function, convention);
  fixture_names.emplace(key, name);
  return name;
}

std::optional<std::string> Engine::Impl::read_fixture_name(ModuleId module, il::FunctionId function,
                                                           const FixtureConvention& convention) {
  const auto& mod = program.module(module);
  const auto& f = mod.functions[function];
  for (auto decorator : f.decorator_values) {
    auto name = decorator_name(module, decorator);
    if (!name || std::ranges::find(convention.decorators, *name) == convention.decorators.end())
      continue;
    const auto* call = call_of(mod, decorator);
    if (call != nullptr) {
      if (auto renamed = keyword_text(mod, *call, convention.name_keyword)) return renamed;
    }
    return f.name;
  }
  return std::nullopt;
}

std::size_t Engine::Impl::patched_parameters(ModuleId module, il::FunctionId function) {
  const std::pair key{module, function};
  if (auto found = patched.find(key); found != patched.end()) return found->second;
  const auto& mod = program.module(module);
  std::size_t filled = 0;
  for (auto decorator : mod.functions[function].decorator_values) {
    const auto* call = call_of(mod, decorator);
    if (call == nullptr) continue;
    auto name = decorator_name(module, decorator);
    const auto* patcher = name ? builtins.patcher(mod.language, *name) : nullptr;
    if (patcher == nullptr) continue;
    std::size_t positional = 0;
    bool replaced = false;
    for (const auto& arg : call->args) {
      if (arg.kind == il::Argument::Kind::Positional) ++positional;
      if (arg.kind == il::Argument::Kind::Keyword && arg.keyword == patcher->replacement_keyword)
        replaced = true;
    }
    if (!replaced && positional <= patcher->replacement_position) ++filled;
  }
  patched.emplace(key, filled);
  return filled;
}

const Engine::Impl::FixtureIndex& Engine::Impl::fixtures_of(ModuleId module, il::ClassId owner,
                                                            const FixtureConvention& convention) {
  const std::pair key{module, owner};
  if (auto found = fixture_index.find(key); found != fixture_index.end()) return found->second;
  const auto& mod = program.module(module);
  FixtureIndex index;
  auto add = [&](il::FunctionId id) {
    if (auto name = fixture_name(module, id, convention)) index[*name].push_back(id);
  };
  if (owner != il::kNone) {
    for (auto method : mod.classes[owner].methods) add(method);
  } else {
    for (il::FunctionId id = 0; id < mod.functions.size(); ++id) {
      const auto& f = mod.functions[id];
      if (id != mod.body && !f.decorator_values.empty() && top_level(mod, f)) add(id);
    }
  }
  return fixture_index.emplace(key, std::move(index)).first->second;
}

std::optional<std::pair<ModuleId, il::FunctionId>> Engine::Impl::find_fixture(
    ModuleId module, il::FunctionId function, const std::string& name,
    const FixtureConvention& convention) {
  const auto& f = program.module(module).functions[function];
  // The last definition of the name wins, as in Python; a fixture is never
  // its own provider: one that takes a parameter of its own name gets the
  // fixture it overrides, from further out.
  auto in_scope = [&](ModuleId m,
                      il::ClassId owner) -> std::optional<std::pair<ModuleId, il::FunctionId>> {
    const auto& index = fixtures_of(m, owner, convention);
    auto found = index.find(name);
    if (found == index.end()) return std::nullopt;
    for (auto id = found->second.rbegin(); id != found->second.rend(); ++id) {
      if (!(m == module && *id == function)) return std::pair{m, *id};
    }
    return std::nullopt;
  };
  if (f.owner != il::kNone) {
    if (auto found = in_scope(module, f.owner)) return found;
  }
  if (auto found = in_scope(module, il::kNone)) return found;
  // Imported into the module (`from .fixtures import store`).
  if (auto value = resolve_name(module, name, budgets.globals_levels - 1, true);
      value && value->is(ValueKind::Function)) {
    const auto& data = value->as_function();
    bool itself = data.module == module && data.function == function;
    if (!itself && fixture_name(data.module, data.function, convention) == name)
      return std::pair{data.module, data.function};
  }
  for (auto shared : program.shared_modules(module, convention.shared_file)) {
    if (shared == module) continue;
    if (auto found = in_scope(shared, il::kNone)) return found;
  }
  return std::nullopt;
}

std::optional<Value> Engine::Impl::fixture_value(ModuleId module, il::FunctionId function) {
  const std::pair key{module, function};
  // Each fixture a fixture takes is made first, recursively: a chain is
  // followed as deep as calls are (a longer one, hostile or generated, would
  // exhaust the stack), and one asking for itself again, a cycle pytest
  // refuses, ends there.
  if (fixtures_in_progress.size() >= budgets.call_depth * 4) return std::nullopt;
  if (!fixtures_in_progress.insert(key).second) return std::nullopt;
  auto summary = summarise(entry_invocation(module, function, 0));
  fixtures_in_progress.erase(key);
  Value result = summary->result;
  // A generator fixture hands the test what it yields.
  if (program.module(module).functions[function].is_generator && result.is(ValueKind::Collection))
    return result.as_collection().element.front();
  return result;
}

std::size_t Engine::decorators_read() const { return impl_->decorators_read; }

std::optional<Value> Engine::Impl::injected(ModuleId module, il::FunctionId function,
                                            const il::Parameter& param) {
  if (param.kind != il::Parameter::Kind::Positional &&
      param.kind != il::Parameter::Kind::KeywordOnly)
    return std::nullopt;
  const auto& mod = program.module(module);
  const auto& f = mod.functions[function];
  std::string symbol = mod.path + ":" + std::to_string(function) + ":" + param.name;
  if (!f.decorator_values.empty() && param.kind == il::Parameter::Kind::Positional) {
    auto position = static_cast<std::size_t>(
        std::ranges::find_if(f.params, [&](const il::Parameter& p) { return &p == &param; }) -
        f.params.begin());
    if (position < patched_parameters(module, function)) return mock_value(symbol);
  }
  const auto* convention = builtins.fixtures(mod.language);
  if (convention == nullptr) return std::nullopt;
  bool test = f.name.starts_with(convention->test_prefix) &&
              (f.owner == il::kNone
                   ? top_level(mod, f)
                   : mod.classes[f.owner].name.starts_with(convention->test_class_prefix) &&
                         mod.classes[f.owner].enclosing == il::kNone);
  if (!test && (f.decorator_values.empty() || !fixture_name(module, function, *convention)))
    return std::nullopt;
  auto provider = find_fixture(module, function, param.name, *convention);
  if (!provider) return std::nullopt;
  return fixture_value(provider->first, provider->second);
}

}  // namespace slotlint::engine
