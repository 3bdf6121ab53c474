#include "frontends/lua/script_library.h"

#include <fmt/format.h>
#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_lua();

namespace slotlint::lua {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxScriptBytes = 1u << 20;

}  // namespace

std::string script_display_path(const fs::path& path, const fs::path& root) {
  auto relative = path.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

ScriptRead ScriptLibrary::summarise(std::string_view body) {
  if (!parser_) {
    std::string error;
    parser_ = ts::Parser::create(tree_sitter_lua(), error);
    if (!parser_) return {nullptr, "could not be parsed: " + error, {}};
  }
  return read_script(body, *parser_);
}

std::shared_ptr<const ScriptFile> ScriptLibrary::load_file(const fs::path& path) {
  std::error_code ec;
  auto lexical = fs::absolute(path, ec).lexically_normal();
  std::string id = lexical.string();
  std::scoped_lock lock(mutex_);
  if (auto it = files_.find(id); it != files_.end()) return it->second;
  // The code names the file: it is read only inside the project.
  auto read = files_on_disk_.read(lexical, kMaxScriptBytes, /*log_refusal=*/false);
  if (!read && read.problem == files::Problem::kNotFound) return files_[id] = nullptr;
  auto file = std::make_shared<ScriptFile>();
  file->display_path = script_display_path(
      read.resolved.empty() || read.problem == files::Problem::kOutsideProject ||
              read.problem == files::Problem::kPseudoFile
          ? lexical
          : read.resolved,
      root_);
  if (!read) {
    file->problem = read.reason;
  } else {
    file->text = std::move(*read.bytes);
    auto script = summarise(file->text);
    file->summary = std::move(script.summary);
    file->problem = std::move(script.problem);
    file->work = script.work;
  }
  return files_[id] = std::move(file);
}

ScriptRead ScriptLibrary::read_text(std::string_view body) {
  std::scoped_lock lock(mutex_);
  if (auto it = texts_.find(body); it != texts_.end()) return it->second;
  return texts_.emplace(std::string(body), summarise(body)).first->second;
}

}  // namespace slotlint::lua
