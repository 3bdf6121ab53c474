// The Python lowering: the module, imports, declarations and statements.
#include "frontends/python/lowering.h"

#include <algorithm>
#include <utility>

#include "frontends/python/lowering_internal.h"

namespace slotlint::python {

il::Module lower(ts::Node root, std::string_view path, ir::FileIndex file,
                 const LoweringLimits& limits) {
  return lowering::Lowerer(path, file, limits).run(root);
}

namespace lowering {

Lowerer::Lowerer(std::string_view path, ir::FileIndex file, const LoweringLimits& limits)
    : file_(file), limits_(limits) {
  module_.path = std::string(path);
  module_.language = "python";
}

std::string Lowerer::too_deep() const {
  return "the code nests deeper than " + std::to_string(limits_.nesting) +
         " levels (the lowering's limit)";
}

il::Module Lowerer::run(ts::Node root) {
  il::Function body;
  body.kind = il::Function::Kind::ModuleBody;
  body.span = span(root);
  current_ = module_.body = module_.add(std::move(body));
  module_.path_global = "__file__";
  auto statements = block(root);
  module_.functions[module_.body].body = std::move(statements);
  return std::move(module_);
}

// ---- statements -------------------------------------------------------------

std::vector<il::StmtId> Lowerer::block(ts::Node block) {
  std::vector<il::StmtId> out;
  for (auto child : named_children(block)) statement(child, out);
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
    for (auto child : named_children(node)) simple_statement(child, out);
  } else if (type == "if_statement") {
    out.push_back(if_statement(node, 0));
  } else if (type == "for_statement" || type == "while_statement") {
    out.push_back(loop(node));
  } else if (type == "try_statement") {
    out.push_back(try_statement(node));
  } else if (type == "with_statement") {
    out.push_back(with_statement(node));
  } else if (type == "match_statement") {
    out.push_back(match_statement(node));
  } else if (type == "function_definition") {
    out.push_back(add_stmt(il::LocalFunction{function(node, {}, il::kNone)}, node));
  } else if (type == "class_definition") {
    out.push_back(add_stmt(il::LocalClass{class_definition(node)}, node));
  } else if (type == "decorated_definition") {
    auto definition = node.field("definition");
    if (definition.type() == "class_definition") {
      // The IL keeps no class decorators.
      out.push_back(add_stmt(il::LocalClass{class_definition(definition)}, node));
    } else {
      out.push_back(add_stmt(il::LocalFunction{function(definition, node, il::kNone)}, node));
    }
  } else if (type == "return_statement") {
    auto values = named_children(node);
    il::ExprId value = il::kNone;
    if (values.size() == 1) value = expr(values.front());
    out.push_back(add_stmt(il::Return{value}, node));
  } else if (type == "raise_statement") {
    auto values = named_children(node);
    il::ExprId value = il::kNone;
    if (!values.empty() && values.front() != node.field("cause")) value = expr(values.front());
    out.push_back(add_stmt(il::Raise{value}, node));
  } else if (type == "break_statement") {
    out.push_back(add_stmt(il::Break{}, node));
  } else if (type == "continue_statement") {
    out.push_back(add_stmt(il::Continue{}, node));
  } else if (type == "import_statement" || type == "import_from_statement") {
    import(node);
  } else if (type == "pass_statement" || type == "future_import_statement" ||
             type == "global_statement" || type == "nonlocal_statement" ||
             type == "type_alias_statement" || type == "comment") {
    // Nothing that carries a value.
  } else if (type == "delete_statement" || type == "assert_statement" ||
             type == "print_statement" || type == "exec_statement") {
    // Their expressions are still evaluated (a call inside still counts).
    out.push_back(
        add_stmt(il::ExpressionStatement{opaque(
                     node, "a `" + std::string(type.substr(0, type.find('_'))) + "` statement")},
                 node));
  } else if (type == "ERROR") {
    out.push_back(add_stmt(il::ExpressionStatement{opaque(node, "a syntax error")}, node));
  } else {
    simple_statement(node, out);
  }
}

// One expression of an expression statement: an assignment, a yield, or an
// expression evaluated for its effects.
void Lowerer::simple_statement(ts::Node node, std::vector<il::StmtId>& out) {
  auto type = node.type();
  if (type == "assignment") {
    assignment(node, out);
  } else if (type == "augmented_assignment") {
    static constexpr std::pair<std::string_view, il::Binary::Op> kOps[] = {
        {"+=", il::Binary::Op::Add},
        {"-=", il::Binary::Op::Subtract},
        {"*=", il::Binary::Op::Multiply},
        {"%=", il::Binary::Op::Modulo}};
    il::Binary::Op op = il::Binary::Op::Other;
    for (auto [text, kind] : kOps) {
      if (node.field("operator").text() == text) op = kind;
    }
    out.push_back(add_stmt(
        il::AugmentedAssign{pattern(node.field("left")), op, expr(node.field("right"))}, node));
  } else if (type == "yield") {
    yields_ = true;
    auto values = named_children(node);
    bool delegates = node.child_count() > 1 && node.child(1).type() == "from";
    il::ExprId value = values.empty() ? il::kNone : expr(values.front());
    out.push_back(add_stmt(il::Yield{value, delegates}, node));
  } else {
    out.push_back(add_stmt(il::ExpressionStatement{expr(node)}, node));
  }
}

// `a = b = value`, `a, *rest = value`, `x: T = value` (a bare `x: T` binds
// nothing).
void Lowerer::assignment(ts::Node node, std::vector<il::StmtId>& out) {
  il::Assign assign;
  auto current = node;
  while (current.type() == "assignment") {
    if (assign.targets.empty() && !current.field("type").is_null()) {
      assign.declares = true;
      assign.declared_type = squeezed(current.field("type").text());
    }
    assign.targets.push_back(pattern(current.field("left")));
    auto right = current.field("right");
    if (right.is_null()) return;  // `x: T`
    current = right;
  }
  if (current.type() == "yield") {
    // `x = yield v`: the yield, then x is what the caller sends in.
    simple_statement(current, out);
    assign.value = opaque(current, "the value sent into a generator", false);
  } else if (current.type() == "augmented_assignment") {
    simple_statement(current, out);
    assign.value = opaque(current, "an augmented assignment's value", false);
  } else {
    assign.value = expr(current);
  }
  out.push_back(add_stmt(std::move(assign), node));
}

il::StmtId Lowerer::if_statement(ts::Node node, std::uint32_t first_alternative) {
  // `if` then its elif/else clauses: an elif is an If in the else branch.
  il::If branch;
  std::vector<ts::Node> alternatives;
  for (std::uint32_t i = 0; i < node.child_count(); ++i) {
    auto child = node.child(i);
    if (child.type() == "elif_clause" || child.type() == "else_clause")
      alternatives.push_back(child);
  }
  ts::Node head = node;
  if (first_alternative > 0) head = alternatives[first_alternative - 1];
  branch.condition = condition(head.field("condition"));
  branch.then = block(head.field("consequence"));
  if (first_alternative < alternatives.size()) {
    auto next = alternatives[first_alternative];
    if (next.type() == "else_clause") {
      branch.otherwise = block(next.field("body"));
    } else {
      branch.otherwise.push_back(if_statement(node, first_alternative + 1));
    }
  }
  return add_stmt(std::move(branch), head);
}

il::StmtId Lowerer::loop(ts::Node node) {
  il::Loop loop;
  if (node.type() == "for_statement") {
    loop.kind = il::Loop::Kind::ForEach;
    loop.element = pattern(node.field("left"));
    loop.iterable = expr(node.field("right"));
  } else {
    loop.kind = il::Loop::Kind::While;
    loop.iterable = condition(node.field("condition"));
  }
  loop.body = block(node.field("body"));
  auto otherwise = node.field("alternative");
  if (!otherwise.is_null()) loop.otherwise = block(otherwise.field("body"));
  return add_stmt(std::move(loop), node);
}

namespace {

// The class names an `except` clause names: `E`, `mod.E`, `(A, B)`.
std::vector<std::string> handler_types(ts::Node value) {
  std::vector<std::string> types;
  if (value.is_null()) return types;
  if (value.type() == "tuple" || value.type() == "parenthesized_expression" ||
      value.type() == "expression_list") {
    for (auto item : named_children(value)) {
      auto inner = handler_types(item);
      types.insert(types.end(), inner.begin(), inner.end());
    }
    return types;
  }
  if (value.type() == "as_pattern") return handler_types(value.named_child(0));
  types.push_back(squeezed(value.text()));
  return types;
}

}  // namespace

il::StmtId Lowerer::try_statement(ts::Node node) {
  il::Try block_try;
  block_try.body = block(node.field("body"));
  for (auto child : named_children(node)) {
    auto type = child.type();
    if (type == "except_clause" || type == "except_group_clause") {
      il::Handler handler;
      handler.span = span(child);
      auto value = child.field("value");
      auto alias = child.field("alias");
      if (value.is_null()) {
        // Older grammars: `except E as e` as children.
        for (auto part : named_children(child)) {
          if (part.type() == "block") continue;
          if (part.type() == "as_pattern") {
            value = part.named_child(0);
            alias = part.field("alias");
          } else if (value.is_null()) {
            value = part;
          }
        }
      }
      if (value.type() == "as_pattern") {  // `except E as e` in some grammar versions
        alias = value.field("alias");
        value = value.named_child(0);
      }
      if (alias.type() == "as_pattern_target" && alias.named_child_count() == 1)
        alias = alias.named_child(0);
      handler.types = handler_types(value);
      if (!alias.is_null()) handler.name = squeezed(alias.text());
      for (auto part : named_children(child)) {
        if (part.type() == "block") handler.body = block(part);
      }
      // `except ImportError: Redis = object`: slotlint reads code as it runs
      // with its dependencies installed, so such a handler never runs, and
      // its fallbacks must not hide what the imports bind. Its own imports
      // are still the module's (lowered above), its statements are dropped.
      bool import_fallback =
          !handler.types.empty() && std::ranges::all_of(handler.types, [](const std::string& t) {
            return t == "ImportError" || t == "ModuleNotFoundError";
          });
      if (import_fallback) handler.body.clear();
      block_try.handlers.push_back(std::move(handler));
    } else if (type == "else_clause") {
      block_try.otherwise = block(child.field("body"));
    } else if (type == "finally_clause") {
      for (auto part : named_children(child)) {
        if (part.type() == "block") block_try.finally = block(part);
      }
    }
  }
  return add_stmt(std::move(block_try), node);
}

il::StmtId Lowerer::with_statement(ts::Node node) {
  il::With with;
  for (auto child : named_children(node)) {
    if (child.type() != "with_clause") continue;
    for (auto item : named_children(child)) {
      auto value = item.type() == "with_item" ? item.field("value") : item;
      il::WithItem lowered;
      if (value.type() == "as_pattern") {
        lowered.value = expr(value.named_child(0));
        auto target = value.field("alias");
        if (target.type() == "as_pattern_target" && target.named_child_count() == 1)
          target = target.named_child(0);
        lowered.target = pattern(target);
      } else {
        lowered.value = expr(value);
      }
      with.items.push_back(lowered);
    }
  }
  with.body = block(node.field("body"));
  return add_stmt(std::move(with), node);
}

// `match s: case P: ...` as a chain of branches on opaque tests: every case
// body runs on some path; what a pattern captures is not bound.
namespace {

// The names a case pattern binds: `a` in `[a, b]` or `{"k": a}`, `name` in
// `... as name`; not `Color.RED` (a value), `_` or a keyword's name.
std::vector<ts::Node> captures(ts::Node pattern) {
  std::vector<ts::Node> names;
  std::vector<ts::Node> stack{pattern};
  while (!stack.empty()) {
    auto node = stack.back();
    stack.pop_back();
    auto type = node.type();
    if (type == "dotted_name") {
      if (node.named_child_count() == 1 && node.named_child(0).type() == "identifier" &&
          node.text() != "_")
        names.push_back(node.named_child(0));
      continue;
    }
    auto children = node.named_children();
    if (type == "as_pattern" && !children.empty() && children.back().type() == "identifier") {
      names.push_back(children.back());
      children.pop_back();
    }
    if (type == "keyword_pattern" && !children.empty() && children.front().type() == "identifier")
      children.erase(children.begin());
    if (type == "class_pattern" && !children.empty()) children.erase(children.begin());
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return names;
}

}  // namespace

il::StmtId Lowerer::match_statement(ts::Node node) {
  std::vector<ts::Node> cases;
  for (auto child : named_children(node.field("body"))) {
    if (child.type() == "case_clause") cases.push_back(child);
  }
  il::ExprId subject = expr(node.field("subject"));
  std::vector<il::StmtId> rest;
  for (auto it = cases.rbegin(); it != cases.rend(); ++it) {
    il::If branch;
    il::Opaque test{"a case pattern", {}};
    if (it + 1 == cases.rend()) test.children.push_back(subject);
    branch.condition = add(std::move(test), *it);
    for (auto part : named_children(*it)) {
      if (part.type() == "block") {
        auto body = block(part);
        branch.then.insert(branch.then.end(), body.begin(), body.end());
      } else if (part.type() == "case_pattern") {
        // What the pattern captures is bound, to a value nothing is known of.
        for (auto name : captures(part)) {
          il::Assign assign;
          assign.targets.push_back(add_pattern(il::NamePattern{std::string(name.text())}, name));
          assign.value = add(il::Opaque{"what a case pattern captures", {}}, name);
          branch.then.push_back(add_stmt(std::move(assign), name));
        }
      }
    }
    branch.otherwise = std::move(rest);
    rest = {add_stmt(std::move(branch), *it)};
  }
  if (rest.empty()) return add_stmt(il::ExpressionStatement{subject}, node);
  return rest.front();
}

// ---- imports ----------------------------------------------------------------

void Lowerer::import(ts::Node node) {
  if (node.type() == "import_statement") {
    for (auto name : named_children(node)) {
      il::Import import;
      import.span = span(name);
      if (name.type() == "aliased_import") {
        import.module = squeezed(name.field("name").text());
        import.alias = squeezed(name.field("alias").text());
      } else {
        // `import a.b` binds `a`: `a.b.X` reads on from there.
        auto dotted = squeezed(name.text());
        import.module = dotted.substr(0, dotted.find('.'));
        import.alias = import.module;
      }
      module_.imports.push_back(std::move(import));
    }
    return;
  }
  il::Import import;
  import.span = span(node);
  auto module_name = node.field("module_name");
  import.module = squeezed(module_name.text());
  for (std::uint32_t i = 0; i < node.child_count(); ++i) {
    auto child = node.child(i);
    if (child == module_name) continue;
    if (child.type() == "wildcard_import") {
      import.everything = true;
    } else if (child.type() == "aliased_import") {
      import.names.emplace_back(squeezed(child.field("name").text()),
                                squeezed(child.field("alias").text()));
    } else if (child.type() == "dotted_name") {
      auto name = squeezed(child.text());
      import.names.emplace_back(name, name);
    }
  }
  module_.imports.push_back(std::move(import));
}

// ---- declarations -----------------------------------------------------------

void Lowerer::parameters(ts::Node list, il::Function& function, bool drop_receiver) {
  bool keyword_only = false;
  bool receiver_dropped = !drop_receiver;
  for (auto param : named_children(list)) {
    auto type = param.type();
    il::Parameter lowered;
    lowered.span = span(param);
    lowered.kind =
        keyword_only ? il::Parameter::Kind::KeywordOnly : il::Parameter::Kind::Positional;
    ts::Node name = param;
    if (type == "keyword_separator") {
      keyword_only = true;
      continue;
    }
    if (type == "positional_separator") continue;
    if (type == "typed_parameter") {
      lowered.declared_type = squeezed(param.field("type").text());
      name = param.named_child(0);
    } else if (type == "default_parameter" || type == "typed_default_parameter") {
      if (!param.field("type").is_null())
        lowered.declared_type = squeezed(param.field("type").text());
      lowered.default_value = expr(param.field("value"));
      name = param.field("name");
    }
    if (name.type() == "list_splat_pattern") {
      lowered.kind = il::Parameter::Kind::VarArgs;
      keyword_only = true;
      name = name.named_child(0);
    } else if (name.type() == "dictionary_splat_pattern") {
      lowered.kind = il::Parameter::Kind::KeywordArgs;
      name = name.named_child(0);
    }
    if (name.type() == "tuple_pattern") {
      lowered.pattern = pattern(name);
    } else {
      lowered.name = squeezed(name.text());
    }
    if (!receiver_dropped && lowered.kind == il::Parameter::Kind::Positional) {
      receiver_dropped = true;
      function.receiver = lowered.name;
      continue;
    }
    function.params.push_back(std::move(lowered));
  }
}

il::FunctionId Lowerer::function(ts::Node definition, ts::Node decorated, il::ClassId owner) {
  il::Function f;
  std::vector<std::string> decorators;
  if (!decorated.is_null()) {
    // Lowered in the enclosing scope, where Python evaluates them.
    for (auto child : named_children(decorated)) {
      if (child.type() != "decorator") continue;
      auto text = squeezed(child.text());
      if (text.starts_with('@')) text.erase(0, 1);
      decorators.push_back(std::move(text));
      auto value = named_children(child);
      f.decorator_values.push_back(value.empty() ? il::kNone : expr(value.front()));
    }
  }
  f.name = std::string(definition.field("name").text());
  f.span = span(definition);
  f.enclosing = current_;
  f.owner = owner;
  f.is_async = definition.child_count() > 0 && definition.child(0).type() == "async";
  auto has = [&](std::string_view name) {
    for (const auto& d : decorators) {
      if (d == name || d.ends_with("." + std::string(name))) return true;
    }
    return false;
  };
  bool drop_receiver = false;
  if (owner == il::kNone) {
    f.kind = il::Function::Kind::Function;
  } else if (has("staticmethod")) {
    f.kind = il::Function::Kind::StaticMethod;
  } else if (has("classmethod")) {
    f.kind = il::Function::Kind::ClassMethod;
    drop_receiver = true;
  } else {
    drop_receiver = true;
    bool getter = false;
    for (const auto& d : decorators) getter = getter || d.ends_with("property");
    f.kind = f.name == "__init__" ? il::Function::Kind::Constructor
             : getter             ? il::Function::Kind::Getter
                                  : il::Function::Kind::Method;
  }
  f.decorators = std::move(decorators);
  auto id = module_.add(std::move(f));
  // The body is lowered with this function current (closures, yields).
  const auto outer = current_;
  const bool outer_yields = yields_;
  current_ = id;
  yields_ = false;
  il::Function params_holder;
  parameters(definition.field("parameters"), params_holder, drop_receiver);
  auto body = block(definition.field("body"));
  auto& lowered = module_.functions[id];
  lowered.params = std::move(params_holder.params);
  lowered.receiver = std::move(params_holder.receiver);
  lowered.body = std::move(body);
  lowered.is_generator = yields_;
  current_ = outer;
  yields_ = outer_yields;
  return id;
}

il::ClassId Lowerer::class_definition(ts::Node definition) {
  il::Class c;
  c.name = std::string(definition.field("name").text());
  c.span = span(definition);
  c.enclosing = current_ == module_.body ? il::kNone : current_;
  auto id = module_.add(std::move(c));
  std::vector<il::ExprId> bases;
  for (auto base : named_children(definition.field("superclasses"))) {
    if (base.type() == "keyword_argument") continue;  // metaclass=...
    bases.push_back(expr(base));
  }
  module_.classes[id].bases = std::move(bases);
  for (auto member : named_children(definition.field("body"))) {
    auto type = member.type();
    ts::Node decorated;
    auto definition_node = member;
    if (type == "decorated_definition") {
      decorated = member;
      definition_node = member.field("definition");
    }
    if (definition_node.type() == "function_definition") {
      auto method = function(definition_node, decorated, id);
      module_.classes[id].methods.push_back(method);
      continue;
    }
    if (type != "expression_statement") continue;  // nested classes, control flow: not kept
    for (auto statement_node : named_children(member)) {
      if (statement_node.type() != "assignment") continue;
      auto left = statement_node.field("left");
      if (left.type() != "identifier") continue;
      il::Field field;
      field.name = std::string(left.text());
      field.is_static = true;  // a class attribute; instances see it too
      field.span = span(statement_node);
      if (!statement_node.field("type").is_null())
        field.declared_type = squeezed(statement_node.field("type").text());
      auto right = statement_node.field("right");
      if (!right.is_null()) field.initializer = expr(right);
      module_.classes[id].fields.push_back(std::move(field));
    }
  }
  return id;
}

}  // namespace lowering
}  // namespace slotlint::python
