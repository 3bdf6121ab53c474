#include "frontends/javascript/javascript_frontend.h"
#include "frontends/common/source_helpers.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "frontends/common/connect_options.h"
#include "frontends/common/op_builder.h"
#include "frontends/common/parsing.h"
#include "frontends/javascript/call_binding.h"
#include "frontends/javascript/client_resolver.h"
#include "frontends/javascript/error_handling.h"
#include "frontends/javascript/evaluator.h"
#include "frontends/javascript/project.h"
#include "frontends/javascript/scopes.h"
#include "frontends/lua/script_use.h"

namespace slotlint::javascript {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

// A script a client gets as a method: its number of keys (when fixed) and
// the expression holding its body.
struct DefinedScript {
  std::optional<std::size_t> numkeys;
  ts::Node body;
  std::string file;  // or the `.lua` file it is read from (a folder loader)
  const Scope* scope = nullptr;
  std::uint32_t position = 0;
};

const Value* field(const Value& object, std::string_view name) {
  for (std::size_t i = 0; object.kind == Value::Kind::Mapping && i < object.keys.size(); ++i) {
    if (object.keys[i].text.is_literal() && object.keys[i].text.literal_text() == name)
      return &object.values[i];
  }
  return nullptr;
}

ts::Node field_node(ts::Node object, std::string_view name) {
  object = unwrap(object);
  for (std::uint32_t i = 0; object.type() == "object" && i < object.named_child_count(); ++i) {
    auto pair = object.named_child(i);
    if (pair.type() == "pair" && (pair.field("key").text() == name ||
                                  pair.field("key").text() == "\"" + std::string(name) + "\"" ||
                                  pair.field("key").text() == "'" + std::string(name) + "'")) {
      return pair.field("value");
    }
  }
  return {};
}

std::optional<std::size_t> literal_count(const Value* value) {
  if (value == nullptr || value->kind != Value::Kind::Number || !value->text.is_literal())
    return std::nullopt;
  auto text = value->text.literal_text();
  if (text.empty() || !std::ranges::all_of(text, [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      }))
    return std::nullopt;
  return std::stoul(text);
}

class Frontend {
 public:
  Frontend(const frontend::FileInput& file, frontend::Models models, const ScopeTree& scopes,
           JsProject* project, frontend::FileAnalysis& result)
      : file_(file),
        models_(models),
        scopes_(scopes),
        evaluator_(scopes, file.index, file.filesystem_path,
                   project != nullptr ? &project->modules() : nullptr),
        resolver_(models, scopes, evaluator_),
        project_(project),
        result_(result) {}

  void run() {
    collect_defined_commands();
    for (const auto& call : scopes_.calls()) {
      if (auto op = op_for(call)) result_.ops.push_back(std::move(*op));
      queued_as_arrays(call);
    }
    for (const auto& construction : scopes_.constructions()) connect_select(construction);
  }

  // The database a client's constructor selects (ioredis `{db: 2}`,
  // node-redis `{database: 2}`, a redis:// URL with a path): the SELECT it
  // sends on each new connection, located at the option.
  void connect_select(const Call& construction) {
    auto client = resolver_.constructed_by(construction.call, *construction.scope);
    if (!client || client->cls == nullptr) return;
    const auto& cls = *client->cls;
    ir::SourceSpan call{file_.index, construction.call.begin(), construction.call.end()};
    auto emit = [&](ir::KeyExpr index, std::string option) {
      auto where = index.span().empty() ? call : index.span();
      result_.ops.push_back(frontend::connect_select(*client->api, cls, std::move(index), call,
                                                     where, std::move(option)));
    };
    for (const auto& path : cls.database_options) {
      Value options;
      if (const auto* value = resolver_.option(*client, path, options)) {
        return emit(value->text, path);
      }
    }
    for (const auto& path : cls.url_options) {
      Value options;
      const auto* value = resolver_.option(*client, path, options);
      if (value == nullptr || !value->is_text()) continue;
      if (auto index = frontend::database_in_url(value->text, client->api->url_form))
        return emit(*index, path);
      return;
    }
    if (!cls.url_arguments) return;
    auto arguments = construction.call.field("arguments");
    for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
      auto value = evaluator_.evaluate(arguments.named_child(i), *construction.scope,
                                       construction.call.begin());
      if (!value.is_text() || !frontend::is_redis_url(value.text, client->api->url_form)) continue;
      if (auto index = frontend::database_in_url(value.text, client->api->url_form))
        emit(*index, "url");
      return;
    }
  }

