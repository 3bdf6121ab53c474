// Evaluates Java expressions into frontend Values: string literals and text
// blocks, `+`, String.format / formatted / join / valueOf, StringBuilder
// chains, constants and fields (also `Keys.PREFIX` and static imports from
// other classes of the source tree), locals assigned once, List.of /
// Arrays.asList / Map.of and array initializers, collections filled with
// add/put (in loops: one element per iteration), streams mapping ids to keys,
// small helper methods returning a key, and `.lua` files read from disk or
// the classpath.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/source_span.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/common/value.h"
#include "frontends/java/class_index.h"
#include "frontends/java/scopes.h"

namespace slotlint::java {

using frontend::SequenceItem;
using frontend::Value;

// What a name reads at one place: its declaration, where it is declared, and
// the assignments and add/put calls that change it afterwards.
struct Resolved {
  const Binding* declaration = nullptr;
  const Scope* where = nullptr;
  std::vector<const Binding*> assignments;
  std::vector<const Binding*> additions;
};

class Evaluator {
 public:
  Evaluator(const ScopeTree& scopes, ir::FileIndex file, std::filesystem::path path,
            ClassIndex* classes)
      : scopes_(scopes), file_(file), path_(std::move(path)), classes_(classes) {}

  Value evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const;
  std::optional<Resolved> resolve(std::string_view name, const Scope& scope,
                                  std::uint32_t position) const;
  // The class a simple name denotes: in this file, or another of the tree.
  std::optional<ClassRef> class_named(std::string_view name) const;
  [[nodiscard]] const ScopeTree& scopes() const { return scopes_; }

 private:
  struct Context {
    const Scope* scope;
    std::uint32_t position;
    std::map<std::string, Value, std::less<>> locals;
    int depth;
  };
  Value eval(ts::Node expr, const Context& ctx) const;
  Value eval_identifier(ts::Node name, const Context& ctx) const;
  Value eval_field_access(ts::Node access, const Context& ctx) const;
  Value eval_call(ts::Node call, const Context& ctx) const;
  Value eval_creation(ts::Node creation, const Context& ctx) const;
  Value eval_binding(const Resolved& resolved, ts::Node name, const Context& ctx) const;
  Value filled_collection(const Resolved& resolved, const Context& ctx) const;
  Value string_literal(ts::Node literal) const;
  Value format(ts::Node call, ts::Node pattern, const std::vector<ts::Node>& args,
               const Context& ctx) const;
  Value join(ts::Node call, const std::vector<ts::Node>& args, const Context& ctx) const;
  Value mapped(ts::Node call, ts::Node mapper, const Context& ctx) const;
  // A field of a class (this file's or another's), evaluated where it is declared.
  std::optional<Value> field_of(const ClassRef& cls, std::string_view name, ts::Node at,
                                const Context& ctx) const;
  // A helper method's single `return` expression, with its parameters bound.
  std::optional<Value> call_helper(const ClassRef& cls, std::string_view name,
                                   const std::vector<Value>& arguments, ts::Node at,
                                   const Context& ctx) const;
  std::optional<ClassRef> class_of_expression(ts::Node expr) const;
  // The loop variables between `from` and `until` (a collection's declaration):
  // what differs from one element to the next.
  void bind_loop_variables(ts::Node from, std::uint32_t until, Context& ctx) const;
  Value classpath_resource(ts::Node at, const Value& path) const;
  Value hole(ts::Node expr, const Context& ctx) const;
  ir::SourceSpan span(ts::Node node) const { return {file_, node.begin(), node.end()}; }

  const ScopeTree& scopes_;
  ir::FileIndex file_;
  std::filesystem::path path_;
  ClassIndex* classes_;
  mutable std::size_t steps_ = 0;
};

}  // namespace slotlint::java
