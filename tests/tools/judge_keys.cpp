// judge_keys: the slot engine's verdict on sets of keys written as JSON, with
// every combination of their alternatives, for the cluster oracle
// (tests/e2e/test_cluster_oracle.py), which sends each combination to a real
// server. Not part of slotlint: the frontends cannot yet produce alternatives,
// so the oracle builds them here.
//
// Input (stdin): [{"keys": [KEY, ...]}, ...] where KEY is a template string,
// "<name>" a hole with symbol name, or {"one_of": [{"key": TEMPLATE, "when":
// CONDITION}, ...]}. Output (stdout): per case its verdict, branch and reason,
// and per combination the choice, the verdict and the keys as token lists
// ({"literal": TEXT} or {"hole": SYMBOL}).
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/ir/key_expr.h"
#include "analyzer/slot/slot_engine.h"

namespace {

using slotlint::ir::KeyExpr;

KeyExpr parse_template(const std::string& text) {
  KeyExpr key = KeyExpr::literal("", {}, false);
  std::size_t at = 0;
  while (at < text.size()) {
    auto open = text.find('<', at);
    auto close = open == std::string::npos ? std::string::npos : text.find('>', open);
    if (close == std::string::npos) {
      key.append(KeyExpr::literal(text.substr(at), {}, false));
      break;
    }
    key.append(KeyExpr::literal(text.substr(at, open - at), {}, false));
    std::string name = text.substr(open + 1, close - open - 1);
    key.append(KeyExpr::hole(name, name, {}));
    at = close + 1;
  }
  return key;
}

KeyExpr parse_key(const nlohmann::json& spec) {
  if (spec.is_string()) return parse_template(spec.get<std::string>());
  std::vector<slotlint::ir::KeyAlternative> alternatives;
  for (const auto& alternative : spec.at("one_of")) {
    alternatives.push_back({parse_template(alternative.at("key").get<std::string>()),
                            alternative.value("when", std::string()),
                            {}});
  }
  return KeyExpr::one_of(std::move(alternatives), {});
}

nlohmann::json tokens_json(const KeyExpr& key) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& token : slotlint::ir::tokens(key)) {
    out.push_back(token.is_hole ? nlohmann::json{{"hole", token.text}}
                                : nlohmann::json{{"literal", token.text}});
  }
  return out;
}

}  // namespace

int main() {
  try {
    auto cases = nlohmann::json::parse(std::cin);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& test_case : cases) {
      std::vector<KeyExpr> keys;
      for (const auto& spec : test_case.at("keys")) keys.push_back(parse_key(spec));
      auto verdict = slotlint::slot::judge(keys);
      nlohmann::json combinations = nlohmann::json::array();
      if (auto each = slotlint::slot::judge_each_combination(keys)) {
        for (const auto& combination : *each) {
          nlohmann::json chosen = nlohmann::json::array();
          for (std::size_t i = 0; i < keys.size(); ++i) {
            chosen.push_back(
                tokens_json(*slotlint::ir::choices(keys[i])[combination.choice[i]].key));
          }
          combinations.push_back(
              {{"choice", combination.choice},
               {"verdict", slotlint::slot::verdict_name(combination.verdict.verdict)},
               {"keys", chosen}});
        }
      }
      out.push_back({{"verdict", slotlint::slot::verdict_name(verdict.verdict)},
                     {"reason", verdict.reason},
                     {"branch", verdict.branch},
                     {"choice", verdict.choice},
                     {"combinations", combinations}});
    }
    std::cout << out.dump(1) << "\n";
  } catch (const std::exception& error) {
    std::cerr << "judge_keys: " << error.what() << "\n";
    return 2;
  }
  return 0;
}
