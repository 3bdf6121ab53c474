#include "rules/command_refused_in_pipeline.h"

#include <fmt/format.h>

#include "rules/verdict_wording.h"

namespace slotlint::rules {

void CommandRefusedInPipeline::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                                     std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (op.refused_in_batch.empty()) continue;
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = ir::Level::Error;
    finding.verdict = "refused-in-pipeline";
    finding.message = fmt::format("{} cannot be queued in this {} pipeline", op.command,
                                  op.client.library.empty() ? "cluster" : op.client.library);
    finding.notes = {ir::as_sentence(op.refused_in_batch),
                     "Send it outside the pipeline (through the cluster client, which routes "
                     "it), or use commands the pipeline accepts."};
    rest_on_client(finding, op, op.refused_in_batch);
    finding.primary = op.callee;
    if (op.group) finding.related.push_back({op.group->origin, "the pipeline starts here"});
    finding.fingerprint_basis = "refused-in-pipeline\x1f" + op.command;
    for (const auto& key : op.keys) finding.fingerprint_basis += "\x1f" + key.display();
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
