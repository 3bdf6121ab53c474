// Findings' fingerprints: the identities by which `--baseline` and code
// scanning recognise a finding from one run to the next.
//
// slotlint/v2, the current one, is the rule, the path, the text of the line
// the finding starts on (whitespace collapsed) and which finding of that rule
// it is, in line and column order, among those on lines with that text. It
// never reads the keys as the engine names them, so it survives the engine
// naming them better; lines added or removed elsewhere leave it alone, and
// two findings of one rule on one line differ by their order.
//
// slotlint/v1, kept beside it for one transition, hashes the rule's
// `fingerprint_basis` (the command and its keys as the engine shows them)
// instead of the line, so it changes whenever that display does.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::driver {

// The hash of a line's text with every run of whitespace read as one space
// and none at either end: re-indenting a line keeps its fingerprints.
std::uint64_t line_text_hash(std::string_view line);

// What slotlint/v2 reads of one finding.
struct LineFingerprintSubject {
  std::string_view rule_code;
  std::string_view path;
  std::uint64_t line_hash = 0;  // line_text_hash of its first line
  std::uint32_t line = 0;
  std::uint32_t byte_offset = 0;
  std::uint32_t byte_length = 0;
};

// slotlint/v2 of each subject, in the same order. Give every finding of a
// file, before levels and the configuration leave some out, so that the
// order among findings on equal lines does not depend on them.
std::vector<std::string> line_fingerprints(std::span<const LineFingerprintSubject> subjects);

// slotlint/v1 of the `occurrence`-th finding of `rule_code` in `path` with
// this `basis` (0 for the first).
std::string basis_fingerprint(std::string_view rule_code, std::string_view path,
                              std::string_view basis, int occurrence);

}  // namespace slotlint::driver
