// What every frontend takes and gives. A frontend turns one file's syntax into
// RedisOps and nothing else: it never decides about slots.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/finding.h"
#include "analyzer/ir/redis_op.h"
#include "frontends/common/api_model.h"

namespace slotlint::frontend {

// The API models of the client libraries a frontend reads (at least one).
using Models = std::span<const model::ApiModel* const>;

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

// A file other than the analysed one that spans point into (a `.lua` script
// the code loads). Spans with file index k >= 1 point into sources[k - 1].
struct ExtraSource {
  std::string display_path;
  std::shared_ptr<const std::string> text;
};

struct FileAnalysis {
  std::vector<ir::RedisOp> ops;
  std::vector<Notice> notices;
  std::vector<ExtraSource> extra_sources;

  // The file index of `display_path`, added once.
  ir::FileIndex add_source(std::string display_path, std::shared_ptr<const std::string> text) {
    for (std::size_t i = 0; i < extra_sources.size(); ++i) {
      if (extra_sources[i].display_path == display_path) return static_cast<ir::FileIndex>(i + 1);
    }
    extra_sources.push_back({std::move(display_path), std::move(text)});
    return static_cast<ir::FileIndex>(extra_sources.size());
  }
};

}  // namespace slotlint::frontend
