#include "analyzer/driver/standalone.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace slotlint::driver {
namespace {

constexpr std::string_view kClusterTag = "redis-cluster";

// The innermost call of `ops` around `span` (in the analysed file itself).
const ir::RedisOp* call_around(std::span<const ir::RedisOp> ops, const ir::SourceSpan& span) {
  const ir::RedisOp* found = nullptr;
  for (const auto& op : ops) {
    if (op.call.file != span.file || op.call.begin > span.begin || op.call.end < span.end) continue;
    if (found == nullptr || op.call.end - op.call.begin < found->call.end - found->call.begin)
      found = &op;
  }
  return found;
}

}  // namespace

std::optional<std::string> standalone_justification(const StandaloneScope& scope,
                                                    const rules::RuleMetadata& rule,
                                                    const ir::Finding& finding) {
  const auto& config = scope.config;
  if (config.standalone.paths.empty() && config.standalone.clients.empty()) return std::nullopt;
  if (std::ranges::find(rule.tags, kClusterTag) == rule.tags.end()) return std::nullopt;
  std::string config_name = config.file.filename().string();
  auto by_path = [&](const std::filesystem::path& path,
                     const std::string& shown) -> std::optional<std::string> {
    const auto* glob = config.standalone_path(path);
    if (glob == nullptr) return std::nullopt;
    return fmt::format(
        "standalone-only code: {} matches \"{}\" in \"standalone.paths\" of {}, so it talks to "
        "a single Redis server and this cluster-only finding does not apply there",
        shown, glob->pattern(), config_name);
  };
  if (auto why = by_path(scope.file, scope.display_path)) return why;
  if (!scope.located_in.empty()) {
    if (auto why = by_path(scope.located_in, scope.located_display_path)) return why;
  }
  if (config.standalone.clients.empty()) return std::nullopt;
  // The calls the finding is about: where it points, and the related places
  // in the analysed file (the other calls of a transaction, the calls that
  // run a script).
  std::vector<const ir::RedisOp*> calls;
  auto add = [&](const ir::SourceSpan& span) {
    if (span.file != 0) return;
    const auto* op = call_around(scope.ops, span);
    if (op != nullptr && std::ranges::find(calls, op) == calls.end()) calls.push_back(op);
  };
  add(finding.primary);
  for (const auto& related : finding.related) add(related.span);
  if (calls.empty()) return std::nullopt;
  const config::Config::StandaloneClient* entry = nullptr;
  for (const auto* op : calls) {
    entry = config.standalone_client(op->client.library, op->client.api_class);
    if (entry == nullptr) return std::nullopt;
  }
  const auto& client = calls.front()->client;
  return fmt::format(
      "standalone-only code: the {} goes through {} {}, which \"standalone.clients\" of {} "
      "lists (\"{}\"), so it talks to a single Redis server and this cluster-only finding does "
      "not apply there",
      calls.size() == 1 ? "call" : "calls", client.library, client.api_class, config_name,
      entry->text);
}

}  // namespace slotlint::driver
