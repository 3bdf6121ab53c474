#include "frontends/cpp/include_prefilter.h"

#include <algorithm>
#include <set>

#include "analyzer/files/project_files.h"
#include "frontends/cpp/header_files.h"

namespace slotlint::cpp {
namespace fs = std::filesystem;
namespace {

constexpr int kDepth = 2;
constexpr std::uint64_t kMaxHeaderBytes = 4u << 20;

bool mentions(std::string_view text, std::span<const std::string> words) {
  return std::ranges::any_of(
      words, [&](const std::string& word) { return text.find(word) != std::string_view::npos; });
}

}  // namespace

std::vector<std::string> quoted_includes(std::string_view source) {
  std::vector<std::string> found;
  std::size_t at = 0;
  while ((at = source.find("include", at)) != std::string_view::npos) {
    auto line_start = source.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    auto before = source.substr(line_start, at - line_start);
    at += 7;
    auto hash = before.find_first_not_of(" \t");
    if (hash == std::string_view::npos || before[hash] != '#' ||
        before.find_first_not_of(" \t", hash + 1) != std::string_view::npos) {
      continue;
    }
    auto open = source.find_first_not_of(" \t", at);
    if (open == std::string_view::npos || source[open] != '"') continue;
    auto close = source.find_first_of("\"\n", open + 1);
    if (close == std::string_view::npos || source[close] != '"') continue;
    found.emplace_back(source.substr(open + 1, close - open - 1));
  }
  return found;
}

bool may_use_a_client(std::string_view source, const fs::path& file,
                      std::span<const std::string> include_dirs,
                      std::span<const std::string> words) {
  if (mentions(source, words)) return true;
  std::set<fs::path> seen;
  std::vector<std::pair<fs::path, std::string>> level{{file, std::string(source)}};
  for (int depth = 0; depth < kDepth && !level.empty(); ++depth) {
    std::vector<std::pair<fs::path, std::string>> next;
    for (const auto& [from, text] : level) {
      for (const auto& include : quoted_includes(text)) {
        std::vector<fs::path> candidates{from.parent_path() / include};
        for (const auto& dir : include_dirs) candidates.push_back(fs::path(dir) / include);
        for (const auto& candidate : candidates) {
          // Only what Clang itself may open: never a FIFO, a device or /proc.
          std::error_code ec;
          auto absolute = fs::absolute(candidate, ec).lexically_normal();
          if (ec || check_header(absolute).kind != HeaderKind::kFile) continue;
          auto read = files::read_input_file(absolute, kMaxHeaderBytes);
          if (!read) continue;
          if (!seen.insert(fs::weakly_canonical(absolute, ec)).second) break;
          if (mentions(*read.bytes, words)) return true;
          next.emplace_back(candidate, std::move(*read.bytes));
          break;
        }
      }
    }
    level = std::move(next);
  }
  return false;
}

}  // namespace slotlint::cpp
