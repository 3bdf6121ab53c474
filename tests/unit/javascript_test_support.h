// JavaScript / TypeScript source text → il::Module in tests, through the
// shared parsing layer and the JavaScript lowering.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "frontends/common/parsing.h"
#include "frontends/javascript/javascript_frontend.h"
#include "frontends/javascript/lowering.h"

namespace slotlint::javascript::test {

// `path` picks the grammar: `.ts` TypeScript, `.tsx` TSX, else JavaScript.
inline il::Module lower_source(std::string_view source, const std::string& path = "app.js",
                               ir::FileIndex file = 0, const LoweringLimits& limits = {}) {
  std::string error;
  const TSLanguage* language = tree_sitter_javascript();
  if (path.ends_with(".ts")) language = tree_sitter_typescript();
  if (path.ends_with(".tsx")) language = tree_sitter_tsx();
  auto parser = ts::Parser::create(language, error);
  EXPECT_TRUE(parser) << error;
  frontend::FileInput input{file, path, source, {}};
  frontend::FileAnalysis analysis;
  auto tree = frontend::parse_or_notice(*parser, input, {}, analysis);
  EXPECT_TRUE(tree);
  return lower(tree->root(), path, file, limits);
}

inline std::string_view text_at(std::string_view source, ir::SourceSpan span) {
  return source.substr(span.begin, span.end - span.begin);
}

}  // namespace slotlint::javascript::test
