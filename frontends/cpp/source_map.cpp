#include "frontends/cpp/source_map.h"

#include <clang/Lex/Lexer.h>

namespace slotlint::cpp {
namespace fs = std::filesystem;

std::optional<fs::path> project_file(const clang::SourceManager& sources, clang::FileID file,
                                     const files::ProjectFiles& project) {
  auto entry = sources.getFileEntryRefForID(file);
  if (!entry) return std::nullopt;
  // Names are as the compile command spelled them: relative ones start in
  // its directory, the file manager's working folder.
  llvm::SmallString<256> name(entry->getName());
  sources.getFileManager().makeAbsolutePath(name);
  if (file == sources.getMainFileID()) return fs::path(name.str().str());
  files::Problem problem{};
  std::string reason;
  return project.resolve(fs::path(name.str().str()), problem, reason);
}

std::string display_path(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  auto relative = path.lexically_relative(fs::weakly_canonical(fs::absolute(root, ec), ec));
  if (ec || relative.empty() || relative.native().starts_with("..")) return path.generic_string();
  return relative.generic_string();
}

std::optional<ir::FileIndex> SourceMap::index_of(clang::FileID file) {
  if (file == sources_.getMainFileID()) return ir::FileIndex{0};
  auto [it, inserted] = indexes_.try_emplace(file.getHashValue());
  if (!inserted) return it->second;
  auto path = project_file(sources_, file, project_);
  if (!path) return std::nullopt;
  bool invalid = false;
  auto buffer = sources_.getBufferData(file, &invalid);
  if (invalid) return std::nullopt;
  it->second = analysis_.add_source(display_path(*path, root_),
                                    std::make_shared<const std::string>(buffer.str()));
  return it->second;
}

bool SourceMap::in_project(clang::SourceLocation location) {
  auto file_location = sources_.getFileLoc(location);
  if (file_location.isInvalid() || sources_.isInSystemHeader(file_location)) return false;
  return index_of(sources_.getFileID(file_location)).has_value();
}

bool SourceMap::in_project_file(clang::SourceLocation location) {
  auto file_location = sources_.getFileLoc(location);
  if (file_location.isInvalid() || sources_.isInSystemHeader(file_location)) return false;
  auto file = sources_.getFileID(file_location);
  if (file == sources_.getMainFileID()) return true;
  auto [it, inserted] = inside_.try_emplace(file.getHashValue());
  if (inserted) it->second = project_file(sources_, file, project_).has_value();
  return it->second;
}

std::optional<ir::SourceSpan> SourceMap::span(clang::SourceRange range) {
  auto begin = sources_.getFileLoc(range.getBegin());
  auto end = sources_.getFileLoc(range.getEnd());
  if (begin.isInvalid() || end.isInvalid()) return std::nullopt;
  end = clang::Lexer::getLocForEndOfToken(end, 0, sources_, language_);
  auto [file, begin_offset] = sources_.getDecomposedLoc(begin);
  auto [end_file, end_offset] = sources_.getDecomposedLoc(end);
  if (end_file != file || end_offset < begin_offset) end_offset = begin_offset;
  auto index = index_of(file);
  if (!index) return std::nullopt;
  return ir::SourceSpan{*index, begin_offset, end_offset};
}

std::string_view SourceMap::text(clang::SourceRange range) const {
  // A macro's use as written (`KEY(topic)`), not a piece of its expansion.
  auto chars = sources_.getExpansionRange(range);
  bool invalid = false;
  auto text = clang::Lexer::getSourceText(chars, sources_, language_, &invalid);
  return invalid ? std::string_view{} : std::string_view(text.data(), text.size());
}

}  // namespace slotlint::cpp
