#include "frontends/go/go_frontend.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "frontends/common/bound_values.h"
#include "frontends/common/connect_options.h"
#include "frontends/common/op_builder.h"
#include "frontends/common/parsing.h"
#include "frontends/common/source_helpers.h"
#include "frontends/go/error_handling.h"
#include "frontends/go/evaluator.h"
#include "frontends/go/project.h"
#include "frontends/go/scopes.h"
#include "frontends/lua/script_use.h"

namespace slotlint::golang {
namespace {

constexpr int kMaxDepth = 16;

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

struct ClientRef {
  const model::ApiModel* api = nullptr;
  const model::ClientClass* cls = nullptr;
  bool by_name_only = false;
};

// Calls whose function literal runs with a batch: rdb.TxPipelined(ctx,
// func(pipe redis.Pipeliner) error {...}), rdb.Watch(ctx, func(tx *redis.Tx)
// error {...}, keys...).
std::optional<ir::GroupRef::Kind> callback_batch(std::string_view method) {
  if (method == "Pipelined") return ir::GroupRef::Kind::Pipeline;
  if (method == "TxPipelined" || method == "Watch") return ir::GroupRef::Kind::Transaction;
  return std::nullopt;
}

class Frontend {
 public:
  Frontend(const frontend::FileInput& file, frontend::Models models, const ScopeTree& scopes,
           GoProject* project, frontend::FileAnalysis& result)
      : file_(file),
        models_(models),
        scopes_(scopes),
        package_holder_(project != nullptr ? project->packages().package_of(file.filesystem_path)
                                           : nullptr),
        package_(package_holder_.get()),
        evaluator_(scopes, file.index, file.filesystem_path, package_),
        project_(project),
        result_(result) {}

  void run() {
    // A Go file names a client only through an import of its module: redigo
    // and go-redis v6/v7 (no ctx) share the package name `redis`.
    auto imports_client = [&](const ScopeTree& scopes) {
      return std::ranges::any_of(scopes.imports(), [&](const auto& import) {
        return std::ranges::any_of(models_, [&](const model::ApiModel* api) {
          return api->modules.contains(import.second);
        });
      });
    };
    // ...or through a struct field or helper of another file of the package.
    bool package_imports =
        package_ != nullptr && std::ranges::any_of(package_->files, [&](const auto& sibling) {
          return imports_client(*sibling->scopes);
        });
    if (!imports_client(scopes_) && !package_imports) return;
    for (const auto& call : scopes_.calls()) {
      if (auto op = op_for(call)) result_.ops.push_back(std::move(*op));
      connect_select(call);
    }
  }

  // The database a client's options select (`redis.NewClient(&redis.Options{DB:
  // 1})`): the SELECT it sends on each new connection, located at the field.
  void connect_select(const Call& call) {
    auto function = unwrap(call.call.field("function"));
    std::string name = canonical(function.text());
    for (const auto* api : models_) {
      const auto* cls = api->class_for_constructor(name);
      if (cls == nullptr || cls->database_options.empty()) continue;
      auto arguments = call.call.field("arguments");
      std::vector<frontend::Value> values;
      for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
        auto argument = unwrap(arguments.named_child(i));
        if (argument.type() == "unary_expression" && argument.field("operator").text() == "&")
          argument = unwrap(argument.field("operand"));
        values.push_back(evaluator_.evaluate(argument, *call.scope, call.call.begin()));
      }
      ir::SourceSpan span{file_.index, call.call.begin(), call.call.end()};
      if (auto op = frontend::constructor_select(*api, *cls, values, span))
        result_.ops.push_back(std::move(*op));
      return;
    }
  }

 private:
  // `redis.NewClient` whatever the file calls the package.
  std::string canonical(std::string_view callee) const { return canonical(callee, scopes_); }
  std::string canonical(std::string_view callee, const ScopeTree& in) const {
    std::string text(callee);
    if (text.starts_with("*")) text = text.substr(1);
    auto dot = text.find('.');
    if (dot == std::string::npos) return text;
    auto import = in.imports().find(std::string_view(text).substr(0, dot));
    if (import == in.imports().end()) return text;
    for (const auto* api : models_) {
      auto module = api->modules.find(import->second);
      if (module == api->modules.end()) continue;
      auto name = module->second.find("*");
      if (name != module->second.end()) return name->second + text.substr(dot);
    }
    return text;
  }

