// The program IL: what every tree-sitter lowering turns one source file into,
// and all the value-flow engine (analyzer/engine/) reads.
//
// Design: a module is a set of arenas (expressions, statements, patterns,
// functions, classes) addressed by 32-bit ids, so nodes are cheap to copy and
// refer to, and a whole module can be cached and shared between threads once
// built (it is immutable after lowering). Every node keeps its source span. The
// IL knows languages only through data a lowering fills in (operator kinds,
// declared type text, decorator names); it knows no client library and no slot.
//
// What a lowering must do (and what it must not):
// - Decode string syntax: escapes, implicit concatenation, f-strings, template
//   literals, and format calls whose format is a literal (`"%s:%d" % (a, b)`,
//   `"{}:{}".format(a, b)`, `fmt.Sprintf`, `String.format`) become `Template`s,
//   each literal piece saying whether its bytes map one to one onto the source
//   and how braces are escaped there (so a fix can edit the literal in place).
// - Lower anything it does not understand to `Opaque` with a reason and the
//   child expressions it could still see (calls inside are still evaluated).
// - Keep `await`, parentheses, TypeScript `!`/`as` and similar wrappers out:
//   they are not values. A cast that matters for typing is a `Cast`.
// - Never resolve names: the engine does (a name reassigned is a new value).
//
// Invariants: ids index into the module's own arenas; kNone marks an absent
// expression/pattern; a function's body statements and a class's members are in
// source order; module-level code is the body of `Module::body` (a function of
// kind ModuleBody).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "analyzer/ir/key_expr.h"
#include "analyzer/ir/source_span.h"

namespace slotlint::il {

using ExprId = std::uint32_t;
using StmtId = std::uint32_t;
using PatternId = std::uint32_t;
using FunctionId = std::uint32_t;
using ClassId = std::uint32_t;
inline constexpr std::uint32_t kNone = 0xffffffffu;

// ---- expressions ---------------------------------------------------------

struct StringLiteral {
  std::string text;             // decoded bytes
  bool maps_to_source = false;  // text[i] is the source byte at span.begin + i
  ir::BraceEscaping escaping = ir::BraceEscaping::None;
};

struct NumberLiteral {
  std::string text;                   // as written
  std::optional<std::int64_t> value;  // when it is an integer that fits
};

struct Constant {
  enum class Kind : std::uint8_t { True, False, Null } kind{};
};

struct Name {
  std::string name;
};

struct Attribute {
  ExprId object = kNone;
  std::string name;
  ir::SourceSpan name_span;
};

struct Index {
  ExprId object = kNone;
  ExprId index = kNone;
};

struct Argument {
  enum class Kind : std::uint8_t { Positional, Keyword, Spread, KeywordSpread } kind{};
  std::string keyword;  // Keyword only
  ExprId value = kNone;
};

// A call; a method call has an Attribute as its callee.
struct Call {
  ExprId callee = kNone;
  std::vector<Argument> args;
  bool constructs = false;  // `new X(...)` (Java, JavaScript)
};

// A string built from pieces: f-strings, template literals, and format calls
// whose format is a literal, decoded by the lowering.
struct TemplatePart {
  std::string literal;      // when value == kNone
  ExprId value = kNone;     // an interpolated expression
  std::string format_spec;  // "{x:>8}" gives ">8"; "%05d" gives "05d"
  ir::SourceSpan span;      // of the literal piece or of the field
  bool maps_to_source = false;
};
struct Template {
  std::vector<TemplatePart> parts;
  ir::BraceEscaping escaping = ir::BraceEscaping::None;
  bool fields_in_literal = false;  // fields sit inside one string literal (f-string, `${}`)
};

struct Binary {
  enum class Op : std::uint8_t {
    Add,
    Subtract,
    Multiply,
    Divide,  // also a path join (Python's `Path(p) / "x"`)
    Modulo,
    And,
    Or,
    Equal,
    NotEqual,
    Other
  };
  Op op = Op::Other;
  ExprId left = kNone;
  ExprId right = kNone;
};

// A condition the engine can use to refine values on a branch.
struct Test {
  enum class Kind : std::uint8_t { IsNull, IsNotNull, InstanceOf, NotInstanceOf, Truthy, Falsy };
  Kind kind = Kind::Truthy;
  ExprId subject = kNone;
  std::string type;  // InstanceOf: the type as written

