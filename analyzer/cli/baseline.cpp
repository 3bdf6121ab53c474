#include "analyzer/cli/baseline.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyzer/files/project_files.h"
#include "sarif/sarif_reporter.h"

namespace slotlint::cli {
namespace {

// A SARIF log of a very large project's findings stays far below this.
constexpr std::uint64_t kMaxBaselineBytes = 256u << 20;

}  // namespace

std::optional<std::set<std::string>> read_baseline(const std::filesystem::path& path,
                                                   std::string& error) {
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
  std::set<std::string> fingerprints;
  for (const auto& run : log["runs"]) {
    if (!run.is_object() || !run.contains("results") || !run["results"].is_array()) continue;
    for (const auto& result : run["results"]) {
      const auto* partial = result.is_object() && result.contains("partialFingerprints")
                                ? &result["partialFingerprints"]
                                : nullptr;
      if (partial == nullptr || !partial->is_object()) continue;
      auto it = partial->find(std::string(report::kFingerprintName));
      if (it != partial->end() && it->is_string()) fingerprints.insert(it->get<std::string>());
    }
  }
  return fingerprints;
}

std::size_t apply_baseline(const std::set<std::string>& fingerprints, report::RunReport& run) {
  return std::erase_if(run.findings, [&](const report::Finding& finding) {
    return fingerprints.contains(finding.fingerprint);
  });
}

}  // namespace slotlint::cli
