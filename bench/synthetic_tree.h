// Writes a synthetic Python project for benchmarks: ordinary modules, and a
// share of modules that use redis-py with keys built the ways real code builds
// them (constants, f-strings, helpers, comprehensions).
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

}  // namespace slotlint::bench
