#include "rules/keyspace_command_in_script.h"

#include <cctype>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "analyzer/ir/script.h"
#include "rules/keyspace_wording.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

// SELECT 0 is the one database a cluster has; any other index, or one the
// script computes, is refused.
bool selects_other_database(const ir::ScriptCommandCall& call) {
  return call.command == "SELECT" && call.first_argument != "0";
}

struct Judged {
  ir::Level level = ir::Level::Warning;
  std::string message;
  std::vector<std::string> notes;
};

std::optional<Judged> judge(const ir::ScriptCommandCall& call, const ir::ScriptUse& use) {
  auto label = capitalised(ir::script_label(use));
  if (selects_other_database(call)) {
    return Judged{
        ir::Level::Error,
        fmt::format("{} runs SELECT{}, which a cluster refuses", label,
                    call.first_argument ? " " + *call.first_argument : ""),
        {"A cluster has only database 0 and refuses any other index (\"ERR SELECT is not allowed "
         "in cluster mode\"), so the script fails there.",
         "Keep the data in database 0 and tell it apart by a key prefix."}};
  }
  if (!call.keyspace_wide) return std::nullopt;
  return Judged{
      ir::Level::Warning,
      fmt::format("{} runs {}, which answers for one cluster node only", label, call.command),
      {fmt::format("On Redis Cluster a script runs on the node that serves the slot of its keys "
                   "(any node when it declares none), and {} {}.",
                   call.command, one_node_effect(call.command)),
       call.command == "FLUSHDB" || call.command == "FLUSHALL"
           ? "Delete the keys the script owns by name (passed in KEYS), and flush from the "
             "client on every primary."
           : "Keep the keys the script needs in a set under the script's hash tag and pass it in "
             "KEYS, or list keys from the client on every primary."}};
}

}  // namespace

void KeyspaceCommandInScript::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                                    std::vector<ir::Finding>& findings) const {
  // One finding per command in a script, whichever calls (or none) run it;
  // each call that runs it is a related location.
  std::map<std::tuple<std::string, std::uint32_t, ir::SourceSpan>, std::size_t> index;
  for (const auto& op : ops) {
    if (!op.script || !op.script->summary) continue;
    const auto& use = *op.script;
    for (const auto& call : use.summary->calls) {
      auto judged = judge(call, use);
      if (!judged) continue;
      auto where = ir::locate_in_script(use, call.begin, call.end);
      auto [it, inserted] = index.try_emplace({use.identity, call.begin, where}, findings.size());
      if (inserted) {
        ir::Finding finding;
        finding.rule_code = std::string(code());
        finding.level = judged->level;
        finding.verdict = call.command == "SELECT" ? "refused" : "one-node";
        finding.message = std::move(judged->message);
        finding.notes = std::move(judged->notes);
        finding.primary = where;
        finding.fingerprint_basis = fmt::format("{}\x1f{}\x1f{}", use.identity, call.command,
                                                call.first_argument.value_or(""));
        findings.push_back(std::move(finding));
      }
      if (!op.script_file_only) {
        findings[it->second].related.push_back({op.callee, op.api + " runs the script"});
      }
    }
  }
}

}  // namespace slotlint::rules
