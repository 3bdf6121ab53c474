#include "frontends/common/engine_host.h"

#include <cctype>
#include <filesystem>
#include <set>

#include <algorithm>
#include <cctype>

#include "analyzer/commands/command_table.h"
#include "frontends/common/connect_options.h"
#include "frontends/common/engine_arguments.h"
#include "frontends/common/op_builder.h"
#include "frontends/common/overloads.h"

namespace slotlint::frontend {
namespace {

using engine::ValueKind;

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

// The argument passed by `keyword`, or else the `position`th positional one.
const engine::ArgValue* argument(const std::vector<engine::ArgValue>& args, std::size_t position,
                                 std::string_view keyword) {
  std::size_t seen = 0;
  const engine::ArgValue* found = nullptr;
  for (const auto& arg : args) {
    if (!keyword.empty() && arg.kind == il::Argument::Kind::Keyword && arg.keyword == keyword)
      return &arg;
    if (arg.kind == il::Argument::Kind::Positional && seen++ == position && found == nullptr)
      found = &arg;
  }
  return found;
}

// A dotted option path (`keyPrefix`, `options.prefix`) in a constructor's
// keyword arguments or in a map passed to it.
std::optional<engine::Value> option(const std::vector<engine::ArgValue>& args,
                                    std::string_view path) {
  auto first = path.substr(0, path.find('.'));
  auto descend = [](engine::Value value, std::string_view rest) -> std::optional<engine::Value> {
    while (!rest.empty()) {
      auto field = rest.substr(0, rest.find('.'));
      rest = rest.size() > field.size() ? rest.substr(field.size() + 1) : std::string_view{};
      if (!value.is(ValueKind::Map)) return std::nullopt;
      std::optional<engine::Value> next;
      for (const auto& [k, v] : value.as_map().entries) {
        if (k.is(ValueKind::String) && k.as_string().key.is_literal() &&
            k.as_string().key.literal_text() == field)
          next = v;
      }
      if (!next) return std::nullopt;
      value = *next;
    }
    return value;
  };
  for (const auto& arg : args) {
    if (arg.kind == il::Argument::Kind::Keyword && arg.keyword == first) {
      auto rest = path.size() > first.size() ? path.substr(first.size() + 1) : std::string_view{};
      if (auto found = descend(arg.value, rest)) return found;
    }
    if (arg.kind == il::Argument::Kind::Positional && arg.value.is(ValueKind::Map)) {
      if (auto found = descend(arg.value, path)) return found;
    }
  }
  return std::nullopt;
}

// An argument's kind as models' overloads name it.
std::string kind_of(const engine::Value& value) {
  switch (value.kind()) {
    case ValueKind::String:
      return "string";
    case ValueKind::Number:
      return "number";
    case ValueKind::Sequence:
    case ValueKind::Collection:
      return "list";
    case ValueKind::Map:
      return "map";
    case ValueKind::Unknown:
    case ValueKind::Alternatives:
      return "unknown";
    default:
      return "other";
  }
}

// The innermost handler around a call that catches what the client raises
// for TRYAGAIN (or everything).
ir::ErrorHandling error_handling(const engine::ClientCall& call, const model::ClientClass& cls) {
  ir::ErrorHandling handling;
  handling.raised_at = call.site.span;
  for (const auto& handler : call.handlers) {
    bool catches = handler.types.empty();
    std::string caught_as;
    for (const auto& type : handler.types) {
      auto dot = type.rfind('.');
      auto name = dot == std::string::npos ? std::string_view(type)
                                           : std::string_view(type).substr(dot + 1);
      if (listed(cls.tryagain_raises, name)) {
        catches = true;
        caught_as = type;
        break;
      }
    }
    if (!catches) continue;
    handling.caught = true;
    handling.handler = handler.span;
    handling.caught_as = caught_as;
    handling.handler_text = caught_as.empty() ? "a bare `except`" : "`except " + caught_as + "`";
    break;
  }
  return handling;
}

// Where `name` sits among a method's parameters (0 when it is not there).
std::size_t param_position(const model::Method& method, std::string_view name) {
  for (std::size_t i = 0; i < method.signature.size(); ++i) {
    if (method.signature[i].name == name) return i;
  }
  return 0;
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

}  // namespace

std::string op_identity(const ir::RedisOp& op) {
  std::string text = std::to_string(op.call.file) + ":" + std::to_string(op.call.begin) + ":" +
                     std::to_string(op.call.end) + ":" + op.command;
  for (const auto& arg : op.argv) text += "\x1f" + arg.value.display();
  if (op.group) text += "\x1f" + op.group->id;
  // One command reached along two paths, one of them inside a try around
  // the call of the function that sends it.
  const auto& raised = op.error_handling.raised_at;
  text += "\x1f" + std::to_string(raised.begin) + ":" + std::to_string(raised.end);
  return text;
}

EngineHost::EngineHost(Models models, ScriptReader scripts, engine::Limits limits)
    : models_(models), scripts_(std::move(scripts)), limits_(limits) {}

std::optional<EngineHost::ClientModel> EngineHost::model_of(const engine::Value& client) const {
  if (!client.is(ValueKind::Client)) return std::nullopt;
  const auto& data = client.as_client();
  for (const auto* api : models_) {
    if (api->library != data.library) continue;
    if (const auto* cls = api->find_class(data.api_class)) return ClientModel{api, cls};
  }
  return std::nullopt;
}

engine::Value EngineHost::client_of_class(const engine::ClientData& from,
                                          const model::ClientClass& cls) const {
  engine::ClientData data = from;
  data.api_class = cls.name;
  return engine::Value::client(std::move(data));
}

namespace {

// A name as the engine qualifies it through an import (`ioredis.default`,
// `redis.createClient`, `ioredis` for the module itself) as the model's
// constructors and annotations write it (`Redis`, `createClient`), through
// the model's `modules`; other names unchanged.
std::string canonical_name(const model::ApiModel& api, std::string_view qualified) {
  for (const auto& [module, names] : api.modules) {
    if (!qualified.starts_with(module)) continue;
    auto rest = qualified.substr(module.size());
    if (rest.empty()) {
      auto whole = names.find("*");
      if (whole != names.end()) return whole->second;
      continue;
    }
    if (!rest.starts_with('.')) continue;
    rest.remove_prefix(1);
    auto dot = std::min(rest.find('.'), rest.size());
    auto name = names.find(std::string(rest.substr(0, dot)));
    if (name == names.end()) continue;
    return name->second + std::string(rest.substr(dot));
  }
  return std::string(qualified);
}

}  // namespace

std::optional<engine::Value> EngineHost::construct(const engine::ConstructCall& call) {
  if (call.qualified_name.empty()) return std::nullopt;
  for (const auto* api : models_) {
    if (api->language != call.language) continue;
    const auto* cls = api->class_for_constructor(canonical_name(*api, call.qualified_name));
    if (cls == nullptr) continue;
    engine::ClientData data{api->library, cls->name, call.site.id(), std::nullopt, {}};
    if (!api->script_definitions.option.empty()) {
      if (auto scripts = option(call.args, api->script_definitions.option);
          scripts && scripts->is(ValueKind::Map)) {
        for (const auto& [name, definition] : scripts->as_map().entries) {
          if (name.is(ValueKind::String) && name.as_string().key.is_literal())
            define_script(*api, name.as_string().key.literal_text(), definition);
        }
      }
    }
    for (const auto& path : cls->key_prefix_options) {
      auto prefix = option(call.args, path);
      if (!prefix) continue;
      data.options.emplace_back(path, *prefix);
      data.key_prefix = engine::key_of(*prefix, call.site.span, limits_);
    }
    auto client = engine::Value::client(std::move(data));
    // A client whose every object is a pipeline itself (a Boost.Redis
    // request: commands pushed into it are sent together).
    if (listed(api->pipeline_methods, "*")) {
      return engine::Value::batch(
          {engine::BatchData::Kind::Pipeline, call.site.id(), {client}, call.site.span});
    }
    return client;
  }
  return std::nullopt;
}

namespace {

// Whether `type` (blanks removed) names `name` as a whole: between
// brackets, quotes, `|` or commas, or alone.
bool names_type(std::string_view type, std::string_view name) {
  constexpr std::string_view kBefore = "[|'\"(,";
  constexpr std::string_view kAfter = "]|'\"),[";
  for (auto at = type.find(name); at != std::string_view::npos; at = type.find(name, at + 1)) {
    auto end = at + name.size();
    bool starts = at == 0 || kBefore.find(type[at - 1]) != std::string_view::npos;
    bool ends = end == type.size() || kAfter.find(type[end]) != std::string_view::npos;
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::optional<engine::Value> EngineHost::declared(const std::string& type,
                                                  const std::string& language,
                                                  const std::string& id) {
  std::string text;
  for (char c : type) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') text += c;
  }
  auto names_any = [&](const std::vector<std::string>& names) {
    return std::ranges::any_of(names, [&](const auto& name) { return names_type(text, name); });
  };
  const std::string written = text;
  for (const auto* api : models_) {
    if (api->language != language) continue;
    text = canonical_name(*api, written);
    for (const auto& cls : api->classes) {
      if (names_any(cls.constructors) || names_any(cls.annotations))
        return engine::Value::client({api->library, cls.name, id, std::nullopt, {}});
      if (!names_any(cls.batch_annotations)) continue;
      // A batch handed in: of the class the client's pipelines are.
      const auto* batch_class = api->pipeline_methods.empty()
                                    ? &cls
                                    : api->derived_class(api->pipeline_methods.front(), cls);
      engine::Value client =
          engine::Value::client({api->library, batch_class->name, id, std::nullopt, {}});
      return engine::Value::batch({engine::BatchData::Kind::Pipeline, id, {client}, {}});
    }
  }
  return std::nullopt;
}

std::optional<engine::Value> EngineHost::named(const std::string& name, const std::string& language,
                                               const std::string& id) {
  for (const auto* api : models_) {
    if (api->language != language) continue;
    if (const auto* cls = api->class_for_receiver_name(name)) {
      engine::ClientData data{api->library, cls->name, id, std::nullopt, {}};
      data.by_name = true;
      return engine::Value::client(std::move(data));
    }
  }
  return std::nullopt;
}

std::optional<engine::Value> EngineHost::identified(const std::string& method,
                                                    const std::string& language,
                                                    const std::string& id) {
  for (const auto* api : models_) {
    if (api->language != language || !listed(api->identifying_methods, method)) continue;
    if (const auto* cls = api->find_class(api->default_class)) {
      engine::ClientData data{api->library, cls->name, id, std::nullopt, {}};
      data.by_name = true;
      return engine::Value::client(std::move(data));
    }
  }
  return std::nullopt;
}

engine::Value EngineHost::batch(const engine::ClientCall& call, const ClientModel& client,
                                engine::BatchData::Kind kind) const {
  const auto* cls = client.api->derived_class(call.method, *client.cls);
  return engine::Value::batch(
      {kind, call.site.id(), {client_of_class(call.receiver.as_client(), *cls)}, call.site.span});
}

engine::Value EngineHost::call_result(const engine::ClientCall& call) {
  const auto& receiver = call.receiver;
  if (receiver.is(ValueKind::Batch)) {
    // A batch's commands give the batch back (`pipe.set(a, 1).incr(b)`).
    const auto& data = receiver.as_batch();
    auto client = data.client.empty() ? std::nullopt : model_of(data.client.front());
    if (client && listed(client->api->execute_methods, call.method))
      return engine::Value::unknown("the replies of `" + call.method + "()`");
    return receiver;
  }
  if (!receiver.is(ValueKind::Client)) return engine::Value::unknown("the reply of a script");
  auto client = model_of(receiver);
  if (!client) return engine::Value::unknown("the reply of `" + call.method + "`");
  const auto& api = *client->api;
  if (listed(api.pipeline_methods, call.method)) {
    // A MULTI/EXEC batch unless the class's are plain by default or the
    // transaction flag says otherwise; a flag that cannot be read counts as
    // plain, so that no finding rests on a guess.
    // (The batch's own class says: RedisCluster.pipeline() is a plain
    // ClusterPipeline.)
    bool transaction = !api.derived_class(call.method, *client->cls)->plain_pipeline_by_default;
    const auto* flag =
        api.transaction_keyword.empty() ? nullptr : argument(call.args, 0, api.transaction_keyword);
    if (flag != nullptr) {
      const auto& value = flag->value;
      transaction = value.is(ValueKind::Bool) && value.as_bool().value.value_or(false);
    }
    return batch(
        call, *client,
        transaction ? engine::BatchData::Kind::Transaction : engine::BatchData::Kind::Pipeline);
  }
  if (listed(api.transaction_methods, call.method))
    return batch(call, *client, engine::BatchData::Kind::Transaction);
  if (listed(api.script_factories, call.method) || listed(api.script_loaders, call.method)) {
    const auto* body = argument(call.args, 0, "script");
    return engine::Value::script(
        {{body != nullptr ? body->value : engine::Value::unknown("no script body")},
         std::nullopt,
         call.site.id(),
         {receiver},
         body != nullptr ? body->written_as : std::string()});
  }
  if (listed(api.same_client_methods, call.method))
    return client_of_class(receiver.as_client(), *api.derived_class(call.method, *client->cls));
  return engine::Value::unknown("the reply of `" + call.method + "`");
}

std::vector<engine::Callback> EngineHost::callbacks(const engine::ClientCall& call) {
  auto client = model_of(call.receiver);
  if (!client) return {};
  const auto& api = *client->api;
  if (listed(api.transaction_runners, call.method)) {
    // `r.transaction(func, *watches)`: func(pipe) on a MULTI/EXEC batch of the
    // class the client's pipelines are.
    const auto* cls = api.pipeline_methods.empty()
                          ? client->cls
                          : api.derived_class(api.pipeline_methods.front(), *client->cls);
    engine::Value pipe = engine::Value::batch({engine::BatchData::Kind::Transaction,
                                               call.site.id(),
                                               {client_of_class(call.receiver.as_client(), *cls)},
                                               call.site.span});
    return {{0, {}, {pipe}}};
  }
  if (listed(api.callback_client_methods, call.method)) return {{0, {}, {call.receiver}}};
  return {};
}

void EngineHost::emit(const engine::ClientCall& call) {
  const auto& receiver = call.receiver;
  if (call.method == engine::kConstructed) {
    emit_construction(call);
  } else if (receiver.is(ValueKind::Script)) {
    emit_script_call(call);
  } else if (receiver.is(ValueKind::Client)) {
    std::optional<ir::GroupRef> group;
    auto client = model_of(receiver);
    if (client && call.method == client->api->script_definitions.method)
      return define_scripts(call, *client);
    if (client && (listed(client->api->pipeline_methods, call.method) ||
                   listed(client->api->transaction_methods, call.method)))
      return emit_command_arrays(call, *client);
    // `r.transaction(func, *watches)`: its WATCH belongs to the batch it runs.
    if (client && listed(client->api->transaction_runners, call.method))
      group = ir::GroupRef{ir::GroupRef::Kind::Transaction, call.site.id(), call.site.span};
    emit_method(call, receiver, group);
  } else if (receiver.is(ValueKind::Batch)) {
    const auto& data = receiver.as_batch();
    if (data.client.empty()) return;
    auto kind = data.kind == engine::BatchData::Kind::Pipeline ? ir::GroupRef::Kind::Pipeline
                                                               : ir::GroupRef::Kind::Transaction;
    emit_method(call, data.client.front(), ir::GroupRef{kind, data.id, data.origin});
  }
}

void EngineHost::emit_method(const engine::ClientCall& call, const engine::Value& client_value,
                             std::optional<ir::GroupRef> group) {
  auto client = model_of(client_value);
  if (!client) return;
  const auto& api = *client->api;
  const auto* method = api.find_method_any_case(call.method, *client->cls);
  // Overloads (C++, Java): the first whose arity and argument kinds fit.
  if (auto overloads = api.overloads(call.method, *client->cls); overloads.size() > 1) {
    std::vector<std::string> kinds;
    for (const auto& arg : call.args) kinds.push_back(kind_of(arg.value));
    method = pick_overload(overloads, kinds);
  }
  std::optional<model::Method> script_method;
  if (const auto* script = method == nullptr ? defined(api, call.method) : nullptr) {
    // The script's own method: EVALSHA sha [numkeys] args...
    script_method.emplace();
    script_method->name = call.method;
    script_method->signature = model::parse_signature("*args");
    script_method->argv.push_back({model::TemplateElement::Kind::Word, "EVALSHA"});
    script_method->argv.push_back({model::TemplateElement::Kind::Word, "sha1-of-the-script"});
    if (script->numkeys)
      script_method->argv.push_back(
          {model::TemplateElement::Kind::Word, std::to_string(*script->numkeys)});
    script_method->argv.push_back({model::TemplateElement::Kind::Spread, "args"});
    script_method->library = api.library;
    return emit_op(call, client_value, *client, *script_method, std::move(group),
                   ScriptBody{script->body, call.method});
  }
  std::optional<model::Method> generic;
  if (method == nullptr && api.command_named_methods && !client->cls->own_methods_only &&
      !client->cls->config_object) {
    generic = command_named_method(call.method);
    if (generic) generic->library = api.library;
    method = generic ? &*generic : nullptr;
  }
  if (method == nullptr) {
    // Never dropped in silence: a name that is a command able to take
    // several keys, which no model describes.
    const auto* command = commands::find_command(upper(call.method));
    if (command != nullptr && command->can_take_many_keys) {
      notes_.push_back({call.site.module_path,
                        {},
                        call.site.callee,
                        "`" + call.method + "` on a " + api.library + " " + client->cls->name +
                            " client is a command that can take several keys, but no model "
                            "describes the method: its keys are not checked"});
    }
    return;
  }
  if (!method->only_on.empty() && !listed(method->only_on, client->cls->name)) {
    // A client known by its name alone is of the class the method says.
    const auto* cls = client_value.as_client().by_name
                          ? client->api->find_class(method->only_on.front())
                          : nullptr;
    if (cls == nullptr) return;
    client->cls = cls;
  }
  std::optional<ScriptBody> body;
  if (!method->script_param.empty()) {
    // eval(body, ...), evalsha(sha, ...) with a SHA from script_load(body).
    auto position = param_position(*method, method->script_param);
    if (const auto* arg = argument(call.args, position, method->script_param)) {
      if (arg->value.is(ValueKind::Script)) {
        const auto& script = arg->value.as_script();
        body = ScriptBody{script.body.front(), script.name};
      } else {
        body = ScriptBody{arg->value, arg->written_as};
      }
    }
  }
  emit_op(call, client_value, *client, *method, std::move(group), body);
}

void EngineHost::define_script(const model::ApiModel& api, const std::string& name,
                               const engine::Value& options) {
  const auto& fields = api.script_definitions;
  std::vector<engine::ArgValue> args{{il::Argument::Kind::Positional, {}, options, {}, {}}};
  DefinedScript script;
  if (auto numkeys = option(args, fields.numkeys_field);
      numkeys && numkeys->is(ValueKind::Number) && numkeys->as_number().value)
    script.numkeys = *numkeys->as_number().value;
  auto body = option(args, fields.body_field);
  script.body = body ? *body : engine::Value::unknown("no script body");
  defined_[api.library].try_emplace(name, std::move(script));
}

namespace {

std::vector<engine::Value> members_of(const engine::Value& value) {
  if (value.is(ValueKind::Alternatives)) return value.as_alternatives().members;
  return {value};
}

std::optional<std::string> literal_of(const engine::Value& value) {
  if (!value.is(ValueKind::String) || !value.as_string().key.is_literal()) return std::nullopt;
  return value.as_string().key.literal_text();
}

// "lib/addJob-2.lua" → ("addJob", 2); "move.lua" → ("move", none).
std::pair<std::string, std::optional<std::int64_t>> script_file_name(const std::string& file) {
  auto stem = std::filesystem::path(file).stem().string();
  auto dash = stem.rfind('-');
  if (dash == std::string::npos || dash + 1 == stem.size() ||
      !std::ranges::all_of(stem.substr(dash + 1),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
    return {stem, std::nullopt};
  return {stem.substr(0, dash), std::stoll(stem.substr(dash + 1))};
}

}  // namespace

// `client.defineCommand(name, {numberOfKeys, lua})`; in a loop over a
// folder of scripts, the name and the body are each one of several: each
// body read from a file is the command named after the file (`name-3.lua`
// takes 3 keys when the count is not one number, a job queue habit).
void EngineHost::define_scripts(const engine::ClientCall& call, const ClientModel& client) {
  const auto* name = argument(call.args, 0, {});
  const auto* options = argument(call.args, 1, {});
  if (name == nullptr || options == nullptr) return;
  if (auto literal = literal_of(name->value)) {
    define_script(*client.api, *literal, options->value);
    return;
  }
  if (!name->value.is(ValueKind::Alternatives) || !options->value.is(ValueKind::Map)) return;
  const auto& fields = client.api->script_definitions;
  std::vector<engine::ArgValue> args{{il::Argument::Kind::Positional, {}, options->value, {}, {}}};
  auto body = option(args, fields.body_field);
  auto numkeys = option(args, fields.numkeys_field);
  if (!body) return;
  std::set<std::string> names;
  for (const auto& member : members_of(name->value)) {
    if (auto literal = literal_of(member)) names.insert(*literal);
  }
  for (const auto& each : members_of(*body)) {
    if (!each.is(ValueKind::String) || each.as_string().file.empty()) continue;
    const auto& file = each.as_string().file;
    auto [command, keys] = script_file_name(file);
    if (!names.contains(command)) {
      auto stem = std::filesystem::path(file).stem().string();
      if (!names.contains(stem)) continue;
      command = stem;
      keys.reset();
    }
    DefinedScript script;
    script.body = each;
    if (numkeys && numkeys->is(ValueKind::Number) && numkeys->as_number().value) {
      script.numkeys = *numkeys->as_number().value;
    } else {
      script.numkeys = keys;
    }
    defined_[client.api->library].try_emplace(command, std::move(script));
  }
}

const EngineHost::DefinedScript* EngineHost::defined(const model::ApiModel& api,
                                                     const std::string& method) const {
  auto library = defined_.find(api.library);
  if (library == defined_.end()) return nullptr;
  auto found = library->second.find(method);
  return found == library->second.end() ? nullptr : &found->second;
}

void EngineHost::emit_command_arrays(const engine::ClientCall& call, const ClientModel& client) {
  const auto* commands = argument(call.args, 0, {});
  if (commands == nullptr || !commands->value.is(ValueKind::Sequence)) return;
  auto made = call_result(call);
  if (!made.is(ValueKind::Batch)) return;
  const auto& data = made.as_batch();
  auto kind = data.kind == engine::BatchData::Kind::Pipeline ? ir::GroupRef::Kind::Pipeline
                                                             : ir::GroupRef::Kind::Transaction;
  for (const auto& command : commands->value.as_sequence().items) {
    if (!command.is(ValueKind::Sequence) || command.as_sequence().items.empty()) continue;
    const auto& items = command.as_sequence().items;
    if (!items.front().is(ValueKind::String) || !items.front().as_string().key.is_literal())
      continue;
    engine::ClientCall queued = call;
    queued.receiver = made;
    queued.method = items.front().as_string().key.literal_text();
    queued.args.clear();
    for (std::size_t i = 1; i < items.size(); ++i)
      queued.args.push_back({il::Argument::Kind::Positional, {}, items[i], commands->span, {}});
    emit_method(queued, data.client.front(), ir::GroupRef{kind, data.id, data.origin});
  }
  (void)client;
}

// `s(keys=[...], args=[...], client=pipe)` for `s = r.register_script(BODY)`.
void EngineHost::emit_construction(const engine::ClientCall& call) {
  auto client = model_of(call.receiver);
  if (!client) return;
  const auto& cls = *client->cls;
  auto emit = [&](ir::KeyExpr index, std::string option, std::string refused = {}) {
    auto where = index.span().empty() ? call.site.span : index.span();
    auto op = connect_select(*client->api, cls, std::move(index), call.site.span, where,
                             std::move(option));
    op.database_refused = std::move(refused);
    ops_.push_back({std::move(op), call.via, call.iteration_symbols});
  };
  for (const auto& path : cls.database_options) {
    if (auto value = option(call.args, path)) {
      return emit(engine::key_of(*value, call.site.span, limits_), path,
                  cls.database_option_refused);
    }
  }
  for (const auto& path : cls.url_options) {
    auto value = option(call.args, path);
    if (!value || !value->is(ValueKind::String)) continue;
    if (auto index = database_in_url(value->as_string().key, client->api->url_form))
      return emit(*index, path);
    return;
  }
  if (!cls.url_arguments) return;
  for (const auto& arg : call.args) {
    if (arg.kind != il::Argument::Kind::Positional || !arg.value.is(ValueKind::String)) continue;
    const auto& url = arg.value.as_string().key;
    if (!is_redis_url(url, client->api->url_form)) continue;
    if (auto index = database_in_url(url, client->api->url_form)) emit(*index, "url");
    return;
  }
}

void EngineHost::emit_script_call(const engine::ClientCall& call) {
  if (call.method != "__call__") return;
  const auto& script = call.receiver.as_script();
  if (script.client.empty()) return;
  auto client_value = script.client.front();
  auto registered = model_of(client_value);
  if (!registered || !registered->api->script_call) return;
  const auto& script_call = *registered->api->script_call;
  std::optional<ir::GroupRef> group;
  // client= runs it on another client, often a pipeline.
  if (const auto* other = argument(call.args, param_position(script_call, "client"), "client")) {
    if (other->value.is(ValueKind::Client)) client_value = other->value;
    if (other->value.is(ValueKind::Batch) && !other->value.as_batch().client.empty()) {
      const auto& data = other->value.as_batch();
      client_value = data.client.front();
      group = ir::GroupRef{data.kind == engine::BatchData::Kind::Pipeline
                               ? ir::GroupRef::Kind::Pipeline
                               : ir::GroupRef::Kind::Transaction,
                           data.id, data.origin};
    }
  }
  auto client = model_of(client_value);
  if (!client || !client->api->script_call) return;
  emit_op(call, client_value, *client, *client->api->script_call, std::move(group),
          ScriptBody{script.body.front(), script.name});
}

void EngineHost::emit_op(const engine::ClientCall& call, const engine::Value& client_value,
                         const ClientModel& client, const model::Method& method,
                         std::optional<ir::GroupRef> group,
                         const std::optional<ScriptBody>& script) {
  ir::RedisOp op;
  op.call = call.site.span;
  op.callee = call.site.callee;
  op.api = call.method;
  auto bound = bind_arguments(method, call.args, op.call, client.api->flattens_arguments, limits_);
  if (!assign_command(op, expand_template(method, *bound, op.call))) return;
  apply_client_behaviour(op, *client.api, *client.cls, method, client_value.as_client().by_name);
  if (const auto& prefix = client_value.as_client().key_prefix) derive_keys(op, &*prefix);
  op.group = std::move(group);
  if (op.group) op.iteration_symbols = call.iteration_symbols;
  op.error_handling = error_handling(call, *client.cls);
  if (script && script->body.is(ValueKind::String) && scripts_) {
    op.script = scripts_(script->body.as_string(), script->name, call.site);
  }
  ops_.push_back({std::move(op), call.via, call.iteration_symbols});
}

}  // namespace slotlint::frontend
