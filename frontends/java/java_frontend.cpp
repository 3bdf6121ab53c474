#include "frontends/java/java_frontend.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "frontends/common/bound_values.h"
#include "frontends/common/connect_options.h"
#include "frontends/common/op_builder.h"
#include "frontends/common/overloads.h"
#include "frontends/common/parsing.h"
#include "frontends/common/source_helpers.h"
#include "frontends/java/error_handling.h"
#include "frontends/java/evaluator.h"
#include "frontends/java/project.h"
#include "frontends/java/scopes.h"
#include "frontends/lua/script_use.h"

namespace slotlint::java {
namespace {

constexpr int kMaxDepth = 16;

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

constexpr std::array<std::string_view, 12> kNumberTypes{"int",    "long",   "short",   "byte",
                                                        "double", "float",  "Integer", "Long",
                                                        "Short",  "Double", "Float",   "Number"};
constexpr std::array<std::string_view, 4> kStringTypes{"String", "CharSequence", "byte[]",
                                                       "StringBuilder"};

std::string kind_of_type(std::string_view type) {
  if (type.empty() || type == "var" || type == "Object" || type == "K" || type == "V")
    return "unknown";
  if (std::ranges::find(kNumberTypes, type) != kNumberTypes.end()) return "number";
  if (std::ranges::find(kStringTypes, type) != kStringTypes.end()) return "string";
  if (type.ends_with("[]")) return "list";
  for (std::string_view collection :
       {"List", "Set", "Collection", "Iterable", "Queue", "Deque", "Stream"}) {
    if (type.ends_with(collection)) return "list";
  }
  if (type.ends_with("Map")) return "map";
  if (type == "boolean" || type == "Boolean" || type == "char") return "other";
  return std::isupper(static_cast<unsigned char>(type.front())) != 0 ? "other" : "unknown";
}

// The batch a call's command is queued in, found from its receiver.
struct ClientRef {
  const model::ApiModel* api = nullptr;
  const model::ClientClass* cls = nullptr;
  bool by_name_only = false;
  ts::Node root;  // the variable or field the chain starts from
  // Named objects (Redisson): the expression naming the object's key.
  ts::Node object_name;
  const Scope* name_scope = nullptr;
  // An async or reactive API: errors arrive through the future or stream,
  // not at the call.
  bool async = false;
};

// RedisAsyncCommands, ReactiveRedisTemplate, RBatchRx, connection.async().
bool names_async(std::string_view name) {
  return name.find("Async") != std::string_view::npos ||
         name.find("Reactive") != std::string_view::npos ||
         name.find("async") != std::string_view::npos ||
         name.find("reactive") != std::string_view::npos || name.ends_with("Rx") || name == "rx" ||
         name == "rxJava";
}

class Frontend {
 public:
  Frontend(const frontend::FileInput& file, frontend::Models models, const ScopeTree& scopes,
           JavaProject* project, frontend::FileAnalysis& result)
      : file_(file),
        scopes_(scopes),
        evaluator_(scopes, file.index, file.filesystem_path,
                   project != nullptr ? &project->classes() : nullptr),
        project_(project),
        result_(result) {
    // A Java file names a client's types only through imports of its package
    // (or by their qualified names, which the prefilter also catches).
    for (const auto* api : models) {
      bool imported = std::ranges::any_of(api->modules, [&](const auto& module) {
        return scopes.imports_under(module.first) ||
               file.source.find(module.first) != std::string_view::npos;
      });
      if (imported) models_.push_back(api);
    }
  }

  void run() {
    if (models_.empty()) return;
    for (const auto& call : scopes_.calls()) {
      if (auto op = op_for(call)) result_.ops.push_back(std::move(*op));
    }
    for (const auto& construction : scopes_.constructions()) connect_select(construction);
  }

