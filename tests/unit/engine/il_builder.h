// Builds IL modules in tests, as a lowering would, without any language.
// Every node gets its own span (file 0, ten bytes apart), so values made at
// different places differ.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/engine/engine.h"
#include "analyzer/il/il.h"

namespace slotlint::engine::test {

using il::ExprId;
using il::FunctionId;
using il::PatternId;
using il::StmtId;

struct Arg {
  il::Argument::Kind kind = il::Argument::Kind::Positional;
  std::string keyword;
  ExprId value = il::kNone;
  Arg(ExprId v) : value(v) {}  // NOLINT(google-explicit-constructor): positional by default
  Arg(il::Argument::Kind k, std::string w, ExprId v) : kind(k), keyword(std::move(w)), value(v) {}
};
inline Arg keyword(std::string name, ExprId value) {
  return {il::Argument::Kind::Keyword, std::move(name), value};
}
inline Arg spread(ExprId value) { return {il::Argument::Kind::Spread, {}, value}; }

// A template part: a literal piece or a field.
struct Part {
  std::string literal;
  ExprId value = il::kNone;
  std::string spec;
};
inline Part lit(std::string text) { return {std::move(text), il::kNone, {}}; }
inline Part field(ExprId value, std::string spec = {}) { return {{}, value, std::move(spec)}; }

class ModuleBuilder {
 public:
  explicit ModuleBuilder(std::string path, std::string language = "python") {
    m.path = std::move(path);
    m.language = std::move(language);
    il::Function body;
    body.kind = il::Function::Kind::ModuleBody;
    m.body = m.add(std::move(body));
  }

  ir::SourceSpan span() {
    next_ += 10;
    return {0, next_, next_ + 5};
  }

  // expressions
  ExprId str(std::string text) {
    return m.add(
        il::Expr{il::StringLiteral{std::move(text), true, ir::BraceEscaping::None}, span()});
  }
  ExprId num(std::int64_t value) {
    return m.add(il::Expr{il::NumberLiteral{std::to_string(value), value}, span()});
  }
  ExprId none() { return m.add(il::Expr{il::Constant{il::Constant::Kind::Null}, span()}); }
  ExprId truth() { return m.add(il::Expr{il::Constant{il::Constant::Kind::True}, span()}); }
  ExprId name(std::string n) { return m.add(il::Expr{il::Name{std::move(n)}, span()}); }
  ExprId attr(ExprId object, std::string n) {
    return m.add(il::Expr{il::Attribute{object, std::move(n), span()}, span()});
  }
  ExprId index(ExprId object, ExprId i) { return m.add(il::Expr{il::Index{object, i}, span()}); }
  ExprId call(ExprId callee, std::vector<Arg> args = {}) {
    il::Call c;
    c.callee = callee;
    for (auto& a : args) c.args.push_back({a.kind, a.keyword, a.value});
    return m.add(il::Expr{std::move(c), span()});
  }
  // `object.method(args)`
  ExprId mcall(ExprId object, std::string method, std::vector<Arg> args = {}) {
    return call(attr(object, std::move(method)), std::move(args));
  }
  ExprId fstring(std::vector<Part> parts) {
    il::Template t;
    t.fields_in_literal = true;
    for (auto& p : parts) {
      il::TemplatePart part;
      part.literal = p.literal;
      part.value = p.value;
      part.format_spec = p.spec;
      part.span = span();
      part.maps_to_source = p.value == il::kNone;
      t.parts.push_back(std::move(part));
    }
    return m.add(il::Expr{std::move(t), span()});
  }
  ExprId binary(il::Binary::Op op, ExprId left, ExprId right) {
    return m.add(il::Expr{il::Binary{op, left, right}, span()});
  }
  ExprId plus(ExprId left, ExprId right) { return binary(il::Binary::Op::Add, left, right); }
  ExprId test(il::Test::Kind kind, ExprId subject, std::string type = {}) {
    return m.add(il::Expr{il::Test{kind, subject, std::move(type)}, span()});
  }
  ExprId list(std::vector<ExprId> items) {
    il::SequenceLiteral s;
    s.spread.assign(items.size(), false);
    s.items = std::move(items);
    return m.add(il::Expr{std::move(s), span()});
  }
  ExprId dict(std::vector<std::pair<ExprId, ExprId>> entries) {
    il::MapLiteral map;
    map.entries = std::move(entries);
    return m.add(il::Expr{std::move(map), span()});
  }
  ExprId conditional(ExprId c, ExprId a, ExprId b) {
    return m.add(il::Expr{il::Conditional{c, a, b}, span()});
  }
  ExprId opaque(std::string reason, std::vector<ExprId> children = {}) {
    return m.add(il::Expr{il::Opaque{std::move(reason), std::move(children)}, span()});
  }
  ExprId yield_(ExprId value) { return m.add(il::Stmt{il::Yield{value, false}, span()}); }
  ExprId comprehension(ExprId element, PatternId target, ExprId iterable) {
    il::Comprehension c;
    c.element = element;
    c.clauses.push_back({target, iterable, {}});
    return m.add(il::Expr{std::move(c), span()});
  }

