#include "analyzer/driver/run_summary.h"

#include <algorithm>
#include <set>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyzer/driver/driver.h"

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

const ir::RedisOp* script_file_op(const FileResult& file) {
  auto op = std::ranges::find_if(
      file.ops, [](const ir::RedisOp& o) { return o.script_file_only && o.script.has_value(); });
  return op == file.ops.end() ? nullptr : &*op;
}

}  // namespace

std::vector<frontend::Notice> counted_notices(const SkipCounts& skipped,
                                              std::size_t unlinked_scripts) {
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
  if (unlinked_scripts > 0) {
    notices.push_back(
        {ir::Level::Note, "script-not-linked",
         fmt::format("{} not linked to any call site: no analysed code runs {}, so {} checked "
                     "on {} own, for keys not passed in KEYS, without the keys a call passes",
                     count(unlinked_scripts, "Lua script"), unlinked_scripts == 1 ? "it" : "them",
                     unlinked_scripts == 1 ? "it was" : "they were",
                     unlinked_scripts == 1 ? "its" : "their")});
  }
  return notices;
}

std::size_t settle_script_files(std::vector<FileResult>& files) {
  std::set<std::string, std::less<>> linked;
  for (const auto& file : files) {
    for (const auto& op : file.ops) {
      if (op.script && !op.script_file_only) linked.insert(op.script->identity);
    }
  }
  std::size_t unlinked = 0;
  for (auto& file : files) {
    const auto* op = script_file_op(file);
    if (op == nullptr) continue;
    if (linked.contains(op->script->identity)) {
      file.findings.clear();  // all of them come from reading the file on its own
    } else {
      ++unlinked;
    }
  }
  return unlinked;
}

}  // namespace slotlint::driver