  // The database a client built from a URL selects (`new
  // Jedis("redis://host:6379/2")`, `RedisClient.create("redis://host/2")`):
  // the SELECT it sends on each new connection, located at the URL's path.
  void connect_select(const Call& construction) {
    auto node = construction.call;
    std::string callee;
    if (node.type() == "object_creation_expression") {
      callee = simple_type(node.field("type").text());
    } else {
      auto object = unwrap(node.field("object"));
      if (object.is_null()) return;
      callee = std::string(object.text()) + "." + std::string(node.field("name").text());
    }
    auto client = from_constructor(callee);
    if (!client) return;
    auto commands = client->api->constructor_commands.find(callee);
    if (commands != client->api->constructor_commands.end()) {
      if (auto op = constructor_command(construction, *client, commands->second)) {
        result_.ops.push_back(std::move(*op));
        return;
      }
    }
    if (!client->cls->url_arguments) return;
    auto arguments = node.field("arguments");
    for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
      auto value = evaluator_.evaluate(arguments.named_child(i), *construction.scope, node.begin());
      if (!value.is_text() || !frontend::is_redis_url(value.text, client->api->url_form)) continue;
      if (auto index = frontend::database_in_url(value.text, client->api->url_form)) {
        ir::SourceSpan span{file_.index, node.begin(), node.end()};
        auto where = index->span().empty() ? span : index->span();
        result_.ops.push_back(
            frontend::connect_select(*client->api, *client->cls, *index, span, where, "url"));
      }
      return;
    }
  }

 private:
  std::optional<ClientRef> from_type(std::string_view type) const {
    for (const auto* api : models_) {
      for (const auto& cls : api->classes) {
        if (listed(cls.annotations, type))
          return ClientRef{api, &cls, false, {}, {}, nullptr, names_async(type)};
      }
    }
    return std::nullopt;
  }

  std::optional<ClientRef> by_name(std::string_view name) const {
    for (const auto* api : models_) {
      if (const auto* cls = api->class_for_receiver_name(name))
        return ClientRef{api, cls, true, {}, {}, nullptr};
    }
    return std::nullopt;
  }

  std::optional<ClientRef> from_constructor(std::string_view callee) const {
    for (const auto* api : models_) {
      if (const auto* cls = api->class_for_constructor(callee))
        return ClientRef{api, cls, false, {}, {}, nullptr};
    }
    return std::nullopt;
  }

  // The client a lambda's parameter receives: `template.executePipelined(
  // (RedisCallback<Object>) connection -> ...)` hands it a RedisConnection.
  std::optional<ClientRef> callback_parameter(const Scope& lambda, int depth) const {
    auto up = lambda.node.ancestors();
    std::size_t above = 0;
    while (above < up.size() && (up[above].type() == "cast_expression" ||
                                 up[above].type() == "parenthesized_expression"))
      ++above;
    if (above + 1 >= up.size() || up[above].type() != "argument_list") return std::nullopt;
    auto call = up[above + 1];
    if (call.type() != "method_invocation") return std::nullopt;
    const Scope* outer = lambda.parent != nullptr ? lambda.parent : &lambda;
    auto inner = resolve(call.field("object"), *outer, call.begin(), depth + 1);
    if (!inner) return std::nullopt;
    const auto* derived = inner->api->derived_class(call.field("name").text(), *inner->cls);
    if (derived == inner->cls) return std::nullopt;
    return ClientRef{inner->api, derived, inner->by_name_only, {}, {}, nullptr};
  }

  std::optional<ClientRef> from_resolved(const Resolved& resolved, ts::Node name, int depth) const {
    const auto& declaration = *resolved.declaration;
    std::optional<ClientRef> found;
    if (!declaration.type.empty() && declaration.type != "var") {
      found = from_type(declaration.type);
      if (!found) return std::nullopt;  // a declared type that is no client
    }
    ts::Node value = declaration.value;
    const Scope* value_scope = declaration.scope;
    if (value.is_null() && resolved.assignments.size() == 1) {
      value = resolved.assignments.front()->value;
      value_scope = resolved.assignments.front()->scope;
    }
    if (!value.is_null() && value_scope != nullptr) {
      // RSet<String> s = redisson.getSet(name): the object's name; a typed
      // `Jedis jedis = pool.getResource()` keeps its declared class.
      if (auto from_value = resolve(value, *value_scope, value.end(), depth + 1)) {
        if (!found) {
          found = from_value;
        } else if (found->cls->named_object) {
          found->object_name = from_value->object_name;
          found->name_scope = from_value->name_scope;
        } else if (from_value->api == found->api) {
          // `RedisStringCommands c = clusterConnection.sync()`: the value says
          // more than an interface type.
          bool async = found->async || from_value->async;
          found = from_value;
          found->async = async;
        }
      }
    }
    if (!found && declaration.kind == Binding::Kind::Parameter && declaration.type.empty() &&
        resolved.where->node.type() == "lambda_expression") {
      found = callback_parameter(*resolved.where, depth);
    }
    if (!found && declaration.type.empty() && value.is_null()) found = by_name(name.text());
    if (found) found->root = name;
    return found;
  }

