// Evaluates Python expressions into Values: string literals, f-strings,
// concatenation, %-formatting, str.format, str.join, names bound once before
// use, module and class constants, `self.x` set in __init__, and small helper
// functions that return a key (`def user_key(uid): return f"user:{uid}"`).
// Anything else becomes a hole whose symbol is the same for the same
// expression in the same scope.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "analyzer/ir/source_span.h"
#include "frontends/common/tree_sitter.h"
#include "frontends/python/scopes.h"
#include "frontends/python/value.h"

namespace slotlint::python {

class ModuleLoader;
struct ParsedModule;

class Evaluator {
 public:
  // `loader` and `path` (the module's file) let names imported from other
  // modules be followed; without them imports stay holes.
  Evaluator(const ScopeTree& scopes, ir::FileIndex file, ModuleLoader* loader = nullptr,
            std::filesystem::path path = {})
      : scopes_(scopes), file_(file), loader_(loader), path_(std::move(path)) {}

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
  // Runs `function` (defined in `callee`'s module) on this call's arguments.
  Value call_helper(const Evaluator& callee, const Binding& function, ts::Node arguments,
                    const Context& ctx, bool skip_self) const;
  // Imports: the module a name stands for, and a name's definition there.
  const ParsedModule* module_named_by(const Binding& import) const;
  // The module an identifier stands for (`k` after `import app.keys as k`).
  const ParsedModule* module_of_identifier(ts::Node identifier, const Context& ctx) const;
  std::optional<Value> eval_imported_name(const Binding& import, ts::Node at,
                                          const Context& ctx) const;
  std::optional<Value> call_imported(const ParsedModule& module, std::string_view name,
                                     ts::Node call, const Context& ctx) const;
  std::optional<Value> eval_module_attribute(const ParsedModule& module, std::string_view name,
                                             ts::Node at, const Context& ctx) const;
  // Paths and file reads (evaluator_files.cpp): open(p).read(),
  // Path(p).read_text(), os.path.join, pkgutil.get_data, importlib.resources.
  std::optional<Value> eval_file_call(ts::Node call, const Context& ctx) const;
  std::optional<Value> eval_path_attribute(ts::Node attribute, const Context& ctx) const;
  Value module_file() const;                                      // __file__
  Value package_dir(ts::Node package, const Context& ctx) const;  // pkgutil's first argument
  Value hole(ts::Node expr, const Context& ctx) const;
  Value hole(std::string symbol, std::string display, ts::Node expr) const;
  ir::SourceSpan span(ts::Node node) const { return {file_, node.begin(), node.end()}; }

  const ScopeTree& scopes_;
  ir::FileIndex file_;
  ModuleLoader* loader_;
  // The modules this file's analysis has loaded, held while it runs (the
  // loader's cache is bounded).
  mutable std::vector<std::shared_ptr<const ParsedModule>> pinned_;
  const ParsedModule* pin(std::shared_ptr<const ParsedModule> module) const {
    if (!module) return nullptr;
    pinned_.push_back(std::move(module));
    return pinned_.back().get();
  }
  std::filesystem::path path_;
  mutable std::size_t steps_ = 0;  // work spent on the current argument
};

}  // namespace slotlint::python