  std::optional<ClientRef> from_type(std::string_view type) const {
    return from_type(type, scopes_);
  }
  std::optional<ClientRef> from_type(std::string_view type, const ScopeTree& in) const {
    std::string name = canonical(type, in);
    // A project's own client interface (`type RedisClient interface {
    // redis.Scripter; MGet(...) *redis.SliceCmd }`): the library's client.
    std::string_view bare = type;
    while (bare.starts_with('*')) bare.remove_prefix(1);
    const ScopeTree* declared_in = &in;
    std::optional<std::string> local = interface_text(in, bare);
    if (!local && package_ != nullptr) {
      for (const auto& sibling : package_->files) {
        if ((local = interface_text(*sibling->scopes, bare))) {
          declared_in = &*sibling->scopes;
          break;
        }
      }
    }
    if (local) {
      for (const auto& [alias, path] : declared_in->imports()) {
        if (local->find(alias + ".") == std::string::npos) continue;
        for (const auto* api : models_) {
          if (!api->modules.contains(path)) continue;
          if (const auto* cls = api->find_class(api->default_class))
            return ClientRef{api, cls, false};
        }
      }
    }
    for (const auto* api : models_) {
      for (const auto& cls : api->classes) {
        if (listed(cls.annotations, name) || listed(cls.annotations, "*" + name))
          return ClientRef{api, &cls, false};
      }
    }
    return std::nullopt;
  }

  std::optional<ClientRef> by_name(std::string_view name) const {
    for (const auto* api : models_) {
      if (const auto* cls = api->class_for_receiver_name(name)) return ClientRef{api, cls, true};
    }
    return std::nullopt;
  }

  // Each (expression, scope) is resolved once per file: a name reassigned
  // from a call on itself (`cmd = cmd.Args(...)`, k times) made the walk over
  // its bindings branch k ways per level, k^16 paths (rueidis's adapter.go
  // ran for hours). A resolution in progress reads as no client, which also
  // cuts the cycle.
  std::optional<ClientRef> resolve(ts::Node receiver, const Scope& scope, int depth = 0) const {
    receiver = unwrap(receiver);
    if (receiver.is_null() || depth > kMaxDepth) return std::nullopt;
    auto key = std::pair{receiver.id(), &scope};
    if (auto known = resolved_.find(key); known != resolved_.end()) return known->second;
    resolved_.emplace(key, std::nullopt);
    auto found = resolve_once(receiver, scope, depth);
    resolved_[key] = found;
    return found;
  }

  std::optional<ClientRef> resolve_once(ts::Node receiver, const Scope& scope, int depth) const {
    ++result_.work.value_steps;
    auto type = receiver.type();
    if (type == "call_expression") {
      auto function = unwrap(receiver.field("function"));
      std::string name = canonical(function.text());
      for (const auto* api : models_) {
        if (const auto* cls = api->class_for_constructor(name)) return ClientRef{api, cls, false};
      }
      if (function.type() != "selector_expression") return std::nullopt;
      auto method = function.field("field").text();
      auto inner = resolve(function.field("operand"), scope, depth + 1);
      if (!inner) return std::nullopt;
      const auto& api = *inner->api;
      if (listed(api.same_client_methods, method) || listed(api.pipeline_methods, method) ||
          listed(api.transaction_methods, method)) {
        return inner;
      }
      return std::nullopt;
    }
    if (type == "identifier") {
      const Scope* where = nullptr;
      const auto* bindings = evaluator_.bindings_of(receiver.text(), scope, &where);
      if (bindings == nullptr) return by_name(receiver.text());
      for (const auto& binding : *bindings) {
        if (!binding.type.empty()) {
          if (auto found = from_type(binding.type)) return found;
        }
        if (!binding.value.is_null() && binding.scope != nullptr) {
          if (auto found = resolve(binding.value, *binding.scope, depth + 1)) return found;
        }
      }
      bool unseen = std::ranges::all_of(*bindings, [](const Binding& b) {
        return b.kind == Binding::Kind::Parameter && b.type.empty();
      });
      return unseen ? by_name(receiver.text()) : std::nullopt;
    }
    if (type == "selector_expression") {
      // s.rdb: the struct field's declared type.
      auto field = receiver.field("field").text();
      auto declared = scopes_.field_types().find(field);
      if (declared != scopes_.field_types().end()) return from_type(declared->second);
      // A struct declared in another file of the package.
      for (const auto& sibling : package_ != nullptr ? package_->files : no_files_) {
        auto there = sibling->scopes->field_types().find(field);
        if (there != sibling->scopes->field_types().end())
          return from_type(there->second, *sibling->scopes);
      }
      return by_name(field);
    }
    return std::nullopt;
  }

