// The headers of the project's tree, indexed once per run by file name, so
// that an `#include <net/client.h>` the include path does not resolve is
// found where `net/client.h` actually lies in the tree (a project rarely
// needs a compilation database to find its own headers).
//
// Only real folders inside the project's roots are walked (folder symlinks
// are not followed; hidden folders and node_modules are skipped) and only
// regular files are indexed: what the index gives, Clang may open. The walk
// is bounded in folders and headers, never in time.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace slotlint::cpp {

struct HeaderIndexLimits {
  std::size_t folders = 100'000;
  std::size_t headers = 200'000;
};

class HeaderIndex {
 public:
  // Walks `roots` (canonical folders).
  explicit HeaderIndex(const std::vector<std::filesystem::path>& roots,
                       HeaderIndexLimits limits = {});

  // The folder that makes `include` (as written: "net/client.h") resolve to a
  // header of the tree; with several, the one nearest to `from` (the
  // including file's folder): the most leading folders in common, then the
  // shallowest, then by name. nullopt when none, or when `include` is
  // absolute or climbs with "..".
  [[nodiscard]] std::optional<std::filesystem::path> folder_for(
      std::string_view include, const std::filesystem::path& from) const;

  [[nodiscard]] std::size_t size() const { return size_; }
  // The walk stopped at a limit: some headers are not indexed.
  [[nodiscard]] bool truncated() const { return truncated_; }

 private:
  std::map<std::string, std::vector<std::filesystem::path>, std::less<>> by_name_;
  std::size_t size_ = 0;
  bool truncated_ = false;
};

// Whether `path` names a header by its extension (.h, .hh, .hpp, .hxx, .h++, .inc, .inl).
bool has_header_extension(const std::filesystem::path& path);

}  // namespace slotlint::cpp
