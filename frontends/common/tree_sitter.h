// The one place slotlint touches tree-sitter's C API: move-only owners for
// parser, tree and cursor, and a non-owning node view over a source buffer.
// Fallible calls return std::expected-like results (C++20: std::optional plus
// a message) instead of asserting.
//
// Work is counted, never timed, so the same input gives the same result on
// any machine: a parse is bounded by tree-sitter's operation count, and a
// tree counts the steps taken to find parents (tree-sitter keeps no parent
// links: a parent is found by walking down from the root).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

namespace slotlint::ts {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};

class Node;

// What nodes of one tree share: the source and the work counter. Trees of
// imported modules are read from several threads at once, hence atomic.
struct TreeState {
  std::string_view source;
  mutable std::atomic<std::uint64_t> steps{0};
};

class Tree {
 public:
  Tree(std::unique_ptr<TSTree, TreeDeleter> tree, std::string_view source)
      : tree_(std::move(tree)), state_(std::make_unique<TreeState>()) {
    state_->source = source;
  }
  [[nodiscard]] Node root() const;
  [[nodiscard]] std::string_view source() const { return state_->source; }
  // Named and anonymous nodes in the tree.
  [[nodiscard]] std::uint64_t node_count() const;
  // Levels walked down from the root to find parents, so far.
  [[nodiscard]] std::uint64_t steps() const {
    return state_->steps.load(std::memory_order_relaxed);
  }

 private:
  std::unique_ptr<TSTree, TreeDeleter> tree_;
  std::unique_ptr<TreeState> state_;  // on the heap: nodes point at it while the Tree moves
};

// tree-sitter calls a parse's progress callback once every this many parse
// operations (OP_COUNT_PER_PARSER_TIMEOUT_CHECK in its parser.c).
inline constexpr std::uint64_t kOperationsPerProgressReport = 100;

struct ParseOutcome {
  std::optional<Tree> tree;  // nullopt: the parse ran past its operation budget
  std::uint64_t operations = 0;
};

// One parser per thread per language; reset before each parse.
class Parser {
 public:
  // nullopt with `error` set when the grammar's ABI does not fit the runtime.
  static std::optional<Parser> create(const TSLanguage* language, std::string& error);

  // Gives up after `max_operations` parse operations (0 = never), counted in
  // tree-sitter's progress reports.
  ParseOutcome parse(std::string_view source, std::uint64_t max_operations);

 private:
  explicit Parser(std::unique_ptr<TSParser, ParserDeleter> parser) : parser_(std::move(parser)) {}
  std::unique_ptr<TSParser, ParserDeleter> parser_;
};

// A non-owning view of a node; valid while its Tree lives.
class Node {
 public:
  Node() = default;
  Node(TSNode node, const TreeState* tree) : node_(node), tree_(tree) {}

  // Every accessor is safe on a null node (tree-sitter's C functions are not):
  // a missing field reads as an empty node of type "".
  [[nodiscard]] bool is_null() const { return ts_node_is_null(node_); }
  // Identifies the node within its tree (for memo tables).
  [[nodiscard]] const void* id() const { return node_.id; }
  [[nodiscard]] std::string_view type() const { return is_null() ? "" : ts_node_type(node_); }
  [[nodiscard]] bool is_named() const { return !is_null() && ts_node_is_named(node_); }
  [[nodiscard]] bool has_error() const { return !is_null() && ts_node_has_error(node_); }
  [[nodiscard]] bool is_error() const { return !is_null() && ts_node_is_error(node_); }
  [[nodiscard]] bool is_missing() const { return !is_null() && ts_node_is_missing(node_); }
  [[nodiscard]] std::uint32_t begin() const { return is_null() ? 0 : ts_node_start_byte(node_); }
  [[nodiscard]] std::uint32_t end() const { return is_null() ? 0 : ts_node_end_byte(node_); }
  [[nodiscard]] std::string_view text() const { return source().substr(begin(), end() - begin()); }
  [[nodiscard]] std::uint32_t child_count() const {
    return is_null() ? 0 : ts_node_child_count(node_);
  }
  [[nodiscard]] std::uint32_t named_child_count() const {
    return is_null() ? 0 : ts_node_named_child_count(node_);
  }
  [[nodiscard]] Node child(std::uint32_t i) const {
    return is_null() ? Node{} : Node{ts_node_child(node_, i), tree_};
  }
  [[nodiscard]] Node named_child(std::uint32_t i) const {
    return is_null() ? Node{} : Node{ts_node_named_child(node_, i), tree_};
  }
  [[nodiscard]] Node field(std::string_view name) const {
    if (is_null()) return {};
    return {
        ts_node_child_by_field_name(node_, name.data(), static_cast<std::uint32_t>(name.size())),
        tree_};
  }
  // Every child (or every named one) in order, in one pass: child(i) starts
  // over from the first child each time, so a loop over it is quadratic in a
  // node's children, and error recovery leaves nodes with thousands.
  [[nodiscard]] std::vector<Node> children() const;
  [[nodiscard]] std::vector<Node> named_children() const;
  // Costs a walk down from the root: to go up more than a level or two,
  // take ancestors() once instead of calling parent() in a loop.
  [[nodiscard]] Node parent() const;
  // The smallest node that spans [begin, end).
  [[nodiscard]] Node descendant(std::uint32_t begin, std::uint32_t end) const {
    return is_null() ? Node{} : Node{ts_node_descendant_for_byte_range(node_, begin, end), tree_};
  }
  // Parent, grandparent, ... up to the root, nearest first; one walk down.
  [[nodiscard]] std::vector<Node> ancestors() const;
  // The nearest ancestor `accepts`, or a null node.
  template <typename Predicate>
  [[nodiscard]] Node nearest_ancestor(Predicate accepts) const {
    for (const auto& ancestor : ancestors()) {
      if (accepts(ancestor)) return ancestor;
    }
    return {};
  }
  [[nodiscard]] std::string_view source() const {
    return tree_ == nullptr ? std::string_view{} : tree_->source;
  }
  friend bool operator==(const Node& a, const Node& b) { return ts_node_eq(a.node_, b.node_); }

 private:
  TSNode node_{};
  const TreeState* tree_ = nullptr;
};

inline Node Tree::root() const { return {ts_tree_root_node(tree_.get()), state_.get()}; }

}  // namespace slotlint::ts
