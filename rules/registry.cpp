#include "rules/cross_slot_multi_key_command.h"
#include "rules/cross_slot_transaction.h"
#include "rules/rule.h"

namespace slotlint::rules {

std::vector<std::unique_ptr<Rule>> make_all_rules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(std::make_unique<CrossSlotMultiKeyCommand>());
  rules.push_back(std::make_unique<CrossSlotTransaction>());
  return rules;
}

}  // namespace slotlint::rules