  // redis.pipeline([["set", "a", 1], ["get", "b"]]): commands given as arrays.
  void queued_as_arrays(const Call& call) {
    auto function = unwrap(call.call.field("function"));
    auto name = function.field("property").text();
    auto list = unwrap(call.call.field("arguments").named_child(0));
    if (list.type() != "array") return;
    auto client = resolver_.resolve(function.field("object"), *call.scope);
    if (!client) return;
    const auto& api = *client->api;
    if (!listed(api.pipeline_methods, name) && !listed(api.transaction_methods, name)) return;
    model::Method method;
    method.name = std::string(name);
    method.signature = model::parse_signature("*args");
    method.argv = {{model::TemplateElement::Kind::Spread, "args"}};
    method.command_from_first_arg = true;
    method.library = api.library;
    auto group = resolver_.batch_of(call.call, *call.scope, file_.index);
    auto execution = batch_execution(call.call, api.execute_methods);
    for (std::uint32_t i = 0; i < list.named_child_count(); ++i) {
      auto command = unwrap(list.named_child(i));
      if (command.type() != "array" || command.named_child_count() == 0) continue;
      ir::RedisOp op;
      op.call = {file_.index, command.begin(), command.end()};
      op.callee = {file_.index, command.named_child(0).begin(), command.named_child(0).end()};
      op.api = std::string(name);
      JsArguments bound(method, command, evaluator_, *call.scope, file_.index, false);
      if (!frontend::assign_command(op, frontend::expand_template(method, bound, op.call)))
        continue;
      frontend::apply_client_behaviour(op, api, *client->cls, method, client->by_name_only);
      if (auto prefix = resolver_.key_prefix(*client)) frontend::derive_keys(op, &*prefix);
      op.group = group;
      if (!execution.is_null()) op.error_handling = error_handling(execution, file_.index);
      result_.ops.push_back(std::move(op));
    }
  }

 private:
  // ioredis: client.defineCommand("name", {numberOfKeys: 2, lua: LUA}).
  void collect_defined_commands() {
    for (const auto& call : scopes_.calls()) {
      auto function = unwrap(call.call.field("function"));
      auto method = function.field("property").text();
      auto client = resolver_.resolve(function.field("object"), *call.scope);
      const model::ApiModel* api = client ? client->api : nullptr;
      // Only one library defines commands this way: a receiver placed in
      // another by its name alone is that library's client after all.
      if (api == nullptr || api->script_definitions.method != method) {
        for (const auto* candidate : models_) {
          if (!candidate->script_definitions.method.empty() &&
              candidate->script_definitions.method == method) {
            api = candidate;
          }
        }
      }
      if (api == nullptr || api->script_definitions.method.empty() ||
          api->script_definitions.method != method) {
        continue;
      }
      auto arguments = call.call.field("arguments");
      Value name = evaluator_.evaluate(arguments.named_child(0), *call.scope, call.call.begin());
      auto options = arguments.named_child(1);
      Value values = evaluator_.evaluate(options, *call.scope, call.call.begin());
      if (!name.text.is_literal()) {
        define_folder(*api, values, *call.scope, call.call.begin());
        continue;
      }
      DefinedScript script;
      script.numkeys = literal_count(field(values, api->script_definitions.numkeys_field));
      script.body = field_node(options, api->script_definitions.body_field);
      script.scope = call.scope;
      script.position = call.call.begin();
      defined_[name.text.literal_text()] = script;
    }
  }

