#include "rules/swallowed_tryagain.h"

#include <fmt/format.h>

#include "rules/tryagain_exposure.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {

void SwallowedTryAgain::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                              std::vector<ir::Finding>& findings) const {
  for (const auto& exposure : tryagain_exposures(ops)) {
    const auto& op = *exposure.op;
    const auto& handling = op.error_handling;
    if (handling.reraises || handling.retries) continue;
    const auto& handler = handling.handler_text;
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = ir::Level::Warning;
    finding.verdict = "swallowed";
    finding.message =
        fmt::format("TRYAGAIN from {} is caught by {} and dropped",
                    exposure.transaction ? "this MULTI/EXEC transaction" : op.command, handler);
    finding.notes = {
        "It names several keys, so it can fail with TRYAGAIN while one of their slots migrates "
        "(resharding, scaling); the handler neither re-raises nor retries, so the work is "
        "silently lost."};
    if (!op.tryagain.note.empty()) finding.notes.push_back(ir::as_sentence(op.tryagain.note));
    finding.notes.push_back("Re-raise it, or retry with a growing delay.");
    finding.primary = exposure.primary();
    finding.related.push_back({handling.handler, "the handler that drops the error"});
    for (const auto* queued : exposure.queued) {
      if (exposure.transaction)
        finding.related.push_back({queued->callee, "queued " + queued->command});
    }
    if (exposure.raised_through_call())
      finding.related.push_back({op.callee, "the " + op.command + " inside the called function"});
    finding.fingerprint_basis = "swallowed\x1f" + handling.caught_as;
    for (const auto* queued : exposure.queued)
      finding.fingerprint_basis += "\x1f" + queued->command;
    rest_on_client(finding, op, op.tryagain.note);
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
