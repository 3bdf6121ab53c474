#include "frontends/javascript/error_handling.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "frontends/common/source_helpers.h"
#include "frontends/javascript/syntax.h"

namespace slotlint::javascript {
namespace {

bool is_boundary(std::string_view type) {
  return type == "function_declaration" || type == "function_expression" ||
         type == "arrow_function" || type == "method_definition" || type == "program" ||
         type == "class_body";
}

bool inside(ts::Node node, ts::Node outer) {
  return !outer.is_null() && outer.begin() <= node.begin() && node.end() <= outer.end();
}

bool contains(ts::Node node, std::string_view type) {
  return frontend::contains_type(node, type, is_boundary);
}

// A loop that tries again: while/do, or a counting for (`for (let i = 0;
// ...)`); a for-of over data moves on to the next item instead.
bool is_retry_loop(ts::Node loop) {
  auto type = loop.type();
  return type == "while_statement" || type == "do_statement" || type == "for_statement";
}

// Logging or reporting the error is not handling it.
bool logs(ts::Node call) {
  std::string callee(unwrap(call.field("function")).text());
  std::ranges::transform(callee, callee.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view word : {"log", "console", "print", "warn", "debug", "info", "trace",
                                "capture", "report", "sentry"}) {
    if (callee.find(word) != std::string::npos) return true;
  }
  return callee.ends_with(".error");
}

// The handler passes the error on: `callback(err)`, `reject(err)`,
// `next(err)`, `this.emit("error", err)` (a call, other than logging, with
// the caught error as an argument).
bool forwards(ts::Node body, std::string_view error) {
  if (error.empty()) return false;
  std::vector<ts::Node> stack{body};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == "call_expression" && !logs(current)) {
      auto arguments = current.field("arguments");
      for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
        if (arguments.named_child(i).text() == error) return true;
      }
    }
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return false;
}

void handler_effects(ts::Node body, ts::Node around, std::string_view error,
                     ir::ErrorHandling& handling, ir::FileIndex file) {
  handling.reraises = contains(body, "throw_statement") || forwards(body, error);
  if (body.type() != "statement_block") return;  // `.catch(() => null)`: an expression
  bool always_leaves = false;
  for (std::uint32_t i = 0; i < body.named_child_count(); ++i) {
    auto type = body.named_child(i).type();
    always_leaves = always_leaves || type == "throw_statement" || type == "return_statement" ||
                    type == "break_statement";
  }
  if (always_leaves) return;
  for (auto node : around.ancestors()) {
    if (is_boundary(node.type())) break;
    auto type = node.type();
    if (type != "while_statement" && type != "do_statement" && type != "for_statement" &&
        type != "for_in_statement") {
      continue;
    }
    if (is_retry_loop(node)) {
      handling.retries = true;
      auto keyword = type == "while_statement" ? 5u : type == "do_statement" ? 2u : 3u;
      handling.retry_loop = {file, node.begin(), node.begin() + keyword};
      auto waits = frontend::find_waits(
          node.field("body"), "call_expression",
          [](ts::Node call) { return call.field("function").text(); },
          [](ts::Node call) {
            // setTimeout(resolve, ms): the delay is the last argument.
            auto arguments = call.field("arguments");
            return arguments.named_child(arguments.named_child_count() - 1);
          });
      handling.waits = waits.any;
      handling.waits_zero = waits.all_zero;
    }
    break;
  }
}

}  // namespace

ir::ErrorHandling error_handling(ts::Node raising_call, ir::FileIndex file) {
  ir::ErrorHandling handling;
  handling.raised_at = {file, raising_call.begin(), raising_call.end()};
  // call.catch(handler): the promise's own handler.
  auto member = raising_call.parent();
  if (member.type() == "member_expression" && member.field("object") == raising_call &&
      member.field("property").text() == "catch" && member.parent().type() == "call_expression") {
    auto handler = unwrap(member.parent().field("arguments").named_child(0));
    handling.caught = true;
    handling.handler = {file, member.field("property").begin(), member.field("property").end()};
    handling.handler_text = "`.catch(...)`";
    auto parameter = handler.field("parameter");
    if (parameter.is_null()) parameter = handler.field("parameters").named_child(0);
    if (parameter.type() == "required_parameter") parameter = parameter.field("pattern");
    handler_effects(handler.field("body"), member.parent(),
                    parameter.type() == "identifier" ? parameter.text() : std::string_view{},
                    handling, file);
    return handling;
  }
  for (auto node : raising_call.ancestors()) {
    if (is_boundary(node.type())) break;
    if (node.type() != "try_statement" || !inside(raising_call, node.field("body"))) continue;
    auto clause = node.field("handler");
    if (clause.is_null()) continue;  // try/finally: the error goes on
    handling.caught = true;
    handling.handler = {file, clause.begin(), clause.begin() + 5};  // `catch`
    handling.handler_text = "a `catch` block";
    auto parameter = clause.field("parameter");
    handler_effects(clause.field("body"), node,
                    parameter.type() == "identifier" ? parameter.text() : std::string_view{},
                    handling, file);
    return handling;
  }
  return handling;
}

ts::Node batch_execution(ts::Node queued_call, std::span<const std::string> execute_methods) {
  auto executes = [&](ts::Node call) {
    auto function = unwrap(call.field("function"));
    return function.type() == "member_expression" &&
           std::ranges::find(execute_methods, function.field("property").text()) !=
               execute_methods.end();
  };
  // A chain: redis.multi().set(a, 1).incr(b).exec()
  auto node = queued_call;
  auto up = queued_call.ancestors();
  for (std::size_t above = 0;
       above + 1 < up.size() && up[above].type() == "member_expression" &&
       up[above].field("object") == node && up[above + 1].type() == "call_expression";
       above += 2) {
    node = up[above + 1];
    if (executes(node)) return node;
  }
  auto receiver = unwrap(unwrap(queued_call.field("function")).field("object"));
  if (receiver.type() != "identifier") return {};
  auto scope = queued_call.nearest_ancestor([](ts::Node n) { return is_boundary(n.type()); });
  ts::Node first;
  std::vector<ts::Node> stack{scope};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == "call_expression" && current.begin() > queued_call.begin() &&
        executes(current) &&
        unwrap(unwrap(current.field("function")).field("object")).text() == receiver.text() &&
        (first.is_null() || current.begin() < first.begin())) {
      first = current;
    }
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return first;
}

}  // namespace slotlint::javascript