  // A loader that walks a folder of scripts: defineCommand(name, {lua:
  // readFileSync(path.join(dir, file))}) in a loop. Each `.lua` file there is a
  // command named after the file; `name-3.lua` takes 3 keys (a job queue habit).
  void define_folder(const model::ApiModel& api, const Value& options, const Scope& scope,
                     std::uint32_t position) {
    const auto* lua = field(options, api.script_definitions.body_field);
    if (lua == nullptr || lua->kind != Value::Kind::FileContents || lua->text.is_unknown()) return;
    std::string folder;
    for (const auto& segment : lua->text.segments()) {
      const auto* literal = std::get_if<ir::LiteralSegment>(&segment);
      if (literal == nullptr) break;
      folder += literal->text;
    }
    if (lua->text.is_literal() || !folder.ends_with('/')) return;
    std::filesystem::path dir(folder);
    if (dir.is_relative()) dir = file_.filesystem_path.parent_path() / dir;
    auto fixed = literal_count(field(options, api.script_definitions.numkeys_field));
    if (project_ == nullptr) return;
    std::string problem;
    for (const auto& path : project_->files().list_directory(dir, problem)) {
      if (path.extension() != ".lua") continue;
      std::string name = path.stem().string();
      DefinedScript script;
      script.numkeys = fixed;
      if (auto dash = name.rfind('-'); dash != std::string::npos && dash + 1 < name.size() &&
                                       std::ranges::all_of(name.substr(dash + 1), [](char c) {
                                         return std::isdigit(static_cast<unsigned char>(c)) != 0;
                                       })) {
        script.numkeys = std::stoul(name.substr(dash + 1));
        name.resize(dash);
      }
      script.file = path.string();
      script.scope = &scope;
      script.position = position;
      defined_.try_emplace(name, std::move(script));
    }
  }

  // node-redis: createClient({scripts: {name: defineScript({NUMBER_OF_KEYS, SCRIPT})}}).
  std::optional<DefinedScript> script_in_options(const ClientRef& client,
                                                 std::string_view name) const {
    const auto& definitions = client.api->script_definitions;
    if (definitions.option.empty() || client.created_by.is_null() || client.created_in == nullptr)
      return std::nullopt;
    auto options = client.created_by.field("arguments").named_child(0);
    auto scripts = field_node(options, definitions.option);
    auto definition = unwrap(field_node(scripts, name));
    if (definition.type() == "call_expression")
      definition = definition.field("arguments").named_child(0);
    if (unwrap(definition).type() != "object") return std::nullopt;
    Value values = evaluator_.evaluate(definition, *client.created_in, client.created_by.begin());
    DefinedScript script;
    script.numkeys = literal_count(field(values, definitions.numkeys_field));
    script.body = field_node(definition, definitions.body_field);
    script.scope = client.created_in;
    script.position = client.created_by.begin();
    return script;
  }

  std::optional<ClientRef> client_for(ts::Node receiver, std::string_view method,
                                      const Scope& scope) const {
    if (auto found = resolver_.resolve(receiver, scope)) return found;
    for (const auto* api : models_) {
      if (listed(api->identifying_methods, method) || defined_.contains(std::string(method))) {
        const auto* cls = api->find_class(api->default_class);
        if (cls != nullptr &&
            (listed(api->identifying_methods, method) || !api->script_definitions.method.empty())) {
          return ClientRef{api, cls, true};
        }
      }
    }
    return std::nullopt;
  }