  std::optional<ClientRef> resolve(ts::Node receiver, const Scope& scope, std::uint32_t position,
                                   int depth = 0) const {
    while (receiver.type() == "parenthesized_expression") receiver = receiver.named_child(0);
    if (receiver.is_null() || depth > kMaxDepth) return std::nullopt;
    if (receiver.type() == "cast_expression") {
      // ((JedisCluster) holder.get()).mget(...): the cast names the client,
      // unless the value names a more precise class of the same library.
      auto cast = from_type(simple_type(receiver.field("type").text()));
      auto inner = resolve(receiver.field("value"), scope, position, depth + 1);
      if (cast && inner && inner->api == cast->api) {
        inner->async = inner->async || cast->async;
        return inner;
      }
      return cast ? cast : inner;
    }
    receiver = unwrap(receiver);
    auto type = receiver.type();
    if (type == "identifier") {
      auto resolved = evaluator_.resolve(receiver.text(), scope, position);
      if (!resolved) {
        auto found = by_name(receiver.text());  // a field of a superclass
        if (found) found->root = receiver;
        return found;
      }
      return from_resolved(*resolved, receiver, depth);
    }
    if (type == "field_access") {
      // this.jedis, Outer.this.jedis (in an inner or anonymous class)
      auto object = receiver.field("object");
      bool own = object.type() == "this" ||
                 (object.type() == "field_access" && object.field("field").type() == "this");
      if (!own) return std::nullopt;
      const auto* cls = scope.enclosing_class();
      auto field = receiver.field("field");
      auto resolved =
          cls != nullptr ? evaluator_.resolve(field.text(), *cls, UINT32_MAX) : std::nullopt;
      if (!resolved) return by_name(field.text());
      return from_resolved(*resolved, receiver, depth);
    }
    if (type == "object_creation_expression")
      return from_constructor(simple_type(receiver.field("type").text()));
    if (type != "method_invocation") return std::nullopt;
    auto object = unwrap(receiver.field("object"));
    auto name = receiver.field("name").text();
    if (!object.is_null()) {
      if (auto made = from_constructor(std::string(object.text()) + "." + std::string(name)))
        return made;
    }
    if (object.is_null() || object.type() == "this") {
      // A helper of the class returning a client: `getJedis().mget(...)`.
      for (const Scope* s = scope.enclosing_class(); s != nullptr;
           s = s->parent != nullptr ? s->parent->enclosing_class() : nullptr) {
        auto methods = s->methods.find(name);
        if (methods == s->methods.end()) continue;
        for (auto method : methods->second) {
          if (auto found = from_type(simple_type(method.field("type").text()))) {
            found->root = receiver;
            return found;
          }
        }
      }
      return std::nullopt;
    }
    auto inner = resolve(object, scope, position, depth + 1);
    if (!inner) return std::nullopt;
    const auto* derived = inner->api->derived_class(name, *inner->cls);
    if (derived != inner->cls) {
      ClientRef ref{inner->api,
                    derived,
                    inner->by_name_only,
                    inner->root,
                    {},
                    nullptr,
                    inner->async || names_async(name)};
      if (derived->named_object) {
        auto args = arguments_of(receiver);
        if (!args.empty()) {
          ref.object_name = args.front();
          ref.name_scope = &scope;
        }
      }
      return ref;
    }
    if (listed(inner->api->same_client_methods, name)) return inner;
    // A builder's steps return the builder: `RedisURI.builder().withHost(h)`.
    if (inner->cls->config_object) return inner;
    return std::nullopt;
  }

