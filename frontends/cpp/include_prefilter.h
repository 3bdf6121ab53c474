// What a translation unit's includes say before any parsing (parsing is what
// costs), from bytes: whether it can call a Redis client at all (the file or
// a header it includes, three levels deep, mentions one of the models' words:
// `hiredis`, `sw::redis`, `redisCommand`, ...), and which folders of the
// project's tree its includes need that the include path lacks (an
// `#include <net/client.h>` written for a build that adds `-Isrc`).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::cpp {

class HeaderIndex;

struct IncludeScan {
  bool may_use_a_client = false;
  // Folders of the tree (from the index) that resolve includes the include
  // path does not, in the order first needed.
  std::vector<std::filesystem::path> tree_folders;
};

// `include_dirs`: where the compile command looks (-I, -isystem, -iquote);
// `index`: the tree's headers, or null.
IncludeScan scan_includes(std::string_view source, const std::filesystem::path& file,
                          std::span<const std::string> include_dirs,
                          std::span<const std::string> words, const HeaderIndex* index);

struct WrittenInclude {
  std::string name;  // as written, without quotes or brackets
  bool angled = false;
};

// The `#include "..."` and `#include <...>` lines of a source, in order.
std::vector<WrittenInclude> written_includes(std::string_view source);

}  // namespace slotlint::cpp
