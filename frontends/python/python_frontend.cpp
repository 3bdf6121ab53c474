#include "frontends/python/python_frontend.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyzer/engine/engine.h"
#include "frontends/common/engine_file.h"
#include "frontends/common/engine_host.h"
#include "frontends/common/parsing.h"
#include "frontends/common/source_helpers.h"
#include "frontends/lua/script_use.h"
#include "frontends/python/error_handling.h"
#include "frontends/python/lowering.h"
#include "frontends/python/module_loader.h"
#include "frontends/python/string_format.h"

namespace slotlint::python {
namespace fs = std::filesystem;
using frontend::kOtherModules;
namespace {

// Spans of modules other than the analysed file get file indexes from here
// up, far above those of the Lua scripts it loads (1, 2, ...).
constexpr ir::FileIndex kOtherModules = 0x40000000;

// The modules one file's analysis sees: the file itself and, lowered when the
// engine first reaches them, the project modules its imports name (parsed
// once per run by the loader, lowered per analysed file so that the
// analysed file's spans are file 0).
class FileProgram final : public engine::Program {
 public:
  FileProgram(ModuleLoader& loader, const fs::path& root) : loader_(loader), root_(root) {}

  engine::ModuleId add(il::Module module, fs::path path) {
    auto id = static_cast<engine::ModuleId>(modules_.size());
    std::error_code ec;
    by_path_.emplace(fs::weakly_canonical(path, ec).string(), id);
    paths_.push_back(std::move(path));
    modules_.push_back(std::move(module));
    return id;
  }

  [[nodiscard]] const il::Module& module(engine::ModuleId id) const override {
    return modules_.at(id);
  }
  [[nodiscard]] const fs::path& path(engine::ModuleId id) const { return paths_.at(id); }

  // Asked at every read of an imported name: answered once per module and import.
  [[nodiscard]] std::optional<engine::ModuleId> resolve_import(
      engine::ModuleId from, const il::Import& import) const override {
    auto key = std::make_pair(from, import.module);
    if (auto found = resolved_.find(key); found != resolved_.end()) return found->second;
    auto id = locate_and_lower(from, import);
    resolved_.emplace(std::move(key), id);
    return id;
  }

  [[nodiscard]] std::vector<engine::ModuleId> shared_modules(
      engine::ModuleId from, std::string_view file_name) const override {
    auto key = std::make_pair(from, std::string(file_name));
    if (auto found = shared_.find(key); found != shared_.end()) return found->second;
    std::vector<engine::ModuleId> ids;
    for (const auto& path : loader_.files_above(paths_.at(from), file_name)) {
      if (auto id = lower_file(path)) ids.push_back(*id);
    }
    return shared_.emplace(std::move(key), std::move(ids)).first->second;
  }

 private:
  std::optional<engine::ModuleId> locate_and_lower(engine::ModuleId from,
                                                   const il::Import& import) const {
    ModuleRef ref;
    while (static_cast<std::size_t>(ref.level) < import.module.size() &&
           import.module[ref.level] == '.')
      ++ref.level;
    ref.dotted = import.module.substr(ref.level);
    auto path = loader_.locate(paths_.at(from), ref);
    if (!path) return std::nullopt;
    return lower_file(*path);
  }

  // The module at `path`, lowered once per analysed file.
  std::optional<engine::ModuleId> lower_file(const fs::path& path) const {
    std::error_code ec;
    auto key = fs::weakly_canonical(path, ec).string();
    if (auto found = by_path_.find(key); found != by_path_.end()) return found->second;
    auto parsed = loader_.load_file(path);
    if (!parsed || !parsed->tree) return std::nullopt;
    auto id = static_cast<engine::ModuleId>(modules_.size());
    auto display =
        fs::weakly_canonical(path, ec).lexically_relative(fs::weakly_canonical(root_, ec));
    pinned_.push_back(parsed);
    by_path_.emplace(key, id);
    paths_.push_back(path);
    modules_.push_back(lower(parsed->tree->root(), display.generic_string(), kOtherModules + id));
    return id;
  }

