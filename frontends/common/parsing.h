// Parsing a file for a frontend, with the notices every frontend gives: a
// parse that runs out of time, and syntax errors (the rest is still read).
#pragma once

#include <cstdint>
#include <optional>

#include "frontends/common/frontend.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::frontend {

// The tree, or nullopt with a `parse-timeout` notice in `analysis`.
std::optional<ts::Tree> parse_or_notice(ts::Parser& parser, const FileInput& file,
                                        std::uint64_t timeout_micros, FileAnalysis& analysis);

// A `parse-error` note when the tree holds syntax errors.
void note_syntax_errors(std::size_t errors, std::uint32_t first_offset, const FileInput& file,
                        FileAnalysis& analysis);

}  // namespace slotlint::frontend
