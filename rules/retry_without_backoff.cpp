#include "rules/retry_without_backoff.h"

#include <fmt/format.h>

#include "rules/tryagain_exposure.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {

void RetryWithoutBackoff::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                                std::vector<ir::Finding>& findings) const {
  for (const auto& exposure : tryagain_exposures(ops)) {
    const auto& op = *exposure.op;
    const auto& handling = op.error_handling;
    if (!handling.retries || (handling.waits && !handling.waits_zero)) continue;
    bool transaction = exposure.transaction;
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = ir::Level::Warning;
    finding.verdict = handling.waits_zero ? "zero-delay" : "no-delay";
    finding.message = fmt::format(
        "This loop retries {} after TRYAGAIN {}",
        transaction ? "the MULTI/EXEC transaction" : op.command,
        handling.waits_zero ? "with a constant zero delay" : "at once, without waiting");
    finding.notes = {
        "TRYAGAIN comes while one of its slots migrates and clears only when the migration of "
        "those keys ends, so the retries hammer the node meanwhile and give up (or spin) before "
        "it does."};
    if (!op.tryagain.note.empty()) {
      finding.notes.push_back(ir::as_sentence(
          op.tryagain.note +
          (op.tryagain.client_retries ? "; this loop adds immediate retries on top" : "")));
    }
    finding.notes.push_back(
        "Sleep between attempts with a growing delay (e.g. 50 ms doubling, with jitter) and a "
        "bounded number of tries.");
    finding.primary = exposure.primary();
    finding.related.push_back({handling.retry_loop, "the loop that retries"});
    finding.related.push_back({handling.handler, "the handler that lets the loop go on"});
    if (exposure.raised_through_call())
      finding.related.push_back({op.callee, "the " + op.command + " inside the called function"});
    finding.fingerprint_basis = "retry";
    for (const auto* queued : exposure.queued)
      finding.fingerprint_basis += "\x1f" + queued->command;
    rest_on_client(finding, op, op.tryagain.note);
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
