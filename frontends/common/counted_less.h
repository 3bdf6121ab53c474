#pragma once
// An ordering that counts the comparisons made with it: the indexes kept
// while reading (a script's KEYS reads, a model's parameters) report their
// work in these counts, so a test can tell linear from quadratic work
// without a clock.

#include <cstdint>
#include <functional>

namespace slotlint::frontend {

struct CountedLess {
  using is_transparent = void;
  std::uint64_t* count = nullptr;

  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    ++*count;
    return std::less<>{}(a, b);
  }
};

}  // namespace slotlint::frontend
