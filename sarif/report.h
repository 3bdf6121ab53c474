// What reporters receive: a finished run with every location resolved to a
// path relative to the project root and 1-based lines and columns. Reporters
// never read source files or the IR.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/finding.h"
#include "rules/rule_metadata.h"

namespace slotlint::report {

struct Region {
  std::uint32_t start_line = 1;
  std::uint32_t start_column = 1;  // 1-based, in UTF-16 code units (SARIF's default)
  std::uint32_t end_line = 1;
  std::uint32_t end_column = 1;         // exclusive
  std::uint32_t start_byte_column = 1;  // 1-based byte column, for gcc-style text
  std::uint32_t byte_offset = 0;
  std::uint32_t byte_length = 0;
  std::string snippet;  // the whole source line the region starts on (reporters cut the region)
};

struct Location {
  std::string path;  // relative to the root, '/'-separated
  Region region;
};

struct RelatedLocation {
  Location location;
  std::string message;
};

struct Replacement {
  Location deleted;  // zero-length region: insertion
  std::string inserted;
};

struct Fix {
  std::string description;
  std::vector<Replacement> replacements;
};

// Why a finding is not reported: an inline `slotlint: ignore[...]` comment
// (SARIF kind inSource), or the configuration's `standalone` code (external).
struct Suppression {
  enum class Kind : std::uint8_t { InSource, External };
  Kind kind = Kind::InSource;
  std::string justification;  // the comment, or which standalone entry and why
};

struct Finding {
  const rules::RuleMetadata* rule = nullptr;
  ir::Level level = ir::Level::Note;
  std::string message;             // the short sentence (ir::Finding::message)
  std::vector<std::string> notes;  // what follows it: why, client, fix, version
  Location location;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
  // slotlint/v2 (driver/fingerprints.h): hex digest of the rule, path and
  // flagged line's text; stable across line shifts and key display changes.
  std::string fingerprint;
  // slotlint/v1, from the keys as the engine shows them: still written and
  // read for one transition, so that earlier baselines keep matching.
  std::string fingerprint_v1;
  std::string verdict;
  std::optional<ir::ClientAssumption> client;  // the client behaviour it rests on
  // Set when a suppression covers it. Suppressed findings appear only in
  // SARIF (as suppressions), JSON (`suppressed`) and `explain FILE:LINE`.
  std::optional<Suppression> suppression;
};

// A tool execution notification: something the run could not do for a file.
// The notification of a C or C++ translation unit that could not be
// analysed at all (the summary counts them).
inline constexpr std::string_view kUnitNotAnalysed = "unit-not-analysed";

struct Notification {
  ir::Level level = ir::Level::Warning;
  std::string id;  // stable descriptor id, e.g. "file-unreadable", "parse-error"
  std::string message;
  std::optional<std::string> path;
};

struct RunReport {
  std::string tool_version;
  std::string root_uri;           // file:///abs/root/ for originalUriBaseIds
  std::vector<Finding> findings;  // sorted by path, line, column, rule
  std::vector<Notification> notifications;
  std::vector<std::string> files;  // analysed, relative, sorted
  bool succeeded = true;
  std::optional<std::string> automation_id;
};

}  // namespace slotlint::report