  std::string argument_kind(ts::Node arg, const Value& value, const Scope& scope) const {
    switch (value.kind) {
      case Value::Kind::Number:
        return "number";
      case Value::Kind::String:
        return "string";
      case Value::Kind::Sequence:
        return "list";
      case Value::Kind::Mapping:
        return "map";
      default:
        break;
    }
    arg = unwrap(arg);
    // A builder chain or factory: `new ZParams().weights(1, 2)`, `ZStoreArgs.Builder.max()`.
    auto root = arg;
    while (root.type() == "method_invocation" && !root.field("object").is_null()) {
      auto name = root.field("name").text();
      if (name == "toArray") return "list";
      if (name == "size" || name == "length") return "number";
      root = unwrap(root.field("object"));
    }
    auto type = root.type();
    if (type == "object_creation_expression")
      return kind_of_type(simple_type(root.field("type").text()));
    if (type == "true" || type == "false") return "other";
    if (type == "identifier") {
      if (auto resolved = evaluator_.resolve(root.text(), scope, root.begin())) {
        if (root != arg) return "unknown";  // a method of a variable
        return kind_of_type(resolved->declaration->type);
      }
      // A class: `ScriptOutputType.INTEGER`, `StreamOffset.from(...)`.
      if (starts_with_upper(root.text())) return "other";
    }
    if (type == "field_access" && starts_with_upper(root.field("field").text())) {
      return "other";  // an enum constant: BitOP.AND, RScript.Mode.READ_WRITE
    }
    return "unknown";
  }

  // `new JedisPool(config, host, port, timeout, password, 3)`: the overload
  // whose argument sets what each new connection sends, located at that
  // argument and named after its parameter.
  std::optional<ir::RedisOp> constructor_command(const Call& construction, const ClientRef& client,
                                                 const std::vector<model::Method>& declared) {
    std::vector<Value> values;
    std::vector<std::string> kinds;
    std::vector<ts::Node> nodes;
    for (auto arg : arguments_of(construction.call)) {
      values.push_back(evaluator_.evaluate(arg, *construction.scope, arg.begin()));
      kinds.push_back(argument_kind(arg, values.back(), *construction.scope));
      nodes.push_back(arg);
    }
    std::vector<const model::Method*> overloads;
    for (const auto& method : declared) overloads.push_back(&method);
    const auto* method = frontend::pick_overload(overloads, kinds);
    if (method == nullptr) return std::nullopt;
    auto op = build(construction, *method, client, std::move(values), kinds, nodes);
    if (!op) return std::nullopt;
    for (const auto& element : method->argv) {
      if (element.kind != model::TemplateElement::Kind::Param) continue;
      op->connect_option = element.text;
      for (std::size_t i = 0; i < method->signature.size() && i < nodes.size(); ++i) {
        if (method->signature[i].name == element.text)
          op->callee = {file_.index, nodes[i].begin(), nodes[i].end()};
      }
      break;
    }
    return op;
  }

