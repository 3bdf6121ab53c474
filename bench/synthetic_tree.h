// Writes synthetic projects for benchmarks: ordinary modules, and a share of
// modules that use a Redis client with keys built the ways real code builds
// them (constants, f-strings or template literals, helpers, comprehensions or
// .map, pipelines).
#pragma once

#include <cstdint>
#include <filesystem>

namespace slotlint::bench {

struct TreeStats {
  std::size_t files = 0;
  std::uint64_t bytes = 0;
};

TreeStats write_synthetic_python_tree(const std::filesystem::path& root, std::size_t files,
                                      double redis_share);

// JavaScript and TypeScript (every other file), ioredis and node-redis.
TreeStats write_synthetic_js_tree(const std::filesystem::path& root, std::size_t files,
                                  double redis_share);

}  // namespace slotlint::bench
