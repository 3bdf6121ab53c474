#include "frontends/go/error_handling.h"

#include <vector>

#include "frontends/common/source_helpers.h"

namespace slotlint::golang {
namespace {

bool is_boundary(std::string_view type) {
  return type == "function_declaration" || type == "method_declaration" || type == "func_literal";
}

bool contains(ts::Node node, std::string_view type) {
  return frontend::contains_type(node, type, is_boundary);
}

// The error leaves the block: returned, panicked, fatal, or sent on.
bool passes_on(ts::Node body) {
  if (contains(body, "return_statement")) return true;
  std::vector<ts::Node> stack{body};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == "call_expression") {
      auto callee = current.field("function").text();
      if (callee == "panic" || callee.ends_with("Fatal") || callee.ends_with("Fatalf") ||
          callee == "os.Exit") {
        return true;
      }
    }
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return false;
}

// `return err` (or `return x, err`) after the check: the error goes on to
// the caller, whatever the check did in between (a NOSCRIPT fallback).
bool returned_later(ts::Node error, ts::Node check) {
  auto block = check.parent();
  for (std::uint32_t i = 0; i < block.named_child_count(); ++i) {
    auto statement = block.named_child(i);
    if (statement.begin() <= check.begin() || statement.type() != "return_statement") continue;
    if (frontend::mentions_identifier(statement.text(), error.text())) return true;
  }
  return false;
}

// Whether `name` is read anywhere in the function after `statement`.
bool used_after(ts::Node name, ts::Node statement) {
  auto body = is_boundary(statement.type())
                  ? statement
                  : statement.nearest_ancestor([](ts::Node n) { return is_boundary(n.type()); });
  std::vector<ts::Node> stack{body};
  while (!stack.empty()) {
    auto current = stack.back();
    stack.pop_back();
    if (current.type() == "identifier" && current.text() == name.text() &&
        current.begin() >= statement.end()) {
      // `_ = cmd` only quiets the compiler.
      auto assignment = current.parent().parent();
      bool blank =
          assignment.type() == "assignment_statement" && assignment.field("left").text() == "_";
      if (!blank) return true;
    }
    for (auto child : current.named_children()) stack.push_back(child);
  }
  return false;
}

void find_retry(ts::Node from, ir::ErrorHandling& handling, ir::FileIndex file) {
  for (auto node : from.ancestors()) {
    if (is_boundary(node.type())) return;
    if (node.type() != "for_statement") continue;
    bool ranges = false;
    for (std::uint32_t i = 0; i < node.named_child_count(); ++i)
      ranges = ranges || node.named_child(i).type() == "range_clause";
    if (ranges) return;  // moving on to the next element is no retry
    handling.retries = true;
    handling.retry_loop = {file, node.begin(), node.begin() + 3};
    auto waits = frontend::find_waits(
        node.field("body"), "call_expression",
        [](ts::Node call) { return call.field("function").text(); },
        [](ts::Node call) { return call.field("arguments").named_child(0); });
    handling.waits = waits.any;
    handling.waits_zero = waits.all_zero;
    return;
  }
}

}  // namespace

ir::ErrorHandling error_handling(ts::Node call, ir::FileIndex file) {
  ir::ErrorHandling handling;
  handling.raised_at = {file, call.begin(), call.end()};
  // rdb.MSet(ctx, ...).Err() / .Result(): the error is read from there.
  auto node = call;
  auto up = call.ancestors();
  std::size_t above = 0;  // up[above] is node's parent
  while (above + 1 < up.size() && up[above].type() == "selector_expression" &&
         up[above + 1].type() == "call_expression") {
    node = up[above + 1];
    above += 2;
  }
  auto statement = above < up.size() ? up[above] : ts::Node{};
  if (statement.type() == "expression_statement") {
    handling.caught = true;
    handling.handler = handling.raised_at;
    handling.handler_text = "ignoring the result (its error is never read)";
    find_retry(statement, handling, file);
    return handling;
  }
  if (statement.type() == "expression_list") statement = statement.parent();
  if (statement.type() != "assignment_statement" && statement.type() != "short_var_declaration")
    return handling;
  auto left = statement.field("left");
  auto error = left.named_child(left.named_child_count() - 1);
  if (error.text() == "_") {
    handling.caught = true;
    handling.handler = {file, error.begin(), error.end()};
    handling.handler_text = "assigning its error to `_`";
    find_retry(statement, handling, file);
    return handling;
  }
  // cmd := rdb.MSet(ctx, ...) and cmd never read again: its error is lost.
  if (node == call && left.named_child_count() == 1 && !used_after(error, statement)) {
    handling.caught = true;
    handling.handler = {file, error.begin(), error.end()};
    handling.handler_text = "storing the command and never reading its error";
    return handling;
  }
  // if err != nil { ... }: right after, or with the call in its initializer.
  ts::Node check;
  if (statement.parent().type() == "if_statement") {
    check = statement.parent();
  } else {
    auto block = statement.parent();
    bool after = false;
    for (std::uint32_t i = 0; i < block.named_child_count() && check.is_null(); ++i) {
      auto sibling = block.named_child(i);
      if (sibling == statement) {
        after = true;
        continue;
      }
      if (after && sibling.type() == "if_statement") check = sibling;
      if (after && sibling.type() != "if_statement" && sibling.type() != "comment") break;
    }
  }
  auto condition = check.field("condition").text();
  if (check.is_null() || condition.find(error.text()) == std::string_view::npos) return handling;
  auto body = condition.find("!=") != std::string_view::npos ? check.field("consequence")
                                                             : check.field("alternative");
  std::string compact = frontend::collapse_spaces(condition);
  bool equals_nil = compact == std::string(error.text()) + " == nil" ||
                    compact == "nil == " + std::string(error.text());
  if (condition.find("==") != std::string_view::npos && !equals_nil) {
    check = {};  // err == redis.Nil: a particular error, not the failure path
  }
  if (check.is_null()) return handling;
  if (equals_nil) {
    // if err == nil { break }: the loop goes on while it fails.
    handling.caught = true;
    handling.handler = {file, check.begin(), check.begin() + 2};
    handling.handler_text = "an `if err == nil` that lets the failure pass";
    find_retry(check, handling, file);
    return handling;
  }
  handling.caught = true;
  handling.handler = {file, check.begin(), check.begin() + 2};  // `if`
  handling.handler_text = "an `if err != nil` block";
  handling.reraises = (!body.is_null() && passes_on(body)) || returned_later(error, check);
  if (!handling.reraises && !body.is_null() && contains(body, "continue_statement"))
    find_retry(check, handling, file);
  return handling;
}

}  // namespace slotlint::golang