  // patterns
  PatternId pname(std::string n) {
    return m.add(il::Pattern{il::NamePattern{std::move(n)}, span()});
  }
  PatternId pattr(ExprId object, std::string n) {
    return m.add(il::Pattern{il::AttributePattern{object, std::move(n)}, span()});
  }
  PatternId pseq(std::vector<PatternId> items) {
    return m.add(il::Pattern{il::SequencePattern{std::move(items), il::kNone}, span()});
  }

  // statements
  StmtId assign(PatternId target, ExprId value) {
    return m.add(il::Stmt{il::Assign{{target}, value, false, {}}, span()});
  }
  StmtId assign(std::string n, ExprId value) { return assign(pname(std::move(n)), value); }
  StmtId augment(std::string n, ExprId value) {
    return m.add(
        il::Stmt{il::AugmentedAssign{pname(std::move(n)), il::Binary::Op::Add, value}, span()});
  }
  StmtId expr(ExprId value) { return m.add(il::Stmt{il::ExpressionStatement{value}, span()}); }
  StmtId ret(ExprId value) { return m.add(il::Stmt{il::Return{value}, span()}); }
  StmtId if_(ExprId condition, std::vector<StmtId> then, std::vector<StmtId> otherwise = {}) {
    return m.add(il::Stmt{il::If{condition, std::move(then), std::move(otherwise)}, span()});
  }
  StmtId for_(PatternId element, ExprId iterable, std::vector<StmtId> body) {
    il::Loop loop;
    loop.element = element;
    loop.iterable = iterable;
    loop.body = std::move(body);
    return m.add(il::Stmt{std::move(loop), span()});
  }
  StmtId while_(ExprId condition, std::vector<StmtId> body) {
    il::Loop loop;
    loop.kind = il::Loop::Kind::While;
    loop.iterable = condition;
    loop.body = std::move(body);
    return m.add(il::Stmt{std::move(loop), span()});
  }
  StmtId try_(std::vector<StmtId> body, std::vector<std::string> types,
              std::vector<StmtId> handler = {}) {
    il::Try t;
    t.body = std::move(body);
    t.handlers.push_back({std::move(types), {}, std::move(handler), span()});
    return m.add(il::Stmt{std::move(t), span()});
  }
  StmtId with_(ExprId value, PatternId target, std::vector<StmtId> body) {
    il::With w;
    w.items.push_back({value, target});
    w.body = std::move(body);
    return m.add(il::Stmt{std::move(w), span()});
  }
  StmtId local_function(FunctionId f) { return m.add(il::Stmt{il::LocalFunction{f}, span()}); }

  // declarations
  FunctionId function(std::string n, std::vector<std::string> params, std::vector<StmtId> body,
                      il::Function::Kind kind = il::Function::Kind::Function) {
    il::Function f;
    f.kind = kind;
    f.name = std::move(n);
    for (auto& p : params) {
      il::Parameter param;
      param.name = std::move(p);
      param.span = span();
      f.params.push_back(std::move(param));
    }
    f.body = std::move(body);
    f.span = span();
    return m.add(std::move(f));
  }
  // A method of `cls`, receiver `self`.
  FunctionId method(il::ClassId cls, std::string n, std::vector<std::string> params,
                    std::vector<StmtId> body,
                    il::Function::Kind kind = il::Function::Kind::Method) {
    auto id = function(std::move(n), std::move(params), std::move(body), kind);
    m.functions[id].owner = cls;
    m.functions[id].receiver = "self";
    m.classes[cls].methods.push_back(id);
    return id;
  }
  il::ClassId cls(std::string n) {
    il::Class c;
    c.name = std::move(n);
    c.span = span();
    return m.add(std::move(c));
  }
  void body(std::vector<StmtId> stmts) { m.functions[m.body].body = std::move(stmts); }
  void import(std::string module, std::vector<std::pair<std::string, std::string>> names,
              std::string alias = {}) {
    m.imports.push_back({std::move(module), std::move(names), std::move(alias), false, span()});
  }

