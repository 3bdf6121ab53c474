#include "frontends/javascript/javascript_frontend.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "analyzer/engine/engine.h"
#include "frontends/common/engine_file.h"
#include "frontends/common/engine_host.h"
#include "frontends/common/parsing.h"
#include "frontends/javascript/error_handling.h"
#include "frontends/javascript/lowering.h"
#include "frontends/javascript/project.h"
#include "frontends/lua/script_use.h"

namespace slotlint::javascript {
namespace fs = std::filesystem;
using frontend::kOtherModules;
namespace {

// The modules one file's analysis sees: the file itself and, lowered when
// the engine first reaches them, the project modules its relative imports
// name (parsed once per run by the loader, lowered per analysed file so that
// the analysed file's spans are file 0).
class FileProgram final : public engine::Program {
 public:
  FileProgram(JsProject* project) : project_(project) {}

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

  [[nodiscard]] std::optional<engine::ModuleId> resolve_import(
      engine::ModuleId from, const il::Import& import) const override {
    auto key = std::make_pair(from, import.module);
    if (auto found = resolved_.find(key); found != resolved_.end()) return found->second;
    auto id = locate_and_lower(from, import.module);
    resolved_.emplace(std::move(key), id);
    return id;
  }

  [[nodiscard]] std::vector<engine::ModuleId> shared_modules(
      engine::ModuleId /*from*/, std::string_view /*file_name*/) const override {
    return {};
  }

 private:
  std::optional<engine::ModuleId> locate_and_lower(engine::ModuleId from,
                                                   const std::string& specifier) const {
    if (project_ == nullptr) return std::nullopt;
    auto parsed = project_->modules().load(paths_.at(from), specifier);
    if (!parsed || !parsed->tree) return std::nullopt;
    std::error_code ec;
    auto key = fs::weakly_canonical(parsed->path, ec).string();
    if (auto found = by_path_.find(key); found != by_path_.end()) return found->second;
    auto id = static_cast<engine::ModuleId>(modules_.size());
    auto display = fs::weakly_canonical(parsed->path, ec)
                       .lexically_relative(fs::weakly_canonical(project_->root(), ec));
    pinned_.push_back(parsed);
    by_path_.emplace(key, id);
    paths_.push_back(parsed->path);
    modules_.push_back(lower(parsed->tree->root(), display.generic_string(), kOtherModules + id));
    return id;
  }

  JsProject* project_;
  mutable std::map<std::pair<engine::ModuleId, std::string>, std::optional<engine::ModuleId>>
      resolved_;
  mutable std::deque<il::Module> modules_;
  mutable std::vector<fs::path> paths_;
  mutable std::vector<std::shared_ptr<const ParsedModule>> pinned_;
  mutable std::map<std::string, engine::ModuleId> by_path_;
};

// The API-model host, with what only JavaScript says: where a file the code
// reads is, and which folders it lists.
class JsHost final : public frontend::EngineHost {
 public:
  JsHost(frontend::Models models, ScriptReader scripts, JsProject* project,
         const FileProgram& program)
      : EngineHost(models, std::move(scripts)), project_(project), program_(program) {}

  [[nodiscard]] bool wants_calls_of_other_modules() const override { return false; }

  // A relative path is the process's working folder's, unknown here: the
  // reading module's folder is tried first, then the project root.
  std::optional<FileText> read_file(const ir::KeyExpr& path,
                                    const engine::CallSite& from) override {
    if (project_ == nullptr || !path.is_literal()) return std::nullopt;
    for (const auto& candidate : candidates(path.literal_text(), from)) {
      if (auto file = project_->scripts().load_file(candidate))
        return FileText{file->text, candidate.string()};
    }
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> list_directory(const ir::KeyExpr& path) override {
    if (project_ == nullptr || !path.is_literal()) return std::nullopt;
    fs::path dir(path.literal_text());
    if (dir.is_relative()) dir = project_->root() / dir;
    std::string problem;
    std::vector<std::string> names;
    for (const auto& entry : project_->files().list_directory(dir, problem))
      names.push_back(entry.filename().string());
    if (!problem.empty()) return std::nullopt;
    return names;
  }

 private:
  std::vector<fs::path> candidates(const std::string& written, const engine::CallSite& from) const {
    fs::path path(written);
    if (path.is_absolute()) return {path};
    return {program_.path(from.module).parent_path() / path, project_->root() / path};
  }

  JsProject* project_;
  const FileProgram& program_;
};

// The call node at a span of the analysed file.
ts::Node call_at(ts::Node root, const ir::SourceSpan& span) {
  for (auto node = root.descendant(span.begin, span.end); !node.is_null(); node = node.parent()) {
    if ((node.type() == "call_expression" || node.type() == "new_expression") &&
        node.begin() == span.begin && node.end() == span.end)
      return node;
    if (node.begin() < span.begin || node.end() > span.end) break;
  }
  return {};
}

}  // namespace

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               JsProject* project) {
  frontend::FileAnalysis result;
  auto tree = frontend::parse_or_notice(parser, file, limits, result);
  if (!tree) return result;
  auto [errors, first_error] = frontend::syntax_errors(tree->root());
  frontend::note_syntax_errors(errors, first_error, file, result);

  FileProgram program(project);
  auto self =
      program.add(lower(tree->root(), std::string(file.path), file.index), file.filesystem_path);
  auto read_script = [&](const engine::StringData& body, const std::string& name,
                         const engine::CallSite& site) {
    if (site.span.file != file.index || project == nullptr) return std::optional<ir::ScriptUse>{};
    lua::ScriptReference reference{name, site.span.begin, file, result, project->scripts()};
    if (!body.file.empty()) {
      auto path = ir::KeyExpr::literal(body.file, site.span, false);
      return lua::script_from_value(
          frontend::Value::file(frontend::Value::Kind::FileContents, path), reference);
    }
    return lua::script_from_value(frontend::Value::string(body.key), reference);
  };
  JsHost host(models, read_script, project, program);
  engine::Engine engine(program, host, engine::Builtins::defaults());
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
    // the exec() of the batch it is queued in.
    auto call = call_at(tree->root(), op.call);
    if (!call.is_null()) {
      std::vector<std::string> execute;
      for (const auto* api : models) {
        if (api->library == op.client.library) execute = api->execute_methods;
      }
      auto raising = op.group ? batch_execution(call, execute) : call;
      if (!raising.is_null()) op.error_handling = error_handling(raising, file.index);
    }
    result.ops.push_back(std::move(op));
  }
  result.work.tree_steps += tree->steps();
  return result;
}

}  // namespace slotlint::javascript
