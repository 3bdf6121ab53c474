// Parsing a source for a frontend, within limits counted in work (never in
// time, so the same input gives the same answer on any machine): the nesting
// measured on the text before parsing, and tree-sitter's parse operations.
// Every parse goes through here, the analysed file's and those of the
// modules, packages, classes and scripts it reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "frontends/common/frontend.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::frontend {

struct ParseLimits {
  // Brackets open at once. No grammar was seen to fail even at 1,000,000;
  // code nests under 30. Deeper is generated data, and deep trees make
  // every walk up from a call longer.
  std::uint32_t max_brackets = 1'000;
  // Python's indentation levels open at once (with `indentation_nests`):
  // its scanner overruns its state at about 510.
  std::uint32_t max_indentation = 200;
  bool indentation_nests = false;
  // tree-sitter parse operations: a base plus so many per byte. Code takes
  // 0.5 to 3 per byte; a parse stuck in error recovery keeps going without
  // getting anywhere, until this stops it.
  std::uint64_t base_operations = 1'000'000;
  std::uint64_t operations_per_byte = 6;

  [[nodiscard]] std::uint64_t max_operations(std::size_t bytes) const {
    return base_operations + operations_per_byte * bytes;
  }

  // How deeply an interpreter over the tree must be able to nest to reach
  // everything these limits admit: each admitted level (an indented block,
  // a bracket) may be a few expressions deep (`f(a.b(`), and a line nests
  // some more without brackets (`a.b.c`, `not x`).
  [[nodiscard]] std::size_t admitted_nesting() const {
    constexpr std::size_t kPerLevel = 2;
    constexpr std::size_t kPerLine = 64;
    return kPerLevel * (std::size_t{max_indentation} + max_brackets) + kPerLine;
  }
};

struct Parsed {
  std::optional<ts::Tree> tree;
  // Why there is no tree (`nesting-too-deep`, `parse-budget`), in words that
  // follow a subject: "nests 1200 levels deep (line 3), over the limit ...".
  std::optional<Notice> refusal;
  WorkStats work;  // the tree's steps are counted while it is walked
};

Parsed parse(ts::Parser& parser, std::string_view source, const ParseLimits& limits);

// The tree, or nullopt with the refusal in `analysis.notices`; the parse's
// work goes to `analysis.work`. Add the tree's steps when done with it.
std::optional<ts::Tree> parse_or_notice(ts::Parser& parser, const FileInput& file,
                                        const ParseLimits& limits, FileAnalysis& analysis);

// A `parse-error` note when the tree holds syntax errors.
void note_syntax_errors(std::size_t errors, std::uint32_t first_offset, const FileInput& file,
                        FileAnalysis& analysis);

}  // namespace slotlint::frontend
