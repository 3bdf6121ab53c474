// A rule reads the RedisOps of one file and reports findings. Rules see only
// the IR (CMake links them to nothing else), never a syntax tree.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"

namespace slotlint::rules {

// What the project's configuration tells every rule.
struct RuleContext {
  bool assume_brace_free_values = false;
  // The project says its standalone clients talk to a cluster's nodes too.
  bool deployed_on_cluster = false;
};

class Rule {
 public:
  virtual ~Rule() = default;
  [[nodiscard]] virtual std::string_view code() const = 0;
  virtual void check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                     std::vector<ir::Finding>& findings) const = 0;
};

// Every rule, in code order (rules/registry.cpp: one line per rule).
std::vector<std::unique_ptr<Rule>> make_all_rules();

}  // namespace slotlint::rules
