#include "frontends/lua/script_file.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "frontends/common/parsing.h"
#include "frontends/lua/script_library.h"
#include "frontends/lua/script_reader.h"

namespace slotlint::lua {
namespace fs = std::filesystem;

std::string ScriptFileProject::identity_of(const fs::path& path) const {
  files::Problem problem{};
  std::string reason;
  std::error_code ec;
  // As ScriptLibrary names a file it loads: resolved when inside the project.
  auto resolved = files_.resolve(path, problem, reason);
  auto shown = resolved ? *resolved : fs::absolute(path, ec).lexically_normal();
  return ir::script_file_identity(script_display_path(shown, root_));
}

frontend::FileAnalysis analyse_script_file(const frontend::FileInput& file, ts::Parser& parser,
                                           const frontend::ParseLimits& limits,
                                           const ScriptFileProject& project) {
  frontend::FileAnalysis analysis;
  static constexpr std::array<std::string_view, 2> kCallTables{"redis.", "server."};
  if (std::ranges::none_of(kCallTables, [&](std::string_view word) {
        return file.source.find(word) != std::string_view::npos;
      })) {
    return analysis;
  }
  auto tree = frontend::parse_or_notice(parser, file, limits, analysis);
  if (!tree) return analysis;
  auto summary = summarise_script(*tree, analysis.work);
  analysis.work.tree_steps += tree->steps();
  frontend::note_syntax_errors(summary->syntax_errors, summary->first_error_offset, file, analysis);
  auto size = static_cast<std::uint32_t>(file.source.size());
  ir::RedisOp op;
  op.call = op.callee = {file.index, 0, 0};
  op.script_file_only = true;
  op.command_known = false;  // no command runs the script here
  ir::ScriptUse use;
  use.summary = std::move(summary);
  use.name = std::string(file.path);
  use.identity = project.identity_of(file.filesystem_path);
  use.origin = {file.index, 0, 0};
  use.text.push_back({0, size, {file.index, 0, size}, true});
  op.script = std::move(use);
  analysis.ops.push_back(std::move(op));
  return analysis;
}

}  // namespace slotlint::lua
