#include "rules/undeclared_key_in_script.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "analyzer/ir/script.h"
#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"
#include "analyzer/slot/tag_shape.h"
#include "rules/verdict_wording.h"

namespace slotlint::rules {
namespace {

// The KEYS entry a key starts with (`KEYS[1] .. ':' .. id`), or 0.
int derived_from(const ir::KeyExpr& key) {
  if (key.is_unknown() || key.segments().empty()) return 0;
  const auto* hole = std::get_if<ir::HoleSegment>(&key.segments().front());
  if (hole == nullptr) return 0;
  auto input = ir::parse_script_symbol(hole->symbol);
  return input && input->is_keys ? std::max(input->index, 0) + (input->index == 0 ? 1 : 0) : 0;
}

// A declared key used as is: `KEYS[2]`, or an element of KEYS in a loop.
bool is_declared(const ir::KeyExpr& key) {
  if (key.is_unknown() || key.segments().size() != 1) return false;
  const auto* hole = std::get_if<ir::HoleSegment>(&key.segments().front());
  if (hole == nullptr) return false;
  auto input = ir::parse_script_symbol(hole->symbol);
  return input && input->is_keys;
}

// A key made only of values the script computes (a function's parameter, a
// table it builds): nothing to judge it by. A key read from Redis (another
// command's reply) is still an undeclared key.
bool only_script_values(const ir::KeyExpr& key) {
  return !key.is_unknown() && std::ranges::all_of(key.segments(), [](const ir::Segment& segment) {
    const auto* hole = std::get_if<ir::HoleSegment>(&segment);
    return hole != nullptr && !ir::parse_script_symbol(hole->symbol) &&
           !ir::is_script_reply(hole->symbol);
  });
}

std::string key_list(const std::vector<ir::KeyExpr>& keys) {
  std::string text;
  for (std::size_t i = 0; i < keys.size() && i < 3; ++i) {
    text += (i == 0 ? "'" : ", '") + keys[i].display() + "'";
  }
  if (keys.size() > 3) text += ", ...";
  return text;
}

struct Judged {
  ir::Level level = ir::Level::Note;
  slot::Verdict verdict = slot::Verdict::SameSlot;
  std::string message;
  std::vector<std::string> notes;
};

// A key built from KEYS[base] (`KEYS[1] .. ':' .. id`) stays with the declared
// keys only when that entry starts with a hash tag. `entry` shows what the
// call passes there; `unknown` says why nothing is shown.
void derived_key_message(Judged& judged, const ir::ScriptUse& use, std::string_view command,
                         std::string_view shown, int base, std::string_view entry,
                         std::string_view unknown) {
  judged.message = fmt::format("{} on key '{}', built from KEYS[{}] but not passed in KEYS",
                               command, shown, base);
  judged.notes.push_back(
      fmt::format("{} runs {} on key '{}'.", capitalised(ir::script_label(use)), command, shown));
  judged.notes.push_back(fmt::format(
      "It stays in the declared slot only if KEYS[{}]{} starts with a complete hash tag such as "
      "'{{...}}:' before the part the script appends.",
      base, entry));
  if (!unknown.empty()) judged.notes.push_back(std::string(unknown));
  judged.notes.push_back(fmt::format("Give KEYS[{}] a hash tag, or pass the key in KEYS.", base));
}

// One access at one call site; nullopt when it is safe there.
std::optional<Judged> judge_access(const ir::ScriptKeyAccess& access, const ir::ScriptUse& use,
                                   const ir::ScriptCallInputs& inputs, const RuleContext& context) {
  if (is_declared(access.key) || only_script_values(access.key)) return std::nullopt;
  auto key = ir::instantiate(access.key, use, inputs);
  if (key.is_unknown()) return std::nullopt;  // KEYS[n] not passed: the count rule's finding
  Judged judged;
  std::string shown = key.display();
  if (inputs.keys.empty()) {
    judged.verdict = slot::Verdict::LikelyCrossSlot;
    judged.level = ir::Level::Warning;
    judged.message =
        fmt::format("{} on key '{}', but the call declares no keys", access.command, shown);
    judged.notes = {
        fmt::format("{} runs {} on key '{}'.", capitalised(ir::script_label(use)), access.command,
                    shown),
        "A cluster node runs such a script wherever the client sends it and refuses keys of "
        "slots it does not serve (\"Script attempted to access a non local key\").",
        "Pass the key in KEYS."};
    return judged;
  }
  // Against the declared keys; when those already span slots (SL003's
  // finding), against the first, so that the reason is about this key.
  std::vector<ir::KeyExpr> keys = inputs.keys;
  if (slot::judge(keys, {context.assume_brace_free_values}).verdict != slot::Verdict::SameSlot)
    keys.resize(1);
  keys.push_back(key);
  auto verdict = slot::judge(keys, {context.assume_brace_free_values});
  if (verdict.verdict == slot::Verdict::SameSlot) return std::nullopt;
  if (verdict.verdict == slot::Verdict::Unknown && key.is_literal()) {
    // One fixed key beside keys that change from call to call: it shares
    // their slot only by chance.
    verdict.verdict = slot::Verdict::LikelyCrossSlot;
    verdict.reason = fmt::format(
        "'{}' is one fixed key, in slot {}, while the declared keys change "
        "from call to call",
        shown, slot::analyse_key(key).slot.value_or(0));
  }
  judged.verdict = verdict.verdict;
  judged.level = level_for(verdict.verdict);
  int base = derived_from(access.key);
  if (base != 0 && verdict.verdict != slot::Verdict::CrossSlot) {
    // Job queues build keys from a tagged KEYS entry on purpose; without a
    // tag we can see, it is worth a note, never more.
    judged.level = ir::Level::Note;
    derived_key_message(
        judged, use, access.command, shown, base,
        fmt::format(" ('{}' here)", static_cast<std::size_t>(base) <= inputs.keys.size()
                                        ? inputs.keys[base - 1].display()
                                        : "?"),
        "");
    return judged;
  }
  auto suggestion = slot::suggest_hash_tag(keys);
  // The headline sits in the script: the script's name and the declared
  // keys follow in the notes.
  judged.message = fmt::format(
      "{} on key '{}', not passed in KEYS, {} from the declared keys", access.command, shown,
      verdict.verdict == slot::Verdict::CrossSlot         ? "is in a different slot"
      : verdict.verdict == slot::Verdict::LikelyCrossSlot ? "can hash to a different slot"
                                                          : "may hash to a different slot");
  judged.notes = {
      fmt::format("{} runs {} on key '{}'; the call declares {}.",
                  capitalised(ir::script_label(use)), access.command, shown, key_list(inputs.keys)),
      ir::as_sentence(verdict.reason),
      "A cluster node runs a script for the slot of its declared keys and fails on others "
      "(\"Script attempted to access a non local key\" or a cross-slot error).",
      fmt::format("Pass the key in KEYS{}.",
                  suggestion ? fmt::format(" and give all of them one hash tag {}", suggestion->tag)
                             : ", or build it from a KEYS entry that carries a hash tag")};
  return judged;
}

// One access of a `.lua` file read on its own: no call site, so the keys
// the script is given are not known. A key with no tie to KEYS can only share
// their slot by chance; one built from a KEYS entry, or carrying a hash tag
// the declared keys may share, depends on what the call passes.
std::optional<Judged> judge_unlinked_access(const ir::ScriptKeyAccess& access,
                                            const ir::ScriptUse& use) {
  if (is_declared(access.key) || only_script_values(access.key)) return std::nullopt;
  const auto& key = access.key;
  std::string shown = key.display();
  auto label = capitalised(ir::script_label(use));
  constexpr std::string_view kUnlinked =
      "No call in this run runs the script, so the keys it is given are not known";
  Judged judged;
  if (int base = derived_from(key); base != 0) {
    judged.verdict = slot::Verdict::Unknown;
    derived_key_message(judged, use, access.command, shown, base, "",
                        fmt::format("{}.", kUnlinked));
    return judged;
  }
  auto shape = slot::tag_shape(key);
  if (shape.kind == slot::TagShape::Kind::Tag) {
    judged.verdict = slot::Verdict::Unknown;
    judged.message = fmt::format(
        "{} on key '{}', not passed in KEYS, shares the declared keys' slot only "
        "through its hash tag",
        access.command, shown);
    judged.notes = {fmt::format("{} runs {} on key '{}'.", label, access.command, shown),
                    fmt::format("It stays in the declared slot only if the declared keys carry "
                                "the same hash tag {{{}}}.",
                                shape.tag),
                    fmt::format("{}.", kUnlinked), "Pass the key in KEYS."};
    return judged;
  }
  judged.verdict = slot::Verdict::LikelyCrossSlot;
  judged.level = ir::Level::Warning;
  judged.message = fmt::format(
      "{} on key '{}' is not passed in KEYS and has no hash tag that ties it to the declared "
      "keys",
      access.command, shown);
  judged.notes = {
      fmt::format("{} runs {} on key '{}'.", label, access.command, shown),
      fmt::format("{}; a cluster node runs a script for the slot of its declared keys and "
                  "refuses others (\"Script attempted to access a non local key\").",
                  kUnlinked),
      "Pass the key in KEYS, under the hash tag of the others."};
  return judged;
}

// What the finding is about, whichever call (or none) shows it.
std::string fingerprint_basis(const ir::ScriptUse& use, const ir::ScriptKeyAccess& access) {
  return fmt::format("{}\x1f{}\x1f{}", use.identity, access.command, access.key.display());
}

void report_unlinked(const ir::ScriptUse& use, std::string_view code,
                     std::vector<ir::Finding>& findings) {
  for (const auto& access : use.summary->accesses) {
    auto judged = judge_unlinked_access(access, use);
    if (!judged) continue;
    ir::Finding finding;
    finding.rule_code = std::string(code);
    finding.level = judged->level;
    finding.message = std::move(judged->message);
    finding.notes = std::move(judged->notes);
    finding.verdict = std::string(slot::verdict_name(judged->verdict));
    finding.primary = ir::locate_in_script(use, access.begin, access.end);
    finding.fingerprint_basis = fingerprint_basis(use, access);
    findings.push_back(std::move(finding));
  }
}

}  // namespace

void UndeclaredKeyInScript::check(std::span<const ir::RedisOp> ops, const RuleContext& context,
                                  std::vector<ir::Finding>& findings) const {
  // One finding per key access in a script, with every call site that makes
  // it fail; the message of the worst site.
  struct Reported {
    ir::Finding finding;
    slot::Verdict worst = slot::Verdict::SameSlot;
  };
  std::map<std::tuple<std::string, std::uint32_t, ir::SourceSpan>, std::size_t> index;
  std::vector<Reported> reported;
  for (const auto& op : ops) {
    if (!op.script || !op.script->summary) continue;
    if (op.script_file_only) {
      report_unlinked(*op.script, code(), findings);
      continue;
    }
    auto inputs = ir::script_call_inputs(op);
    if (!inputs) continue;
    const auto& use = *op.script;
    for (const auto& access : use.summary->accesses) {
      auto judged = judge_access(access, use, *inputs, context);
      if (!judged) continue;
      auto where = ir::locate_in_script(use, access.begin, access.end);
      auto [it, inserted] = index.try_emplace({use.identity, access.begin, where}, reported.size());
      if (inserted) {
        Reported fresh;
        fresh.finding.rule_code = std::string(code());
        fresh.finding.primary = where;
        fresh.finding.fingerprint_basis = fingerprint_basis(use, access);
        reported.push_back(std::move(fresh));
      }
      auto& entry = reported[it->second];
      if (inserted || judged->level > entry.finding.level) {
        entry.finding.level = judged->level;
        entry.finding.message = judged->message;
        entry.finding.notes = judged->notes;
        entry.finding.verdict = std::string(slot::verdict_name(judged->verdict));
        entry.worst = judged->verdict;
      }
      entry.finding.related.push_back(
          {op.callee, fmt::format("{} runs the script with KEYS {}", op.api,
                                  inputs->keys.empty() ? "empty" : key_list(inputs->keys))});
    }
  }
  for (auto& entry : reported) findings.push_back(std::move(entry.finding));
}

}  // namespace slotlint::rules