  ModuleLoader& loader_;
  fs::path root_;
  mutable std::map<std::pair<engine::ModuleId, std::string>, std::optional<engine::ModuleId>>
      resolved_;
  mutable std::map<std::pair<engine::ModuleId, std::string>, std::vector<engine::ModuleId>> shared_;
  // Lowered on demand from const lookups; a deque keeps references stable.
  mutable std::deque<il::Module> modules_;
  mutable std::vector<fs::path> paths_;
  mutable std::vector<std::shared_ptr<const ParsedModule>> pinned_;
  mutable std::map<std::string, engine::ModuleId> by_path_;
};

// The `call` node at a span of the analysed file.
ts::Node call_at(ts::Node root, const ir::SourceSpan& span) {
  for (auto node = root.descendant(span.begin, span.end); !node.is_null(); node = node.parent()) {
    if (node.type() == "call" && node.begin() == span.begin && node.end() == span.end) return node;
    if (node.begin() < span.begin || node.end() > span.end) break;
  }
  return {};
}

// The API-model host, with what only Python says: how a format spec writes
// a value, and where a file the code opens is.
class PythonHost final : public frontend::EngineHost {
 public:
  // Files the code reads are read through the run's script library (inside
  // the project only).
  PythonHost(frontend::Models models, ScriptReader scripts, ModuleLoader& modules,
             const FileProgram& program)
      : EngineHost(models, std::move(scripts)), modules_(modules), program_(program) {}

  // Only the analysed file's ops are kept (analyse below).
  [[nodiscard]] bool wants_calls_of_other_modules() const override { return false; }

  // A relative path is the process's working folder's, unknown here: the
  // reading module's folder is tried first, then the project root.
  std::optional<FileText> read_file(const ir::KeyExpr& path,
                                    const engine::CallSite& from) override {
    if (!path.is_literal()) return std::nullopt;
    fs::path written(path.literal_text());
    std::vector<fs::path> candidates{written};
    if (!written.is_absolute()) {
      candidates = {program_.path(from.module).parent_path() / written, modules_.root() / written};
    }
    for (const auto& candidate : candidates) {
      if (auto file = modules_.scripts().load_file(candidate)) {
        return FileText{file->text, candidate.string()};
      }
    }
    return std::nullopt;
  }

  std::optional<ir::KeyExpr> format_string(
      const ir::KeyExpr& format, const std::vector<ir::KeyExpr>& positional,
      const std::vector<std::pair<std::string, ir::KeyExpr>>& named, ir::SourceSpan call) override {
    FormatArguments args{positional, {named.begin(), named.end()}, call};
    return brace_format(format, args);
  }

  std::optional<ir::KeyExpr> formatted(const ir::KeyExpr& value, const std::string& spec,
                                       bool brace, ir::SourceSpan span) override {
    // The lowering keeps the spec without its ':' or '%'.
    if (!brace) return through_spec(value, "%" + spec, span);
    return through_spec(value, spec.starts_with('!') ? spec : ":" + spec, span);
  }