  // The test that holds when this one does not (`not t`, `!t`).
  [[nodiscard]] Test negated() const {
    static constexpr std::pair<Kind, Kind> kNegations[] = {{Kind::IsNull, Kind::IsNotNull},
                                                           {Kind::IsNotNull, Kind::IsNull},
                                                           {Kind::InstanceOf, Kind::NotInstanceOf},
                                                           {Kind::NotInstanceOf, Kind::InstanceOf},
                                                           {Kind::Truthy, Kind::Falsy},
                                                           {Kind::Falsy, Kind::Truthy}};
    Test out = *this;
    for (auto [from, to] : kNegations) {
      if (kind == from) out.kind = to;
    }
    return out;
  }
};

struct SequenceLiteral {
  enum class Kind : std::uint8_t { List, Tuple, Set } kind = Kind::List;
  std::vector<ExprId> items;
  std::vector<bool> spread;  // parallel to items: `*xs`, `...xs`
};

struct MapLiteral {
  std::vector<std::pair<ExprId, ExprId>> entries;  // key, value
  std::vector<ExprId> spreads;                     // `**other`, `...other`
};

struct LoopClause {
  PatternId target = kNone;
  ExprId iterable = kNone;
  std::vector<ExprId> conditions;
};
struct Comprehension {
  enum class Kind : std::uint8_t { Sequence, Map, Generator } kind = Kind::Sequence;
  ExprId element = kNone;  // the value (Map: the value)
  ExprId key = kNone;      // Map only
  std::vector<LoopClause> clauses;
};

struct Lambda {
  FunctionId function = kNone;
};

struct Cast {
  ExprId value = kNone;
  std::string type;
};

struct Conditional {
  ExprId condition = kNone;
  ExprId then = kNone;
  ExprId otherwise = kNone;
};

// An assignment inside an expression (`(k := f())`, JS `(x = f())`): binds
// the target and gives the value.
struct AssignExpression {
  PatternId target = kNone;
  ExprId value = kNone;
};

// What the lowering could not express; its children are still evaluated.
struct Opaque {
  std::string reason;
  std::vector<ExprId> children;
};

using ExprKind = std::variant<StringLiteral, NumberLiteral, Constant, Name, Attribute, Index, Call,
                              Template, Binary, Test, SequenceLiteral, MapLiteral, Comprehension,
                              Lambda, Cast, Conditional, AssignExpression, Opaque>;

struct Expr {
  ExprKind kind;
  ir::SourceSpan span;
};

// ---- patterns (assignment targets, loop variables, parameters) ------------

struct NamePattern {
  std::string name;
};
struct AttributePattern {
  ExprId object = kNone;
  std::string name;
};
struct IndexPattern {
  ExprId object = kNone;
  ExprId index = kNone;
};
// `a, *rest, b = xs`; `[a, b] = xs`.
struct SequencePattern {
  std::vector<PatternId> items;
  std::uint32_t rest = kNone;  // index into items of the starred one
};
// `{a, b: c, ...rest} = obj` (JavaScript); keys are property names.
struct MapPattern {
  std::vector<std::pair<std::string, PatternId>> entries;
  PatternId rest = kNone;
};
struct IgnorePattern {};

using PatternKind = std::variant<NamePattern, AttributePattern, IndexPattern, SequencePattern,
                                 MapPattern, IgnorePattern>;
struct Pattern {
  PatternKind kind;
  ir::SourceSpan span;
  ExprId default_value = kNone;  // `{a = 1} = obj`, `[a = 1] = xs`
};

// ---- statements ----------------------------------------------------------

struct Assign {
  std::vector<PatternId> targets;  // `a = b = v`
  ExprId value = kNone;            // kNone: a declaration without a value
  bool declares = false;           // `let`/`const`/`var`/`:=`/a typed declaration
  std::string declared_type;       // `Jedis j = ...`, `x: Redis = ...`
};

struct AugmentedAssign {
  PatternId target = kNone;
  Binary::Op op = Binary::Op::Add;
  ExprId value = kNone;
};

struct ExpressionStatement {
  ExprId value = kNone;
};

struct If {
  ExprId condition = kNone;
  std::vector<StmtId> then;
  std::vector<StmtId> otherwise;
};

struct Loop {
  enum class Kind : std::uint8_t { ForEach, While } kind = Kind::ForEach;
  PatternId element = kNone;  // ForEach: what each iteration binds
  ExprId iterable = kNone;    // ForEach: what it iterates; While: the condition
  std::vector<StmtId> body;
  std::vector<StmtId> otherwise;  // Python's `else:` of a loop
};

struct Handler {
  std::vector<std::string> types;  // as written; empty: catches everything
  std::string name;                // `except E as name`, `catch (E name)`
  std::vector<StmtId> body;
  ir::SourceSpan span;
};
struct Try {
  std::vector<StmtId> body;
  std::vector<Handler> handlers;
  std::vector<StmtId> otherwise;  // Python's `else:`
  std::vector<StmtId> finally;
};

struct WithItem {
  ExprId value = kNone;
  PatternId target = kNone;
};
struct With {
  std::vector<WithItem> items;
  std::vector<StmtId> body;
};

struct Return {
  ExprId value = kNone;
};
struct Yield {
  ExprId value = kNone;
  bool delegates = false;  // `yield from`, `yield*`
};
struct Raise {
  ExprId value = kNone;  // kNone: re-raise the error being handled
};
struct Break {};
struct Continue {};
// A function or class defined inside a function binds its name there.
struct LocalFunction {
  FunctionId function = kNone;
};
struct LocalClass {
  ClassId cls = kNone;
};

using StmtKind = std::variant<Assign, AugmentedAssign, ExpressionStatement, If, Loop, Try, With,
                              Return, Yield, Raise, Break, Continue, LocalFunction, LocalClass>;
struct Stmt {
  StmtKind kind;
  ir::SourceSpan span;
};

// ---- declarations --------------------------------------------------------

struct Parameter {
  enum class Kind : std::uint8_t { Positional, KeywordOnly, VarArgs, KeywordArgs } kind{};
  std::string name;
  std::string declared_type;  // as written, imports not resolved
  ExprId default_value = kNone;
  PatternId pattern = kNone;  // a destructured parameter (`({a, b}) => ...`)
  ir::SourceSpan span;
};

struct Function {
  enum class Kind : std::uint8_t {
    Function,
    Method,
    StaticMethod,
    ClassMethod,
    Constructor,
    Getter,
    ModuleBody
  };
  Kind kind = Kind::Function;
  std::string name;               // empty for lambdas
  std::vector<Parameter> params;  // methods: without the receiver (self/this)
  // Methods: the name the body gives the receiver ("self", "this", Go's `s`).
  std::string receiver;
  std::vector<StmtId> body;
  // An expression body (a lambda, an arrow function without braces).
  ExprId expression_body = kNone;
  std::vector<std::string> decorators;  // as written: "contextmanager", "property"
  // The same decorators as expressions (parallel to `decorators`), evaluated
  // nowhere: the engine reads what they name and pass (`pytest.fixture(name=
  // "db")`, `mock.patch("app.r")`) with the enclosing module's imports.
  std::vector<ExprId> decorator_values;
  bool is_async = false;
  bool is_generator = false;
  FunctionId enclosing = kNone;  // the function it closes over
  ClassId owner = kNone;         // methods
  ir::SourceSpan span;
};

struct Field {
  std::string name;
  ExprId initializer = kNone;
  std::string declared_type;
  bool is_static = false;
  ir::SourceSpan span;
};

struct Class {
  std::string name;
  std::vector<ExprId> bases;  // as expressions (Name, Attribute)
  std::vector<Field> fields;
  std::vector<FunctionId> methods;
  FunctionId enclosing = kNone;  // a class defined inside a function
  ir::SourceSpan span;
};

// `import a.b as c`, `from ..x import y as z`, `import {y as z} from "./x"`,
// `const {y} = require("./x")` (lowered to an import), Go `import c "a/b"`.
struct Import {
  std::string module;  // as written: "a.b", "..x", "./x", "github.com/a/b"
  std::vector<std::pair<std::string, std::string>> names;  // imported, bound as
  std::string alias;        // the name the module itself is bound to, if any
  bool everything = false;  // `from x import *`, `export * from`
  ir::SourceSpan span;
};

struct Module {
  std::string path;      // as reported (relative to the root)
  std::string language;  // the language row's name
  std::vector<Import> imports;
  std::vector<std::string> exports;  // names another module may import; empty: all top-level
  // The global the language gives a module's own path (`__file__`); empty: none.
  std::string path_global;
  FunctionId body = kNone;  // the module-level code
  std::vector<Expr> exprs;
  std::vector<Stmt> stmts;
  std::vector<Pattern> patterns;
  std::vector<Function> functions;
  std::vector<Class> classes;

  ExprId add(Expr expr) {
    exprs.push_back(std::move(expr));
    return static_cast<ExprId>(exprs.size() - 1);
  }
  StmtId add(Stmt stmt) {
    stmts.push_back(std::move(stmt));
    return static_cast<StmtId>(stmts.size() - 1);
  }
  PatternId add(Pattern pattern) {
    patterns.push_back(std::move(pattern));
    return static_cast<PatternId>(patterns.size() - 1);
  }
  FunctionId add(Function function) {
    functions.push_back(std::move(function));
    return static_cast<FunctionId>(functions.size() - 1);
  }
  ClassId add(Class cls) {
    classes.push_back(std::move(cls));
    return static_cast<ClassId>(classes.size() - 1);
  }
};

}  // namespace slotlint::il
