#include "frontends/javascript/javascript_frontend.h"

#include <algorithm>
#include <map>

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

// JavaScript's modules: what a relative import or require names, found and
// parsed by the project's loader.
class FileProgram final : public frontend::FileProgram {
 public:
  FileProgram(JsProject* project, fs::path root)
      : frontend::FileProgram(std::move(root),
                              [](ts::Node tree, std::string_view display, ir::FileIndex file) {
                                return lower(tree, display, file);
                              }),
        project_(project) {}

  [[nodiscard]] std::vector<engine::ModuleId> shared_modules(
      engine::ModuleId /*from*/, std::string_view /*file_name*/) const override {
    return {};
  }

 private:
  std::optional<Parsed> locate(const fs::path& importer, const il::Import& import) const override {
    if (project_ == nullptr) return std::nullopt;
    auto parsed = project_->modules().load(importer, import.module);
    if (!parsed || !parsed->tree) return std::nullopt;
    return Parsed{parsed->path, parsed->tree->root(), parsed};
  }

  JsProject* project_;
};

// The API-model host, with what only JavaScript says: where a file the code
// reads is, and which folders it lists.
class JsHost final : public frontend::EngineHost {
 public:
  JsHost(frontend::Models models, ScriptReader scripts, JsProject* project,
         const FileProgram& program)
      : EngineHost(models, std::move(scripts)), project_(project), program_(program) {}

  // As Python's: a module naming no client library is never analysed on its
  // own, so its calls are reported where the analysed file calls into it.
  [[nodiscard]] bool wants_calls_made_in(engine::ModuleId module) const override {
    return program_.names_no_client(module, models());
  }

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

  std::optional<std::vector<std::string>> list_directory(
      const ir::KeyExpr& path, const engine::CallSite& /*from*/) override {
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

  FileProgram program(project, project != nullptr ? project->root() : fs::path());
  auto self =
      program.add(lower(tree->root(), std::string(file.path), file.index), file.filesystem_path);
  frontend::EngineHost::ScriptReader read_script;
  if (project != nullptr) read_script = lua::engine_script_reader(file, result, project->scripts());
  JsHost host(models, read_script, project, program);
  // The engine reaches all the parser admitted: it nests as deep.
  engine::Budgets budgets;
  budgets.nesting = std::max(budgets.nesting, limits.admitted_nesting());
  engine::Engine engine(program, host, engine::Builtins::defaults(), budgets);
  engine.analyse(self);
  result.work.value_steps += engine.steps_spent();

  for (auto& emitted : frontend::ops_in_file(host.ops(), file.index, program)) {
    auto& op = emitted.op;
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
