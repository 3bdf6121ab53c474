// A `.lua` file read on its own, as a language of its own: one script op for
// the file (RedisOp::script_file_only), so the rules that need no call site
// (keys the script builds or names without KEYS) can judge it even when no
// analysed code runs it. The script's identity is the one every call that
// loads the file gives it, so the driver can tell which files a call runs.
#pragma once

#include <cstdint>
#include <filesystem>

#include "analyzer/files/project_files.h"
#include "frontends/common/frontend.h"
#include "frontends/common/parsing.h"
#include "frontends/common/project_state.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::lua {

class ScriptFileProject final : public frontend::ProjectState {
 public:
  ScriptFileProject(std::filesystem::path root, const files::ProjectFiles& files)
      : root_(std::move(root)), files_(files) {}
  // The identity of the script in `path`, as a call that loads it names it.
  [[nodiscard]] std::string identity_of(const std::filesystem::path& path) const;

 private:
  std::filesystem::path root_;
  const files::ProjectFiles& files_;
};

// Files that name no redis.call / redis.pcall / server.call are not Redis
// scripts (editor and game configurations) and give nothing.
frontend::FileAnalysis analyse_script_file(const frontend::FileInput& file, ts::Parser& parser,
                                           const frontend::ParseLimits& limits,
                                           const ScriptFileProject& project);

}  // namespace slotlint::lua
