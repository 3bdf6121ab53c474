#include "frontends/lua/script_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "frontends/common/counted_less.h"
#include "frontends/common/op_builder.h"

namespace slotlint::lua {
namespace {

constexpr int kMaxDepth = 16;

ir::SourceSpan body_span(ts::Node node) { return {0, node.begin(), node.end()}; }

// Lua string literal contents; escapes other than the common ones make the
// text inexact (the span then cannot be edited or mapped byte for byte).
ir::KeyExpr string_value(ts::Node string) {
  auto content = string.field("content");
  if (content.is_null()) return ir::KeyExpr::literal("", body_span(string), false);
  std::string_view raw = content.text();
  if (raw.find('\\') == std::string_view::npos) {
    return ir::KeyExpr::literal(std::string(raw), body_span(content), true);
  }
  std::string text;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      text += raw[i];
      continue;
    }
    char next = raw[++i];
    switch (next) {
      case 'n':
        text += '\n';
        break;
      case 't':
        text += '\t';
        break;
      case 'r':
        text += '\r';
        break;
      default:
        text += next;
        break;
    }
  }
  return ir::KeyExpr::literal(std::move(text), body_span(content), false);
}

class Reader {
 public:
  explicit Reader(ts::Node root) { collect(root); }

  std::shared_ptr<ir::ScriptSummary> summarise(ts::Node root, frontend::WorkStats& work) {
    summary_ = std::make_shared<ir::ScriptSummary>();
    visit(root);
    summary_->keys_read.assign(first_reads_.begin(), first_reads_.end());
    work.lookup_steps += comparisons_;
    return std::move(summary_);
  }

 private:
  // One pass: what each local name is assigned, and names that alias
  // redis.call (`local rcall = redis.call`).
  void collect(ts::Node node) {
    std::vector<ts::Node> stack{node};
    while (!stack.empty()) {
      auto current = stack.back();
      stack.pop_back();
      if (current.type() == "assignment_statement") bind(current);
      if (current.type() == "for_generic_clause") note_key_loop(current);
      if (current.type() == "for_generic_clause" || current.type() == "for_numeric_clause" ||
          current.type() == "parameters") {
        for (std::uint32_t i = 0; i < current.named_child_count(); ++i) {
          auto child = current.named_child(i);
          if (child.type() == "identifier") assignments_[std::string(child.text())].push_back({});
          if (child.type() == "variable_list") {
            for (std::uint32_t j = 0; j < child.named_child_count(); ++j)
              assignments_[std::string(child.named_child(j).text())].push_back({});
          }
        }
      }
      auto children = current.children();
      stack.insert(stack.end(), children.rbegin(), children.rend());
    }
  }

  void bind(ts::Node assignment) {
    ts::Node names, values;
    for (std::uint32_t i = 0; i < assignment.named_child_count(); ++i) {
      auto child = assignment.named_child(i);
      if (child.type() == "variable_list") names = child;
      if (child.type() == "expression_list") values = child;
    }
    for (std::uint32_t i = 0; i < names.named_child_count(); ++i) {
      auto name = names.named_child(i);
      if (name.type() != "identifier") continue;
      // `local a, b = f()` gives b no value we can read.
      auto value = values.named_child(i);
      assignments_[std::string(name.text())].push_back(value);
      if (value.type() == "function_call" && is_redis_call(value.field("name")))
        replies_.insert(std::string(name.text()));
    }
  }

  // `for _, key in ipairs(KEYS)`: `key` is one of the declared keys.
  void note_key_loop(ts::Node clause) {
    ts::Node names, values;
    for (std::uint32_t i = 0; i < clause.named_child_count(); ++i) {
      auto child = clause.named_child(i);
      if (child.type() == "variable_list") names = child;
      if (child.type() == "expression_list") values = child;
    }
    auto iterator = values.named_child(0);
    auto callee = iterator.field("name").text();
    if ((callee != "ipairs" && callee != "pairs") || names.named_child_count() < 2) return;
    auto table = iterator.field("arguments").named_child(0);
    std::string element(names.named_child(1).text());
    if (is_table(table, "KEYS")) key_elements_.insert(element);
    // for _, key in ipairs(redis.call('KEYS', pattern)): keys read from Redis.
    bool reply = (table.type() == "function_call" && is_redis_call(table.field("name"))) ||
                 (table.type() == "identifier" && replies_.contains(std::string(table.text())));
    if (reply) replies_.insert(element);
  }

