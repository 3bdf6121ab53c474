// Rule metadata, read from the rule's doc page (docs/rules/<name>.md, embedded
// at build time). The doc is the single source for SARIF's shortDescription,
// fullDescription, help and helpUri, for `slotlint explain` and for docs/.
//
// A doc page starts with a front-matter block:
//   ---
//   code: SL001
//   name: cross-slot-multi-key-command
//   level: error            # default level (the most severe it reports)
//   precision: high         # SARIF/GitHub precision: very-high|high|medium|low
//   tags: correctness, redis-cluster
//   ---
//   # cross-slot-multi-key-command (SL001)
//   <one-sentence summary: shortDescription>
//   ## What it does        <- fullDescription
//   ## Why is this bad?    <- required
//   ...
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/finding.h"

namespace slotlint::rules {

struct RuleMetadata {
  std::string code;
  std::string name;
  ir::Level default_level = ir::Level::Warning;
  std::string precision;
  std::vector<std::string> tags;
  std::string short_description;
  std::string full_description;
  std::string help_markdown;  // the whole page after the front matter
  std::string help_text;      // the same, as plain text
  std::string help_uri;
};

// Parses one doc page; nullopt with `error` set when a required part is missing.
std::optional<RuleMetadata> parse_rule_doc(std::string_view markdown, std::string& error);

// All rules' metadata, parsed from the embedded docs, sorted by code.
const std::vector<RuleMetadata>& all_rule_metadata();
const RuleMetadata* find_rule(std::string_view code_or_name);

}  // namespace slotlint::rules
