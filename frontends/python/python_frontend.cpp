#include "frontends/python/python_frontend.h"

#include <algorithm>
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

// Python's modules: an import found by the loader (relative, or from the
// importing file's folder up), and the `conftest.py` files above a module.
class FileProgram final : public frontend::FileProgram {
 public:
  explicit FileProgram(ModuleLoader& loader)
      : frontend::FileProgram(loader.root(),
                              [](ts::Node root, std::string_view display, ir::FileIndex file) {
                                return lower(root, display, file);
                              }),
        loader_(loader) {}

  [[nodiscard]] std::vector<engine::ModuleId> shared_modules(
      engine::ModuleId from, std::string_view file_name) const override {
    auto key = std::make_pair(from, std::string(file_name));
    if (auto found = shared_.find(key); found != shared_.end()) return found->second;
    std::vector<engine::ModuleId> ids;
    for (const auto& path : loader_.files_above(this->path(from), file_name)) {
      if (auto parsed = load(path)) {
        if (auto id = lower_parsed(*parsed)) ids.push_back(*id);
      }
    }
    return shared_.emplace(std::move(key), std::move(ids)).first->second;
  }

 private:
  std::optional<Parsed> locate(const fs::path& importer, const il::Import& import) const override {
    ModuleRef ref;
    while (static_cast<std::size_t>(ref.level) < import.module.size() &&
           import.module[ref.level] == '.')
      ++ref.level;
    ref.dotted = import.module.substr(ref.level);
    auto path = loader_.locate(importer, ref);
    if (!path) return std::nullopt;
    return load(*path);
  }

  std::optional<Parsed> load(const fs::path& path) const {
    auto parsed = loader_.load_file(path);
    if (!parsed || !parsed->tree) return std::nullopt;
    return Parsed{path, parsed->tree->root(), parsed};
  }

  ModuleLoader& loader_;
  mutable std::map<std::pair<engine::ModuleId, std::string>, std::vector<engine::ModuleId>> shared_;
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

  // A module that names a client library is analysed on its own, and its
  // calls are reported then; one that names none (the driver's prefilter
  // skips it) has its calls reported where the analysed file calls into it.
  [[nodiscard]] bool wants_calls_made_in(engine::ModuleId module) const override {
    return program_.names_no_client(module, models());
  }

  // Relative paths: beside_or_at_root.
  std::optional<FileText> read_file(const ir::KeyExpr& path,
                                    const engine::CallSite& from) override {
    if (!path.is_literal()) return std::nullopt;
    for (const auto& candidate : beside_or_at_root(fs::path(path.literal_text()), from)) {
      if (auto file = modules_.scripts().load_file(candidate)) {
        return FileText{file->text, candidate.string()};
      }
    }
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> list_directory(const ir::KeyExpr& path,
                                                         const engine::CallSite& from) override {
    if (!path.is_literal()) return std::nullopt;
    fs::path written(path.literal_text());
    for (const auto& candidate : beside_or_at_root(written, from)) {
      if (auto names = modules_.file_names(candidate)) return names;
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
  // A relative path is the process's working folder's, unknown here: the
  // calling module's folder is tried first, then the project root.
  [[nodiscard]] std::vector<fs::path> beside_or_at_root(const fs::path& written,
                                                        const engine::CallSite& from) const {
    if (written.is_absolute()) return {written};
    return {program_.path(from.module).parent_path() / written, modules_.root() / written};
  }

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

  FileProgram program(modules);
  auto display = std::string(file.path);
  auto self = program.add(lower(tree->root(), display, file.index), file.filesystem_path);
  auto read_script = lua::engine_script_reader(file, result, modules.scripts());
  PythonHost host(models, read_script, modules, program);
  // The engine reaches all the parser admitted: it nests as deep.
  engine::Budgets budgets;
  budgets.nesting = std::max(budgets.nesting, admitted.admitted_nesting());
  engine::Engine engine(program, host, engine::Builtins::defaults(), budgets);
  engine.analyse(self);
  result.work.value_steps += engine.steps_spent();

  // What only Python's syntax says of an op, read at its call.
  auto complete = [&](frontend::EngineOp& emitted) {
    auto& op = emitted.op;
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
      op.error_handling = {};
      if (!raising.is_null()) {
        op.error_handling = error_handling(raising, classes, file.index);
        // Not handled where it is raised: handled where the function doing
        // it was called, the nearest such call on the path first.
        for (std::size_t i = emitted.via.size(); i-- > 1 && !op.error_handling.caught;) {
          const auto& site = emitted.via[i - 1];
          if (site.span.file != file.index) continue;
          auto outer = call_at(tree->root(), site.span);
          if (outer.is_null()) continue;
          auto handled = error_handling(outer, classes, file.index);
          if (handled.caught) op.error_handling = handled;
        }
      }
    }
  };
  for (auto& emitted : frontend::ops_in_file(host.ops(), file.index, program, complete))
    result.ops.push_back(std::move(emitted.op));
  result.work.tree_steps += tree->steps();
  return result;
}

}  // namespace slotlint::python