  // The batch a call on `receiver` is queued in.
  std::optional<ir::GroupRef> batch_of(ts::Node receiver, const Scope& scope, int depth = 0) const {
    receiver = unwrap(receiver);
    if (receiver.type() != "identifier" || depth > kMaxDepth) return std::nullopt;
    const Scope* where = nullptr;
    const auto* bindings = evaluator_.bindings_of(receiver.text(), scope, &where);
    if (bindings == nullptr || bindings->size() != 1) return std::nullopt;
    const auto& binding = bindings->front();
    if (binding.kind == Binding::Kind::Parameter && where != nullptr &&
        where->node.type() == "func_literal") {
      // func(pipe redis.Pipeliner) error { ... } passed to TxPipelined/Watch.
      auto call = where->node.parent().parent();
      if (call.type() != "call_expression") return std::nullopt;
      auto function = unwrap(call.field("function"));
      auto kind = callback_batch(function.field("field").text());
      if (!kind) return std::nullopt;
      // tx.TxPipelined inside rdb.Watch: the Watch's transaction.
      const auto& outer = scopes_.scope_of(where->node) != nullptr ? *where->parent : scope;
      if (auto enclosing = batch_of(function.field("operand"), outer, depth + 1)) return enclosing;
      return ir::GroupRef{*kind,
                          "cb@" + std::to_string(where->node.begin()),
                          {file_.index, call.begin(), call.end()}};
    }
    auto value = unwrap(binding.value);
    if (value.type() != "call_expression") return std::nullopt;
    auto function = unwrap(value.field("function"));
    if (function.type() != "selector_expression") return std::nullopt;
    auto method = function.field("field").text();
    auto client = resolve(function.field("operand"), *binding.scope);
    if (!client) return std::nullopt;
    std::optional<ir::GroupRef::Kind> kind;
    if (listed(client->api->pipeline_methods, method)) kind = ir::GroupRef::Kind::Pipeline;
    if (listed(client->api->transaction_methods, method)) kind = ir::GroupRef::Kind::Transaction;
    if (!kind) return std::nullopt;
    return ir::GroupRef{
        *kind,
        where->id + ":" + std::string(receiver.text()) + "@" + std::to_string(binding.position),
        {file_.index, value.begin(), value.end()}};
  }

  std::vector<frontend::PassedArgument> passed(ts::Node arguments, const Scope& scope) const {
    std::vector<frontend::PassedArgument> result;
    for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
      auto arg = arguments.named_child(i);
      if (arg.type() == "comment") continue;
      bool spread = arg.type() == "variadic_argument";
      auto expr = spread ? arg.named_child(0) : arg;
      Value value = evaluator_.evaluate(expr, scope, arg.begin());
      if (spread && value.kind == Value::Kind::Sequence) {
        for (auto& item : value.items) result.push_back({std::move(item.value), item.spread, {}});
        continue;
      }
      result.push_back({std::move(value), spread, expr});
    }
    return result;
  }

