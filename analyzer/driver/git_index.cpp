#include "analyzer/driver/git_index.h"

#include <algorithm>
#include <cstdint>

namespace slotlint::driver {
namespace {

constexpr std::size_t kHeaderBytes = 12;
// ctime, mtime, dev, ino, mode, uid, gid, size (4 bytes each but the times,
// 8), a SHA-1 object name, then 2 bytes of flags.
constexpr std::size_t kEntryFixedBytes = 40 + 20 + 2;
constexpr std::uint16_t kExtendedFlag = 0x4000;
constexpr std::uint16_t kNameLengthMask = 0x0FFF;

std::uint32_t read32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

std::uint16_t read16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[at]) << 8) |
                                    static_cast<unsigned char>(bytes[at + 1]));
}

}  // namespace

std::optional<TrackedFiles> TrackedFiles::parse(std::string_view index, std::string& error) {
  if (index.size() < kHeaderBytes || index.substr(0, 4) != "DIRC") {
    error = "not a git index";
    return std::nullopt;
  }
  std::uint32_t version = read32(index, 4);
  std::uint32_t count = read32(index, 8);
  if (version < 2 || version > 4) {
    error = "git index version " + std::to_string(version) + " (slotlint reads 2 to 4)";
    return std::nullopt;
  }
  TrackedFiles files;
  std::size_t at = kHeaderBytes;
  std::string previous;
  auto cut_short = [&] {
    error = "the git index is cut short or not a SHA-1 repository's";
    return std::nullopt;
  };
  for (std::uint32_t entry = 0; entry < count; ++entry) {
    std::size_t start = at;
    if (index.size() - at < kEntryFixedBytes) return cut_short();
    std::uint16_t flags = read16(index, at + kEntryFixedBytes - 2);
    at += kEntryFixedBytes;
    if ((flags & kExtendedFlag) != 0) {
      if (version < 3 || index.size() - at < 2) return cut_short();
      at += 2;
    }
    std::string path;
    if (version == 4) {
      // The length to drop from the previous path (git's offset varint), then the rest.
      std::uint64_t drop = 0;
      for (std::size_t shift = 0;; ++shift) {
        if (at >= index.size() || shift > 8) return cut_short();
        auto byte = static_cast<unsigned char>(index[at++]);
        drop = (drop << 7) | (byte & 0x7F);
        if ((byte & 0x80) == 0) break;
        ++drop;
      }
      if (drop > previous.size()) return cut_short();
      auto end = index.find('\0', at);
      if (end == std::string_view::npos) return cut_short();
      path = previous.substr(0, previous.size() - drop);
      path += index.substr(at, end - at);
      at = end + 1;
    } else {
      auto end = index.find('\0', at);
      if (end == std::string_view::npos) return cut_short();
      std::size_t length = flags & kNameLengthMask;
      if (length < kNameLengthMask && length != end - at) return cut_short();
      path = std::string(index.substr(at, end - at));
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      at = start + ((end - start + 8) & ~std::size_t{7});
      if (at > index.size()) return cut_short();
    }
    previous = path;
    files.paths_.push_back(std::move(path));
  }
  std::ranges::sort(files.paths_);
  return files;
}

bool TrackedFiles::tracked(std::string_view path) const {
  return std::ranges::binary_search(paths_, path, {},
                                    [](const std::string& p) -> std::string_view { return p; });
}

bool TrackedFiles::tracked_under(std::string_view path) const {
  std::string prefix(path);
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  auto it = std::ranges::lower_bound(paths_, prefix);
  return it != paths_.end() && it->starts_with(prefix);
}

}  // namespace slotlint::driver
