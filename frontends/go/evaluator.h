// Evaluates Go expressions into frontend Values: interpreted and raw string
// literals, `+`, fmt.Sprintf/Sprint (%s, %v and %d are the arguments' values;
// with flags or a width, padded as printf pads them),
// strconv.Itoa/FormatInt, strings.Join, consts and package vars, locals
// assigned once, slice and map literals, slices built with append in a loop
// (a collection), small helper functions of the file, and os.ReadFile of a
// `.lua` file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "analyzer/ir/source_span.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/common/value.h"
#include "frontends/go/package_index.h"
#include "frontends/go/scopes.h"

namespace slotlint::golang {

using frontend::SequenceItem;
using frontend::Value;

class Evaluator {
 public:
  // `package`: the package's other files, whose package-level consts, vars
  // and functions this file uses without importing them (may be null).
  Evaluator(const ScopeTree& scopes, ir::FileIndex file, std::filesystem::path path,
            const GoPackage* package = nullptr)
      : scopes_(scopes), file_(file), path_(std::move(path)), package_(package) {}

  Value evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const;
  // The bindings of a name where it is read (innermost scope first).
  const std::vector<Binding>* bindings_of(std::string_view name, const Scope& scope,
                                          const Scope** where = nullptr) const;

 private:
  struct Context {
    const Scope* scope;
    std::uint32_t position;
    std::map<std::string, Value, std::less<>> locals;
    int depth;
  };
  Value eval(ts::Node expr, const Context& ctx) const;
  Value eval_identifier(ts::Node name, const Context& ctx) const;
  Value eval_call(ts::Node call, const Context& ctx) const;
  Value eval_composite(ts::Node literal, const Context& ctx) const;
  Value sprintf(ts::Node call, const std::vector<ts::Node>& args, const Context& ctx) const;
  // The body runs in `callee`, the evaluator of the file that defines it.
  std::optional<Value> call_helper(const Evaluator& callee, ts::Node function, ts::Node arguments,
                                   const Context& ctx) const;
  // A package-level binding of `name` in another file of the package.
  std::optional<std::pair<const GoFile*, const Binding*>> sibling_binding(
      std::string_view name) const;
  Value appended_in_loop(const std::vector<Binding>& bindings, std::string_view name,
                         const Context& ctx) const;
  Value hole(ts::Node expr, const Context& ctx) const;
  ir::SourceSpan span(ts::Node node) const { return {file_, node.begin(), node.end()}; }

  const ScopeTree& scopes_;
  ir::FileIndex file_;
  std::filesystem::path path_;
  const GoPackage* package_;
  mutable std::size_t steps_ = 0;
};

}  // namespace slotlint::golang
