// GitHub code scanning's limits on a SARIF upload, applied to a report before
// it is written as SARIF, so that GitHub neither rejects the upload nor drops
// part of it without a word. Numbers from GitHub Docs, "SARIF support for code
// scanning", the limits table under "Validating your SARIF file".
#pragma once

#include <cstddef>

#include "sarif/report.h"

namespace slotlint::report {

struct GithubLimits {
  // "Results per run": a run with more than 25,000 is rejected, and of fewer
  // only the top 5,000 are kept. Capping at 5,000 avoids both.
  std::size_t max_results_per_run = 5'000;
  // "Location per result": more than 1,000 is rejected, and only 100 are kept.
  // The page does not say whether relatedLocations count with locations, so
  // the primary location and the related ones together stay within this.
  std::size_t max_locations_per_result = 100;
};

// Keeps the `max_results_per_run` most severe findings (error, then warning,
// then note; among equals, the earlier ones), in the report's order, and cuts
// each finding's related locations to fit `max_locations_per_result`. When
// anything was left out, adds one warning notification "results-capped" that
// says how much and why. A report within the limits is left unchanged.
void apply_github_limits(RunReport& run, const GithubLimits& limits = {});

}  // namespace slotlint::report
