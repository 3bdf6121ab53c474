#include "rules/script_keys_count_mismatch.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "analyzer/ir/script.h"

namespace slotlint::rules {

void ScriptKeysCountMismatch::check(std::span<const ir::RedisOp> ops, const RuleContext&,
                                    std::vector<ir::Finding>& findings) const {
  for (const auto& op : ops) {
    if (!op.script || !op.script->summary) continue;
    const auto& summary = *op.script->summary;
    // A script that counts or loops over KEYS uses however many it gets.
    if (summary.keys_read_by_count) continue;
    auto inputs = ir::script_call_inputs(op);
    if (!inputs) continue;
    auto passed = static_cast<int>(inputs->numkeys);
    int highest = summary.highest_key_read();
    if (passed == highest) continue;

    ir::Finding finding;
    finding.rule_code = std::string(code());
    finding.primary = inputs->numkeys_span.empty() ? op.callee : inputs->numkeys_span;
    const auto& script = *op.script;
    if (highest > passed) {
      auto read =
          std::ranges::find(summary.keys_read, highest, &std::pair<int, std::uint32_t>::first)
              ->second;
      finding.level = ir::Level::Error;
      finding.message = fmt::format("This call passes {} key{} but {} reads KEYS[{}]", passed,
                                    passed == 1 ? "" : "s", ir::script_label(script), highest);
      finding.notes = {
          "That key is nil in the script, so the command using it fails (or works on the wrong "
          "key), and on a cluster a key the script builds instead is not declared.",
          "Pass every key the script reads in KEYS."};
      auto length = static_cast<std::uint32_t>(std::to_string(highest).size() + 6);  // KEYS[n]
      finding.related.push_back({ir::locate_in_script(script, read, read + length),
                                 fmt::format("KEYS[{}] is read here", highest)});
    } else {
      finding.level = ir::Level::Warning;
      std::string reads =
          highest == 0 ? "reads no KEYS at all" : fmt::format("reads only KEYS[1..{}]", highest);
      finding.message = fmt::format("This call passes {} keys but {} {}", passed,
                                    ir::script_label(script), reads);
      finding.notes = {
          "The extra keys still decide which slot and node run the script, yet nothing in it "
          "uses them.",
          "If they were meant as arguments, pass them after the keys (ARGV) and lower numkeys."};
      finding.related.push_back({script.origin, "the script"});
    }
    finding.verdict = "count-mismatch";
    finding.fingerprint_basis = fmt::format("{}\x1f{}\x1f{}", script.identity, passed, highest);
    findings.push_back(std::move(finding));
  }
}

}  // namespace slotlint::rules
