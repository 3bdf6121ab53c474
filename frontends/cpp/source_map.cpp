#include "frontends/cpp/source_map.h"

#include <clang/Lex/Lexer.h>

namespace slotlint::cpp {
namespace fs = std::filesystem;

std::optional<ir::FileIndex> SourceMap::index_of(clang::FileID file) {
  if (file == sources_.getMainFileID()) return ir::FileIndex{0};
  auto [it, inserted] = indexes_.try_emplace(file.getHashValue());
  if (!inserted) return it->second;
  auto entry = sources_.getFileEntryRefForID(file);
  if (!entry) return std::nullopt;
  std::error_code ec;
  auto path = fs::weakly_canonical(fs::absolute(std::string(entry->getName()), ec), ec);
  auto relative = path.lexically_relative(root_);
  if (ec || relative.empty() || relative.native().starts_with("..")) return std::nullopt;
  bool invalid = false;
  auto buffer = sources_.getBufferData(file, &invalid);
  if (invalid) return std::nullopt;
  it->second = analysis_.add_source(relative.generic_string(),
                                    std::make_shared<const std::string>(buffer.str()));
  return it->second;
}

bool SourceMap::in_project(clang::SourceLocation location) {
  auto file_location = sources_.getFileLoc(location);
  if (file_location.isInvalid() || sources_.isInSystemHeader(file_location)) return false;
  return index_of(sources_.getFileID(file_location)).has_value();
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
