#include "frontends/python/python_frontend.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyzer/engine/engine.h"
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

// Syntax errors in the tree: how many, and where the first starts.
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

// The `call` node at a span of the analysed file.
ts::Node call_at(ts::Node root, const ir::SourceSpan& span) {
  for (auto node = root.descendant(span.begin, span.end); !node.is_null(); node = node.parent()) {
    if (node.type() == "call" && node.begin() == span.begin && node.end() == span.end) return node;
    if (node.begin() < span.begin || node.end() > span.end) break;
  }
  return {};
}

bool from_other_module(const ir::KeyExpr& key) {
  if (key.span().file >= kOtherModules) return true;
  return std::ranges::any_of(key.segments(), [](const ir::Segment& segment) {
    return std::visit([](const auto& part) { return part.span.file >= kOtherModules; }, segment);
  });
}

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

// A command sent in a module that is not analysed on its own (a helper
// naming no client library, PythonHost::wants_calls_made_in) is reported at
// the analysed file's call on the path to it, saying where it is sent.
// False when no call of the path is in the analysed file.
bool report_at_caller(ir::RedisOp& op, const std::vector<engine::CallSite>& via, ir::FileIndex file,
                      const FileProgram& program, ModuleLoader& modules) {
  auto caller = std::ranges::find_if(via.rbegin(), via.rend(), [&](const engine::CallSite& site) {
    return site.span.file == file;
  });
  if (caller == via.rend()) return false;
  auto module = static_cast<engine::ModuleId>(op.call.file - kOtherModules);
  std::string where = program.module(module).path;
  if (auto parsed = modules.load_file(program.path(module))) {
    auto before = std::string_view(parsed->source).substr(0, op.call.begin);
    where += ":" + std::to_string(std::ranges::count(before, '\n') + 1);
  }
  op.caveats.push_back(fmt::format("The {} is sent at {}, in code this call runs.",
                                   op.command.empty() ? op.api : op.command, where));
  op.call = caller->span;
  op.callee = caller->callee;
  return true;
}

// The API-model host, with what only Python says: how a format spec writes
// a value, and where a file the code opens is.
class PythonHost final : public frontend::EngineHost {
 public:
  // Files the code reads are read through the run's script library (inside
  // the project only).
  PythonHost(frontend::Models models, ScriptReader scripts, ModuleLoader& modules,
             const FileProgram& program)
      : EngineHost(models, std::move(scripts)),
        models_(models),
        modules_(modules),
        program_(program) {}

  // A module that names a client library is analysed on its own, and its
  // calls are reported then; one that names none (the driver's prefilter
  // skips it) has its calls reported where the analysed file calls into it.
  [[nodiscard]] bool wants_calls_made_in(engine::ModuleId module) const override {
    if (auto found = names_no_client_.find(module); found != names_no_client_.end())
      return found->second;
    bool none = false;
    if (auto parsed = modules_.load_file(program_.path(module))) {
      none = std::ranges::none_of(models_, [&](const model::ApiModel* api) {
        return std::ranges::any_of(api->prefilter, [&](const std::string& word) {
          return parsed->source.find(word) != std::string::npos;
        });
      });
    }
    return names_no_client_.emplace(module, none).first->second;
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

  frontend::Models models_;
  ModuleLoader& modules_;
  const FileProgram& program_;
  mutable std::map<engine::ModuleId, bool> names_no_client_;
};

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
  auto [errors, first_error] = syntax_errors(tree->root());
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
    if (op.call.file != file.index &&
        (op.call.file < kOtherModules ||
         !report_at_caller(op, emitted.via, file.index, program, modules)))
      continue;
    keep_spans_in_file(op);
    for (auto& arg : op.argv) arg.value = one_per_call(arg.value, emitted.loop_symbols);
    for (auto& key : op.keys) key = one_per_call(key, emitted.loop_symbols);
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
    if (!seen.insert(frontend::op_identity(op)).second) continue;
    result.ops.push_back(std::move(op));
  }
  result.work.tree_steps += tree->steps();
  return result;
}

}  // namespace slotlint::python