  // script := redis.NewScript(src); script.Run(ctx, rdb, keys, args...)
  std::optional<ir::RedisOp> script_run(const Call& call, ts::Node function) {
    auto method = function.field("field").text();
    if (method != "Run" && method != "RunRO" && method != "Eval" && method != "EvalSha" &&
        method != "EvalRO" && method != "EvalShaRO" && method != "Exec" && method != "ExecRO") {
      return std::nullopt;
    }
    auto object = unwrap(function.field("operand"));
    ts::Node source;
    const Scope* defined_in = nullptr;
    std::uint32_t position = 0;
    // redis.NewScript(src).Run(...) as well as script := redis.NewScript(src).
    const std::vector<Binding>* bindings = nullptr;
    if (object.type() == "identifier")
      bindings = evaluator_.bindings_of(object.text(), *call.scope);
    bool script_parameter = bindings != nullptr && bindings->size() == 1 &&
                            bindings->front().kind == Binding::Kind::Parameter &&
                            (canonical(bindings->front().type) == "redis.Script" ||
                             canonical(bindings->front().type).starts_with("rueidis.Lua"));
    if (script_parameter) {
      // func run(s *redis.Script, ...): an EVALSHA of a body the caller picks.
    } else if (object.type() == "call_expression" ||
               (bindings != nullptr && bindings->size() == 1)) {
      auto value = object.type() == "call_expression" ? object : unwrap(bindings->front().value);
      auto factory = value.type() == "call_expression"
                         ? canonical(unwrap(value.field("function")).text())
                         : std::string();
      if (factory != "redis.NewScript" && !factory.starts_with("rueidis.NewLuaScript"))
        return std::nullopt;
      source = arguments_of(value).empty() ? ts::Node{} : arguments_of(value).front();
      defined_in = object.type() == "call_expression" ? call.scope : bindings->front().scope;
      position =
          object.type() == "call_expression" ? call.call.begin() : bindings->front().position;
    } else {
      return std::nullopt;
    }
    auto args = arguments_of(call.call);
    if (args.size() < 3) return std::nullopt;
    auto client = resolve(args[1], *call.scope);
    if (!client) return std::nullopt;
    model::Method run;
    run.name = std::string(method);
    run.signature = model::parse_signature("ctx, c, keys, *args");
    run.argv = {{model::TemplateElement::Kind::Word, "EVALSHA"},
                {model::TemplateElement::Kind::Word, "sha1-of-the-script"},
                {model::TemplateElement::Kind::Count, "keys"},
                {model::TemplateElement::Kind::Spread, "keys"},
                {model::TemplateElement::Kind::Spread, "args"}};
    run.library = client->api->library;
    auto op = build(call, function, run, *client);
    if (!op) return std::nullopt;
    if (!source.is_null() && defined_in != nullptr)
      op->script = script_body(source, *defined_in, position);
    op->group = batch_of(args[1], *call.scope);
    return op;
  }

  std::optional<ir::RedisOp> build(const Call& call, ts::Node function, const model::Method& method,
                                   const ClientRef& client) {
    auto arguments = call.call.field("arguments");
    ir::RedisOp op;
    op.call = {file_.index, call.call.begin(), call.call.end()};
    auto field = function.field("field");
    op.callee = {file_.index, field.begin(), field.end()};
    op.api = std::string(field.text());
    frontend::PositionalArguments bound(method, passed(arguments, *call.scope),
                                        {file_.index, arguments.begin(), arguments.end()},
                                        client.api->flattens_arguments);
    if (!frontend::assign_command(op, frontend::expand_template(method, bound, op.call)))
      return std::nullopt;
    frontend::apply_client_behaviour(op, *client.api, *client.cls, method, client.by_name_only);
    if (!method.script_param.empty()) {
      op.script = script_body(bound.node_of(method.script_param), *call.scope, call.call.begin());
    }
    return op;
  }

  std::optional<ir::ScriptUse> script_body(ts::Node expr, const Scope& scope,
                                           std::uint32_t position) {
    if (expr.is_null() || project_ == nullptr) return std::nullopt;
    Value value = evaluator_.evaluate(expr, scope, position);
    std::string name;
    if (unwrap(expr).type() == "identifier") name = unwrap(expr).text();
    return lua::script_from_value(value, {name, expr.begin(), file_, result_, project_->scripts()});
  }

  // rueidis: client.B().Mget().Key("a", "b").Build(). The first step names
  // the command (frontend::builder_step_command: ClientList is CLIENT LIST,
  // GeoradiusRo GEORADIUS_RO), unless the model declares it; a step with
  // arguments adds them, after its keyword unless it only names the role of
  // what follows (Key, Value, Numkeys...); a step without arguments adds its
  // keyword (Nx, Streams).
  // Destkey, Sourcekey, Newkey: rueidis names a step after the key argument
  // it takes, and such a step adds no keyword.
  static bool names_a_key(std::string_view step) {
    auto ends_with = [&](std::string_view tail) {
      return step.size() > tail.size() && step.ends_with(tail);
    };
    return ends_with("key") || ends_with("keys") || ends_with("Key") || ends_with("Keys");
  }

