#include "rules/non_zero_database.h"

#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

struct Judged {
  std::string summary;      // the message: one sentence, no period
  std::string refusal;      // what the server answers on a cluster
  bool index_known = true;  // false: SELECT of an index read at run time
  bool ignored = false;     // the client never sends it: nothing is refused
};

const ir::KeyExpr* argument(const ir::RedisOp& op, std::size_t i) {
  if (i >= op.argv.size() || op.argv[i].spread) return nullptr;
  return &op.argv[i].value;
}

std::optional<Judged> judge(const ir::RedisOp& op) {
  if (op.command == "SELECT" && !op.connect_option.empty()) {
    if (!op.database_refused.empty()) {
      // The client refuses the option before it connects, 0 included.
      return Judged{fmt::format("The {} {} client refuses the `{}` option, whatever its value",
                                op.client.library, op.client.api_class, op.connect_option),
                    op.database_refused, true};
    }
    // From the client's constructor: SELECT on each connection it opens.
    const auto* index = argument(op, 0);
    if (index != nullptr && index->is_literal()) {
      if (index->literal_text() == "0") return std::nullopt;
      if (!op.database_ignored.empty()) {
        return Judged{fmt::format("Database {} (`{}`) is ignored with a cluster configuration: "
                                  "the data stays in database 0",
                                  index->literal_text(), op.connect_option),
                      "", true, true};
      }
      return Judged{fmt::format("The client selects database {} on every connection (`{}`), "
                                "which a Redis Cluster does not have",
                                index->literal_text(), op.connect_option),
                    "ERR SELECT is not allowed in cluster mode", true};
    }
    // An index from configuration is usually 0 where the data lives on a
    // cluster: only one written in the code is reported.
    return std::nullopt;
  }
  if (op.command == "SELECT") {
    const auto* index = argument(op, 0);
    if (index != nullptr && index->is_literal()) {
      if (index->literal_text() == "0") return std::nullopt;  // the one database a cluster has
      return Judged{fmt::format("SELECT {} uses database {}, which a Redis Cluster does not have",
                                index->literal_text(), index->literal_text()),
                    "ERR SELECT is not allowed in cluster mode", true};
    }
    std::string shown = index == nullptr ? "an index" : "`" + index->display() + "`";
    return Judged{fmt::format("SELECT {} picks a database at run time, and a Redis Cluster has "
                              "only database 0",
                              shown),
                  "ERR SELECT is not allowed in cluster mode", false};
  }
  if (op.command == "MOVE") {
    return Judged{"MOVE moves a key to another database, which a Redis Cluster does not have",
                  "ERR MOVE is not allowed in cluster mode", true};
  }
  if (op.command == "SWAPDB") {
    return Judged{"SWAPDB swaps two databases, and a Redis Cluster has only database 0",
                  "ERR SWAPDB is not allowed in cluster mode", true};
  }
  return std::nullopt;
}

}  // namespace

void NonZeroDatabase::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                            std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (op.script_file_only || !op.command_known) continue;
    if (!op.refused_in_batch.empty()) continue;  // command-refused-in-pipeline's finding
    auto judged = judge(op);
    if (!judged) continue;
    // A cluster client's command reaches a cluster; a standalone client's
    // works on its server today and fails once the data moves to a cluster
    // (or the project says its servers are a cluster's nodes).
    bool on_cluster = op.client.cluster_client || context.deployed_on_cluster;
    ir::Finding finding;
    finding.rule_code = std::string(code());
    if (!judged->index_known) {
      finding.level = ir::Level::Note;
    } else if (judged->ignored) {
      // Nothing fails: data meant to be kept apart silently shares database 0.
      finding.level = ir::Level::Warning;
    } else {
      finding.level = on_cluster ? ir::Level::Error : ir::Level::Warning;
    }
    if (op.client.identified_by_name_only) finding.level = ir::Level::Note;
    finding.verdict = judged->ignored ? "ignored" : judged->index_known ? "refused" : "unknown";
    std::string where =
        op.client.cluster_client ? fmt::format("the {} {} client sends it to a cluster node",
                                               op.client.library, op.client.api_class)
        : context.deployed_on_cluster
            ? "the configuration says the project runs on a cluster (deployed_on_cluster)"
            : "it works on a standalone server, not once the data moves to a cluster";
    finding.message = std::move(judged->summary);
    if (judged->ignored) {
      finding.notes = {ir::as_sentence(capitalised(op.database_ignored))};
    } else {
      finding.notes = {fmt::format("A cluster refuses it (\"{}\"): {}.", judged->refusal, where)};
    }
    if (!op.database_note.empty() && !op.connect_option.empty() && !judged->ignored)
      finding.notes.push_back(ir::as_sentence(capitalised(op.database_note)));
    finding.notes.push_back(
        "Keep the data in database 0 and tell it apart by a key prefix (Valkey 9.0 and later "
        "serve other databases in cluster mode only when cluster-databases is raised).");
    if (op.client.identified_by_name_only) {
      finding.notes.push_back(fmt::format("Assumed a {} {} client from the receiver's name.",
                                          op.client.library, op.client.api_class));
    }
    rest_on_client(
        finding, op,
        op.connect_option.empty() || op.database_note.empty() ? where : op.database_note);
    finding.primary = op.callee;
    finding.fingerprint_basis = "database\x1f" + op.command + "\x1f" + op.connect_option;
    for (const auto& arg : op.argv) finding.fingerprint_basis += "\x1f" + arg.value.display();
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
