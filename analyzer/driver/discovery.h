// Which files a run reads: the paths given, directories walked (hidden folders,
// node_modules, __pycache__ and virtualenvs skipped), files kept when a
// language claims their extension. Sorted, so the run's order never depends on
// the file system.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "frontends/common/frontend.h"

namespace slotlint::driver {

struct SourceFile {
  std::filesystem::path path;  // as opened
  std::string display_path;    // relative to the root, '/'-separated
};

struct PathNotice {
  std::string path;
  frontend::Notice notice;
};

struct Discovery {
  std::vector<SourceFile> files;
  std::vector<PathNotice> notices;
  bool missing_path = false;  // a path given on the command line does not exist
};

Discovery discover(const std::vector<std::filesystem::path>& paths,
                   const std::filesystem::path& root);

std::string display_path(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace slotlint::driver