  std::optional<ir::RedisOp> op_for(const Call& call) {
    auto function = unwrap(call.call.field("function"));
    auto property = function.field("property");
    auto name = property.text();
    auto receiver = function.field("object");
    auto client = client_for(receiver, name, *call.scope);
    if (!client) return std::nullopt;
    const auto& api = *client->api;
    if (listed(api.pipeline_methods, name) || listed(api.transaction_methods, name) ||
        listed(api.execute_methods, name) || listed(api.same_client_methods, name) ||
        name == api.script_definitions.method) {
      return std::nullopt;
    }
    auto arguments = call.call.field("arguments");
    if (arguments.type() != "arguments") return std::nullopt;

    std::optional<model::Method> synthetic;
    const model::Method* method = api.find_method_any_case(name, *client->cls);
    std::optional<DefinedScript> script;
    if (method == nullptr) {
      auto defined = defined_.find(std::string(name));
      if (defined != defined_.end()) {
        script = defined->second;
      } else {
        script = script_in_options(*client, name);
      }
      if (script) {
        // The script's own method: EVALSHA sha [numkeys] args...
        synthetic.emplace();
        synthetic->name = std::string(name);
        synthetic->signature = model::parse_signature("*args");
        synthetic->argv.push_back({model::TemplateElement::Kind::Word, "EVALSHA"});
        synthetic->argv.push_back({model::TemplateElement::Kind::Word, "sha1-of-the-script"});
        if (script->numkeys)
          synthetic->argv.push_back(
              {model::TemplateElement::Kind::Word, std::to_string(*script->numkeys)});
        synthetic->argv.push_back({model::TemplateElement::Kind::Spread, "args"});
        synthetic->library = api.library;
      } else if (api.command_named_methods) {
        synthetic = frontend::command_named_method(lower(api.without_method_suffix(name)));
        if (synthetic) synthetic->library = api.library;
      }
      method = synthetic ? &*synthetic : nullptr;
    }
    if (method == nullptr) return std::nullopt;

    ir::RedisOp op;
    op.call = {file_.index, call.call.begin(), call.call.end()};
    op.callee = {file_.index, property.begin(), property.end()};
    op.api = std::string(name);
    JsArguments bound(*method, arguments, evaluator_, *call.scope, file_.index,
                      api.flattens_arguments);
    if (!frontend::assign_command(op, frontend::expand_template(*method, bound, op.call)))
      return std::nullopt;
    frontend::apply_client_behaviour(op, api, *client->cls, *method, client->by_name_only);
    // Every key the client sends carries its keyPrefix (KEYS of scripts too).
    if (auto prefix = resolver_.key_prefix(*client)) frontend::derive_keys(op, &*prefix);
    op.group = resolver_.batch_of(receiver, *call.scope, file_.index);
    if (op.group) op.iteration_symbols = iteration_symbols(call, op.group->origin, api);
    if (!method->script_param.empty()) {
      auto body = bound.node_of(method->script_param);
      op.script = script_body(body, *call.scope, call.call.begin());
    } else if (script && !script->body.is_null()) {
      op.script = script_body(script->body, *script->scope, script->position, std::string(name));
    } else if (script && !script->file.empty() && project_ != nullptr) {
      auto contents = Value::file(Value::Kind::FileContents,
                                  ir::KeyExpr::literal(script->file, op.callee, false));
      op.script = lua::script_from_value(
          contents, {std::string(name), call.call.begin(), file_, result_, project_->scripts()});
    }
    auto raised = call.call;
    if (op.group) raised = batch_execution(call.call, api.execute_methods);
    if (!raised.is_null()) op.error_handling = error_handling(raised, file_.index);
    return op;
  }

  // `SCRIPT.replace(/^\s+/gm, "").trim()`: formatting that keeps the script
  // what it is; the body is the text before it.
  static ts::Node without_text_cleanup(ts::Node expr) {
    for (int depth = 0; depth < 8; ++depth) {
      expr = unwrap(expr);
      auto function = unwrap(expr.field("function"));
      auto method = function.field("property").text();
      bool cleanup = method == "trim" || method == "trimStart" || method == "trimEnd" ||
                     method == "replace" || method == "replaceAll" || method == "toString";
      if (expr.type() != "call_expression" || function.type() != "member_expression" || !cleanup)
        return expr;
      expr = function.field("object");
    }
    return expr;
  }

