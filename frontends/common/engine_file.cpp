#include "frontends/common/engine_file.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace slotlint::frontend {
namespace fs = std::filesystem;

engine::ModuleId FileProgram::add(il::Module module, fs::path path) {
  auto id = static_cast<engine::ModuleId>(modules_.size());
  std::error_code ec;
  by_path_.emplace(fs::weakly_canonical(path, ec).string(), id);
  paths_.push_back(std::move(path));
  modules_.push_back(std::move(module));
  return id;
}

std::optional<engine::ModuleId> FileProgram::resolve_import(engine::ModuleId from,
                                                            const il::Import& import) const {
  auto key = std::make_pair(from, import.module);
  if (auto found = resolved_.find(key); found != resolved_.end()) return found->second;
  auto parsed = locate(paths_.at(from), import);
  auto id = parsed ? lower_parsed(*parsed) : std::nullopt;
  resolved_.emplace(std::move(key), id);
  return id;
}

std::optional<engine::ModuleId> FileProgram::lower_parsed(const Parsed& parsed) const {
  std::error_code ec;
  auto key = fs::weakly_canonical(parsed.path, ec).string();
  if (auto found = by_path_.find(key); found != by_path_.end()) return found->second;
  auto id = static_cast<engine::ModuleId>(modules_.size());
  auto display =
      fs::weakly_canonical(parsed.path, ec).lexically_relative(fs::weakly_canonical(root_, ec));
  pinned_.push_back(parsed.pin);
  by_path_.emplace(key, id);
  paths_.push_back(parsed.path);
  modules_.push_back(lower_(parsed.root, display.generic_string(), kOtherModules + id));
  return id;
}

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

namespace {

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

// A copy of `key` whose holes named in `symbols` are one value per call,
// not one per element: a loop statement's variable is one value in each
// iteration (what changes between iterations is the op's
// iteration_symbols).
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

}  // namespace

std::vector<EngineOp> ops_in_file(const std::vector<EngineOp>& ops, ir::FileIndex file) {
  std::vector<EngineOp> out;
  std::set<std::string> seen;
  for (const auto& emitted : ops) {
    if (emitted.op.call.file != file) continue;
    if (!seen.insert(op_identity(emitted.op)).second) continue;
    auto each = emitted;
    auto& op = each.op;
    keep_spans_in_file(op);
    for (auto& arg : op.argv) arg.value = one_per_call(arg.value, emitted.loop_symbols);
    for (auto& key : op.keys) key = one_per_call(key, emitted.loop_symbols);
    out.push_back(std::move(each));
  }
  return out;
}

}  // namespace slotlint::frontend
