// What every tree-sitter frontend on the engine does around one analysed
// file's run: modules other than the file get span file indexes far above
// it, and the ops the host made are brought back into the file (values built
// in another module point at the call), deduplicated, and their loop holes
// made one value per call.
#pragma once

#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/engine/host.h"
#include "analyzer/il/il.h"
#include "analyzer/ir/redis_op.h"
#include "frontends/common/engine_host.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::frontend {

// Spans of modules other than the analysed file get file indexes from here
// up, far above those of the Lua scripts it loads (1, 2, ...).
inline constexpr ir::FileIndex kOtherModules = 0x40000000;

// The modules one file's analysis sees: the file itself and, lowered when
// the engine first reaches them, the project modules its imports name
// (parsed once per run by the language's loader, lowered per analysed file
// so that the analysed file's spans are file 0 and the others' from
// kOtherModules up). A language says how an import finds a parsed module.
class FileProgram : public engine::Program {
 public:
  // A parsed module of the project; `pin` keeps its tree alive.
  struct Parsed {
    std::filesystem::path path;
    ts::Node root;
    std::shared_ptr<const void> pin;
  };
  using Lowering =
      std::function<il::Module(ts::Node root, std::string_view display, ir::FileIndex file)>;

  FileProgram(std::filesystem::path root, Lowering lower)
      : root_(std::move(root)), lower_(std::move(lower)) {}

  engine::ModuleId add(il::Module module, std::filesystem::path path);
  [[nodiscard]] const il::Module& module(engine::ModuleId id) const override {
    return modules_.at(id);
  }
  [[nodiscard]] const std::filesystem::path& path(engine::ModuleId id) const {
    return paths_.at(id);
  }
  // "path:line" of a span in a module lowered here (not the analysed file),
  // for messages.
  [[nodiscard]] std::string where(ir::SourceSpan span) const;
  // Whether a module lowered here names none of the client libraries (the
  // driver's prefilter skips such a file: it is never analysed on its own,
  // so its calls are reported where the analysed file calls into it).
  [[nodiscard]] bool names_no_client(engine::ModuleId id, Models models) const;
  // Asked at every read of an imported name: answered once per module and import.
  [[nodiscard]] std::optional<engine::ModuleId> resolve_import(
      engine::ModuleId from, const il::Import& import) const override;

 protected:
  // The module an import in `importer` names, parsed; nullopt: none of the
  // project's (a library's names are External values).
  [[nodiscard]] virtual std::optional<Parsed> locate(const std::filesystem::path& importer,
                                                     const il::Import& import) const = 0;
  // `parsed`, lowered once per analysed file.
  std::optional<engine::ModuleId> lower_parsed(const Parsed& parsed) const;

 private:
  std::filesystem::path root_;
  Lowering lower_;
  mutable std::map<std::pair<engine::ModuleId, std::string>, std::optional<engine::ModuleId>>
      resolved_;
  // Lowered on demand from const lookups; a deque keeps references stable.
  mutable std::deque<il::Module> modules_;
  mutable std::vector<std::filesystem::path> paths_;
  mutable std::vector<std::shared_ptr<const void>> pinned_;
  mutable std::map<engine::ModuleId, ts::Node> roots_;  // kept alive by pinned_
  mutable std::map<std::string, engine::ModuleId> by_path_;
};

// Syntax errors in the tree: how many, and where the first starts.
std::pair<std::size_t, std::uint32_t> syntax_errors(ts::Node root);

// The host's ops made at a call in the analysed file (`file`), and those
// made in a module the host takes the calls of while another is analysed
// (Host::wants_calls_made_in), reported at the analysed file's call on their
// path with a caveat saying where they are sent; values built in other
// modules point at the call, and each loop variable is one value per call.
// `complete` then fills what only the language's syntax says (error
// handling), and each op is kept once (op_identity: the same call reached
// from two entry points is one op, unless a try around one caller's call
// handles it).
std::vector<EngineOp> ops_in_file(const std::vector<EngineOp>& ops, ir::FileIndex file,
                                  const FileProgram& program,
                                  const std::function<void(EngineOp&)>& complete = {});

}  // namespace slotlint::frontend
