// The translation units a compilation database (compile_commands.json) lists:
// what `slotlint check -p build/` checks when no paths are given. (The
// compile commands themselves are read by the C++ frontend, through Clang.)
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace slotlint::driver {

// The database's files (absolute, each once, in database order); nullopt with
// `error` when it cannot be read or is not a list of entries with a "file".
std::optional<std::vector<std::filesystem::path>> compilation_database_files(
    const std::filesystem::path& database, std::string& error);

}  // namespace slotlint::driver
