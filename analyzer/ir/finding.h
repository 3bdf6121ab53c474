// Finding: what a rule reports. Language-neutral, like the rest of the IR.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/source_span.h"

namespace slotlint::ir {

enum class Level : std::uint8_t { Note, Warning, Error };

std::string_view level_name(Level level);  // "note", "warning", "error"

// `text` as a sentence of a finding's notes: ending in a period.
std::string as_sentence(std::string_view text);

// The message and its notes as one text: "Headline. Note one. Note two."
std::string full_message(std::string_view message, const std::vector<std::string>& notes);

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

// The client behaviour a finding rests on, so that a reader can check it:
// which library and version, where the version came from, and the fact.
struct ClientAssumption {
  std::string library;      // "go-redis"
  std::string api_class;    // "ClusterClient"
  std::string version;      // "9.10.0"; empty when none was found
  std::string assumed;      // "go-redis 9.10.0 (go.mod: github.com/redis/go-redis/v9 v9.10.0)"
  std::string facts_range;  // "before 9.11.0"; empty: every version the model knows
  std::string fact;         // what the client does, from its model
};

struct Finding {
  std::string rule_code;  // "SL001"
  Level level = Level::Note;
  // One short sentence, without a final period, that stands alone in an
  // editor's problem list or a PR annotation: what is wrong with what.
  std::string message;
  // What follows it, each a sentence: why (the verdict's reason), what the
  // client does, the fix, the client version assumed.
  std::vector<std::string> notes;
  SourceSpan primary;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
  // What the finding is about (the command and its keys as shown), never where
  // (line numbers) it is: the identity slotlint/v1 fingerprints hash, written
  // beside slotlint/v2 (driver/fingerprints.h) for one transition.
  std::string fingerprint_basis;
  std::string verdict;  // slot-engine verdict name, for machine readers
  std::optional<ClientAssumption> client;
};

}  // namespace slotlint::ir
