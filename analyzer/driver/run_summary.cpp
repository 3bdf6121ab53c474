#include "analyzer/driver/run_summary.h"

#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace slotlint::driver {
namespace {

std::string count(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

// "3 folders (hidden: 2, node_modules: 1)"; empty when none.
std::string by_reason(const std::array<std::size_t, SkipCounts::kReasons>& counts,
                      std::string_view noun) {
  std::size_t total = 0;
  std::vector<std::string> reasons;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] == 0) continue;
    total += counts[i];
    reasons.push_back(
        fmt::format("{}: {}", skip_reason_label(static_cast<SkipReason>(i)), counts[i]));
  }
  if (total == 0) return {};
  return fmt::format("{} ({})", count(total, noun), fmt::join(reasons, ", "));
}

}  // namespace

std::vector<frontend::Notice> counted_notices(const SkipCounts& skipped) {
  std::vector<frontend::Notice> notices;
  std::vector<std::string> parts;
  for (auto part : {by_reason(skipped.folders, "folder"), by_reason(skipped.files, "file")}) {
    if (!part.empty()) parts.push_back(std::move(part));
  }
  if (!parts.empty()) {
    notices.push_back({ir::Level::Note, "files-skipped",
                       fmt::format("skipped on purpose: {}", fmt::join(parts, ", "))});
  }
  for (const auto& [language, n] : skipped.unread_languages) {
    notices.push_back({ir::Level::Note, "unsupported-language",
                       fmt::format("{} not analysed: slotlint does not read {} yet",
                                   count(n, fmt::format("{} file", language)), language)});
  }
  return notices;
}

}  // namespace slotlint::driver