  std::optional<ir::RedisOp> op_for(const Call& call) {
    auto object = call.call.field("object");
    if (object.is_null()) return std::nullopt;
    auto name = call.call.field("name").text();
    auto client = resolve(object, *call.scope, call.call.begin());
    if (!client) return std::nullopt;
    const auto& api = *client->api;
    const auto& cls = *client->cls;
    auto args = arguments_of(call.call);
    // Values and kinds of the arguments; a named object's key comes first.
    std::vector<Value> values;
    std::vector<std::string> kinds;
    std::vector<ts::Node> nodes;
    if (cls.named_object) {
      if (client->object_name.is_null()) return std::nullopt;
      values.push_back(evaluator_.evaluate(client->object_name, *client->name_scope,
                                           client->object_name.begin()));
      kinds.emplace_back("string");
      nodes.push_back(client->object_name);
    }
    for (auto arg : args) {
      values.push_back(evaluator_.evaluate(arg, *call.scope, arg.begin()));
      kinds.push_back(argument_kind(arg, values.back(), *call.scope));
      nodes.push_back(arg);
    }
    std::string method_name(name);
    auto overloads = api.overloads(method_name, cls);
    if (overloads.empty() && method_name.ends_with("Async")) {
      method_name.resize(method_name.size() - 5);  // Redisson's unionAsync
      overloads = api.overloads(method_name, cls);
    }
    const model::Method* method = frontend::pick_overload(overloads, kinds);
    std::optional<model::Method> synthetic;
    if (method == nullptr && overloads.empty()) {
      if (cls.named_object && !cls.object_command.empty()) {
        // batch.getBucket("a").setAsync(v): one command on the object's key.
        synthetic.emplace();
        synthetic->name = method_name;
        synthetic->signature = model::parse_signature("self, *rest");
        synthetic->argv = {{model::TemplateElement::Kind::Word, cls.object_command},
                           {model::TemplateElement::Kind::Param, "self"}};
      } else if (api.command_named_methods && !cls.config_object) {
        // jedis.hset(key, ...), sync.incr(key): a single-key command named
        // like the method.
        std::string lowered(method_name);
        std::ranges::transform(lowered, lowered.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        synthetic = frontend::command_named_method(lowered);
      }
      if (synthetic) {
        synthetic->library = api.library;
        method = &*synthetic;
      }
    }
    if (method == nullptr) return std::nullopt;
    auto op = build(call, *method, *client, std::move(values), kinds, nodes);
    if (!op) return std::nullopt;
    op->group = batch_of(*client, call);
    if (!op->group && op->command == "WATCH") op->group = watched_transaction(*client, call);
    if (op->group) {
      op->iteration_symbols = iteration_symbols(call, op->group->origin);
      auto root = client->root.is_null() ? std::string_view{} : client->root.text();
      auto executed = batch_execution(call.call, root, api.execute_methods);
      op->error_handling = error_handling(executed.is_null() ? call.call : executed,
                                          cls.tryagain_raises, file_.index);
    } else if (!client->async && !names_async(name)) {
      op->error_handling = error_handling(call.call, cls.tryagain_raises, file_.index);
    }
    return op;
  }

  std::optional<ir::RedisOp> build(const Call& call, const model::Method& method,
                                   const ClientRef& client, std::vector<Value> values,
                                   const std::vector<std::string>& kinds,
                                   const std::vector<ts::Node>& nodes) {
    if (method.command_from_first_arg && !values.empty()) {
      // sendCommand(Protocol.Command.MSET, ...): the enum constant names it.
      auto text = nodes[0].text();
      auto dot = text.rfind('.');
      auto constant = dot == std::string_view::npos ? text : text.substr(dot + 1);
      if (!constant.empty() && std::ranges::all_of(constant, [](unsigned char c) {
            return std::isupper(c) != 0 || c == '_' || std::isdigit(c) != 0;
          })) {
        values[0] = Value::string(ir::KeyExpr::literal(
            std::string(constant), {file_.index, nodes[0].begin(), nodes[0].end()}, false));
      }
    }
    auto passed = frontend::typed_arguments(method, std::move(values), kinds, nodes);
    auto arguments = call.call.field("arguments");
    auto name = call.call.field("name");
    if (name.is_null()) name = call.call.field("type");  // a constructor
    ir::RedisOp op;
    op.call = {file_.index, call.call.begin(), call.call.end()};
    op.callee = {file_.index, name.begin(), name.end()};
    op.api = std::string(name.text());
    frontend::PositionalArguments bound(method, std::move(passed),
                                        {file_.index, arguments.begin(), arguments.end()}, false);
    if (!frontend::assign_command(op, frontend::expand_template(method, bound, op.call)))
      return std::nullopt;
    frontend::apply_client_behaviour(op, *client.api, *client.cls, method, client.by_name_only);
    if (!method.script_param.empty()) {
      op.script = script_body(bound.node_of(method.script_param), *call.scope);
    } else if (op.command == "EVALSHA" || op.command == "EVALSHA_RO") {
      // sha = jedis.scriptLoad(SCRIPT): the body the SHA names.
      auto sha = unwrap(bound.node_of(method.signature.empty() ? "" : method.signature[0].name));
      if (client.cls->named_object || sha.is_null()) return op;
      if (sha.type() == "identifier") {
        if (auto resolved = evaluator_.resolve(sha.text(), *call.scope, sha.begin());
            resolved && !resolved->declaration->value.is_null()) {
          auto value = unwrap(resolved->declaration->value);
          if (value.type() == "method_invocation" && value.field("name").text() == "scriptLoad") {
            auto load_args = arguments_of(value);
            if (!load_args.empty())
              op.script = script_body(load_args.back(), *resolved->declaration->scope);
          }
        }
      }
    }
    return op;
  }

  // A RedisScript variable's body expression and where to evaluate it:
  // `new DefaultRedisScript<>(TEXT, Long.class)`, `RedisScript.of(TEXT)`, or
  // an empty one given its text by setScriptText / setScriptSource /
  // setLocation; followed through `this.script = script`. nullopt when the
  // name is no script object; a null body when its text cannot be found.
  std::optional<std::pair<ts::Node, const Scope*>> script_object(std::string name,
                                                                 const Scope* lookup,
                                                                 std::uint32_t position) const {
    for (int depth = 0; lookup != nullptr && depth < kMaxDepth; ++depth) {
      auto resolved = evaluator_.resolve(name, *lookup, position);
      if (!resolved || resolved->declaration->type.find("Script") == std::string::npos)
        return std::nullopt;
      auto value = unwrap(resolved->declaration->value);
      const Scope* value_scope = resolved->declaration->scope;
      if (value.is_null() && resolved->assignments.size() == 1) {
        value = unwrap(resolved->assignments.front()->value);
        value_scope = resolved->assignments.front()->scope;
      }
      if (value.type() == "identifier") {  // this.rateLimit = script;
        name = std::string(value.text());
        lookup = value_scope;
        position = value.begin();
        continue;
      }
      if (value.type() == "method_invocation" && value.field("object").is_null() &&
          value_scope != nullptr) {
        // script = limitScript(): the factory method's returned local.
        if (auto returned = returned_local(value.field("name").text(), *value_scope)) {
          std::tie(name, lookup, position) = *returned;
          continue;
        }
      }
      if (!value.is_null() && !arguments_of(value).empty())
        return std::pair{arguments_of(value).front(), value_scope};
      std::pair<ts::Node, const Scope*> found{ts::Node{}, value_scope};
      for (const auto& other : scopes_.calls()) {
        auto setter = other.call.field("name").text();
        auto receiver = unwrap(other.call.field("object"));
        auto receiver_name =
            receiver.type() == "field_access" ? receiver.field("field").text() : receiver.text();
        if (receiver_name != name ||
            (setter != "setScriptText" && setter != "setScriptSource" && setter != "setLocation")) {
          continue;
        }
        // ...on this very variable, not another of the same name.
        const Scope* at =
            receiver.type() == "field_access" ? other.scope->enclosing_class() : other.scope;
        auto target =
            at != nullptr ? evaluator_.resolve(name, *at, receiver.begin()) : std::nullopt;
        if (!target || target->declaration != resolved->declaration) continue;
        auto setter_args = arguments_of(other.call);
        if (!setter_args.empty()) found = {setter_args.front(), other.scope};
      }
      return found;
    }
    return std::nullopt;
  }

  // `RedisScript<Long> limitScript() { DefaultRedisScript<Long> s = ...;
  // ...; return s; }` in the class: the returned local, in its method.
  std::optional<std::tuple<std::string, const Scope*, std::uint32_t>> returned_local(
      std::string_view method, const Scope& from) const {
    for (const Scope* cls = from.enclosing_class(); cls != nullptr;
         cls = cls->parent != nullptr ? cls->parent->enclosing_class() : nullptr) {
      auto methods = cls->methods.find(method);
      if (methods == cls->methods.end()) continue;
      for (auto declaration : methods->second) {
        const Scope* own = scopes_.scope_of(declaration);
        if (own == nullptr) continue;
        std::vector<ts::Node> stack{declaration.field("body")};
        while (!stack.empty()) {
          auto node = stack.back();
          stack.pop_back();
          if (node.type() == "return_statement") {
            auto returned = unwrap(node.named_child(0));
            if (returned.type() == "identifier")
              return std::tuple{std::string(returned.text()), own, returned.begin()};
            continue;
          }
          if (is_function_node(node.type()) && node != declaration) continue;
          for (auto child : node.named_children()) stack.push_back(child);
        }
      }
    }
    return std::nullopt;
  }

  // What a script argument holds: a Lua body (text or a `.lua` file), or a
  // Spring RedisScript built from one.
  std::optional<ir::ScriptUse> script_body(ts::Node expr, const Scope& scope) {
    expr = unwrap(expr);
    if (expr.is_null() || project_ == nullptr) return std::nullopt;
    std::string name;
    ts::Node body = expr;
    const Scope* body_scope = &scope;
    if (expr.type() == "identifier" || expr.type() == "field_access") {
      name = std::string(expr.type() == "identifier" ? expr.text() : expr.field("field").text());
      const Scope* lookup = expr.type() == "field_access" ? scope.enclosing_class() : &scope;
      auto object = script_object(name, lookup, expr.begin());
      if (object) {
        body = object->first;
        body_scope = object->second;
        if (body.is_null()) return std::nullopt;
      }
    } else if (expr.type() == "method_invocation" && expr.field("name").text() == "of" &&
               expr.field("object").text().ends_with("RedisScript")) {
      auto args = arguments_of(expr);
      if (args.empty()) return std::nullopt;
      body = args.front();  // RedisScript.of(TEXT) inline
    } else if (expr.type() == "object_creation_expression" &&
               simple_type(expr.field("type").text()).ends_with("RedisScript")) {
      auto args = arguments_of(expr);
      if (args.empty()) return std::nullopt;
      body = args.front();
    }
    Value value = evaluator_.evaluate(body, *body_scope, body.begin());
    if (value.kind == Value::Kind::Path) value.kind = Value::Kind::FileContents;
    return lua::script_from_value(value, {name, expr.begin(), file_, result_, project_->scripts()});
  }

  // The batch a call's command is queued in, from the variable the receiver
  // chain starts at.
  std::optional<ir::GroupRef> batch_of(const ClientRef& client, const Call& call) const {
    const auto& api = *client.api;
    auto root = client.root;
    if (root.type() != "identifier") return std::nullopt;
    auto resolved = evaluator_.resolve(root.text(), *call.scope, root.begin());
    if (!resolved) return std::nullopt;
    const auto& declaration = *resolved->declaration;
    std::string id = resolved->where->id + ":" + std::string(root.text());
    // Transaction t = jedis.multi(); RBatch b = redisson.createBatch(options);
    auto value = unwrap(declaration.value);
    if (value.type() == "method_invocation") {
      auto method = value.field("name").text();
      bool transaction = listed(api.transaction_methods, method);
      if (transaction || listed(api.pipeline_methods, method)) {
        // A Redisson batch in an atomic execution mode runs as MULTI/EXEC.
        auto options = arguments_of(value);
        if (!transaction && !options.empty()) {
          auto text = options.front().text();
          if (unwrap(options.front()).type() == "identifier") {
            if (auto option = evaluator_.resolve(options.front().text(), *declaration.scope,
                                                 options.front().begin());
                option && !option->declaration->value.is_null()) {
              text = option->declaration->value.text();
            }
          }
          transaction = text.find("ATOMIC") != std::string_view::npos;
        }
        return ir::GroupRef{
            transaction ? ir::GroupRef::Kind::Transaction : ir::GroupRef::Kind::Pipeline,
            id + "@" + std::to_string(declaration.position),
            {file_.index, value.begin(), value.end()}};
      }
    }
    // multi() ... exec() on the receiver itself (Lettuce, Spring).
    if (api.multi_is_state) {
      if (auto multi = open_multi(root.text(), call.call)) {
        return ir::GroupRef{ir::GroupRef::Kind::Transaction,
                            id + "@multi" + std::to_string(multi->begin()),
                            {file_.index, multi->begin(), multi->end()}};
      }
    }
    // executePipelined(connection -> ...): the callback's commands are one pipeline.
    if (declaration.kind == Binding::Kind::Parameter) {
      auto function = resolved->where->node;
      auto up = function.ancestors();
      std::size_t above = function.type() == "lambda_expression" ? 0 : 1;
      auto wraps = [](std::string_view type) {
        return type == "cast_expression" || type == "parenthesized_expression" ||
               type == "object_creation_expression" || type == "class_body";
      };
      while (above < up.size() && wraps(up[above].type())) ++above;
      auto holder = above < up.size() ? up[above] : ts::Node{};
      auto pipelined = above + 1 < up.size() ? up[above + 1] : ts::Node{};
      if (holder.type() == "argument_list" &&
          listed(api.pipelined_callback_methods, pipelined.field("name").text())) {
        return ir::GroupRef{ir::GroupRef::Kind::Pipeline,
                            "pipelined@" + std::to_string(pipelined.begin()),
                            {file_.index, pipelined.begin(), pipelined.end()}};
      }
    }
    return std::nullopt;
  }

  // jedis.watch(keys); Transaction t = jedis.multi(): WATCH belongs to the
  // transaction the same receiver starts next in the function.
  std::optional<ir::GroupRef> watched_transaction(const ClientRef& client, const Call& call) const {
    auto root = client.root;
    if (root.type() != "identifier") return std::nullopt;
    ts::Node multi;
    for (auto later : calls_on(enclosing_function(call.call), root.text())) {
      if (later.begin() > call.call.end() && later.field("name").text() == "multi") {
        multi = later;
        break;
      }
    }
    if (multi.is_null()) return std::nullopt;
    auto resolved = evaluator_.resolve(root.text(), *call.scope, root.begin());
    if (!resolved) return std::nullopt;
    if (client.api->multi_is_state) {
      return ir::GroupRef{ir::GroupRef::Kind::Transaction,
                          resolved->where->id + ":" + std::string(root.text()) + "@multi" +
                              std::to_string(multi.begin()),
                          {file_.index, multi.begin(), multi.end()}};
    }
    // Transaction t = jedis.multi(): the group batch_of gives t's commands.
    auto declarator = multi.parent();
    if (declarator.type() != "variable_declarator") return std::nullopt;
    auto name = declarator.field("name");
    auto transaction = evaluator_.resolve(name.text(), *call.scope, declarator.end());
    if (!transaction) return std::nullopt;
    return ir::GroupRef{ir::GroupRef::Kind::Transaction,
                        transaction->where->id + ":" + std::string(name.text()) + "@" +
                            std::to_string(transaction->declaration->position),
                        {file_.index, multi.begin(), multi.end()}};
  }

  // The `receiver.multi()` call before `call` in its function with no
  // `receiver.exec()` / `discard()` between them.
  std::optional<ts::Node> open_multi(std::string_view receiver, ts::Node call) const {
    std::optional<ts::Node> open;
    for (auto earlier : calls_on(enclosing_function(call), receiver)) {
      if (earlier.end() > call.begin()) break;
      auto name = earlier.field("name").text();
      if (name == "multi") open = earlier;
      if (name == "exec" || name == "discard") open.reset();
    }
    return open;
  }

  // Loops around the call that start after the batch was created.
  std::vector<std::string> iteration_symbols(const Call& call, const ir::SourceSpan& batch) const {
    std::vector<std::string> symbols;
    for (auto node : call.call.ancestors()) {
      auto type = node.type();
      if (is_function_node(type) && type != "lambda_expression") break;
      if (node.begin() <= batch.begin) continue;
      std::vector<ts::Node> variables;
      if (type == "enhanced_for_statement") variables.push_back(node.field("name"));
      if (type == "lambda_expression") {
        for (auto var : frontend::identifiers_in(node.field("parameters")))
          variables.push_back(var);
      }
      for (auto variable : variables) {
        auto value = evaluator_.evaluate(variable, *call.scope, call.call.begin());
        frontend::add_hole_symbols(value.text, symbols);
      }
    }
    return symbols;
  }

  const frontend::FileInput& file_;
  std::vector<const model::ApiModel*> models_;
  const ScopeTree& scopes_;
  Evaluator evaluator_;
  JavaProject* project_;
  frontend::FileAnalysis& result_;
};

}  // namespace

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               JavaProject* project) {
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

}  // namespace slotlint::java
