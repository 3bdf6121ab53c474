#include "frontends/common/parsing.h"

#include <algorithm>

#include <fmt/format.h>

#include "frontends/common/nesting.h"
#include "frontends/common/source_helpers.h"

namespace slotlint::frontend {

Parsed parse(ts::Parser& parser, std::string_view source, const ParseLimits& limits) {
  Parsed parsed;
  parsed.work.bytes = source.size();
  auto nesting = measure_nesting(source, limits.indentation_nests);
  parsed.work.nesting = std::max(nesting.brackets.levels, nesting.indentation.levels);
  auto too_deep = [&](const Depth& depth, std::uint32_t limit, std::string_view what) {
    parsed.refusal = Notice{ir::Level::Warning, "nesting-too-deep",
                            fmt::format("nests {} {} deep (line {}), over the limit of {}",
                                        depth.levels, what, depth.line, limit)};
  };
  if (nesting.indentation.levels > limits.max_indentation) {
    too_deep(nesting.indentation, limits.max_indentation, "indentation levels");
    return parsed;
  }
  if (nesting.brackets.levels > limits.max_brackets) {
    too_deep(nesting.brackets, limits.max_brackets, "brackets");
    return parsed;
  }
  auto budget = limits.max_operations(source.size());
  auto outcome = parser.parse(source, budget);
  parsed.work.parse_operations = outcome.operations;
  if (!outcome.tree) {
    parsed.refusal = Notice{
        ir::Level::Warning, "parse-budget",
        fmt::format("takes more than {} parse operations, the limit for its size ({} plus {} "
                    "a byte)",
                    budget, limits.base_operations, limits.operations_per_byte)};
    return parsed;
  }
  parsed.work.nodes = outcome.tree->node_count();
  parsed.tree = std::move(outcome.tree);
  return parsed;
}

std::optional<ts::Tree> parse_or_notice(ts::Parser& parser, const FileInput& file,
                                        const ParseLimits& limits, FileAnalysis& analysis) {
  auto parsed = parse(parser, file.source, limits);
  analysis.work += parsed.work;
  if (parsed.refusal) {
    parsed.refusal->message = "the file " + parsed.refusal->message + "; not analysed";
    analysis.notices.push_back(std::move(*parsed.refusal));
  }
  return std::move(parsed.tree);
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
