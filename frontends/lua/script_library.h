// The Lua scripts of one run, each read and summarised once and shared by
// every call that runs it (all files, all threads): scripts in `.lua` files by
// path, scripts written inline by their text.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/files/project_files.h"
#include "analyzer/ir/script.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/lua/script_reader.h"

namespace slotlint::lua {

struct ScriptFile {
  std::string display_path;  // relative to the project root when under it
  std::string text;
  std::shared_ptr<const ir::ScriptSummary> summary;  // null: could not be read
  std::string problem;                               // why, for a notification
  frontend::WorkStats work;                          // reading it took
};

// How a `.lua` file is named in findings and told apart across the run: its
// path (symlinks resolved when it is inside the project) relative to `root`
// when under it, else absolute.
std::string script_display_path(const std::filesystem::path& path,
                                const std::filesystem::path& root);

class ScriptLibrary {
 public:
  ScriptLibrary(std::filesystem::path root, const files::ProjectFiles& files)
      : root_(std::move(root)), files_on_disk_(files) {}

  // nullptr when the file does not exist; otherwise the file (summary null
  // and `problem` set when it could not be read or parsed, or when it lies
  // outside the project and so was not read).
  std::shared_ptr<const ScriptFile> load_file(const std::filesystem::path& path);
  // An inline body read (its summary null when it could not be parsed).
  ScriptRead read_text(std::string_view body);

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  ScriptRead summarise(std::string_view body);  // under mutex_

  std::filesystem::path root_;
  const files::ProjectFiles& files_on_disk_;
  std::mutex mutex_;
  std::optional<ts::Parser> parser_;
  std::map<std::string, std::shared_ptr<const ScriptFile>> files_;
  std::map<std::string, ScriptRead, std::less<>> texts_;
};

}  // namespace slotlint::lua
