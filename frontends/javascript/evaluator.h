// Evaluates JavaScript/TypeScript expressions into frontend Values: string
// and template literals, `+` concatenation, const bindings (module, function,
// class fields, `this.x`), object and array literals, `.map(x => ...)` over
// arrays (a collection), `.join()`, small helper functions that return a key
// (`function userKey(id) { return \`user:${id}\` }`, arrow functions, object
// methods), and the paths and file reads that load Lua scripts
// (`fs.readFileSync(path.join(__dirname, "x.lua"))`). Anything else becomes a
// hole whose symbol is the same for the same expression in the same scope.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/source_span.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/common/value.h"
#include "frontends/javascript/scopes.h"

namespace slotlint::javascript {

class ModuleLoader;
struct ParsedModule;

using frontend::SequenceItem;
using frontend::Value;

class Evaluator {
 public:
  // `modules` follows relative imports into the project's other modules
  // (may be null: imports stay holes).
  Evaluator(const ScopeTree& scopes, ir::FileIndex file, std::filesystem::path path,
            ModuleLoader* modules = nullptr)
      : scopes_(scopes), file_(file), path_(std::move(path)), modules_(modules) {}

  Value evaluate(ts::Node expr, const Scope& scope, std::uint32_t position) const;

  // The one value a name holds where it is read (a const, or a let assigned
  // once); null when it has several or none.
  const Binding* binding_of(std::string_view name, const Scope& scope) const;
  // `this.x`'s binding in the class around `scope` (a field, or the only
  // `this.x = ...` in its methods).
  const Binding* field_of(std::string_view name, const Scope& scope) const;
  // Every binding of `this.x` (a declared field and its assignments).
  const std::vector<Binding>* fields_of(std::string_view name, const Scope& scope) const;

 private:
  struct Context {
    const Scope* scope;
    std::uint32_t position;
    std::map<std::string, Value, std::less<>> locals;  // helper parameters, .map() variables
    int depth;
  };

  Value eval(ts::Node expr, const Context& ctx) const;
  Value eval_string(ts::Node string) const;
  Value eval_template(ts::Node string, const Context& ctx) const;
  Value eval_identifier(ts::Node name, const Context& ctx) const;
  Value eval_member(ts::Node member, const Context& ctx) const;
  Value eval_call(ts::Node call, const Context& ctx) const;
  Value eval_new(ts::Node expr, const Context& ctx) const;
  Value eval_binary(ts::Node binary, const Context& ctx) const;
  Value eval_binding(const Binding& binding, std::string_view name, const Context& ctx) const;
  // Runs a helper (function, arrow function, method) on a call's arguments.
  // The body runs in `callee`, the evaluator of the module that defines it.
  // nullopt when the helper's value cannot be read (the caller makes a hole
  // of the call, named as the code calls it).
  std::optional<Value> call_helper(const Evaluator& callee, ts::Node function, ts::Node arguments,
                                   const Context& ctx) const;
  // An import of another module of the project: the module, and the binding
  // of `name` there (null when it cannot be followed).
  const ParsedModule* imported_module(const Binding& import) const;
  const Binding* exported(const ParsedModule& module, std::string_view name) const;
  // A function's value: its expression body, or its single `return`.
  std::optional<Value> eval_body(ts::Node function, const Context& body_ctx) const;
  Value map_over(ts::Node callback, const Value& array, const Context& ctx) const;
  std::optional<Value> eval_file_call(std::string_view callee, ts::Node arguments,
                                      const Context& ctx) const;
  Value hole(ts::Node expr, const Context& ctx) const;
  ir::SourceSpan span(ts::Node node) const { return {file_, node.begin(), node.end()}; }

  const ScopeTree& scopes_;
  ir::FileIndex file_;
  std::filesystem::path path_;
  ModuleLoader* modules_;
  // The modules this file's analysis has loaded, held while it runs (the
  // loader's cache is bounded).
  mutable std::vector<std::shared_ptr<const ParsedModule>> pinned_;
  mutable std::size_t steps_ = 0;
};

}  // namespace slotlint::javascript
