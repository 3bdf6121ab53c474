#include "frontends/cpp/include_prefilter.h"

#include <algorithm>
#include <optional>
#include <set>

#include "analyzer/files/project_files.h"
#include "frontends/cpp/header_files.h"
#include "frontends/cpp/header_index.h"

namespace slotlint::cpp {
namespace fs = std::filesystem;
namespace {

constexpr int kDepth = 3;
constexpr std::size_t kMaxHeadersRead = 256;
constexpr std::uint64_t kMaxHeaderBytes = 4u << 20;

bool mentions(std::string_view text, std::span<const std::string> words) {
  return std::ranges::any_of(
      words, [&](const std::string& word) { return text.find(word) != std::string_view::npos; });
}

// `candidate` when Clang may open it (never a FIFO, a device or /proc).
std::optional<fs::path> openable(const fs::path& candidate) {
  std::error_code ec;
  auto absolute = fs::absolute(candidate, ec).lexically_normal();
  if (ec || check_header(absolute).kind != HeaderKind::kFile) return std::nullopt;
  return absolute;
}

}  // namespace

std::vector<WrittenInclude> written_includes(std::string_view source) {
  std::vector<WrittenInclude> found;
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
    if (open == std::string_view::npos || (source[open] != '"' && source[open] != '<')) continue;
    bool angled = source[open] == '<';
    auto close = source.find_first_of(angled ? ">\n" : "\"\n", open + 1);
    if (close == std::string_view::npos || source[close] == '\n') continue;
    found.push_back({std::string(source.substr(open + 1, close - open - 1)), angled});
  }
  return found;
}

IncludeScan scan_includes(std::string_view source, const fs::path& file,
                          std::span<const std::string> include_dirs,
                          std::span<const std::string> words, const HeaderIndex* index) {
  IncludeScan scan;
  scan.may_use_a_client = mentions(source, words);
  std::set<fs::path> seen;
  std::size_t read = 0;
  std::vector<std::pair<fs::path, std::string>> level{{file, std::string(source)}};
  for (int depth = 0; depth < kDepth && !level.empty(); ++depth) {
    std::vector<std::pair<fs::path, std::string>> next;
    for (const auto& [from, text] : level) {
      for (const auto& include : written_includes(text)) {
        std::optional<fs::path> header;
        if (!include.angled) header = openable(from.parent_path() / include.name);
        for (std::size_t i = 0; !header && i < include_dirs.size(); ++i)
          header = openable(fs::path(include_dirs[i]) / include.name);
        for (std::size_t i = 0; !header && i < scan.tree_folders.size(); ++i)
          header = openable(scan.tree_folders[i] / include.name);
        if (!header && index != nullptr) {
          if (auto folder = index->folder_for(include.name, from.parent_path())) {
            header = openable(*folder / include.name);
            if (header) scan.tree_folders.push_back(*folder);
          }
        }
        // System headers are found by Clang where the scan does not look; a
        // header read once is read once.
        if (!header || read == kMaxHeadersRead || !seen.insert(*header).second) continue;
        auto bytes = files::read_input_file(*header, kMaxHeaderBytes);
        ++read;
        if (!bytes) continue;
        if (!scan.may_use_a_client && mentions(*bytes.bytes, words)) scan.may_use_a_client = true;
        next.emplace_back(*header, std::move(*bytes.bytes));
      }
    }
    level = std::move(next);
  }
  return scan;
}

}  // namespace slotlint::cpp
