// --baseline: a SARIF log from an earlier run. Findings whose fingerprint it
// holds are old and left out, so a team can adopt slotlint on an existing code
// base and be told only about what is new.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "sarif/report.h"

namespace slotlint::cli {

// The fingerprints in a SARIF log; nullopt with `error` saying what is wrong.
std::optional<std::set<std::string>> read_baseline(const std::filesystem::path& path,
                                                   std::string& error);

// Drops the findings the baseline knows; returns how many were dropped.
std::size_t apply_baseline(const std::set<std::string>& fingerprints, report::RunReport& run);

}  // namespace slotlint::cli
