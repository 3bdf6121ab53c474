#include "sarif/github_limits.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join

namespace slotlint::report {
namespace {

// Drops all but the `max` most severe findings and returns how many it
// dropped. Among findings of one level the earlier are kept, and the kept ones
// stay in the report's order (by path and line).
std::size_t keep_most_severe(std::vector<Finding>& findings, std::size_t max) {
  if (findings.size() <= max) return 0;
  std::vector<std::size_t> order(findings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Stable: equal levels keep the report's order. Level orders Note < Warning < Error.
  std::ranges::stable_sort(order, std::ranges::greater{},
                           [&](std::size_t i) { return findings[i].level; });
  order.resize(max);
  std::ranges::sort(order);

  std::vector<Finding> kept;
  kept.reserve(max);
  for (std::size_t i : order) kept.push_back(std::move(findings[i]));
  std::size_t dropped = findings.size() - kept.size();
  findings = std::move(kept);
  return dropped;
}

// Cuts related locations so that, with the one primary location the SARIF
// writer emits, a result has at most `max_locations` locations. The first ones
// stay: their SARIF ids (1, 2, ...) follow their position and remain valid.
std::size_t cap_related(std::vector<Finding>& findings, std::size_t max_locations) {
  std::size_t max_related = std::max<std::size_t>(max_locations, 1) - 1;
  std::size_t dropped = 0;
  for (auto& finding : findings) {
    if (finding.related.size() <= max_related) continue;
    dropped += finding.related.size() - max_related;
    finding.related.resize(max_related);
  }
  return dropped;
}

std::string count_of(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string capped_message(std::size_t results_total, std::size_t results_dropped,
                           std::size_t related_dropped, const GithubLimits& limits) {
  std::vector<std::string> left_out;
  std::vector<std::string> because;
  if (results_dropped > 0) {
    left_out.push_back(fmt::format("{} of {} (the least severe)", results_dropped,
                                   count_of(results_total, "result")));
    because.push_back(fmt::format("{} per run", count_of(limits.max_results_per_run, "result")));
  }
  if (related_dropped > 0) {
    left_out.push_back(count_of(related_dropped, "related location"));
    because.push_back(
        fmt::format("{} per result", count_of(limits.max_locations_per_result, "location")));
  }
  return fmt::format("Left out {}: GitHub code scanning keeps at most {}.",
                     fmt::join(left_out, " and "), fmt::join(because, " and "));
}

}  // namespace

void apply_github_limits(RunReport& run, const GithubLimits& limits) {
  std::size_t results_total = run.findings.size();
  std::size_t results_dropped = keep_most_severe(run.findings, limits.max_results_per_run);
  // After the results cap, so only the related locations of kept results count.
  std::size_t related_dropped = cap_related(run.findings, limits.max_locations_per_result);
  if (results_dropped == 0 && related_dropped == 0) return;
  run.notifications.push_back(
      {ir::Level::Warning, "results-capped",
       capped_message(results_total, results_dropped, related_dropped, limits), std::nullopt});
}

}  // namespace slotlint::report
