// What a keyspace-wide command (KEYS, SCAN, DBSIZE, ...) does when it reaches
// one node of a cluster, in the words SL013 and SL014 share.
#pragma once

#include <string_view>

namespace slotlint::rules {

// "lists only that node's keys", ...: completes "<COMMAND> ...".
std::string_view one_node_effect(std::string_view command);

}  // namespace slotlint::rules