  std::optional<ir::ScriptUse> script_body(ts::Node expr, const Scope& scope,
                                           std::uint32_t position, std::string name = {},
                                           int depth = 0) {
    if (expr.is_null() || project_ == nullptr || depth > 4) return std::nullopt;
    expr = without_text_cleanup(expr);
    Value value = evaluator_.evaluate(expr, scope, position);
    auto inner = unwrap(expr);
    if (name.empty() && (inner.type() == "identifier" || inner.type() == "member_expression"))
      name = inner.text();
    auto use =
        lua::script_from_value(value, {name, expr.begin(), file_, result_, project_->scripts()});
    if (use) return use;
    // `opts.customScript || DEFAULT_SCRIPT`: the script it runs unless told
    // otherwise.
    const Binding* binding = nullptr;
    if (inner.type() == "identifier") binding = evaluator_.binding_of(inner.text(), scope);
    if (inner.type() == "member_expression" && unwrap(inner.field("object")).type() == "this")
      binding = evaluator_.field_of(inner.field("property").text(), scope);
    if (binding == nullptr || binding->scope == nullptr) return std::nullopt;
    auto fallback = without_text_cleanup(binding->value);
    auto op = fallback.field("operator").text();
    if (fallback.type() == "binary_expression" && (op == "||" || op == "??"))
      fallback = fallback.field("right");
    if (fallback == unwrap(binding->value)) return std::nullopt;  // nothing new to read
    return script_body(fallback, *binding->scope, binding->position, name, depth + 1);
  }

  // The loop variables whose value changes each time a command is queued in
  // a batch: loops around the call that start after the batch, unless the
  // loop also sends the batch.
  std::vector<std::string> iteration_symbols(const Call& call, const ir::SourceSpan& batch,
                                             const model::ApiModel& api) const {
    std::vector<std::string> symbols;
    auto execution = batch_execution(call.call, api.execute_methods);
    for (auto node : call.call.ancestors()) {
      auto type = node.type();
      // ids.forEach((id) => multi.incr(...)): the callback runs once per element.
      bool callback = (type == "arrow_function" || type == "function_expression") &&
                      is_iteration_callback(node);
      if (!callback && (type == "function_declaration" || type == "arrow_function" ||
                        type == "function_expression" || type == "method_definition")) {
        break;
      }
      bool loop = type == "for_in_statement" || type == "for_statement" || callback;
      if (!loop || node.begin() <= batch.begin) continue;
      if (!execution.is_null() && node.begin() <= execution.begin() &&
          execution.end() <= node.end())
        continue;
      std::vector<ts::Node> targets;
      if (type == "for_in_statement") targets.push_back(node.field("left"));
      if (callback) {
        auto parameter = node.field("parameter");
        if (parameter.is_null()) parameter = node.field("parameters").named_child(0);
        if (parameter.type() == "required_parameter") parameter = parameter.field("pattern");
        targets.push_back(parameter);
      }
      auto init = node.field("initializer");
      for (std::uint32_t i = 0; i < init.named_child_count(); ++i)
        targets.push_back(init.named_child(i).field("name"));
      for (auto target : targets) {
        for (auto variable : frontend::identifiers_in(target)) {
          auto value =
              evaluator_.evaluate(variable, scopes_.scope_at(call.call), call.call.begin());
          frontend::add_hole_symbols(value.text, symbols);
        }
      }
    }
    return symbols;
  }

  // The first argument of `.forEach(...)`, `.map(...)` and the like.
  static bool is_iteration_callback(ts::Node function) {
    auto arguments = function.parent();
    auto call = arguments.parent();
    if (arguments.type() != "arguments" || call.type() != "call_expression" ||
        arguments.named_child(0) != function) {
      return false;
    }
    auto callee = unwrap(call.field("function"));
    auto name = callee.field("property").text();
    return callee.type() == "member_expression" &&
           (name == "forEach" || name == "map" || name == "flatMap" || name == "filter");
  }

  const frontend::FileInput& file_;
  frontend::Models models_;
  const ScopeTree& scopes_;
  Evaluator evaluator_;
  ClientResolver resolver_;
  JsProject* project_;
  frontend::FileAnalysis& result_;
  std::map<std::string, DefinedScript, std::less<>> defined_;
};

}  // namespace

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               JsProject* project) {
  frontend::FileAnalysis result;
  auto tree = frontend::parse_or_notice(parser, file, limits, result);
  if (!tree) return result;
  auto scopes = ScopeTree::build(*tree);
  frontend::note_syntax_errors(scopes.error_nodes(), scopes.first_error_offset(), file, result);
  Frontend frontend(file, models, scopes, project, result);
  frontend.run();
  result.work.tree_steps += tree->steps();
  return result;
}

}  // namespace slotlint::javascript
