// What every frontend takes and gives. A frontend turns one file's syntax into
// RedisOps and nothing else: it never decides about slots.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
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
  std::string id;  // "parse-error", "nesting-too-deep", ...
  std::string message;
};

// A file other than the analysed one that spans point into (a `.lua` script
// the code loads). Spans with file index k >= 1 point into sources[k - 1].
struct ExtraSource {
  std::string display_path;
  std::shared_ptr<const std::string> text;
};

// What reading a file cost, in counts that are the same on every machine
// (`check --stats`): regression tests for slow inputs assert these, never
// seconds.
struct WorkStats {
  std::uint64_t bytes = 0;             // parsed: the file's, and its Lua scripts'
  std::uint32_t nesting = 0;           // deepest nesting measured before parsing
  std::uint64_t parse_operations = 0;  // tree-sitter's
  std::uint64_t nodes = 0;             // in the syntax trees
  std::uint64_t tree_steps = 0;        // levels walked down the trees to find parents
  std::uint64_t lookup_steps = 0;      // comparisons in the indexes kept while reading
  std::uint64_t value_steps = 0;       // expressions visited following values to a client

  WorkStats& operator+=(const WorkStats& other) {
    bytes += other.bytes;
    nesting = std::max(nesting, other.nesting);
    parse_operations += other.parse_operations;
    nodes += other.nodes;
    tree_steps += other.tree_steps;
    lookup_steps += other.lookup_steps;
    value_steps += other.value_steps;
    return *this;
  }
};

struct FileAnalysis {
  std::vector<ir::RedisOp> ops;
  std::vector<Notice> notices;
  std::vector<ExtraSource> extra_sources;
  WorkStats work;

  // The file index of `display_path`, added once.
  ir::FileIndex add_source(std::string display_path, std::shared_ptr<const std::string> text) {
    for (std::size_t i = 0; i < extra_sources.size(); ++i) {
      if (extra_sources[i].display_path == display_path) return static_cast<ir::FileIndex>(i + 1);
    }
    extra_sources.push_back({std::move(display_path), std::move(text)});
    return static_cast<ir::FileIndex>(extra_sources.size());
  }

  // The work of reading a Lua script the file runs, once per script however
  // many calls run it (scripts are read once per run and shared, so this is
  // what the script cost, whichever file read it first).
  void add_script_work(const std::string& identity, const WorkStats& script) {
    if (scripts_counted.insert(identity).second) work += script;
  }
  std::set<std::string> scripts_counted;
};

}  // namespace slotlint::frontend
