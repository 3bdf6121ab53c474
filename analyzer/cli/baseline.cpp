#include "analyzer/cli/baseline.h"

#include <limits>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyzer/files/project_files.h"
#include "sarif/sarif_reporter.h"
#include "sarif/uri.h"

namespace slotlint::cli {
namespace {

// A SARIF log of a very large project's findings stays far below this.
constexpr std::uint64_t kMaxBaselineBytes = 256u << 20;

// A member of a JSON object, or null when `json` is no object or lacks it.
const nlohmann::json* member(const nlohmann::json& json, std::string_view name) {
  if (!json.is_object()) return nullptr;
  auto it = json.find(std::string(name));
  return it == json.end() ? nullptr : &*it;
}

const std::string* string_member(const nlohmann::json& json, std::string_view name) {
  const auto* value = member(json, name);
  return value != nullptr && value->is_string() ? value->get_ptr<const std::string*>() : nullptr;
}

// A positive integer member, or 0 when it is missing or anything else.
std::uint32_t line_or_column(const nlohmann::json& region, std::string_view name) {
  const auto* value = member(region, name);
  if (value == nullptr || !value->is_number_unsigned()) return 0;
  auto number = value->get<std::uint64_t>();
  return number <= std::numeric_limits<std::uint32_t>::max() ? static_cast<std::uint32_t>(number)
                                                             : 0;
}

// Rule, URI, start line and column of a result's first location, when it has
// at least a rule, a URI and a line.
std::optional<std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>> place_of(
    const nlohmann::json& result) {
  const auto* rule = string_member(result, "ruleId");
  const auto* locations = member(result, "locations");
  if (rule == nullptr || locations == nullptr || !locations->is_array() || locations->empty())
    return std::nullopt;
  const auto* physical = member(locations->front(), "physicalLocation");
  const auto* artifact = physical != nullptr ? member(*physical, "artifactLocation") : nullptr;
  const auto* uri = artifact != nullptr ? string_member(*artifact, "uri") : nullptr;
  const auto* region = physical != nullptr ? member(*physical, "region") : nullptr;
  if (uri == nullptr || region == nullptr) return std::nullopt;
  auto line = line_or_column(*region, "startLine");
  if (line == 0) return std::nullopt;
  return std::tuple{*rule, *uri, line, line_or_column(*region, "startColumn")};
}

}  // namespace

std::optional<Baseline> read_baseline(const std::filesystem::path& path, std::string& error) {
  auto read = files::read_input_file(path, kMaxBaselineBytes);
  if (!read) {
    error = fmt::format("cannot read the baseline {}: it {}", path.string(), read.reason);
    return std::nullopt;
  }
  nlohmann::json log;
  try {
    log = nlohmann::json::parse(*read.bytes);
  } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range
    error = fmt::format("the baseline {} is not JSON: {}", path.string(), e.what());
    return std::nullopt;
  }
  if (!log.is_object() || !log.contains("runs") || !log["runs"].is_array()) {
    error = fmt::format(
        "the baseline {} is not a SARIF log (no \"runs\" array); pass a file "
        "written by `slotlint check --format sarif`",
        path.string());
    return std::nullopt;
  }
  Baseline baseline;
  for (const auto& run : log["runs"]) {
    if (!run.is_object() || !run.contains("results") || !run["results"].is_array()) continue;
    for (const auto& result : run["results"]) {
      if (!result.is_object()) continue;
      bool has_v2 = false;
      if (const auto* partial = member(result, "partialFingerprints")) {
        if (const auto* v2 = string_member(*partial, report::kFingerprintName)) {
          baseline.v2.insert(*v2);
          has_v2 = true;
        }
        if (const auto* v1 = string_member(*partial, report::kFingerprintV1Name))
          baseline.v1.insert(*v1);
      }
      if (!has_v2) {
        if (auto place = place_of(result)) baseline.places.insert(*std::move(place));
      }
    }
  }
  return baseline;
}

std::size_t apply_baseline(const Baseline& baseline, report::RunReport& run) {
  auto has_place = [&](const report::Finding& finding) {
    if (baseline.places.empty() || finding.rule == nullptr) return false;
    auto uri = report::relative_path_uri(finding.location.path);
    const auto& region = finding.location.region;
    return baseline.places.contains(
               {finding.rule->code, uri, region.start_line, region.start_column}) ||
           baseline.places.contains({finding.rule->code, uri, region.start_line, 0});
  };
  return std::erase_if(run.findings, [&](const report::Finding& finding) {
    return baseline.v2.contains(finding.fingerprint) ||
           baseline.v1.contains(finding.fingerprint_v1) || has_place(finding);
  });
}

}  // namespace slotlint::cli
