// The one place slotlint touches tree-sitter's C API: move-only owners for
// parser, tree and cursor, and a non-owning node view over a source buffer.
// Fallible calls return std::expected-like results (C++20: std::optional plus
// a message) instead of asserting.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <tree_sitter/api.h>

namespace slotlint::ts {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};

class Node;

class Tree {
 public:
  Tree(std::unique_ptr<TSTree, TreeDeleter> tree, std::string_view source)
      : tree_(std::move(tree)), source_(source) {}
  [[nodiscard]] Node root() const;
  [[nodiscard]] std::string_view source() const { return source_; }

 private:
  std::unique_ptr<TSTree, TreeDeleter> tree_;
  std::string_view source_;
};

// One parser per thread per language; reset before each parse.
class Parser {
 public:
  // nullopt with `error` set when the grammar's ABI does not fit the runtime.
  static std::optional<Parser> create(const TSLanguage* language, std::string& error);

  // Gives up after `timeout_micros` (0 = never); nullopt then.
  std::optional<Tree> parse(std::string_view source, std::uint64_t timeout_micros);

 private:
  explicit Parser(std::unique_ptr<TSParser, ParserDeleter> parser) : parser_(std::move(parser)) {}
  std::unique_ptr<TSParser, ParserDeleter> parser_;
};

// A non-owning view of a node; valid while its Tree lives.
class Node {
 public:
  Node() = default;
  Node(TSNode node, std::string_view source) : node_(node), source_(source) {}

  // Every accessor is safe on a null node (tree-sitter's C functions are not):
  // a missing field reads as an empty node of type "".
  [[nodiscard]] bool is_null() const { return ts_node_is_null(node_); }
  [[nodiscard]] std::string_view type() const { return is_null() ? "" : ts_node_type(node_); }
  [[nodiscard]] bool is_named() const { return !is_null() && ts_node_is_named(node_); }
  [[nodiscard]] bool has_error() const { return !is_null() && ts_node_has_error(node_); }
  [[nodiscard]] bool is_error() const { return !is_null() && ts_node_is_error(node_); }
  [[nodiscard]] bool is_missing() const { return !is_null() && ts_node_is_missing(node_); }
  [[nodiscard]] std::uint32_t begin() const { return is_null() ? 0 : ts_node_start_byte(node_); }
  [[nodiscard]] std::uint32_t end() const { return is_null() ? 0 : ts_node_end_byte(node_); }
  [[nodiscard]] std::string_view text() const { return source_.substr(begin(), end() - begin()); }
  [[nodiscard]] std::uint32_t child_count() const {
    return is_null() ? 0 : ts_node_child_count(node_);
  }
  [[nodiscard]] std::uint32_t named_child_count() const {
    return is_null() ? 0 : ts_node_named_child_count(node_);
  }
  [[nodiscard]] Node child(std::uint32_t i) const {
    return is_null() ? Node{} : Node{ts_node_child(node_, i), source_};
  }
  [[nodiscard]] Node named_child(std::uint32_t i) const {
    return is_null() ? Node{} : Node{ts_node_named_child(node_, i), source_};
  }
  [[nodiscard]] Node field(std::string_view name) const {
    if (is_null()) return {};
    return {
        ts_node_child_by_field_name(node_, name.data(), static_cast<std::uint32_t>(name.size())),
        source_};
  }
  [[nodiscard]] Node parent() const {
    return is_null() ? Node{} : Node{ts_node_parent(node_), source_};
  }
  [[nodiscard]] std::string_view source() const { return source_; }
  friend bool operator==(const Node& a, const Node& b) { return ts_node_eq(a.node_, b.node_); }

 private:
  TSNode node_{};
  std::string_view source_;
};

inline Node Tree::root() const { return {ts_tree_root_node(tree_.get()), source_}; }

}  // namespace slotlint::ts
