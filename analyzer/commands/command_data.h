// Internal to analyzer/commands: the table that gen_command_table writes at
// build time. Everything else goes through command_table.h.
#pragma once

#include <span>

#include "analyzer/commands/command_table.h"

namespace slotlint::commands::detail {

// Every command and subcommand, sorted by name (byte order of the upper-case
// names), so that lookups can binary search.
std::span<const CommandInfo> generated_commands();

}  // namespace slotlint::commands::detail
