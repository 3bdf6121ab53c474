// The configuration's `standalone` code: files and client classes that talk
// to a single Redis server, where cluster-only findings (rules tagged
// `redis-cluster`) do not apply. Such findings are kept as suppressions of
// kind external, so that SARIF and `explain FILE:LINE` still show them and
// say why.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "analyzer/config/config.h"
#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"
#include "rules/rule_metadata.h"

namespace slotlint::driver {

struct StandaloneScope {
  const config::Config& config;
  std::filesystem::path file;        // the analysed file the finding came from
  std::string display_path;          // ...as reported
  std::filesystem::path located_in;  // the file of the finding's location (a script)
  std::string located_display_path;  // ...as reported
  std::span<const ir::RedisOp> ops;  // the analysed file's calls
};

// Why `finding` of `rule` is in standalone-only code; nullopt when it is not
// (or the rule is not about clusters).
std::optional<std::string> standalone_justification(const StandaloneScope& scope,
                                                    const rules::RuleMetadata& rule,
                                                    const ir::Finding& finding);

}  // namespace slotlint::driver
