#include "frontends/common/parsing.h"

#include <fmt/format.h>

#include "frontends/common/source_helpers.h"

namespace slotlint::frontend {

std::optional<ts::Tree> parse_or_notice(ts::Parser& parser, const FileInput& file,
                                        std::uint64_t timeout_micros, FileAnalysis& analysis) {
  auto tree = parser.parse(file.source, timeout_micros);
  if (!tree) {
    analysis.notices.push_back(
        {ir::Level::Warning, "parse-timeout",
         fmt::format("parsing took longer than {} ms; file not analysed", timeout_micros / 1000)});
  }
  return tree;
}

void note_syntax_errors(std::size_t errors, std::uint32_t first_offset, const FileInput& file,
                        FileAnalysis& analysis) {
  if (errors == 0) return;
  analysis.notices.push_back(
      {ir::Level::Note, "parse-error",
       fmt::format("{} syntax error{} (first on line {}); the rest of the file was analysed",
                   errors, errors == 1 ? "" : "s", line_of(file.source, first_offset))});
}

}  // namespace slotlint::frontend