  // The single value a local is assigned, or null.
  ts::Node value_of(std::string_view name) const {
    auto it = assignments_.find(std::string(name));
    if (it == assignments_.end() || it->second.size() != 1) return {};
    return it->second.front();
  }

  bool is_redis_call(ts::Node callee, int depth = 0) const {
    if (callee.type() == "dot_index_expression") {
      auto table = callee.field("table").text();
      auto field = callee.field("field").text();
      return (table == "redis" || table == "server") && (field == "call" || field == "pcall");
    }
    if (callee.type() == "identifier" && depth < kMaxDepth) {
      auto value = value_of(callee.text());
      return !value.is_null() && is_redis_call(value, depth + 1);
    }
    return false;
  }

  static bool is_table(ts::Node node, std::string_view name) {
    return node.type() == "identifier" && node.text() == name;
  }

  ir::KeyExpr hole(ts::Node node) const {
    std::string text(node.text().substr(0, 60));
    return ir::KeyExpr::hole("lua:" + std::string(node.text()), text, body_span(node));
  }

  ir::KeyExpr eval(ts::Node node, int depth = 0) const {
    if (depth > kMaxDepth) return hole(node);
    auto type = node.type();
    if (type == "string") return string_value(node);
    if (type == "number")
      return ir::KeyExpr::literal(std::string(node.text()), body_span(node), true);
    if (type == "parenthesized_expression") return eval(node.named_child(0), depth + 1);
    if (type == "bracket_index_expression") {
      auto table = node.field("table");
      auto field = node.field("field");
      for (std::string_view name : {"KEYS", "ARGV"}) {
        if (!is_table(table, name)) continue;
        int index = 0;
        if (field.type() == "number") {
          auto text = field.text();
          std::from_chars(text.data(), text.data() + text.size(), index);
        }
        if (index >= 1) {
          return ir::KeyExpr::hole(ir::script_symbol(name, index),
                                   std::string(name) + "[" + std::to_string(index) + "]",
                                   body_span(node));
        }
        // KEYS[i] in a loop: one of the declared keys, which one is unknown.
        if (name == "KEYS")
          return ir::KeyExpr::hole(ir::script_symbol(name, 0), "KEYS[i]", body_span(node));
      }
      return hole(node);
    }
    if (type == "binary_expression" && node.field("operator").text() == "..") {
      auto result = eval(node.field("left"), depth + 1);
      result.append(eval(node.field("right"), depth + 1));
      result.set_span(body_span(node));
      return result;
    }
    if (type == "identifier") {
      if (key_elements_.contains(std::string(node.text()))) {
        return ir::KeyExpr::hole(ir::script_symbol("KEYS", 0), "KEYS[i]", body_span(node));
      }
      if (replies_.contains(std::string(node.text()))) {
        return ir::KeyExpr::hole(ir::script_reply_symbol(node.text()), std::string(node.text()),
                                 body_span(node));
      }
      auto value = value_of(node.text());
      if (value.is_null()) return hole(node);
      auto result = eval(value, depth + 1);
      // A local holding a value we cannot see reads best under its own name.
      if (result.segments().size() == 1) {
        const auto* inner = std::get_if<ir::HoleSegment>(&result.segments().front());
        if (inner != nullptr && inner->symbol.starts_with("lua:")) return hole(node);
      }
      result.set_span(body_span(node));
      return result;
    }
    if (type == "function_call") {
      auto callee = node.field("name").text();
      auto arguments = node.field("arguments");
      if (callee == "tostring" && arguments.named_child_count() == 1) {
        return eval(arguments.named_child(0), depth + 1);
      }
      if (callee == "string.format" && arguments.named_child_count() >= 1 &&
          arguments.named_child(0).type() == "string") {
        return format(node, arguments, depth);
      }
    }
    return hole(node);
  }

