// Finding: what a rule reports. Language-neutral, like the rest of the IR.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/source_span.h"

namespace slotlint::ir {

enum class Level : std::uint8_t { Note, Warning, Error };

std::string_view level_name(Level level);  // "note", "warning", "error"

struct RelatedLocation {
  SourceSpan span;
  std::string message;
};

struct Replacement {
  SourceSpan deleted;  // empty span = pure insertion
  std::string inserted;
};

struct Fix {
  std::string description;
  std::vector<Replacement> replacements;
};

struct Finding {
  std::string rule_code;  // "SL001"
  Level level = Level::Note;
  std::string message;
  SourceSpan primary;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
  // Stable identity across runs and unrelated edits: what the finding is about,
  // never where (line numbers) it is.
  std::string fingerprint_basis;
  std::string verdict;  // slot-engine verdict name, for machine readers
};

}  // namespace slotlint::ir
