// The subcommands: check, slot, rules, explain, dump-ir. Each takes its
// arguments (after the subcommand name) and returns an exit code.
#pragma once

#include <span>
#include <string_view>

namespace slotlint::cli {

int run_check(std::span<const std::string_view> args);
int run_slot(std::span<const std::string_view> args);
int run_rules(std::span<const std::string_view> args);
int run_clients(std::span<const std::string_view> args);
int run_explain(std::span<const std::string_view> args);
int run_dump_ir(std::span<const std::string_view> args);

}  // namespace slotlint::cli
