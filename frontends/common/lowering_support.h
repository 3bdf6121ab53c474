// What every tree-sitter lowering (frontends/<language>/lowering*.cpp) walks
// trees with: named children without comments, text without blanks, and a
// bound on how deep the walk recurses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/tree_sitter.h"

namespace slotlint::frontend {

// Every named child, comments left out (one pass with a cursor).
std::vector<ts::Node> named_children(ts::Node node);

// The text without blanks and line continuations: `redis . Redis` is
// `redis.Redis`.
std::string squeezed(std::string_view text);

// An integer literal's value when it fits: `10`, `0x1F`, `0o17`, `0b101`,
// `1_000`, JavaScript's BigInt `10n`.
std::optional<std::int64_t> integer_value(std::string_view text);

// One level of a recursive walk: `ok` is false past `limit` levels (deeper
// code becomes an Opaque that says so, never a stack overflow).
class Nesting {
 public:
  Nesting(std::size_t& depth, std::size_t limit) : depth_(depth), ok(++depth <= limit) {}
  ~Nesting() { --depth_; }
  Nesting(const Nesting&) = delete;
  Nesting& operator=(const Nesting&) = delete;

 private:
  std::size_t& depth_;

 public:
  const bool ok;
};

}  // namespace slotlint::frontend
