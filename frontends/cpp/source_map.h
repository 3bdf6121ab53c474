// Clang source locations as slotlint spans: the analysed file is file index
// 0; a project header gets an extra source of the file analysis (so a call
// in a header is reported in the header); code in system headers or outside
// the project is not ours to report, and its text is never added (no report
// shows a line of it).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <clang/Basic/SourceManager.h>

#include "analyzer/files/project_files.h"
#include "analyzer/ir/source_span.h"
#include "frontends/common/frontend.h"

namespace slotlint::cpp {

// The canonical path of the file `file` was read from, when it lies inside
// the project (with its symlinks resolved); the main file always does.
std::optional<std::filesystem::path> project_file(const clang::SourceManager& sources,
                                                  clang::FileID file,
                                                  const files::ProjectFiles& project);

// `path` (canonical) as reports show it: relative to `root` when under it,
// else whole.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& root);

class SourceMap {
 public:
  // Paths are reported relative to `root`.
  SourceMap(const clang::SourceManager& sources, const clang::LangOptions& language,
            const files::ProjectFiles& project, const std::filesystem::path& root,
            frontend::FileAnalysis& analysis)
      : sources_(sources),
        language_(language),
        project_(project),
        root_(root),
        analysis_(analysis) {}

  // Where a range is written (macro arguments: where they are spelled in
  // the file; macro bodies: the macro's use). nullopt outside the project.
  std::optional<ir::SourceSpan> span(clang::SourceRange range);
  std::optional<ir::SourceSpan> span(clang::SourceLocation begin, clang::SourceLocation end) {
    return span(clang::SourceRange(begin, end));
  }
  // The source text of a range, as written (empty when it cannot be read).
  std::string_view text(clang::SourceRange range) const;
  // Whether code at `location` is the project's (the analysed file or a
  // header under the root, not a system header).
  bool in_project(clang::SourceLocation location);
  // The same, without adding the file as a source of the analysis (for
  // deciding what to look at).
  bool in_project_file(clang::SourceLocation location);
  // A location inside a macro expansion: its bytes are not where a fix could
  // edit them.
  bool from_macro(clang::SourceLocation location) const { return location.isMacroID(); }
  [[nodiscard]] const clang::SourceManager& sources() const { return sources_; }

 private:
  std::optional<ir::FileIndex> index_of(clang::FileID file);

  const clang::SourceManager& sources_;
  const clang::LangOptions& language_;
  const files::ProjectFiles& project_;
  const std::filesystem::path& root_;
  frontend::FileAnalysis& analysis_;
  std::map<unsigned, std::optional<ir::FileIndex>> indexes_;  // by FileID hash
  std::map<unsigned, bool> inside_;                            // by FileID hash
};

}  // namespace slotlint::cpp
