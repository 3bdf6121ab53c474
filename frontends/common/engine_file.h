// What every tree-sitter frontend on the engine does around one analysed
// file's run: modules other than the file get span file indexes far above
// it, and the ops the host made are brought back into the file (values built
// in another module point at the call), deduplicated, and their loop holes
// made one value per call.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::frontend {

// Spans of modules other than the analysed file get file indexes from here
// up, far above those of the Lua scripts it loads (1, 2, ...).
inline constexpr ir::FileIndex kOtherModules = 0x40000000;

// Syntax errors in the tree: how many, and where the first starts.
std::pair<std::size_t, std::uint32_t> syntax_errors(ts::Node root);

// Values built in another module keep no spans there: they point at the call.
void keep_spans_in_file(ir::RedisOp& op);

// A copy of `key` whose holes named in `symbols` are one value per call,
// not one per element: a loop statement's variable is one value in each
// iteration (what changes between iterations is the op's
// iteration_symbols).
ir::KeyExpr one_per_call(const ir::KeyExpr& key, const std::vector<std::string>& symbols);

// What makes two ops one (the same call reached from two entry points).
std::string op_identity(const ir::RedisOp& op);

}  // namespace slotlint::frontend
