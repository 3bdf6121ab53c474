// Python source text → il::Module in tests, through the shared parsing layer
// and the Python lowering.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "frontends/common/parsing.h"
#include "frontends/python/lowering.h"
#include "frontends/python/python_frontend.h"

namespace slotlint::python::test {

inline il::Module lower_source(std::string_view source, const std::string& path = "app.py",
                               ir::FileIndex file = 0, const LoweringLimits& limits = {}) {
  std::string error;
  auto parser = ts::Parser::create(tree_sitter_python(), error);
  EXPECT_TRUE(parser) << error;
  frontend::FileInput input{file, path, source, {}};
  frontend::FileAnalysis analysis;
  auto tree = frontend::parse_or_notice(*parser, input, {}, analysis);
  EXPECT_TRUE(tree);
  return lower(tree->root(), path, file, limits);
}

// The source text an IL node's span covers.
inline std::string_view text_at(std::string_view source, ir::SourceSpan span) {
  return source.substr(span.begin, span.end - span.begin);
}

}  // namespace slotlint::python::test