  std::optional<ir::RedisOp> built_command(const Call& call, ts::Node function) {
    static constexpr std::string_view kRoles[] = {
        "Key",         "Keys",    "Value",   "Values",     "KeyValue",  "Arg",      "Args",
        "Destination", "Source",  "Numkeys", "Script",     "Sha1",      "Function", "Timeout",
        "Member",      "Members", "Field",   "FieldValue", "Increment", "Score",    "ScoreMember",
        "Id",          "Newkey",  "Dest",    "Element",    "Count",     "Channel",  "Message"};
    std::vector<ts::Node> steps;
    auto node = unwrap(function.field("operand"));
    while (node.type() == "call_expression") {
      auto step = unwrap(node.field("function"));
      if (step.type() != "selector_expression") return std::nullopt;
      if (step.field("field").text() == "B") break;
      steps.push_back(node);
      node = unwrap(step.field("operand"));
    }
    if (node.type() != "call_expression" || steps.empty()) return std::nullopt;
    auto root = unwrap(node.field("function")).field("operand");
    auto client = resolve(root, *call.scope);
    if (!client) return std::nullopt;
    std::ranges::reverse(steps);
    auto first = unwrap(steps.front().field("function")).field("field");
    std::vector<frontend::PassedArgument> argv;
    // A step the model declares (Arbitrary("CLIENT", "LIST"): the command in
    // words) gives its arguments; any other names the command.
    const auto declared = client->api->overloads(first.text(), *client->cls);
    if (!declared.empty()) argv = passed(steps.front().field("arguments"), *call.scope);
    for (std::size_t i = 1; i < steps.size(); ++i) {
      auto name = unwrap(steps[i].field("function")).field("field").text();
      auto args = passed(steps[i].field("arguments"), *call.scope);
      bool role = std::ranges::find(kRoles, name) != std::end(kRoles) || names_a_key(name);
      if (!role || args.empty()) {
        if (role) continue;
        std::string keyword(name);
        std::ranges::transform(keyword, keyword.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        argv.push_back(
            {Value::string(ir::KeyExpr::literal(keyword, {file_.index, 0, 0}, false)), false, {}});
      }
      for (auto& arg : args) argv.push_back(std::move(arg));
    }
    model::Method method;
    method.name = std::string(first.text());
    method.signature = model::parse_signature("*args");
    method.argv = {{model::TemplateElement::Kind::Spread, "args"}};
    if (declared.empty()) {
      method.argv.insert(method.argv.begin(), {model::TemplateElement::Kind::Word,
                                               frontend::builder_step_command(first.text())});
    }
    method.library = client->api->library;
    frontend::PositionalArguments bound(method, std::move(argv),
                                        {file_.index, call.call.begin(), call.call.end()}, true);
    ir::RedisOp op;
    op.call = {file_.index, call.call.begin(), call.call.end()};
    op.callee = {file_.index, first.begin(), first.end()};
    op.api = "B()." + std::string(first.text());
    if (!frontend::assign_command(op, frontend::expand_template(method, bound, op.call)))
      return std::nullopt;
    frontend::apply_client_behaviour(op, *client->api, *client->cls, method, client->by_name_only);
    // The error surfaces where the command is sent: client.Do(ctx, cmd).
    auto sent = call.call.parent().parent();
    op.error_handling =
        error_handling(sent.type() == "call_expression" ? sent : call.call, file_.index);
    op.group = rueidis_batch(root, sent, *call.scope);
    return op;
  }

  // rueidis batches: every command of a Dedicated client (pinned to one
  // slot: WATCH, MULTI ... EXEC), and DoMulti(ctx, cmds...) — a MULTI/EXEC
  // when it holds MULTI, else a pipeline rueidis splits by node.
  std::optional<ir::GroupRef> rueidis_batch(ts::Node root, ts::Node sent,
                                            const Scope& scope) const {
    root = unwrap(root);
    if (root.type() == "identifier") {
      const Scope* where = nullptr;
      const auto* bindings = evaluator_.bindings_of(root.text(), scope, &where);
      if (bindings != nullptr && bindings->size() == 1 && where != nullptr) {
        const auto& binding = bindings->front();
        // client.Dedicated(func(c rueidis.DedicatedClient) error { ... })
        if (binding.kind == Binding::Kind::Parameter && where->node.type() == "func_literal") {
          auto call = where->node.parent().parent();
          if (unwrap(call.field("function")).field("field").text() == "Dedicated") {
            return ir::GroupRef{ir::GroupRef::Kind::Transaction,
                                "dedicated@" + std::to_string(where->node.begin()),
                                {file_.index, call.begin(), call.end()}};
          }
        }
        // c, cancel := client.Dedicate()
        auto value = unwrap(binding.value);
        if (value.type() == "call_expression" &&
            unwrap(value.field("function")).field("field").text() == "Dedicate") {
          return ir::GroupRef{
              ir::GroupRef::Kind::Transaction,
              where->id + ":" + std::string(root.text()) + "@" + std::to_string(binding.position),
              {file_.index, value.begin(), value.end()}};
        }
      }
    }
    if (sent.type() != "call_expression" ||
        unwrap(sent.field("function")).field("field").text() != "DoMulti") {
      return std::nullopt;
    }
    bool multi = false;
    for (auto arg : arguments_of(sent))
      multi = multi || arg.text().find(".Multi()") != std::string_view::npos;
    return ir::GroupRef{multi ? ir::GroupRef::Kind::Transaction : ir::GroupRef::Kind::Pipeline,
                        "domulti@" + std::to_string(sent.begin()),
                        {file_.index, sent.begin(), sent.end()}};
  }

  std::optional<ir::RedisOp> op_for(const Call& call) {
    auto function = unwrap(call.call.field("function"));
    if (function.type() != "selector_expression") return std::nullopt;
    if (function.field("field").text() == "Build") return built_command(call, function);
    if (auto op = script_run(call, function)) {
      // On a pipeline the error comes back from its Exec, checked there.
      if (!op->group) op->error_handling = error_handling(call.call, file_.index);
      return op;
    }
    auto name = function.field("field").text();
    auto receiver = function.field("operand");
    auto client = resolve(receiver, *call.scope);
    if (!client) return std::nullopt;
    const auto* method = client->api->find_method(name, *client->cls);
    std::optional<model::Method> synthetic;
    if (method == nullptr && client->api->command_named_methods) {
      // rdb.Incr(ctx, key), pipe.HSet(ctx, key, ...): a single-key command
      // named like the method, after the context.
      std::string lowered(name);
      std::ranges::transform(lowered, lowered.begin(),
                             [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      synthetic = frontend::command_named_method(lowered);
      if (synthetic) {
        synthetic->signature.insert(
            synthetic->signature.begin(),
            model::Parameter{"ctx", model::Parameter::Kind::Positional, std::nullopt});
        synthetic->library = client->api->library;
        method = &*synthetic;
      }
    }
    if (method == nullptr) return std::nullopt;
    auto op = build(call, function, *method, *client);
    if (!op) return std::nullopt;
    op->group = batch_of(receiver, *call.scope);
    if (name == "Watch") {
      // rdb.Watch(ctx, fn, keys...): its WATCH keys join the callback's transaction.
      auto args = arguments_of(call.call);
      if (args.size() >= 2 && unwrap(args[1]).type() == "func_literal") {
        op->group = ir::GroupRef{ir::GroupRef::Kind::Transaction,
                                 "cb@" + std::to_string(unwrap(args[1]).begin()),
                                 {file_.index, call.call.begin(), call.call.end()}};
      }
    }
    if (op->group) {
      op->iteration_symbols = iteration_symbols(call, op->group->origin);
    } else {
      op->error_handling = error_handling(call.call, file_.index);
    }
    return op;
  }

  // Range loops around the call that start after the batch was created.
  std::vector<std::string> iteration_symbols(const Call& call, const ir::SourceSpan& batch) const {
    std::vector<std::string> symbols;
    for (auto node : call.call.ancestors()) {
      auto type = node.type();
      if (type == "function_declaration" || type == "method_declaration" || type == "func_literal")
        break;
      if (type != "for_statement" || node.begin() <= batch.begin) continue;
      for (std::uint32_t i = 0; i < node.named_child_count(); ++i) {
        auto clause = node.named_child(i);
        if (clause.type() != "range_clause") continue;
        for (auto variable : frontend::identifiers_in(clause.field("left"))) {
          auto value = evaluator_.evaluate(variable, *call.scope, call.call.begin());
          frontend::add_hole_symbols(value.text, symbols);
        }
      }
    }
    return symbols;
  }

  const frontend::FileInput& file_;
  frontend::Models models_;
  static std::optional<std::string> interface_text(const ScopeTree& in, std::string_view name) {
    auto found = in.interfaces().find(name);
    if (found == in.interfaces().end()) return std::nullopt;
    return found->second;
  }

  const ScopeTree& scopes_;
  std::shared_ptr<const GoPackage> package_holder_;  // keeps it alive while this file is read
  const GoPackage* package_;
  Evaluator evaluator_;
  GoProject* project_;
  const std::vector<std::unique_ptr<GoFile>> no_files_;
  frontend::FileAnalysis& result_;
  mutable std::map<std::pair<const void*, const Scope*>, std::optional<ClientRef>> resolved_;
};

}  // namespace

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               GoProject* project) {
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

}  // namespace slotlint::golang
