#include "analyzer/driver/compilation_database.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyzer/files/project_files.h"

namespace slotlint::driver {
namespace fs = std::filesystem;
namespace {

// Databases of the largest code bases (tens of thousands of units) fit.
constexpr std::uint64_t kMaxDatabaseBytes = 512u << 20;

}  // namespace

std::optional<std::vector<fs::path>> compilation_database_files(const fs::path& database,
                                                                std::string& error) {
  auto read = files::read_input_file(database, kMaxDatabaseBytes);
  if (!read) {
    error = fmt::format("{}: cannot read the compilation database: it {}", database.string(),
                        read.reason);
    return std::nullopt;
  }
  nlohmann::json entries = nlohmann::json::parse(*read.bytes, nullptr, false);
  if (entries.is_discarded() || !entries.is_array()) {
    error = fmt::format(
        "{}: not a compilation database (a JSON list of {{\"directory\", "
        "\"file\", \"command\" or \"arguments\"}} entries)",
        database.string());
    return std::nullopt;
  }
  std::vector<fs::path> files;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string()) {
      error = fmt::format("{}: entry {} has no \"file\"", database.string(), i + 1);
      return std::nullopt;
    }
    fs::path file(entry["file"].get<std::string>());
    if (file.is_relative() && entry.contains("directory") && entry["directory"].is_string())
      file = fs::path(entry["directory"].get<std::string>()) / file;
    file = file.lexically_normal();
    if (std::ranges::find(files, file) == files.end()) files.push_back(std::move(file));
  }
  return files;
}

}  // namespace slotlint::driver
