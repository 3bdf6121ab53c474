#include "rules/cross_slot_multi_key_command.h"
#include "rules/cross_slot_script_keys.h"
#include "rules/cross_slot_transaction.h"
#include "rules/rule.h"
#include "rules/script_keys_count_mismatch.h"
#include "rules/undeclared_key_in_script.h"

namespace slotlint::rules {

std::vector<std::unique_ptr<Rule>> make_all_rules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(std::make_unique<CrossSlotMultiKeyCommand>());
  rules.push_back(std::make_unique<CrossSlotTransaction>());
  rules.push_back(std::make_unique<CrossSlotScriptKeys>());
  rules.push_back(std::make_unique<UndeclaredKeyInScript>());
  rules.push_back(std::make_unique<ScriptKeysCountMismatch>());
  return rules;
}

}  // namespace slotlint::rules
