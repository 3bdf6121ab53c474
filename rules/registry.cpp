#include "rules/command_refused_in_pipeline.h"
#include "rules/cross_slot_multi_key_command.h"
#include "rules/cross_slot_script_keys.h"
#include "rules/cross_slot_transaction.h"
#include "rules/empty_hash_tag.h"
#include "rules/hot_slot_hash_tag.h"
#include "rules/key_prefix_hash_tag.h"
#include "rules/keyspace_command_in_script.h"
#include "rules/keyspace_command_on_one_node.h"
#include "rules/non_zero_database.h"
#include "rules/retry_without_backoff.h"
#include "rules/rule.h"
#include "rules/script_keys_count_mismatch.h"
#include "rules/swallowed_tryagain.h"
#include "rules/undeclared_key_in_script.h"
#include "rules/unretried_tryagain.h"

namespace slotlint::rules {

std::vector<std::unique_ptr<Rule>> make_all_rules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(std::make_unique<CrossSlotMultiKeyCommand>());
  rules.push_back(std::make_unique<CrossSlotTransaction>());
  rules.push_back(std::make_unique<CrossSlotScriptKeys>());
  rules.push_back(std::make_unique<UndeclaredKeyInScript>());
  rules.push_back(std::make_unique<ScriptKeysCountMismatch>());
  rules.push_back(std::make_unique<SwallowedTryAgain>());
  rules.push_back(std::make_unique<RetryWithoutBackoff>());
  rules.push_back(std::make_unique<EmptyHashTag>());
  rules.push_back(std::make_unique<KeyPrefixHashTag>());
  rules.push_back(std::make_unique<HotSlotHashTag>());
  rules.push_back(std::make_unique<UnretriedTryAgain>());
  rules.push_back(std::make_unique<CommandRefusedInPipeline>());
  rules.push_back(std::make_unique<KeyspaceCommandInScript>());
  rules.push_back(std::make_unique<KeyspaceCommandOnOneNode>());
  rules.push_back(std::make_unique<NonZeroDatabase>());
  return rules;
}

}  // namespace slotlint::rules
