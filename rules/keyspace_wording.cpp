#include "rules/keyspace_wording.h"

#include <array>
#include <utility>

namespace slotlint::rules {

std::string_view one_node_effect(std::string_view command) {
  using Effect = std::pair<std::string_view, std::string_view>;
  static constexpr std::array effects = {
      Effect{"KEYS", "lists only the keys of that node"},
      Effect{"SCAN", "walks only the keys of that node"},
      Effect{"DBSIZE", "counts only the keys of that node"},
      Effect{"RANDOMKEY", "picks only among the keys of that node (nil when it holds none)"},
      Effect{"FLUSHDB", "empties only that node: the other primaries keep their keys"},
      Effect{"FLUSHALL", "empties only that node: the other primaries keep their keys"},
      Effect{"INFO", "reports only the keyspace of that node"},
  };
  for (const auto& [name, effect] : effects) {
    if (name == command) return effect;
  }
  return "answers for that node's keys only";
}

}  // namespace slotlint::rules