 private:
  ModuleLoader& modules_;
  const FileProgram& program_;
};

// The loop statements around `call` in its function, innermost first.
std::vector<ts::Node> loops_around(ts::Node call) {
  std::vector<ts::Node> loops;
  for (auto node : call.ancestors()) {
    auto type = node.type();
    if (type == "function_definition" || type == "class_definition" || type == "lambda") break;
    if (type == "for_statement" || type == "while_statement") loops.push_back(node);
  }
  return loops;
}

bool encloses(ts::Node outer, std::uint32_t begin, std::uint32_t end) {
  return !outer.is_null() && outer.begin() <= begin && end <= outer.end();
}

// The loop variables that change between the times a queued command is
// queued into one batch: loops around the call that lie inside the batch
// (they start after it was made, in the same function) and do not also
// execute it each time.
std::vector<std::string> batch_iterations(const ir::RedisOp& op, ts::Node call,
                                          const std::vector<std::string>& loop_symbols) {
  if (!op.group) return {};
  auto execution = batch_execution(call);
  std::vector<std::string> out;
  auto loops = loops_around(call);
  for (const auto& symbol : loop_symbols) {
    // The hole's display is the loop variable's name.
    std::string name;
    for (const auto& key : op.keys) {
      for (const auto& segment : key.segments()) {
        const auto* hole = std::get_if<ir::HoleSegment>(&segment);
        if (hole != nullptr && hole->symbol == symbol) name = hole->display;
      }
    }
    bool outside = false;
    for (auto loop : loops) {
      auto names = frontend::identifiers_in(loop.field("left"));
      if (std::ranges::none_of(names, [&](ts::Node n) { return n.text() == name; })) continue;
      const auto& origin = op.group->origin;
      bool makes_batch = origin.file == op.call.file && encloses(loop, origin.begin, origin.end);
      bool executes = !execution.is_null() && encloses(loop, execution.begin(), execution.end());
      outside = makes_batch || executes;
      break;
    }
    if (!outside) out.push_back(symbol);
  }
  return out;
}

}  // namespace

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               ModuleLoader& modules) {
  frontend::FileAnalysis result;
  auto admitted = parse_limits(limits);
  auto tree = frontend::parse_or_notice(parser, file, admitted, result);
  if (!tree) return result;
  auto [errors, first_error] = frontend::syntax_errors(tree->root());
  frontend::note_syntax_errors(errors, first_error, file, result);

  FileProgram program(modules, modules.root());
  auto display = std::string(file.path);
  auto self = program.add(lower(tree->root(), display, file.index), file.filesystem_path);
  auto read_script = [&](const engine::StringData& body, const std::string& name,
                         const engine::CallSite& site) {
    if (site.span.file != file.index) return std::optional<ir::ScriptUse>{};
    lua::ScriptReference reference{name, site.span.begin, file, result, modules.scripts()};
    // A body the code read from a file: findings point into the file.
    if (!body.file.empty()) {
      auto path = ir::KeyExpr::literal(body.file, site.span, false);
      return lua::script_from_value(
          frontend::Value::file(frontend::Value::Kind::FileContents, path), reference);
    }
    return lua::script_from_value(frontend::Value::string(body.key), reference);
  };
  PythonHost host(models, read_script, modules, program);
  // The engine reaches all the parser admitted: it nests as deep.
  engine::Budgets budgets;
  budgets.nesting = std::max(budgets.nesting, admitted.admitted_nesting());
  engine::Engine engine(program, host, engine::Builtins::defaults(), budgets);
  engine.analyse(self);
  result.work.value_steps += engine.steps_spent();

  std::set<std::string> seen;
  for (const auto& emitted : host.ops()) {
    auto op = emitted.op;
    if (op.call.file != file.index) continue;
    if (!seen.insert(frontend::op_identity(op)).second) continue;
    frontend::keep_spans_in_file(op);
    for (auto& arg : op.argv) arg.value = frontend::one_per_call(arg.value, emitted.loop_symbols);
    for (auto& key : op.keys) key = frontend::one_per_call(key, emitted.loop_symbols);
    // The handler around where the op's errors surface: the call itself, or
    // the execute() of the batch it is queued in.
    auto call = call_at(tree->root(), op.call);
    if (!call.is_null()) {
      std::vector<std::string> classes;
      for (const auto* api : models) {
        if (api->library != op.client.library) continue;
        if (const auto* cls = api->find_class(op.client.api_class)) classes = cls->tryagain_raises;
      }
      // pipe.execute() and then more commands on pipe: the next batch.
      if (op.group) {
        if (auto executed = executions_before(call); executed > 0)
          op.group->id += "#" + std::to_string(executed);
      }
      op.iteration_symbols = batch_iterations(op, call, emitted.loop_symbols);
      auto raising = op.group ? batch_execution(call) : call;
      op.error_handling =
          raising.is_null() ? ir::ErrorHandling{} : error_handling(raising, classes, file.index);
    }
    result.ops.push_back(std::move(op));
  }
  result.work.tree_steps += tree->steps();
  return result;
}

}  // namespace slotlint::python
