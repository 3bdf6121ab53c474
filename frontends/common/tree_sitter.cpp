#include "frontends/common/tree_sitter.h"

#include <algorithm>

namespace slotlint::ts {

std::optional<Parser> Parser::create(const TSLanguage* language, std::string& error) {
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), language)) {
    error = "grammar ABI version " + std::to_string(ts_language_abi_version(language)) +
            " does not fit the tree-sitter runtime (supports " +
            std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) + " to " +
            std::to_string(TREE_SITTER_LANGUAGE_VERSION) + ")";
    return std::nullopt;
  }
  return Parser(std::move(parser));
}

namespace {
struct OperationBudget {
  std::uint64_t spent = 0;
  std::uint64_t limit = 0;  // 0: none
};
bool over_budget(TSParseState* state) {
  auto* budget = static_cast<OperationBudget*>(state->payload);
  budget->spent += kOperationsPerProgressReport;
  return budget->limit != 0 && budget->spent > budget->limit;
}
}  // namespace

ParseOutcome Parser::parse(std::string_view source, std::uint64_t max_operations) {
  ts_parser_reset(parser_.get());
  OperationBudget budget{0, max_operations};
  TSParseOptions options{};
  options.payload = &budget;
  options.progress_callback = over_budget;
  TSInput input{};
  struct Buffer {
    std::string_view bytes;
  } buffer{source};
  input.payload = &buffer;
  input.read = [](void* payload, std::uint32_t byte, TSPoint, std::uint32_t* read) -> const char* {
    const auto* buf = static_cast<const Buffer*>(payload);
    if (byte >= buf->bytes.size()) {
      *read = 0;
      return "";
    }
    *read = static_cast<std::uint32_t>(buf->bytes.size() - byte);
    return buf->bytes.data() + byte;
  };
  input.encoding = TSInputEncodingUTF8;
  TSTree* tree = ts_parser_parse_with_options(parser_.get(), nullptr, input, options);
  ParseOutcome outcome;
  outcome.operations = budget.spent;
  if (tree != nullptr) outcome.tree.emplace(std::unique_ptr<TSTree, TreeDeleter>(tree), source);
  return outcome;
}

std::uint64_t Tree::node_count() const {
  return ts_node_descendant_count(ts_tree_root_node(tree_.get()));
}

namespace {
std::vector<Node> children_of(TSNode node, const TreeState* tree, bool named_only) {
  std::vector<Node> children;
  if (ts_node_is_null(node)) return children;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&cursor);
      if (!named_only || ts_node_is_named(child)) children.emplace_back(child, tree);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return children;
}
}  // namespace

std::vector<Node> Node::children() const { return children_of(node_, tree_, false); }
std::vector<Node> Node::named_children() const { return children_of(node_, tree_, true); }

// As ts_node_parent does it (walk down from the root towards the node), but
// counting the levels.
Node Node::parent() const {
  if (is_null()) return {};
  TSNode node = ts_tree_root_node(node_.tree);
  if (node.id == node_.id) return {};
  std::uint64_t steps = 0;
  while (true) {
    ++steps;
    TSNode next = ts_node_child_with_descendant(node, node_);
    if (next.id == node_.id || ts_node_is_null(next)) break;
    node = next;
  }
  if (tree_ != nullptr) tree_->steps.fetch_add(steps, std::memory_order_relaxed);
  return {node, tree_};
}

std::vector<Node> Node::ancestors() const {
  std::vector<Node> chain;
  if (is_null()) return chain;
  TSNode node = ts_tree_root_node(node_.tree);
  if (node.id == node_.id) return chain;
  while (true) {
    chain.emplace_back(node, tree_);
    TSNode next = ts_node_child_with_descendant(node, node_);
    if (next.id == node_.id || ts_node_is_null(next)) break;
    node = next;
  }
  if (tree_ != nullptr) tree_->steps.fetch_add(chain.size(), std::memory_order_relaxed);
  std::ranges::reverse(chain);
  return chain;
}

}  // namespace slotlint::ts
