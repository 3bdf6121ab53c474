#include "frontends/lua/script_use.h"
#include "frontends/common/source_helpers.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/ir/stable_hash.h"

namespace slotlint::lua {
namespace fs = std::filesystem;
namespace {

// The same body gets the same identity in every file of a run.
std::string text_identity(std::string_view text) {
  return fmt::format("text:{:016x}", ir::stable_hash(text));
}

std::optional<ir::ScriptUse> from_text(const frontend::Value& value, const ScriptReference& ref) {
  std::string body = value.text.literal_text();
  // A SHA or a script name is not a body worth reading.
  if (body.find_first_of("( \n") == std::string::npos) return std::nullopt;
  ir::ScriptUse use;
  auto read = ref.library.read_text(body);
  use.name = ref.name;
  use.identity = text_identity(body);
  ref.analysis.add_script_work(use.identity, read.work);
  if (!read.summary) {
    ref.analysis.notices.push_back(
        {ir::Level::Warning, "script-unreadable",
         fmt::format("line {}: the Lua script {} {}; the keys it touches were not checked",
                     frontend::line_of(ref.file.source, ref.at),
                     use.name.empty() ? "written here" : use.name, read.problem)});
    return std::nullopt;
  }
  use.summary = std::move(read.summary);
  use.origin = value.text.span();
  std::uint32_t offset = 0;
  for (const auto& segment : value.text.segments()) {
    const auto& literal = std::get<ir::LiteralSegment>(segment);
    auto length = static_cast<std::uint32_t>(literal.text.size());
    // A constant's text may not be edited (it serves other keys) yet still
    // sits byte for byte in the source: then lines inside it can be shown.
    auto written =
        literal.span.file == ref.file.index && literal.span.end <= ref.file.source.size()
            ? ref.file.source.substr(literal.span.begin, literal.span.end - literal.span.begin)
            : std::string_view{};
    use.text.push_back(
        {offset, length, literal.span, literal.maps_to_source || written == literal.text});
    offset += length;
  }
  if (use.summary->syntax_errors > 0) {
    auto at =
        ir::locate_in_script(use, use.summary->first_error_offset, use.summary->first_error_offset);
    ref.analysis.notices.push_back(
        {ir::Level::Note, "script-syntax-error",
         fmt::format("line {}: the Lua script {} has {} syntax error{}; the rest of it was checked",
                     at.file == ref.file.index ? frontend::line_of(ref.file.source, at.begin)
                                               : frontend::line_of(ref.file.source, ref.at),
                     use.name.empty() ? "written here" : use.name, use.summary->syntax_errors,
                     use.summary->syntax_errors == 1 ? "" : "s")});
  }
  return use;
}

std::optional<ir::ScriptUse> from_file(const frontend::Value& contents,
                                       const ScriptReference& ref) {
  if (!contents.text.is_literal()) return std::nullopt;  // a path built at run time
  fs::path written(contents.text.literal_text());
  std::vector<fs::path> candidates;
  if (written.is_absolute()) {
    candidates.push_back(written);
  } else {
    candidates.push_back(ref.file.filesystem_path.parent_path() / written);
    candidates.push_back(ref.library.root() / written);
  }
  std::shared_ptr<const lua::ScriptFile> file;
  for (const auto& candidate : candidates) {
    if ((file = ref.library.load_file(candidate))) break;
  }
  auto line = frontend::line_of(ref.file.source, ref.at);
  if (!file) {
    ref.analysis.notices.push_back(
        {ir::Level::Warning, "script-not-found",
         fmt::format("line {}: the Lua script '{}' was not found (looked next to this file and "
                     "under the project root); the keys it touches were not checked",
                     line, written.generic_string())});
    return std::nullopt;
  }
  ref.analysis.add_script_work("file:" + file->display_path, file->work);
  if (!file->summary) {
    ref.analysis.notices.push_back(
        {ir::Level::Warning, "script-unreadable",
         fmt::format("line {}: the Lua script '{}' {}; the keys it touches were not checked", line,
                     file->display_path, file->problem)});
    return std::nullopt;
  }
  if (file->summary->syntax_errors > 0) {
    ref.analysis.notices.push_back(
        {ir::Level::Note, "script-syntax-error",
         fmt::format("{}:{}: the Lua script has {} syntax error{}; the rest of it was checked",
                     file->display_path,
                     frontend::line_of(file->text, file->summary->first_error_offset),
                     file->summary->syntax_errors, file->summary->syntax_errors == 1 ? "" : "s")});
  }
  auto index = ref.analysis.add_source(file->display_path,
                                       std::shared_ptr<const std::string>(file, &file->text));
  auto size = static_cast<std::uint32_t>(file->text.size());
  ir::ScriptUse use;
  use.summary = file->summary;
  use.name = file->display_path;
  use.identity = ir::script_file_identity(file->display_path);
  use.origin = {index, 0, 0};
  use.text.push_back({0, size, {index, 0, size}, true});
  return use;
}

}  // namespace

std::optional<ir::ScriptUse> script_from_value(const frontend::Value& value,
                                               const ScriptReference& reference) {
  if (value.kind == frontend::Value::Kind::FileContents) return from_file(value, reference);
  if (value.kind != frontend::Value::Kind::String) return std::nullopt;
  if (value.text.is_literal()) return from_text(value, reference);
  if (std::ranges::any_of(value.text.segments(), [](const ir::Segment& segment) {
        const auto* hole = std::get_if<ir::HoleSegment>(&segment);
        return hole != nullptr && hole->over_budget;
      })) {
    // A body that long in the code is not built (it would be as long as a
    // key may be); say so rather than check a part of it.
    reference.analysis.notices.push_back(
        {ir::Level::Warning, "script-unreadable",
         fmt::format("line {}: the Lua script {} is longer than {} bytes, the most a string "
                     "written in the code is read to; the keys it touches were not checked",
                     frontend::line_of(reference.file.source, reference.at),
                     reference.name.empty() ? "written here" : reference.name, ir::kMaxKeyBytes)});
  }
  return std::nullopt;
}

frontend::EngineHost::ScriptReader engine_script_reader(const frontend::FileInput& file,
                                                        frontend::FileAnalysis& analysis,
                                                        ScriptLibrary& library) {
  return [&file, &analysis, &library](const engine::StringData& body, const std::string& name,
                                      const engine::CallSite& site) {
    if (site.span.file != file.index) return std::optional<ir::ScriptUse>{};
    ScriptReference reference{name, site.span.begin, file, analysis, library};
    if (!body.file.empty()) {
      auto path = ir::KeyExpr::literal(body.file, site.span, false);
      return script_from_value(frontend::Value::file(frontend::Value::Kind::FileContents, path),
                               reference);
    }
    return script_from_value(frontend::Value::string(body.key), reference);
  };
}

}  // namespace slotlint::lua
