// --baseline: a SARIF log from an earlier run. Findings it already holds are
// old and left out, so a team can adopt slotlint on an existing code base and
// be told only about what is new.
//
// A finding is old when the baseline has its slotlint/v2 fingerprint, or its
// slotlint/v1 one, or, for a baseline result written before v2 existed (no
// v2), a result of the same rule at the same file, line and column: v1 hashes
// the keys as the engine names them, which changes as the engine improves,
// and such a baseline's place is all that is left to match it by.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "sarif/report.h"

namespace slotlint::cli {

struct Baseline {
  std::set<std::string> v2;  // slotlint/v2 fingerprints
  std::set<std::string> v1;  // slotlint/v1 fingerprints
  // Results without a v2: ruleId, artifact URI, start line, start column
  // (0 when the result has none: any column).
  std::set<std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>> places;
};

// The baseline in a SARIF log; nullopt with `error` saying what is wrong.
std::optional<Baseline> read_baseline(const std::filesystem::path& path, std::string& error);

// Drops the findings the baseline knows; returns how many were dropped.
std::size_t apply_baseline(const Baseline& baseline, report::RunReport& run);

}  // namespace slotlint::cli
