// Reads a Redis Lua script body: which KEYS it reads, and which keys its
// redis.call / redis.pcall / server.call commands touch (the command table
// says which arguments are keys). Keys are followed through locals,
// `..` concatenation, tostring() and string.format(); KEYS[i] and ARGV[i]
// become reserved holes that rules fill in at each call (ir/script.h).
#pragma once

#include <memory>
#include <string_view>

#include "analyzer/ir/script.h"
#include "frontends/common/frontend.h"
#include "frontends/common/parsing.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::lua {

struct ScriptRead {
  // Null when the body was not parsed (`problem` says why); syntax errors
  // are counted in the summary and the rest of the body is still read.
  std::shared_ptr<const ir::ScriptSummary> summary;
  std::string problem;
  frontend::WorkStats work;
};

ScriptRead read_script(std::string_view body, ts::Parser& parser,
                       const frontend::ParseLimits& limits = {});
// The summary of a body already parsed; the comparisons it made are added
// to `work`.
std::shared_ptr<const ir::ScriptSummary> summarise_script(const ts::Tree& tree,
                                                          frontend::WorkStats& work);

}  // namespace slotlint::lua
