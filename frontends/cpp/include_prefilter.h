// Whether a translation unit can call a Redis client at all, judged from
// bytes before any parsing (parsing is what costs): the file and the project
// headers it names in `#include "..."` lines (two levels deep) must mention one
// of the models' words (`hiredis`, `sw::redis`, `redisCommand`, ...).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::cpp {

bool may_use_a_client(std::string_view source, const std::filesystem::path& file,
                      std::span<const std::string> include_dirs,
                      std::span<const std::string> words);

// The quoted includes of a source (`#include "cache.h"`), as written.
std::vector<std::string> quoted_includes(std::string_view source);

}  // namespace slotlint::cpp
