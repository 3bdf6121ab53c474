#include "frontends/cpp/header_index.h"

#include <algorithm>
#include <array>
#include <ranges>
#include <string>

namespace slotlint::cpp {
namespace fs = std::filesystem;
namespace {

bool skipped_folder(const fs::path& dir) {
  auto name = dir.filename().string();
  return (name.size() > 1 && name.front() == '.') || name == "node_modules";
}

std::size_t common_leading(const fs::path& a, const fs::path& b) {
  std::size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j; ++i, ++j) ++n;
  return n;
}

std::size_t depth(const fs::path& path) {
  return static_cast<std::size_t>(std::distance(path.begin(), path.end()));
}

}  // namespace

bool has_header_extension(const fs::path& path) {
  static constexpr std::array<std::string_view, 7> kExtensions{".h",   ".hh",  ".hpp", ".hxx",
                                                               ".h++", ".inc", ".inl"};
  auto extension = path.extension().string();
  return std::ranges::find(kExtensions, extension) != kExtensions.end();
}

HeaderIndex::HeaderIndex(const std::vector<fs::path>& roots, HeaderIndexLimits limits) {
  std::vector<fs::path> stack(roots.rbegin(), roots.rend());
  std::size_t folders = 0;
  while (!stack.empty() && !truncated_) {
    auto folder = std::move(stack.back());
    stack.pop_back();
    if (++folders > limits.folders) {
      truncated_ = true;
      break;
    }
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(*it);
    std::ranges::sort(entries, {}, [](const fs::directory_entry& e) { return e.path(); });
    std::vector<fs::path> subfolders;
    for (const auto& entry : entries) {
      std::error_code type_ec;
      auto own = entry.symlink_status(type_ec);  // links are not followed
      if (type_ec) continue;
      if (fs::is_directory(own)) {
        if (!skipped_folder(entry.path())) subfolders.push_back(entry.path());
      } else if (fs::is_regular_file(own) && has_header_extension(entry.path())) {
        if (size_ == limits.headers) {
          truncated_ = true;
          break;
        }
        by_name_[entry.path().filename().string()].push_back(entry.path());
        ++size_;
      }
    }
    std::ranges::move(subfolders | std::views::reverse, std::back_inserter(stack));
  }
}

std::optional<fs::path> HeaderIndex::folder_for(std::string_view include,
                                                const fs::path& from) const {
  fs::path wanted = fs::path(include).lexically_normal();
  if (wanted.empty() || wanted.is_absolute() || !wanted.has_filename()) return std::nullopt;
  for (const auto& part : wanted) {
    if (part == "..") return std::nullopt;
  }
  auto found = by_name_.find(wanted.filename().string());
  if (found == by_name_.end()) return std::nullopt;
  auto parts = depth(wanted);
  std::optional<fs::path> best;
  auto better = [&](const fs::path& a, const fs::path& b) {
    auto near_a = common_leading(a, from);
    auto near_b = common_leading(b, from);
    if (near_a != near_b) return near_a > near_b;
    if (depth(a) != depth(b)) return depth(a) < depth(b);
    return a < b;
  };
  for (const auto& header : found->second) {
    auto total = depth(header);
    if (total <= parts) continue;
    fs::path folder;
    fs::path tail;
    std::size_t i = 0;
    for (const auto& part : header) (i++ < total - parts ? folder : tail) /= part;
    if (tail != wanted) continue;
    if (!best || better(folder, *best)) best = folder;
  }
  return best;
}

}  // namespace slotlint::cpp
