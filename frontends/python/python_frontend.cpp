#include "frontends/python/python_frontend.h"
#include "frontends/common/source_helpers.h"

#include <algorithm>

#include <fmt/format.h>

#include "frontends/common/op_builder.h"
#include "frontends/common/parsing.h"
#include "frontends/python/call_binding.h"
#include "frontends/python/client_resolver.h"
#include "frontends/python/error_handling.h"
#include "frontends/python/evaluator.h"
#include "frontends/python/scopes.h"
#include "frontends/python/script_source.h"

namespace slotlint::python {
namespace {

// A method the model marks as existing only on some classes tells us the class
// when the receiver was recognised by name alone.
const model::ClientClass* class_for_call(const model::ApiModel& api, const model::Method& method,
                                         const ClientRef& client) {
  if (method.only_on.empty()) return client.cls;
  if (std::ranges::find(method.only_on, client.cls->name) != method.only_on.end())
    return client.cls;
  return client.by_name_only ? api.find_class(method.only_on.front()) : nullptr;
}

// The symbols of loop variables that change between the times a command is
// queued: loops around the call that start after the batch was created.
std::vector<std::string> iteration_symbols(const MethodCall& call, const ir::SourceSpan& batch,
                                           const Evaluator& evaluator) {
  std::vector<std::string> symbols;
  // A loop that also executes the batch sends one batch per iteration.
  auto execution = batch_execution(call.call);
  for (auto node : call.call.ancestors()) {
    auto type = node.type();
    if (type == "function_definition" || type == "class_definition") break;
    if (type != "for_statement" || node.begin() <= batch.begin) continue;
    if (!execution.is_null() && node.begin() <= execution.begin() && execution.end() <= node.end())
      continue;
    for (auto variable : frontend::identifiers_in(node.field("left"))) {
      // The symbol the evaluator gives this variable where the call reads it.
      frontend::add_hole_symbols(evaluator.evaluate(variable, *call.scope, call.call.begin()).text,
                                 symbols);
    }
  }
  return symbols;
}

// The handler around where the op's errors surface: the call itself, or the
// execute() of the batch it is queued in.
ir::ErrorHandling handling_around(ts::Node call, const ir::RedisOp& op,
                                  std::span<const std::string> classes,
                                  const ClientResolver& resolver, ir::FileIndex file) {
  if (!op.group) return error_handling(call, classes, file);
  auto execution = resolver.runner_call(op.group->id);  // r.transaction(func) executes it
  if (execution.is_null()) execution = batch_execution(call);
  if (execution.is_null()) return {};
  return error_handling(execution, classes, file);
}

// `release(keys=[k], args=[token], client=pipe)` where
// `release = r.register_script(BODY)`: an EVALSHA of BODY on that client.
std::optional<ir::RedisOp> script_object_call(const MethodCall& call, const model::ApiModel& api,
                                              const ClientResolver& resolver,
                                              ScriptSources& scripts, const Evaluator& evaluator,
                                              ir::FileIndex file) {
  auto function = call.call.field("function");
  auto registration = scripts.registered(function, *call.scope);
  if (!registration) return std::nullopt;
  auto arguments = call.call.field("arguments");
  if (arguments.type() != "argument_list") return std::nullopt;
  const auto& method = *api.script_call;
  PythonArguments bound(method, arguments, evaluator, *call.scope, file);
  // client= runs it on another client (often a pipeline); else the one it was
  // registered with.
  auto client_node = bound.node_of("client");
  auto client =
      client_node.is_null()
          ? resolver.resolve_for(registration->client, registration->factory, *registration->scope)
          : resolver.resolve(client_node, *call.scope);
  if (!client || client->cls == nullptr) return std::nullopt;

  ir::RedisOp op;
  op.call = {file, call.call.begin(), call.call.end()};
  auto name = function.type() == "attribute" ? function.field("attribute") : function;
  op.callee = {file, name.begin(), name.end()};
  op.api = std::string(function.text());
  if (!frontend::assign_command(op, frontend::expand_template(method, bound, op.call))) {
    return std::nullopt;
  }
  frontend::apply_client_behaviour(op, api, *client->cls, method, client->by_name_only);
  if (!client_node.is_null()) {
    op.group = resolver.batch_of(client_node, *call.scope, file, client->cls);
    if (op.group) op.iteration_symbols = iteration_symbols(call, op.group->origin, evaluator);
  }
  op.script = scripts.body_of(registration->body, *registration->scope, registration->position);
  op.error_handling = handling_around(call.call, op, client->cls->tryagain_raises, resolver, file);
  return op;
}

}  // namespace

frontend::FileAnalysis analyse(const frontend::FileInput& file, const model::ApiModel& api,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               ModuleLoader* modules) {
  frontend::FileAnalysis result;
  auto tree = frontend::parse_or_notice(parser, file, parse_limits(limits), result);
  if (!tree) return result;
  auto scopes = ScopeTree::build(*tree, [&](std::string_view method) {
    return api.has_method(method) ||
           (api.command_named_methods && frontend::command_named_method(method).has_value());
  });
  frontend::note_syntax_errors(scopes.error_nodes(), scopes.first_error_offset(), file, result);

  Evaluator evaluator(scopes, file.index, modules, file.filesystem_path);
  ClientResolver resolver(api, scopes, modules, file.filesystem_path);
  ScriptSources scripts(api, scopes, evaluator, modules, file, result);
  resolver.note_transaction_runs(scopes.calls(), file.index);
  for (const auto& call : scopes.calls()) {
    auto function = call.call.field("function");
    auto method_name = function.field("attribute");
    auto client = resolver.resolve_for(function.field("object"), method_name.text(), *call.scope);
    if (!client || client->cls == nullptr) continue;
    const auto* method = api.find_method(method_name.text(), *client->cls);
    std::optional<model::Method> generic;
    if (method == nullptr && api.command_named_methods && !client->cls->own_methods_only) {
      generic = frontend::command_named_method(method_name.text());
      if (generic) generic->library = api.library;
      method = generic ? &*generic : nullptr;
    }
    if (method == nullptr) continue;
    const auto* cls = class_for_call(api, *method, *client);
    if (cls == nullptr) continue;
    auto arguments = call.call.field("arguments");
    if (arguments.is_null() || arguments.type() != "argument_list") continue;

    ir::RedisOp op;
    op.call = {file.index, call.call.begin(), call.call.end()};
    op.callee = {file.index, method_name.begin(), method_name.end()};
    op.api = std::string(method_name.text());
    PythonArguments bound(*method, arguments, evaluator, *call.scope, file.index);
    auto argv = frontend::expand_template(*method, bound, op.call);
    if (!frontend::assign_command(op, std::move(argv))) continue;
    frontend::apply_client_behaviour(op, api, *cls, *method, client->by_name_only);
    op.group = resolver.batch_of(function.field("object"), *call.scope, file.index, cls);
    if (op.group) {
      // pipe.execute() and then more commands on pipe: the next batch.
      if (auto executed = executions_before(call.call); executed > 0)
        op.group->id += "#" + std::to_string(executed);
    }
    if (!op.group) op.group = resolver.transaction_run(call.call);
    if (op.group) {
      // Loops count from where the batch starts taking commands: for
      // r.transaction(func), the start of func.
      auto start = op.group->origin;
      if (auto function = resolver.runner_function_start(op.group->id))
        start.begin = start.end = *function;
      op.iteration_symbols = iteration_symbols(call, start, evaluator);
    }
    op.error_handling = handling_around(call.call, op, cls->tryagain_raises, resolver, file.index);
    if (!method->script_param.empty()) {
      op.script =
          scripts.body_of(bound.node_of(method->script_param), *call.scope, call.call.begin());
    }
    result.ops.push_back(std::move(op));
  }
  if (api.script_call) {
    for (const auto& call : scopes.other_calls()) {
      if (auto op = script_object_call(call, api, resolver, scripts, evaluator, file.index)) {
        result.ops.push_back(std::move(*op));
      }
    }
  }
  result.work.tree_steps += tree->steps();
  return result;
}

}  // namespace slotlint::python
