#include "frontends/python/error_handling.h"

#include "frontends/common/source_helpers.h"

#include <algorithm>
#include <vector>

namespace slotlint::python {
namespace {

bool is_scope_boundary(std::string_view type) {
  return type == "function_definition" || type == "class_definition" || type == "lambda" ||
         type == "module";
}

std::string_view last_name(std::string_view dotted) {
  auto dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

// The classes an except clause names; empty for a bare `except:`.
std::vector<std::string_view> caught_names(ts::Node clause) {
  auto value = clause.field("value");
  if (value.type() == "as_pattern") value = value.named_child(0);
  std::vector<std::string_view> names;
  if (value.is_null()) return names;
  if (value.type() == "tuple" || value.type() == "parenthesized_expression") {
    for (std::uint32_t i = 0; i < value.named_child_count(); ++i)
      names.push_back(last_name(value.named_child(i).text()));
  } else {
    names.push_back(last_name(value.text()));
  }
  return names;
}

ts::Node handler_body(ts::Node clause) {
  for (std::uint32_t i = 0; i < clause.named_child_count(); ++i) {
    if (clause.named_child(i).type() == "block") return clause.named_child(i);
  }
  return {};
}

// A statement of one of `types` anywhere in `node`, outside nested functions.
bool contains(ts::Node node, std::span<const std::string_view> types) {
  std::vector<ts::Node> stack{node};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    auto type = current.type();
    if (std::ranges::find(types, type) != types.end()) return true;
    if (current != node && (type == "function_definition" || type == "lambda")) continue;
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return false;
}

bool calls_named_like(ts::Node node, std::string_view fragment) {
  std::vector<ts::Node> stack{node};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == "call" &&
        last_name(current.field("function").text()).find(fragment) != std::string_view::npos) {
      return true;
    }
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return false;
}

bool inside(ts::Node node, ts::Node outer) {
  return !outer.is_null() && outer.begin() <= node.begin() && node.end() <= outer.end();
}

// A loop that tries again: `while ...:` or `for attempt in range(n):`. A
// for-loop over data moves on to the next item instead.
bool is_retry_loop(ts::Node loop) {
  if (loop.type() == "while_statement") return true;
  if (loop.type() != "for_statement") return false;
  auto right = loop.field("right");
  return right.type() == "call" && right.field("function").text() == "range";
}

}  // namespace

ir::ErrorHandling error_handling(ts::Node raising_call, std::span<const std::string> classes,
                                 ir::FileIndex file) {
  ir::ErrorHandling handling;
  handling.raised_at = {file, raising_call.begin(), raising_call.end()};
  if (classes.empty()) return handling;
  ts::Node clause;
  ts::Node try_statement;
  for (auto node : raising_call.ancestors()) {
    if (is_scope_boundary(node.type())) break;
    if (node.type() != "try_statement" || !inside(raising_call, node.field("body"))) continue;
    for (std::uint32_t i = 0; i < node.named_child_count() && clause.is_null(); ++i) {
      auto candidate = node.named_child(i);
      if (candidate.type() != "except_clause") continue;
      auto names = caught_names(candidate);
      bool catches = names.empty() || std::ranges::any_of(names, [&](std::string_view name) {
                       return std::ranges::find(classes, name) != classes.end();
                     });
      if (!catches) continue;
      clause = candidate;
      handling.caught_as = names.empty() ? "" : std::string(names.front());
      for (auto name : names) {
        if (std::ranges::find(classes, name) != classes.end()) handling.caught_as = name;
      }
    }
    if (!clause.is_null()) {
      try_statement = node;
      break;
    }
  }
  if (clause.is_null()) return handling;
  handling.caught = true;
  handling.handler_text =
      handling.caught_as.empty() ? "a bare `except:`" : "`except " + handling.caught_as + "`";
  handling.handler = {file, clause.begin(), clause.begin() + 6};  // `except`
  auto body = handler_body(clause);
  static constexpr std::string_view kRaise[] = {"raise_statement"};
  handling.reraises = contains(body, kRaise);
  // The loop around the try runs again unless the handler always leaves it
  // (`if attempt == last: raise` still retries before that).
  bool always_leaves = false;
  for (std::uint32_t i = 0; i < body.named_child_count(); ++i) {
    auto type = body.named_child(i).type();
    always_leaves = always_leaves || type == "raise_statement" || type == "return_statement" ||
                    type == "break_statement";
  }
  if (always_leaves) return handling;
  // self.retry(exc=e), schedule_retry(...): the handler hands the work to a
  // retry mechanism of its own (a task queue's), which we trust to wait.
  if (calls_named_like(body, "retry")) {
    handling.retries = true;
    handling.waits = true;
    return handling;
  }
  for (auto node : try_statement.ancestors()) {
    if (is_scope_boundary(node.type())) break;
    if (node.type() != "while_statement" && node.type() != "for_statement") continue;
    if (is_retry_loop(node)) {
      handling.retries = true;
      auto keyword = node.type() == "while_statement" ? 5u : 3u;  // `while` / `for`
      handling.retry_loop = {file, node.begin(), node.begin() + keyword};
      // time.sleep(d), await asyncio.sleep(d), a backoff helper.
      auto waits = frontend::find_waits(
          node.field("body"), "call",
          [](ts::Node call) { return last_name(call.field("function").text()); },
          [](ts::Node call) { return call.field("arguments").named_child(0); });
      handling.waits = waits.any;
      handling.waits_zero = waits.all_zero;
    }
    break;
  }
  return handling;
}

namespace {

// Calls `<name>.execute()` on the queued call's receiver variable, in the
// function (or module) around it.
std::vector<ts::Node> executions_on_receiver(ts::Node queued_call) {
  auto receiver = queued_call.field("function").field("object");
  if (receiver.type() != "identifier") return {};
  auto scope = queued_call.nearest_ancestor([](ts::Node n) { return is_scope_boundary(n.type()); });
  std::vector<ts::Node> found;
  std::vector<ts::Node> stack{scope};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == "call") {
      auto function = current.field("function");
      if (function.type() == "attribute" && function.field("attribute").text() == "execute" &&
          function.field("object").text() == receiver.text()) {
        found.push_back(current);
      }
    }
    for (std::uint32_t i = 0; i < current.named_child_count(); ++i) {
      auto child = current.named_child(i);
      if (child != scope && child.type() == "function_definition") continue;
      stack.push_back(child);
    }
  }
  return found;
}

}  // namespace

ts::Node batch_execution(ts::Node queued_call) {
  // A chain: r.pipeline().set(a, 1).incr(b).execute()
  auto node = queued_call;
  auto up = queued_call.ancestors();
  for (std::size_t above = 0; above + 1 < up.size() && up[above].type() == "attribute" &&
                              up[above].field("object") == node && up[above + 1].type() == "call";
       above += 2) {
    node = up[above + 1];
    if (node.field("function").field("attribute").text() == "execute") return node;
  }
  ts::Node first;
  for (auto execution : executions_on_receiver(queued_call)) {
    if (execution.begin() > queued_call.begin() &&
        (first.is_null() || execution.begin() < first.begin())) {
      first = execution;
    }
  }
  return first;
}

std::size_t executions_before(ts::Node queued_call) {
  return static_cast<std::size_t>(std::ranges::count_if(
      executions_on_receiver(queued_call),
      [&](ts::Node execution) { return execution.end() <= queued_call.begin(); }));
}

}  // namespace slotlint::python
