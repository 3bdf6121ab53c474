#include "frontends/common/engine_file.h"

#include <algorithm>

#include <fmt/format.h>

namespace slotlint::frontend {

std::pair<std::size_t, std::uint32_t> syntax_errors(ts::Node root) {
  std::size_t count = 0;
  std::uint32_t first = 0;
  std::vector<ts::Node> stack{root};
  while (!stack.empty()) {
    auto node = stack.back();
    stack.pop_back();
    if (node.is_error() || node.is_missing()) {
      if (count++ == 0 || node.begin() < first) first = node.begin();
    }
    if (!node.has_error() && !node.is_missing()) continue;
    for (auto child : node.children()) stack.push_back(child);
  }
  return {count, first};
}

namespace {

bool from_other_module(const ir::KeyExpr& key) {
  if (key.span().file >= kOtherModules) return true;
  return std::ranges::any_of(key.segments(), [](const ir::Segment& segment) {
    return std::visit([](const auto& part) { return part.span.file >= kOtherModules; }, segment);
  });
}

}  // namespace

// Values built in another module keep no spans there: they point at the call.
void keep_spans_in_file(ir::RedisOp& op) {
  auto relocate = [&](ir::KeyExpr& key) {
    if (from_other_module(key)) key.relocate_to(op.call);
  };
  for (auto& arg : op.argv) relocate(arg.value);
  for (auto& key : op.keys) relocate(key);
  if (op.key_prefix) relocate(*op.key_prefix);
  if (op.group && op.group->origin.file >= kOtherModules) op.group->origin = op.call;
}

ir::KeyExpr one_per_call(const ir::KeyExpr& key, const std::vector<std::string>& symbols) {
  if (!key.alternatives().empty() || key.is_unknown()) return key;
  bool changes = std::ranges::any_of(key.segments(), [&](const ir::Segment& segment) {
    const auto* hole = std::get_if<ir::HoleSegment>(&segment);
    return hole != nullptr && hole->varies_per_element &&
           std::ranges::find(symbols, hole->symbol) != symbols.end();
  });
  if (!changes) return key;
  ir::KeyExpr out;
  bool still_varies = false;
  for (auto segment : key.segments()) {
    if (auto* hole = std::get_if<ir::HoleSegment>(&segment)) {
      if (std::ranges::find(symbols, hole->symbol) != symbols.end())
        hole->varies_per_element = false;
      still_varies = still_varies || hole->varies_per_element;
    }
    out.append(std::move(segment));
  }
  out.set_span(key.span());
  if (key.is_collection() && still_varies) out.mark_collection();
  return out;
}

std::string op_identity(const ir::RedisOp& op) {
  std::string text = fmt::format("{}:{}:{}", op.call.begin, op.call.end, op.command);
  for (const auto& arg : op.argv) text += "\x1f" + arg.value.display();
  if (op.group) text += "\x1f" + op.group->id;
  return text;
}

}  // namespace slotlint::frontend
