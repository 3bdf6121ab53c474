#include "frontends/common/engine_file.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "frontends/common/api_model.h"

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
  roots_.emplace(id, parsed.root);
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

// A command sent in a module whose calls the host takes while another is
// analysed (one never analysed on its own: Host::wants_calls_made_in) is
// reported at the analysed file's call on the path to it, saying where it
// is sent. False when no call of the path is in the analysed file.
bool report_at_caller(ir::RedisOp& op, const std::vector<engine::CallSite>& via, ir::FileIndex file,
                      const FileProgram& program) {
  auto caller = std::ranges::find_if(via.rbegin(), via.rend(), [&](const engine::CallSite& site) {
    return site.span.file == file;
  });
  if (caller == via.rend()) return false;
  op.caveats.push_back(fmt::format("The {} is sent at {}, in code this call runs.",
                                   op.command.empty() ? op.api : op.command,
                                   program.where(op.call)));
  op.call = caller->span;
  op.callee = caller->callee;
  return true;
}

}  // namespace

std::string FileProgram::where(ir::SourceSpan span) const {
  if (span.file < kOtherModules) return {};
  auto id = static_cast<engine::ModuleId>(span.file - kOtherModules);
  std::string out = modules_.at(id).path;
  if (auto root = roots_.find(id); root != roots_.end()) {
    auto before = root->second.source().substr(0, span.begin);
    out += ":" + std::to_string(std::ranges::count(before, '\n') + 1);
  }
  return out;
}

bool FileProgram::names_no_client(engine::ModuleId id, Models models) const {
  auto root = roots_.find(id);
  if (root == roots_.end()) return false;  // the analysed file
  auto source = root->second.source();
  return std::ranges::none_of(models, [&](const model::ApiModel* api) {
    return std::ranges::any_of(api->prefilter, [&](const std::string& word) {
      return source.find(word) != std::string_view::npos;
    });
  });
}

std::vector<EngineOp> ops_in_file(const std::vector<EngineOp>& ops, ir::FileIndex file,
                                  const FileProgram& program,
                                  const std::function<void(EngineOp&)>& complete) {
  std::vector<EngineOp> out;
  std::set<std::string> seen;
  for (const auto& emitted : ops) {
    auto each = emitted;
    auto& op = each.op;
    if (op.call.file != file &&
        (op.call.file < kOtherModules || !report_at_caller(op, emitted.via, file, program)))
      continue;
    keep_spans_in_file(op);
    for (auto& arg : op.argv) arg.value = one_per_call(arg.value, emitted.loop_symbols);
    for (auto& key : op.keys) key = one_per_call(key, emitted.loop_symbols);
    if (complete) complete(each);
    if (!seen.insert(op_identity(op)).second) continue;
    out.push_back(std::move(each));
  }
  return out;
}

}  // namespace slotlint::frontend
