// Evaluates Python expressions into Values: string literals, f-strings,
// concatenation, %-formatting, str.format, str.join, names bound once before
// use, module and class constants, `self.x` set in __init__, and small helper
// functions that return a key (`def user_key(uid): return f"user:{uid}"`).
// Anything else becomes a hole whose symbol is the same for the same
// expression in the same scope.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "analyzer/ir/source_span.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/python/scopes.h"
#include "frontends/python/value.h"

namespace slotlint::python {

class Evaluator {
 public:
  Evaluator(const ScopeTree& scopes, ir::FileIndex file) : scopes_(scopes), file_(file) {}

  // `position`: names must be bound before it (for function locals).
  Value evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const;

 private:
  struct Context {
    const Scope* scope;
    std::uint32_t position;
    std::map<std::string, Value, std::less<>> locals;  // helper parameters, loop variables
    int depth;
  };

  Value eval(ts::Node expr, const Context& ctx) const;
  Value eval_string(ts::Node string, const Context& ctx) const;
  Value eval_name(ts::Node name, const Context& ctx) const;
  Value eval_attribute(ts::Node attribute, const Context& ctx) const;
  Value eval_call(ts::Node call, const Context& ctx) const;
  Value eval_binary(ts::Node binary, const Context& ctx) const;
  Value eval_comprehension(ts::Node comprehension, const Context& ctx) const;
  Value eval_binding(const std::vector<Binding>& bindings, const std::string& name,
                     const Scope& scope, const Context& ctx, bool shared) const;
  Value call_helper(const Binding& function, ts::Node arguments, const Context& ctx,
                    bool skip_self) const;
  Value hole(ts::Node expr, const Context& ctx) const;
  Value hole(std::string symbol, std::string display, ts::Node expr) const;
  ir::SourceSpan span(ts::Node node) const { return {file_, node.begin(), node.end()}; }

  const ScopeTree& scopes_;
  ir::FileIndex file_;
  mutable std::size_t steps_ = 0;  // work spent on the current argument
};

}  // namespace slotlint::python