  // string.format("%s:%s", a, b): %s and %d take the next argument.
  ir::KeyExpr format(ts::Node call, ts::Node arguments, int depth) const {
    auto pattern = string_value(arguments.named_child(0));
    if (!pattern.is_literal()) return hole(call);
    std::string text = pattern.literal_text();
    ir::KeyExpr result;
    result.set_span(body_span(call));
    std::string pending;
    std::uint32_t next = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '%' || i + 1 == text.size()) {
        pending += text[i];
        continue;
      }
      char spec = text[++i];
      if (spec == '%') {
        pending += '%';
        continue;
      }
      if (spec != 's' && spec != 'd' && spec != 'i') return hole(call);
      result.append(ir::KeyExpr::literal(pending, body_span(arguments.named_child(0)), false));
      pending.clear();
      if (next >= arguments.named_child_count()) return hole(call);
      result.append(eval(arguments.named_child(next++), depth + 1));
    }
    result.append(ir::KeyExpr::literal(pending, body_span(arguments.named_child(0)), false));
    return result;
  }

  void visit(ts::Node root) {
    std::vector<ts::Node> stack{root};
    while (!stack.empty()) {
      auto node = stack.back();
      stack.pop_back();
      if (node.is_error() || node.is_missing()) {
        if (summary_->syntax_errors++ == 0) summary_->first_error_offset = node.begin();
      }
      note_keys_read(node);
      if (node.type() == "function_call" && is_redis_call(node.field("name"))) command(node);
      auto children = node.children();
      stack.insert(stack.end(), children.rbegin(), children.rend());
    }
  }

  void note_keys_read(ts::Node node) {
    if (!is_table(node, "KEYS")) return;
    auto parent = node.parent();
    if (parent.type() == "bracket_index_expression" && parent.field("table") == node) {
      auto field = parent.field("field");
      int index = 0;
      if (field.type() == "number") {
        auto text = field.text();
        std::from_chars(text.data(), text.data() + text.size(), index);
      }
      if (index < 1) {
        summary_->keys_read_by_count = true;
        return;
      }
      first_reads_.try_emplace(index, parent.begin());  // visited in source order
      return;
    }
    // #KEYS, ipairs(KEYS), unpack(KEYS), or KEYS handed to a function.
    summary_->keys_read_by_count = true;
  }

  void command(ts::Node call) {
    auto arguments = call.field("arguments");
    std::vector<ir::Arg> argv;
    std::vector<ts::Node> nodes;
    for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
      auto argument = arguments.named_child(i);
      if (argument.type() == "comment") continue;
      auto callee = argument.field("name").text();
      bool spread =
          argument.type() == "function_call" && (callee == "unpack" || callee == "table.unpack");
      if (spread) {
        auto inner = argument.field("arguments").named_child(0);
        auto value = is_table(inner, "KEYS") ? ir::KeyExpr::hole(ir::script_symbol("KEYS", 0),
                                                                 "KEYS[i]", body_span(argument))
                                             : hole(argument);
        argv.push_back({std::move(value), true});
      } else {
        argv.push_back({eval(argument), false});
      }
      argv.back().value.set_span(body_span(argument));
      nodes.push_back(argument);
    }
    ir::RedisOp op;
    if (!frontend::assign_command(op, std::move(argv)) || !op.command_known) return;
    ir::ScriptCommandCall recorded{op.command, call.begin(), call.end(), std::nullopt,
                                   op.keyspace_wide};
    if (!op.argv.empty() && !op.argv.front().spread && op.argv.front().value.is_literal())
      recorded.first_argument = op.argv.front().value.literal_text();
    summary_->calls.push_back(std::move(recorded));
    for (auto& key : op.keys) {
      ir::ScriptKeyAccess access;
      access.command = op.command;
      access.begin = key.span().begin;
      access.end = key.span().end;
      access.key = std::move(key);
      summary_->accesses.push_back(std::move(access));
    }
  }

  std::map<std::string, std::vector<ts::Node>> assignments_;
  std::set<std::string> key_elements_;
  std::set<std::string> replies_;  // locals holding what a redis.call returned
  std::uint64_t comparisons_ = 0;
  // KEYS[i]: where it is first read (a redis.call may read 50,000).
  std::map<int, std::uint32_t, frontend::CountedLess> first_reads_{
      frontend::CountedLess{&comparisons_}};
  std::shared_ptr<ir::ScriptSummary> summary_;
};

}  // namespace

ScriptRead read_script(std::string_view body, ts::Parser& parser,
                       const frontend::ParseLimits& limits) {
  auto parsed = frontend::parse(parser, body, limits);
  ScriptRead read;
  read.work = parsed.work;
  if (!parsed.tree) {
    read.problem = parsed.refusal->message;
    return read;
  }
  read.summary = summarise_script(*parsed.tree, read.work);
  read.work.tree_steps = parsed.tree->steps();
  return read;
}

std::shared_ptr<const ir::ScriptSummary> summarise_script(const ts::Tree& tree,
                                                          frontend::WorkStats& work) {
  Reader reader(tree.root());
  return reader.summarise(tree.root(), work);
}

}  // namespace slotlint::lua
