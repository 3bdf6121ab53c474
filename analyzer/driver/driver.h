// The driver: discovery → per-file frontend → rules, files in parallel, each
// read and parsed once; then every span resolved to lines and columns for the
// reporters. Output order depends only on the input, never on --jobs.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/config/config.h"
#include "analyzer/driver/discovery.h"
#include "analyzer/driver/languages.h"
#include "analyzer/driver/suppressions.h"
#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"
#include "analyzer/versions/client_versions.h"
#include "frontends/common/api_model.h"
#include "rules/rule.h"
#include "sarif/report.h"

namespace slotlint::driver {

struct RunOptions {
  const config::Config* config = nullptr;  // the project's .slotlint.json, if any
  std::vector<std::filesystem::path> paths;
  std::filesystem::path root;  // absolute; display paths are relative to it
  // --root was given: it bounds the project (files the analysed code names
  // are read only inside it and the paths' repositories).
  bool root_given = false;
  unsigned jobs = 1;
  std::uint64_t max_file_bytes = 8u << 20;
  FrontendLimits limits;
  // C and C++: compile_commands.json (`-p DIR` / `--compile-commands FILE`).
  std::optional<std::filesystem::path> compile_commands;
  // C and C++: the component that reads them (find_cpp_component()); none:
  // each such file is reported as not analysed.
  std::optional<std::filesystem::path> cpp_component;
  // `paths` are the database's files (no paths were given): one it lists but
  // that is missing (not generated yet) is a warning, not a usage error.
  bool paths_from_database = false;
  // Leave out what git ignores (`--no-gitignore` turns it off), and with
  // `--force-exclude` the paths given too when it ignores them.
  bool gitignore = true;
  bool force_exclude = false;
  // --exclude: globs over paths relative to `root`, as the configuration's.
  std::vector<config::Glob> exclude;
  // --stdin-filename: the source of the one path in `paths`, read from
  // standard input instead of the file.
  std::optional<std::string> stdin_source;
  // Called (from any worker thread, never twice at once) after each file.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// One analysed file. The source is kept only when something points into it.
struct FileResult {
  SourceFile file;
  std::string source;
  std::vector<ir::RedisOp> ops;
  std::vector<ir::Finding> findings;
  std::vector<frontend::Notice> notices;
  std::vector<Suppression> suppressions;
  // Files the findings also point into (Lua scripts the code loads).
  std::vector<frontend::ExtraSource> extra_sources;
  frontend::WorkStats work;  // `check --stats`
  bool analysed = false;
  // A configuration file of a project that does not use Spring Data Redis:
  // not read, counted in one notice.
  bool configuration_unused = false;
};

struct Analysis {
  std::vector<FileResult> files;  // in display-path order
  std::vector<PathNotice> path_notices;
  // About the run as a whole, with no path (what was counted, not read).
  std::vector<frontend::Notice> run_notices;
  bool missing_path = false;
};

class Driver {
 public:
  // Loads the embedded API models and the user's (JSON texts from the
  // configuration); nullopt with `error` when one is invalid.
  static std::optional<Driver> create(std::string& error,
                                      std::span<const std::string> user_models = {});

  [[nodiscard]] Analysis analyse(const RunOptions& options) const;

  // Resolves spans and fingerprints; keeps findings at or above `min_level`.
  [[nodiscard]] report::RunReport make_report(const Analysis& analysis, ir::Level min_level,
                                              const std::filesystem::path& root,
                                              const config::Config* config = nullptr) const;

  [[nodiscard]] std::span<const model::ApiModel> models() const { return models_; }

  // The language's models, in its order; empty when one is missing.
  [[nodiscard]] std::vector<const model::ApiModel*> models_for(const Language& language) const;

 private:
  Driver() = default;
  FileResult analyse_file(const SourceFile& file, const RunOptions& options,
                          std::vector<std::optional<ts::Parser>>& parsers,
                          std::span<const std::unique_ptr<frontend::ProjectState>> projects,
                          const versions::VersionFinder& finder,
                          const files::ProjectFiles& files) const;
  // application.properties / .yml: the Redis settings Spring Boot reads.
  FileResult analyse_configuration_file(const SourceFile& file, const RunOptions& options,
                                        const versions::VersionFinder& finder,
                                        const files::ProjectFiles& files) const;
  void check_rules(FileResult& result, const RunOptions& options) const;
  // Gives each op the facts of the client version the file's project uses.
  void apply_client_versions(std::vector<ir::RedisOp>& ops, const std::filesystem::path& file,
                             const versions::VersionFinder& finder) const;

  std::vector<model::ApiModel> models_;
  std::vector<std::string> user_models_;  // as given: the C/C++ component loads them too
  std::vector<std::unique_ptr<rules::Rule>> rules_;
};

}  // namespace slotlint::driver
