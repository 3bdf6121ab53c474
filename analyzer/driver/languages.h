// The languages slotlint reads: one data row each (name, file extensions,
// grammar, API models, frontend entry point).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::driver {

struct FrontendLimits {
  std::uint64_t parse_timeout_micros = 10'000'000;
};

struct Language {
  std::string_view name;
  std::vector<std::string_view> extensions;
  const TSLanguage* (*grammar)();
  std::string_view library;  // the API model's "library" it uses
  std::vector<std::string_view> line_comment_prefixes;
  frontend::FileAnalysis (*analyse)(const frontend::FileInput&, const model::ApiModel&, ts::Parser&,
                                    const FrontendLimits&);
};

std::span<const Language> all_languages();
const Language* language_for_path(std::string_view path);

}  // namespace slotlint::driver