  il::Module m;

 private:
  std::uint32_t next_ = 0;
};

class TestProgram : public Program {
 public:
  ModuleId add(il::Module module) {
    modules_.push_back(std::move(module));
    return static_cast<ModuleId>(modules_.size() - 1);
  }
  [[nodiscard]] const il::Module& module(ModuleId id) const override { return modules_.at(id); }
  [[nodiscard]] std::optional<ModuleId> resolve_import(ModuleId /*from*/,
                                                       const il::Import& import) const override {
    for (ModuleId id = 0; id < modules_.size(); ++id) {
      if (modules_[id].path == import.module) return id;
    }
    return std::nullopt;
  }

 private:
  std::vector<il::Module> modules_;
};

// A host that knows `redis.Redis(...)` (a client), `pipeline()` (a batch made
// where it is called), `register_script(body)` (a script), and logs the rest.
class TestHost : public Host {
 public:
  std::optional<Value> construct(const ConstructCall& call) override {
    if (call.qualified_name != "redis.Redis") return std::nullopt;
    return Value::client({"redis-py", "Redis", call.site.id(), std::nullopt, {}});
  }
  Value call_result(const ClientCall& call) override {
    ++results;
    if (call.method == "pipeline") {
      return Value::batch(
          {BatchData::Kind::Transaction, call.site.id(), {call.receiver}, call.site.span});
    }
    if (call.method == "register_script") {
      Value body = call.args.empty() ? Value::unknown("no body") : call.args.front().value;
      return Value::script({{body}, std::nullopt, call.site.id(), {}, {}});
    }
    return Value::unknown("the reply of " + call.method);
  }
  // The modules whose calls the host is not handed when another is analysed.
  std::set<ModuleId> analysed_on_their_own;
  [[nodiscard]] bool wants_calls_made_in(ModuleId module) const override {
    return !analysed_on_their_own.contains(module);
  }
  void emit(const ClientCall& call) override {
    // Constructions are kept apart: the tests count the commands.
    if (call.method == kConstructed) {
      constructions.push_back(call);
      return;
    }
    emitted.push_back(call);
    std::string line = call.method + "(";
    for (const auto& arg : call.args) line += arg.value.signature() + ",";
    line += ") on " + call.receiver.signature() + " via";
    for (const auto& site : call.via) line += " " + site.id();
    for (const auto& handler : call.handlers) {
      for (const auto& type : handler.types) line += " catch " + type;
    }
    log.push_back(std::move(line));
  }
  // `transaction(func)` calls func with a pipeline made there.
  std::vector<Callback> callbacks(const ClientCall& call) override {
    if (call.method != "transaction") return {};
    return {
        {0,
         {},
         {Value::batch(
             {BatchData::Kind::Transaction, call.site.id(), {call.receiver}, call.site.span})}}};
  }
  void note(const Note& note) override { notes.push_back(note); }
  std::vector<ClientCall> constructions;
  std::optional<FileText> read_file(const ir::KeyExpr& path, const CallSite& /*from*/) override {
    auto found = files.find(path.literal_text());
    if (found == files.end()) return std::nullopt;
    return FileText{found->second, found->first};
  }

  std::map<std::string, std::string> files;
  std::optional<std::vector<std::string>> list_directory(const ir::KeyExpr& path,
                                                         const CallSite& /*from*/) override {
    auto found = folders.find(path.literal_text());
    if (found == folders.end()) return std::nullopt;
    return found->second;
  }
  std::map<std::string, std::vector<std::string>> folders;

  std::vector<ClientCall> emitted;
  std::vector<std::string> log;
  std::vector<Note> notes;
  std::size_t results = 0;
};

}  // namespace slotlint::engine::test
