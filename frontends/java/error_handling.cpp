#include "frontends/java/error_handling.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "frontends/common/source_helpers.h"
#include "frontends/java/scopes.h"

namespace slotlint::java {
namespace {

bool is_boundary(std::string_view type) {
  return is_function_node(type) || type == "class_body";
}

bool inside(ts::Node node, ts::Node outer) {
  return !outer.is_null() && outer.begin() <= node.begin() && node.end() <= outer.end();
}

// Logging or reporting the error is not handling it.
bool logs(ts::Node call) {
  auto lower = [](std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
  };
  // By the receiver: a logger, System.out/err, an error tracker or a metric
  // (`log.error(..., e)`, `Sentry.captureException(e)`); `sink.error(e)` or
  // `callback.onError(e)` hand the error on instead.
  auto object = lower(call.field("object").text());
  for (std::string_view word : {"log", "system.out", "system.err", "sentry", "metric", "counter",
                                "meter", "tracer"}) {
    if (object.find(word) != std::string::npos) return true;
  }
  // By the method: printStackTrace(), or a helper named for logging
  // (`logError(e)`, `printError(e)`), not one that handles it
  // (`handleNoSuchKeyError(e)`, which may rethrow).
  auto method = lower(call.field("name").text());
  return method == "printstacktrace" || method.starts_with("log") || method.starts_with("print") ||
         method.starts_with("report") || method.starts_with("capture");
}

// The handler passes the error on: `future.completeExceptionally(e)`,
// `callback.onError(e)`, `sink.error(e)` (a call, other than logging, with
// the caught error as an argument), or hands it back as a value (`return
// new Result<>(e)`, `return e`).
bool forwards(ts::Node body, std::string_view error) {
  if (error.empty()) return false;
  std::vector<ts::Node> stack{body};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    auto type = current.type();
    if ((type == "method_invocation" && !logs(current)) || type == "object_creation_expression") {
      for (auto arg : arguments_of(current)) {
        if (arg.text() == error) return true;
      }
    }
    if (type == "return_statement" && unwrap(current.named_child(0)).text() == error) return true;
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return false;
}

bool is_retry_loop(std::string_view type) {
  return type == "while_statement" || type == "do_statement" || type == "for_statement";
}

// The simple names a catch clause lists (`JedisDataException | IOException`).
std::vector<std::string_view> caught_names(ts::Node clause) {
  std::vector<std::string_view> names;
  for (std::uint32_t i = 0; i < clause.named_child_count(); ++i) {
    auto parameter = clause.named_child(i);
    if (parameter.type() != "catch_formal_parameter") continue;
    for (std::uint32_t j = 0; j < parameter.named_child_count(); ++j) {
      auto types = parameter.named_child(j);
      if (types.type() != "catch_type") continue;
      for (std::uint32_t k = 0; k < types.named_child_count(); ++k) {
        auto name = types.named_child(k).text();
        auto dot = name.rfind('.');
        names.push_back(dot == std::string_view::npos ? name : name.substr(dot + 1));
      }
    }
  }
  return names;
}

}  // namespace

ir::ErrorHandling error_handling(ts::Node raising_call, std::span<const std::string> classes,
                                 ir::FileIndex file) {
  ir::ErrorHandling handling;
  handling.raised_at = {file, raising_call.begin(), raising_call.end()};
  if (classes.empty()) return handling;
  ts::Node clause;
  ts::Node statement;
  for (auto node : raising_call.ancestors()) {
    if (is_boundary(node.type())) break;
    auto type = node.type();
    if ((type != "try_statement" && type != "try_with_resources_statement") ||
        !inside(raising_call, node.field("body"))) {
      continue;
    }
    for (std::uint32_t i = 0; i < node.named_child_count() && clause.is_null(); ++i) {
      auto candidate = node.named_child(i);
      if (candidate.type() != "catch_clause") continue;
      for (auto name : caught_names(candidate)) {
        if (std::ranges::find(classes, name) == classes.end()) continue;
        clause = candidate;
        handling.caught_as = std::string(name);
        break;
      }
    }
    if (!clause.is_null()) {
      statement = node;
      break;
    }
  }
  if (clause.is_null()) return handling;
  handling.caught = true;
  handling.handler = {file, clause.begin(), clause.begin() + 5};  // `catch`
  handling.handler_text = "`catch (" + handling.caught_as + " ...)`";
  auto body = clause.field("body");
  std::string_view error;
  for (std::uint32_t i = 0; i < clause.named_child_count(); ++i) {
    auto parameter = clause.named_child(i);
    if (parameter.type() == "catch_formal_parameter") error = parameter.field("name").text();
  }
  handling.reraises = frontend::contains_type(body, "throw_statement", is_boundary) ||
                      forwards(body, error);
  bool always_leaves = false;
  for (std::uint32_t i = 0; i < body.named_child_count(); ++i) {
    auto type = body.named_child(i).type();
    always_leaves = always_leaves || type == "throw_statement" || type == "return_statement" ||
                    type == "break_statement";
  }
  if (always_leaves) return handling;
  for (auto node : statement.ancestors()) {
    if (is_boundary(node.type())) break;
    auto type = node.type();
    if (type == "enhanced_for_statement") return handling;  // moves on to the next item
    if (!is_retry_loop(type)) continue;
    handling.retries = true;
    auto keyword = type == "while_statement" ? 5u : type == "do_statement" ? 2u : 3u;
    handling.retry_loop = {file, node.begin(), node.begin() + keyword};
    auto waits = frontend::find_waits(
        node.field("body"), "method_invocation",
        [](ts::Node call) {
          return std::string(call.field("object").text()) + "." +
                 std::string(call.field("name").text());
        },
        [](ts::Node call) {
          auto args = arguments_of(call);
          return args.empty() ? ts::Node{} : args.front();
        });
    handling.waits = waits.any;
    handling.waits_zero = waits.all_zero;
    break;
  }
  return handling;
}

ts::Node batch_execution(ts::Node queued_call, std::string_view receiver,
                         std::span<const std::string> execute_methods) {
  if (receiver.empty()) return {};
  for (auto call : calls_on(enclosing_function(queued_call), receiver)) {
    if (call.begin() > queued_call.begin() &&
        std::ranges::find(execute_methods, call.field("name").text()) != execute_methods.end()) {
      return call;
    }
  }
  return {};
}

}  // namespace slotlint::java
