// The JavaScript lowering: the module, imports and exports, declarations,
// classes and statements.
#include "frontends/javascript/lowering.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "frontends/javascript/lowering_internal.h"

namespace slotlint::javascript {

il::Module lower(ts::Node root, std::string_view path, ir::FileIndex file,
                 const LoweringLimits& limits) {
  return lowering::Lowerer(path, file, limits).run(root);
}

namespace lowering {

bool has_token(ts::Node node, std::string_view token) {
  for (auto child : node.children()) {
    if (!child.is_named() && child.type() == token) return true;
  }
  return false;
}

bool is_function_value(ts::Node node) {
  auto type = node.type();
  return type == "function_expression" || type == "function" || type == "arrow_function" ||
         type == "generator_function";
}

namespace {

// The names Node gives a module's own file and folder.
constexpr std::string_view kFileGlobal = "__filename";
constexpr std::string_view kFolderGlobal = "__dirname";
// Names no source can write (not identifiers): what the lowering binds for
// itself.
constexpr std::string_view kDirnameHelper = "%path.dirname";
constexpr std::string_view kDefaultExport = "default";

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}

// `require("m")`: the module it names.
std::optional<std::string> required_module(ts::Node node) {
  node = unwrap(node);
  if (node.type() != "call_expression") return std::nullopt;
  auto callee = node.field("function");
  if (callee.type() != "identifier" || callee.text() != "require") return std::nullopt;
  auto args = named_children(node.field("arguments"));
  if (args.size() != 1) return std::nullopt;
  return literal_string(args.front());
}

// `F.prototype`: F.
std::optional<std::string> prototype_of(ts::Node node) {
  node = unwrap(node);
  if (node.type() != "member_expression" || node.field("property").text() != "prototype")
    return std::nullopt;
  auto object = node.field("object");
  if (object.type() != "identifier") return std::nullopt;
  return std::string(object.text());
}

}  // namespace

Lowerer::Lowerer(std::string_view path, ir::FileIndex file, const LoweringLimits& limits)
    : file_(file), limits_(limits) {
  module_.path = std::string(path);
  module_.language = "javascript";
}

std::string Lowerer::too_deep() const {
  return "the code nests deeper than " + std::to_string(limits_.nesting) +
         " levels (the lowering's limit)";
}

il::StmtId Lowerer::assign_name(const std::string& name, il::ExprId value, ts::Node at,
                                bool declares) {
  il::Assign assign;
  assign.targets.push_back(add_pattern(il::NamePattern{name}, at));
  assign.value = value;
  assign.declares = declares;
  return add_stmt(std::move(assign), at);
}

std::string Lowerer::declared_type(ts::Node annotation) const {
  if (annotation.is_null()) return {};
  auto text = squeezed(annotation.text());
  if (text.starts_with(':')) text.erase(0, 1);
  // Aliases inside aliases, a few levels (a cycle stops there), while the
  // text stays the size of a real type (aliases of many aliases would grow
  // it exponentially).
  constexpr std::size_t kLongestType = 4096;
  for (int round = 0; round < 4 && !type_aliases_.empty(); ++round) {
    std::string out;
    bool changed = false;
    for (std::size_t at = 0; at < text.size();) {
      if (out.size() > kLongestType) return text;  // this round's text would be too long
      if (!is_identifier_char(text[at]) || (at > 0 && text[at - 1] == '.')) {
        out += text[at++];
        continue;
      }
      auto end = at;
      while (end < text.size() && is_identifier_char(text[end])) ++end;
      auto word = text.substr(at, end - at);
      auto alias = type_aliases_.find(word);
      if (alias != type_aliases_.end() && (end >= text.size() || text[end] != '.')) {
        out += "(" + alias->second + ")";
        changed = true;
      } else {
        out += word;
      }
      at = end;
    }
    text = std::move(out);
    if (!changed) break;
  }
  return text;
}

il::Module Lowerer::run(ts::Node root) {
  for (auto child : named_children(root)) {
    auto inner = child;
    if (inner.type() == "export_statement" && !inner.field("declaration").is_null())
      inner = inner.field("declaration");
    if (inner.type() == "type_alias_declaration" && !inner.field("value").is_null())
      type_aliases_.emplace(std::string(inner.field("name").text()),
                            squeezed(inner.field("value").text()));
  }
  il::Function body;
  body.kind = il::Function::Kind::ModuleBody;
  body.span = span(root);
  current_ = module_.body = module_.add(std::move(body));
  module_.path_global = std::string(kFileGlobal);
  find_prototype_classes(root);
  // `__dirname`: the folder of `__filename`, through the path builtin.
  std::vector<il::StmtId> statements;
  il::Import dirname;
  dirname.module = "path";
  dirname.names.emplace_back("dirname", std::string(kDirnameHelper));
  dirname.span = {file_, root.begin(), root.begin()};
  module_.imports.push_back(std::move(dirname));
  il::Call folder;
  folder.callee = module_.add(
      il::Expr{il::Name{std::string(kDirnameHelper)}, {file_, root.begin(), root.begin()}});
  folder.args.push_back({il::Argument::Kind::Positional,
                         {},
                         module_.add(il::Expr{il::Name{std::string(kFileGlobal)},
                                              {file_, root.begin(), root.begin()}})});
  auto folder_value = module_.add(il::Expr{std::move(folder), {file_, root.begin(), root.begin()}});
  il::Assign assign;
  assign.targets.push_back(module_.add(il::Pattern{il::NamePattern{std::string(kFolderGlobal)},
                                                   {file_, root.begin(), root.begin()}}));
  assign.value = folder_value;
  assign.declares = true;
  statements.push_back(
      module_.add(il::Stmt{std::move(assign), {file_, root.begin(), root.begin()}}));
  auto rest = block(root);
  statements.insert(statements.end(), rest.begin(), rest.end());
  module_.functions[module_.body].body = std::move(statements);
  return std::move(module_);
}

// ---- statements -------------------------------------------------------------

std::vector<il::StmtId> Lowerer::block(ts::Node block) {
  std::vector<il::StmtId> out;
  auto children = named_children(block);
  // Function declarations are hoisted: bound before the block runs.
  for (auto child : children) {
    auto inner = child;
    if (inner.type() == "export_statement" && !inner.field("declaration").is_null())
      inner = inner.field("declaration");
    auto type = inner.type();
    if ((type == "function_declaration" || type == "generator_function_declaration") &&
        !(at_top_ && prototype_classes_.contains(inner.field("name").text()))) {
      out.push_back(add_stmt(
          il::LocalFunction{function(inner, il::Function::Kind::Function, il::kNone, {})}, inner));
    }
  }
  const bool was_top = at_top_;
  for (auto child : children) statement(child, out);
  at_top_ = was_top;
  return out;
}

std::vector<il::StmtId> Lowerer::body_of(ts::Node node) {
  if (node.is_null()) return {};
  if (node.type() == "statement_block") {
    const bool was_top = at_top_;
    at_top_ = false;
    auto out = block(node);
    at_top_ = was_top;
    return out;
  }
  std::vector<il::StmtId> out;
  const bool was_top = at_top_;
  at_top_ = false;
  statement(node, out);
  at_top_ = was_top;
  return out;
}

void Lowerer::statement(ts::Node node, std::vector<il::StmtId>& out) {
  Nest nest(*this);
  if (!nest.ok) {
    out.push_back(add_stmt(il::ExpressionStatement{opaque(node, too_deep(), false)}, node));
    return;
  }
  auto type = node.type();
  if (type == "expression_statement") {
    auto inner = named_children(node);
    if (!inner.empty()) expression_statement(inner.front(), node, out);
  } else if (type == "lexical_declaration" || type == "variable_declaration") {
    declaration(node, out);
  } else if (type == "function_declaration" || type == "generator_function_declaration") {
    auto name = std::string(node.field("name").text());
    if (at_top_ && prototype_classes_.contains(name)) {
      out.push_back(add_stmt(il::LocalClass{class_definition(node, name)}, node));
    }
    // Otherwise hoisted by block().
  } else if (type == "class_declaration" || type == "abstract_class_declaration") {
    out.push_back(add_stmt(il::LocalClass{class_definition(node, {})}, node));
  } else if (type == "if_statement") {
    out.push_back(if_statement(node));
  } else if (type == "for_statement") {
    for_statement(node, out);
  } else if (type == "for_in_statement") {
    out.push_back(for_in_statement(node));
  } else if (type == "while_statement" || type == "do_statement") {
    il::Loop loop;
    loop.kind = il::Loop::Kind::While;
    loop.iterable = condition(node.field("condition"));
    loop.body = body_of(node.field("body"));
    out.push_back(add_stmt(std::move(loop), node));
  } else if (type == "try_statement") {
    out.push_back(try_statement(node));
  } else if (type == "switch_statement") {
    out.push_back(switch_statement(node));
  } else if (type == "statement_block") {
    auto inner = body_of(node);
    out.insert(out.end(), inner.begin(), inner.end());
  } else if (type == "labeled_statement") {
    auto inner = body_of(node.field("body"));
    out.insert(out.end(), inner.begin(), inner.end());
  } else if (type == "return_statement") {
    auto values = named_children(node);
    out.push_back(add_stmt(il::Return{values.empty() ? il::kNone : expr(values.front())}, node));
  } else if (type == "throw_statement") {
    auto values = named_children(node);
    out.push_back(add_stmt(il::Raise{values.empty() ? il::kNone : expr(values.front())}, node));
  } else if (type == "break_statement") {
    out.push_back(add_stmt(il::Break{}, node));
  } else if (type == "continue_statement") {
    out.push_back(add_stmt(il::Continue{}, node));
  } else if (type == "import_statement") {
    import_statement(node);
  } else if (type == "export_statement") {
    export_statement(node, out);
  } else if (type == "ERROR") {
    out.push_back(add_stmt(il::ExpressionStatement{opaque(node, "a syntax error")}, node));
  }
  // Else nothing that carries a value: empty statements, `debugger`, and
  // TypeScript's interfaces, type aliases, enums, ambient declarations.
}

void Lowerer::expression_statement(ts::Node expression, ts::Node at, std::vector<il::StmtId>& out) {
  auto node = expression;
  while (node.type() == "parenthesized_expression" && node.named_child_count() == 1)
    node = node.named_child(0);
  auto type = node.type();
  if (type == "assignment_expression") {
    if (at_top_ && prototype_method(node, out)) return;
    if (export_assignment(node, out)) return;
    il::Assign assign;
    auto current = node;
    while (current.type() == "assignment_expression") {
      assign.targets.push_back(pattern(current.field("left")));
      current = unwrap(current.field("right"));
    }
    if (current.type() == "class") {
      auto id = class_definition(current, {});
      out.push_back(add_stmt(il::LocalClass{id}, current));
      assign.value = add(il::Name{module_.classes[id].name}, current);
    } else {
      assign.value = expr(current);
    }
    out.push_back(add_stmt(std::move(assign), at));
    return;
  }
  if (type == "augmented_assignment_expression") {
    static constexpr std::pair<std::string_view, il::Binary::Op> kOps[] = {
        {"+=", il::Binary::Op::Add},      {"-=", il::Binary::Op::Subtract},
        {"*=", il::Binary::Op::Multiply}, {"%=", il::Binary::Op::Modulo},
        {"||=", il::Binary::Op::Or},      {"?\?=", il::Binary::Op::Or},
        {"&&=", il::Binary::Op::And}};
    il::Binary::Op op = il::Binary::Op::Other;
    for (auto [text, kind] : kOps) {
      if (node.field("operator").text() == text) op = kind;
    }
    out.push_back(add_stmt(
        il::AugmentedAssign{pattern(node.field("left")), op, expr(node.field("right"))}, at));
    return;
  }
  if (type == "yield_expression") {
    yields_ = true;
    auto values = named_children(node);
    out.push_back(add_stmt(
        il::Yield{values.empty() ? il::kNone : expr(values.front()), has_token(node, "*")}, at));
    return;
  }
  if (type == "sequence_expression") {
    for (auto part : named_children(node)) expression_statement(part, part, out);
    return;
  }
  if (at_top_ && type == "call_expression") {
    // `Object.assign(F.prototype, {...})` on an ES5 class: its methods.
    auto callee = node.field("function");
    auto args = named_children(node.field("arguments"));
    auto name = squeezed(callee.text());
    if ((name == "Object.assign" || name == "Object.defineProperty" ||
         name == "Object.defineProperties") &&
        !args.empty()) {
      if (auto cls = prototype_of(args.front()); cls && prototype_classes_.contains(*cls)) return;
    }
  }
  out.push_back(add_stmt(il::ExpressionStatement{expr(node)}, at));
}

void Lowerer::declaration(ts::Node node, std::vector<il::StmtId>& out) {
  for (auto declarator : named_children(node)) {
    if (declarator.type() != "variable_declarator") continue;
    if (require_declaration(declarator)) continue;
    auto name = declarator.field("name");
    auto value = declarator.field("value");
    auto inner = unwrap(value);
    il::Assign assign;
    assign.declares = true;
    assign.declared_type = declared_type(declarator.field("type"));
    assign.targets.push_back(pattern(name));
    if (!inner.is_null() && inner.type() == "class") {
      auto id =
          class_definition(inner, name.type() == "identifier" ? std::string(name.text()) : "");
      out.push_back(add_stmt(il::LocalClass{id}, inner));
      assign.value = add(il::Name{module_.classes[id].name}, inner);
    } else if (!inner.is_null() && is_function_value(inner) && name.type() == "identifier") {
      // `const f = () => ...`: the function keeps the name it is bound to.
      auto id = function(inner, il::Function::Kind::Function, il::kNone, std::string(name.text()));
      assign.value = add(il::Lambda{id}, inner);
    } else {
      assign.value = expr(value);
    }
    out.push_back(add_stmt(std::move(assign), declarator));
  }
}

il::StmtId Lowerer::if_statement(ts::Node node) {
  il::If branch;
  branch.condition = condition(node.field("condition"));
  branch.then = body_of(node.field("consequence"));
  auto alternative = node.field("alternative");
  if (!alternative.is_null()) {
    auto inner = named_children(alternative);
    if (!inner.empty()) branch.otherwise = body_of(inner.front());
  }
  return add_stmt(std::move(branch), node);
}

// `for (init; cond; step) body`: the initializer, then a while loop whose
// body ends with the step.
void Lowerer::for_statement(ts::Node node, std::vector<il::StmtId>& out) {
  auto init = node.field("initializer");
  if (!init.is_null()) {
    const bool was_top = at_top_;
    at_top_ = false;
    statement(init, out);
    at_top_ = was_top;
  }
  il::Loop loop;
  loop.kind = il::Loop::Kind::While;
  auto test = node.field("condition");
  if (test.type() == "expression_statement") {
    auto inner = named_children(test);
    test = inner.empty() ? ts::Node{} : inner.front();
  }
  loop.iterable = test.is_null() || test.type() == "empty_statement"
                      ? add(il::Constant{il::Constant::Kind::True}, node)
                      : condition(test);
  loop.body = body_of(node.field("body"));
  auto step = node.field("increment");
  if (!step.is_null()) expression_statement(step, step, loop.body);
  out.push_back(add_stmt(std::move(loop), node));
}

il::StmtId Lowerer::for_in_statement(ts::Node node) {
  il::Loop loop;
  loop.kind = il::Loop::Kind::ForEach;
  loop.element = pattern(node.field("left"));
  auto right = node.field("right");
  if (node.field("operator").text() == "in") {
    loop.iterable = add(il::Opaque{"the keys of an object (`for ... in`)", {expr(right)}}, right);
  } else {
    loop.iterable = expr(right);
  }
  loop.body = body_of(node.field("body"));
  return add_stmt(std::move(loop), node);
}

il::StmtId Lowerer::try_statement(ts::Node node) {
  il::Try block_try;
  block_try.body = body_of(node.field("body"));
  auto handler = node.field("handler");
  if (!handler.is_null()) {
    il::Handler lowered;
    lowered.span = span(handler);
    auto parameter = handler.field("parameter");
    if (parameter.type() == "identifier") lowered.name = std::string(parameter.text());
    lowered.body = body_of(handler.field("body"));
    block_try.handlers.push_back(std::move(lowered));
  }
  auto finalizer = node.field("finalizer");
  if (!finalizer.is_null()) block_try.finally = body_of(finalizer.field("body"));
  return add_stmt(std::move(block_try), node);
}

// `switch (v) { case a: ...; default: ... }` as a chain of branches on
// `v == a`; a case's closing `break` ends the case, not a loop around it.
il::StmtId Lowerer::switch_statement(ts::Node node) {
  auto subject_node = node.field("value");
  il::ExprId subject = expr(subject_node);
  struct Case {
    ts::Node node;
    il::ExprId test = il::kNone;  // kNone: default
    std::vector<il::StmtId> body;
  };
  std::vector<Case> cases;
  const bool was_top = at_top_;
  at_top_ = false;
  for (auto clause : named_children(node.field("body"))) {
    if (clause.type() != "switch_case" && clause.type() != "switch_default") continue;
    Case lowered{clause, il::kNone, {}};
    auto value = clause.field("value");
    if (!value.is_null()) {
      lowered.test = add(il::Binary{il::Binary::Op::Equal, subject, expr(value)}, clause);
    }
    for (auto part : named_children(clause)) {
      if (part == value || part.type() == "break_statement") continue;
      statement(part, lowered.body);
    }
    cases.push_back(std::move(lowered));
  }
  at_top_ = was_top;
  std::vector<il::StmtId> rest;
  for (const auto& each : cases) {
    if (each.test == il::kNone) rest = each.body;
  }
  for (auto it = cases.rbegin(); it != cases.rend(); ++it) {
    if (it->test == il::kNone) continue;
    il::If branch;
    branch.condition = it->test;
    branch.then = it->body;
    branch.otherwise = std::move(rest);
    rest = {add_stmt(std::move(branch), it->node)};
  }
  if (rest.empty()) return add_stmt(il::ExpressionStatement{subject}, node);
  if (rest.size() == 1) return rest.front();
  il::If always;
  always.condition = add(il::Constant{il::Constant::Kind::True}, node);
  always.then = std::move(rest);
  return add_stmt(std::move(always), node);
}

// ---- imports and exports ----------------------------------------------------

void Lowerer::import_statement(ts::Node node) {
  il::Import import;
  import.span = span(node);
  auto source = literal_string(node.field("source"));
  for (auto child : named_children(node)) {
    if (child.type() == "import_require_clause") {
      // TypeScript's `import x = require("m")`.
      auto parts = named_children(child);
      if (parts.size() >= 2) {
        import.alias = std::string(parts[0].text());
        source = literal_string(parts[1]);
      }
      continue;
    }
    if (child.type() != "import_clause") continue;
    for (auto part : named_children(child)) {
      if (part.type() == "identifier") {
        import.names.emplace_back(std::string(kDefaultExport), std::string(part.text()));
      } else if (part.type() == "namespace_import") {
        auto names = named_children(part);
        if (!names.empty()) import.alias = std::string(names.back().text());
      } else if (part.type() == "named_imports") {
        for (auto specifier : named_children(part)) {
          if (specifier.type() != "import_specifier") continue;
          auto name = specifier.field("name");
          auto alias = specifier.field("alias");
          auto imported = literal_string(name).value_or(std::string(name.text()));
          import.names.emplace_back(imported,
                                    alias.is_null() ? imported : std::string(alias.text()));
        }
      }
    }
  }
  if (!source) return;
  import.module = *source;
  if (import.alias.empty() && import.names.empty()) return;  // `import "m"`: its effects
  module_.imports.push_back(std::move(import));
}

void Lowerer::export_statement(ts::Node node, std::vector<il::StmtId>& out) {
  bool is_default = has_token(node, "default");
  auto declaration_node = node.field("declaration");
  auto value = node.field("value");
  auto source = literal_string(node.field("source"));
  if (!declaration_node.is_null()) {
    statement(declaration_node, out);
    auto name = declaration_node.field("name");
    if (is_default && !name.is_null()) {
      bind_export(std::string(kDefaultExport), add(il::Name{std::string(name.text())}, name), node,
                  out);
    }
    return;
  }
  if (!value.is_null()) {
    auto inner = unwrap(value);
    il::ExprId lowered = il::kNone;
    if (inner.type() == "class") {
      auto id = class_definition(inner, std::string(kDefaultExport));
      out.push_back(add_stmt(il::LocalClass{id}, inner));
      lowered = add(il::Name{module_.classes[id].name}, inner);
    } else {
      lowered = expr(value);
    }
    bind_export(std::string(kDefaultExport), lowered, node, out);
    return;
  }
  // `export { a as b }`, `export { a } from "m"`, `export * from "m"`.
  il::Import reexport;
  reexport.span = span(node);
  for (auto child : named_children(node)) {
    if (child.type() == "export_clause") {
      for (auto specifier : named_children(child)) {
        if (specifier.type() != "export_specifier") continue;
        auto name = std::string(specifier.field("name").text());
        auto alias_node = specifier.field("alias");
        auto alias = alias_node.is_null() ? name : std::string(alias_node.text());
        if (source) {
          reexport.names.emplace_back(name, alias);
        } else if (alias != name) {
          bind_export(alias, add(il::Name{name}, specifier), specifier, out);
        }
      }
    } else if (child.type() == "namespace_export") {
      auto names = named_children(child);
      if (!names.empty()) reexport.alias = std::string(names.back().text());
    }
  }
  if (!source) return;
  reexport.module = *source;
  if (reexport.names.empty() && reexport.alias.empty()) reexport.everything = true;
  module_.imports.push_back(std::move(reexport));
}

bool Lowerer::require_declaration(ts::Node declarator) {
  auto value = unwrap(declarator.field("value"));
  auto name = declarator.field("name");
  // `require("m").Cluster`
  std::string member;
  if (value.type() == "member_expression" && required_module(value.field("object"))) {
    member = std::string(value.field("property").text());
    value = unwrap(value.field("object"));
  }
  auto module = required_module(value);
  if (!module) return false;
  il::Import import;
  import.module = *module;
  import.span = span(declarator);
  if (name.type() == "identifier") {
    if (member.empty()) {
      import.alias = std::string(name.text());
    } else {
      import.names.emplace_back(member, std::string(name.text()));
    }
  } else if (name.type() == "object_pattern" && member.empty()) {
    for (auto part : named_children(name)) {
      if (part.type() == "shorthand_property_identifier_pattern") {
        import.names.emplace_back(std::string(part.text()), std::string(part.text()));
      } else if (part.type() == "pair_pattern" && part.field("value").type() == "identifier") {
        auto key = property_name(part.field("key"));
        if (!key) return false;
        import.names.emplace_back(*key, std::string(part.field("value").text()));
      } else {
        return false;  // defaults, nested patterns, rest: an assignment of the module
      }
    }
  } else {
    return false;
  }
  module_.imports.push_back(std::move(import));
  return true;
}

void Lowerer::bind_export(const std::string& name, il::ExprId value, ts::Node at,
                          std::vector<il::StmtId>& out) {
  out.push_back(assign_name(name, value, at, false));
}

// `module.exports = v` binds `default` (and, for an object literal, each of
// its keys); `exports.x = v` and `module.exports.x = v` bind `x`.
bool Lowerer::export_assignment(ts::Node assignment, std::vector<il::StmtId>& out) {
  auto left = unwrap(assignment.field("left"));
  if (left.type() != "member_expression") return false;
  auto target = squeezed(left.text());
  auto right = assignment.field("right");
  if (target == "module.exports") {
    auto inner = unwrap(right);
    il::ExprId value = il::kNone;
    if (inner.type() == "class") {
      auto id = class_definition(inner, std::string(kDefaultExport));
      out.push_back(add_stmt(il::LocalClass{id}, inner));
      value = add(il::Name{module_.classes[id].name}, inner);
    } else {
      value = expr(right);
    }
    bind_export(std::string(kDefaultExport), value, assignment, out);
    if (inner.type() == "object") {
      for (auto pair : named_children(inner)) {
        std::optional<std::string> key;
        if (pair.type() == "pair") key = property_name(pair.field("key"));
        if (pair.type() == "shorthand_property_identifier") key = std::string(pair.text());
        if (pair.type() == "method_definition") key = property_name(pair.field("name"));
        if (!key) continue;
        // The entry of the exported object: its value is evaluated once.
        auto entry = add(
            il::Index{add(il::Name{std::string(kDefaultExport)}, pair),
                      add(il::Template{{il::TemplatePart{*key, il::kNone, {}, span(pair), false}},
                                       ir::BraceEscaping::None,
                                       false},
                          pair)},
            pair);
        if (*key != kDefaultExport) bind_export(*key, entry, pair, out);
      }
    }
    return true;
  }
  std::string name;
  auto object = squeezed(left.field("object").text());
  if (object == "exports" || object == "module.exports")
    name = std::string(left.field("property").text());
  if (name.empty()) return false;
  auto inner = unwrap(right);
  if (is_function_value(inner)) {
    auto id = function(inner, il::Function::Kind::Function, il::kNone, name);
    bind_export(name, add(il::Lambda{id}, inner), assignment, out);
  } else {
    bind_export(name, expr(right), assignment, out);
  }
  return true;
}

// ---- declarations -----------------------------------------------------------

void Lowerer::parameters(ts::Node list, il::Function& function, std::vector<il::StmtId>& prologue) {
  if (list.is_null()) return;
  std::vector<ts::Node> params;
  if (list.type() == "identifier") {
    params.push_back(list);  // `x => ...`
  } else {
    params = named_children(list);
  }
  for (auto param : params) {
    auto type = param.type();
    if (type == "decorator") continue;
    il::Parameter lowered;
    lowered.span = span(param);
    lowered.kind = il::Parameter::Kind::Positional;
    auto target = param;
    bool property = false;
    if (type == "required_parameter" || type == "optional_parameter") {
      target = param.field("pattern");
      lowered.declared_type = declared_type(param.field("type"));
      auto value = param.field("value");
      if (!value.is_null()) lowered.default_value = expr(value);
      for (auto child : param.children()) {
        auto kind = child.type();
        if (kind == "accessibility_modifier" || kind == "readonly" || kind == "override_modifier")
          property = true;
      }
    }
    if (target.type() == "this") continue;  // TypeScript's `this: T` parameter
    if (target.type() == "assignment_pattern") {
      lowered.default_value = expr(target.field("right"));
      target = target.field("left");
    }
    if (target.type() == "rest_pattern") {
      lowered.kind = il::Parameter::Kind::VarArgs;
      auto inner = named_children(target);
      target = inner.empty() ? ts::Node{} : inner.front();
    }
    if (target.type() == "identifier") {
      lowered.name = std::string(target.text());
    } else if (!target.is_null()) {
      lowered.pattern = pattern(target);
    }
    if (property && !lowered.name.empty()) {
      // `constructor(private redis: Redis)`: a field the constructor assigns.
      il::Assign assign;
      assign.targets.push_back(
          add_pattern(il::AttributePattern{add(il::Name{"this"}, param), lowered.name}, param));
      assign.value = add(il::Name{lowered.name}, target);
      prologue.push_back(add_stmt(std::move(assign), param));
    }
    function.params.push_back(std::move(lowered));
  }
}

il::FunctionId Lowerer::function(ts::Node node, il::Function::Kind kind, il::ClassId owner,
                                 std::string name) {
  il::Function f;
  f.kind = kind;
  if (name.empty()) {
    auto named = node.field("name");
    if (!named.is_null()) name = property_name(named).value_or(std::string(named.text()));
  }
  f.name = std::move(name);
  f.span = span(node);
  f.enclosing = current_;
  f.owner = owner;
  f.is_async = has_token(node, "async");
  if (kind != il::Function::Kind::Function && kind != il::Function::Kind::StaticMethod)
    f.receiver = "this";
  for (auto decorator : named_children(node)) {
    if (decorator.type() != "decorator") continue;
    auto text = squeezed(decorator.text());
    if (text.starts_with('@')) text.erase(0, 1);
    f.decorators.push_back(std::move(text));
    f.decorator_values.push_back(il::kNone);
  }
  auto id = module_.add(std::move(f));
  const auto outer = current_;
  const bool outer_yields = yields_;
  const bool outer_top = at_top_;
  current_ = id;
  yields_ = has_token(node, "*");
  at_top_ = false;
  il::Function holder;
  std::vector<il::StmtId> prologue;
  auto list = node.field("parameters");
  if (list.is_null()) list = node.field("parameter");
  parameters(list, holder, prologue);
  auto body = node.field("body");
  std::vector<il::StmtId> statements = std::move(prologue);
  il::ExprId expression_body = il::kNone;
  if (body.type() == "statement_block") {
    auto inner = block(body);
    statements.insert(statements.end(), inner.begin(), inner.end());
  } else if (!body.is_null()) {
    expression_body = expr(body);
  }
  auto& lowered = module_.functions[id];
  lowered.params = std::move(holder.params);
  lowered.body = std::move(statements);
  lowered.expression_body = expression_body;
  lowered.is_generator = yields_;
  current_ = outer;
  yields_ = outer_yields;
  at_top_ = outer_top;
  return id;
}

il::ClassId Lowerer::class_definition(ts::Node node, std::string name) {
  il::Class c;
  auto named = node.field("name");
  c.name = named.is_null() ? std::move(name) : std::string(named.text());
  if (c.name.empty()) c.name = "<class>";
  c.span = span(node);
  c.enclosing = current_ == module_.body ? il::kNone : current_;
  auto id = module_.add(std::move(c));
  const bool outer_top = at_top_;
  at_top_ = false;

  // An ES5 class: the constructor function and its prototype's methods.
  if (node.type() == "function_declaration" || node.type() == "generator_function_declaration") {
    const auto& found = prototype_classes_.at(module_.classes[id].name);
    auto constructor = function(node, il::Function::Kind::Constructor, id, "constructor");
    module_.classes[id].methods.push_back(constructor);
    for (const auto& [method, value] : found.methods)
      module_.classes[id].methods.push_back(
          function(value, il::Function::Kind::Method, id, method));
    for (const auto& [getter, value] : found.getters)
      module_.classes[id].methods.push_back(
          function(value, il::Function::Kind::Getter, id, getter));
    at_top_ = outer_top;
    return id;
  }

  std::vector<il::ExprId> bases;
  for (auto child : named_children(node)) {
    if (child.type() != "class_heritage") continue;
    for (auto part : named_children(child)) {
      if (part.type() == "extends_clause") {
        auto value = part.field("value");
        if (value.is_null() && part.named_child_count() > 0) value = part.named_child(0);
        if (!value.is_null()) bases.push_back(expr(value));
      } else if (part.type() != "implements_clause") {
        bases.push_back(expr(part));
      }
    }
  }
  module_.classes[id].bases = std::move(bases);
  for (auto member : named_children(node.field("body"))) {
    auto type = member.type();
    if (type == "method_definition") {
      auto method_name = property_name(member.field("name")).value_or("");
      il::Function::Kind kind = il::Function::Kind::Method;
      if (method_name == "constructor") kind = il::Function::Kind::Constructor;
      if (has_token(member, "get")) kind = il::Function::Kind::Getter;
      if (has_token(member, "static")) kind = il::Function::Kind::StaticMethod;
      if (has_token(member, "set")) continue;  // a setter: its writes are not followed
      module_.classes[id].methods.push_back(function(member, kind, id, method_name));
    } else if (type == "field_definition" || type == "public_field_definition") {
      il::Field field;
      auto key = member.field(type == "field_definition" ? "property" : "name");
      auto field_name = property_name(key);
      if (!field_name) continue;
      field.name = *field_name;
      field.declared_type = declared_type(member.field("type"));
      field.is_static = has_token(member, "static");
      field.span = span(member);
      auto value = member.field("value");
      if (!value.is_null()) {
        auto inner = unwrap(value);
        if (is_function_value(inner)) {
          // `handler = () => this.redis.get(k)`: a method bound to the instance.
          module_.classes[id].methods.push_back(
              function(inner, il::Function::Kind::Method, id, field.name));
          continue;
        }
        field.initializer = expr(value);
      }
      module_.classes[id].fields.push_back(std::move(field));
    }
  }
  at_top_ = outer_top;
  return id;
}

// ES5 classes: a top-level function F whose prototype gets methods
// (`F.prototype.m = function () {...}`, `F.prototype = {m() {...}}`,
// `Object.assign(F.prototype, {...})`).
void Lowerer::find_prototype_classes(ts::Node program) {
  std::map<std::string, ts::Node, std::less<>> functions;
  for (auto child : named_children(program)) {
    auto inner = child;
    if (inner.type() == "export_statement" && !inner.field("declaration").is_null())
      inner = inner.field("declaration");
    if (inner.type() == "function_declaration")
      functions.emplace(std::string(inner.field("name").text()), inner);
  }
  auto add_members = [&](const std::string& cls, ts::Node object) {
    auto& found = prototype_classes_[cls];
    found.constructor = functions.at(cls);
    for (auto member : named_children(unwrap(object))) {
      if (member.type() == "pair" && is_function_value(unwrap(member.field("value")))) {
        if (auto key = property_name(member.field("key")))
          found.methods.emplace_back(*key, unwrap(member.field("value")));
      } else if (member.type() == "method_definition") {
        auto key = property_name(member.field("name"));
        if (!key) continue;
        if (has_token(member, "get")) {
          found.getters.emplace_back(*key, member);
        } else if (!has_token(member, "set")) {
          found.methods.emplace_back(*key, member);
        }
      }
    }
  };
  for (auto child : named_children(program)) {
    if (child.type() != "expression_statement") continue;
    auto node = unwrap(child.named_child(0));
    if (node.type() == "assignment_expression") {
      auto left = unwrap(node.field("left"));
      auto right = unwrap(node.field("right"));
      if (auto cls = prototype_of(left);
          cls && functions.contains(*cls) && right.type() == "object") {
        add_members(*cls, right);  // `F.prototype = {...}`
        continue;
      }
      if (left.type() != "member_expression" || !is_function_value(right)) continue;
      auto cls = prototype_of(left.field("object"));
      if (!cls || !functions.contains(*cls)) continue;
      auto& found = prototype_classes_[*cls];
      found.constructor = functions.at(*cls);
      found.methods.emplace_back(std::string(left.field("property").text()), right);
    } else if (node.type() == "call_expression" &&
               squeezed(node.field("function").text()) == "Object.assign") {
      auto args = named_children(node.field("arguments"));
      if (args.size() < 2) continue;
      auto cls = prototype_of(args[0]);
      if (!cls || !functions.contains(*cls)) continue;
      for (std::size_t i = 1; i < args.size(); ++i) {
        if (unwrap(args[i]).type() == "object") add_members(*cls, args[i]);
      }
    } else if (node.type() == "call_expression") {
      // `Object.defineProperty(F.prototype, "client", {get() {...}})` and
      // `Object.defineProperties(F.prototype, {client: {get: function () {...}}})`.
      auto callee = squeezed(node.field("function").text());
      auto args = named_children(node.field("arguments"));
      if (args.size() < 2) continue;
      auto cls = prototype_of(args[0]);
      if (!cls || !functions.contains(*cls)) continue;
      auto getter_of = [&](const std::string& property, ts::Node descriptor) {
        for (auto member : named_children(unwrap(descriptor))) {
          ts::Node getter;
          if (member.type() == "method_definition" && member.field("name").text() == "get")
            getter = member;
          if (member.type() == "pair" && property_name(member.field("key")) == "get" &&
              is_function_value(unwrap(member.field("value"))))
            getter = unwrap(member.field("value"));
          if (getter.is_null()) continue;
          auto& found = prototype_classes_[*cls];
          found.constructor = functions.at(*cls);
          found.getters.emplace_back(property, getter);
        }
      };
      if (callee == "Object.defineProperty" && args.size() == 3) {
        if (auto property = literal_string(args[1])) getter_of(*property, args[2]);
      } else if (callee == "Object.defineProperties") {
        for (auto pair : named_children(unwrap(args[1]))) {
          if (pair.type() != "pair") continue;
          if (auto property = property_name(pair.field("key")))
            getter_of(*property, pair.field("value"));
        }
      }
    }
  }
}

// A statement the ES5 class of its prototype already holds.
bool Lowerer::prototype_method(ts::Node assignment, std::vector<il::StmtId>& /*out*/) {
  auto left = unwrap(assignment.field("left"));
  if (auto cls = prototype_of(left)) return prototype_classes_.contains(*cls);
  if (left.type() != "member_expression") return false;
  auto cls = prototype_of(left.field("object"));
  return cls && prototype_classes_.contains(*cls) &&
         is_function_value(unwrap(assignment.field("right")));
}

}  // namespace lowering
}  // namespace slotlint::javascript
