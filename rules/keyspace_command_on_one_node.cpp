#include "rules/keyspace_command_on_one_node.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "rules/keyspace_wording.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(
      a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// INFO answers for the node it reaches; only its keyspace section is about
// the keys (INFO with no section, for health checks, is left alone).
bool asks_for_keyspace(const ir::RedisOp& op) {
  return op.command == "INFO" && std::ranges::any_of(op.argv, [](const ir::Arg& arg) {
           return !arg.spread && arg.value.is_literal() &&
                  equals_ignoring_case(arg.value.literal_text(), "keyspace");
         });
}

}  // namespace

void KeyspaceCommandOnOneNode::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                                     std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (op.script_file_only || !op.command_known) continue;
    if (!op.keyspace_wide && !asks_for_keyspace(op)) continue;
    if (!op.refused_in_batch.empty()) continue;  // command-refused-in-pipeline's finding
    // A standalone client talks to one server, which holds every key, unless
    // the project says its servers are a cluster's nodes. What a cluster
    // client does with the command is a fact of its model; one whose model
    // does not say is not judged (hiredis-cluster refuses a command without
    // keys; Redisson and Spring have their own cluster-wide methods).
    std::string fact;
    if (!op.client.cluster_client) {
      if (!context.deployed_on_cluster || op.client.library.empty()) continue;
      fact = fmt::format(
          "a standalone {} {} connection talks to the one node it is connected to, and the "
          "configuration says the project runs on a cluster (deployed_on_cluster)",
          op.client.library, op.client.api_class);
    } else {
      if (op.fanned_out || op.routing_note.empty()) continue;
      fact = op.routing_note;
    }
    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.level = op.client.identified_by_name_only ? ir::Level::Note : ir::Level::Warning;
    finding.verdict = "one-node";
    std::string shown = op.command == "INFO" ? "INFO keyspace" : op.command;
    finding.message = fmt::format("{} reaches one node of the cluster, not every primary", shown);
    finding.notes = {ir::as_sentence(fact),
                     fmt::format("Each primary holds only the keys of its slots, so {} {}.", shown,
                                 one_node_effect(op.command)),
                     "Run it on every primary and combine the answers."};
    if (op.client.identified_by_name_only) {
      finding.notes.push_back(fmt::format("Assumed a {} {} client from the receiver's name.",
                                          op.client.library, op.client.api_class));
    }
    rest_on_client(finding, op, fact);
    finding.primary = op.callee;
    finding.fingerprint_basis = "one-node\x1f" + shown;
    for (const auto& arg : op.argv) finding.fingerprint_basis += "\x1f" + arg.value.display();
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
