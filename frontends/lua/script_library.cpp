#include "frontends/lua/script_library.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <tree_sitter/api.h>

#include "frontends/lua/script_reader.h"

extern "C" const TSLanguage* tree_sitter_lua();

namespace slotlint::lua {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxScriptBytes = 1u << 20;
constexpr std::uint64_t kParseTimeoutMicros = 2'000'000;

std::string display_path(const fs::path& path, const fs::path& root) {
  auto relative = path.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

}  // namespace

std::shared_ptr<const ir::ScriptSummary> ScriptLibrary::summarise(std::string_view body) {
  if (!parser_) {
    std::string error;
    parser_ = ts::Parser::create(tree_sitter_lua(), error);
    if (!parser_) return nullptr;
  }
  return read_script(body, *parser_, kParseTimeoutMicros);
}

std::shared_ptr<const ScriptFile> ScriptLibrary::load_file(const fs::path& path) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  if (ec) canonical = path.lexically_normal();
  std::string id = canonical.string();
  std::scoped_lock lock(mutex_);
  if (auto it = files_.find(id); it != files_.end()) return it->second;
  if (!fs::is_regular_file(canonical, ec)) return files_[id] = nullptr;
  auto file = std::make_shared<ScriptFile>();
  file->display_path = display_path(canonical, root_);
  auto size = fs::file_size(canonical, ec);
  std::ifstream in(canonical, std::ios::binary);
  if (ec || size > kMaxScriptBytes || !in) {
    file->problem = ec || !in
                        ? "cannot be read"
                        : fmt::format("is over the {} byte limit for scripts", kMaxScriptBytes);
  } else {
    std::ostringstream bytes;
    bytes << in.rdbuf();
    file->text = std::move(bytes).str();
    file->summary = summarise(file->text);
    if (!file->summary) file->problem = "could not be parsed in time";
  }
  return files_[id] = std::move(file);
}

std::shared_ptr<const ir::ScriptSummary> ScriptLibrary::read_text(std::string_view body) {
  std::scoped_lock lock(mutex_);
  if (auto it = texts_.find(body); it != texts_.end()) return it->second;
  auto summary = summarise(body);
  texts_.emplace(std::string(body), summary);
  return summary;
}

}  // namespace slotlint::lua
