// What every frontend takes and gives. A frontend turns one file's syntax into
// RedisOps and nothing else: it never decides about slots.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"

namespace slotlint::frontend {

struct FileInput {
  ir::FileIndex index = 0;
  std::string_view path;                  // as reported (relative to the root)
  std::string_view source;                // the whole file, UTF-8
  std::filesystem::path filesystem_path;  // as opened, for finding what it imports
};

// Something the frontend could not do; becomes a SARIF tool notification.
struct Notice {
  ir::Level level = ir::Level::Warning;
  std::string id;  // "parse-error", "parse-timeout", ...
  std::string message;
};

struct FileAnalysis {
  std::vector<ir::RedisOp> ops;
  std::vector<Notice> notices;
};

}  // namespace slotlint::frontend
