// The Python lowering, construct by construct: the IL it gives and the spans
// it keeps.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/python_test_support.h"

namespace slotlint::python::test {
namespace {

// The expression of kind T whose span covers exactly `text` in `source`.
template <typename T>
const T* find(const il::Module& m, std::string_view source, std::string_view text,
              il::ExprId* id = nullptr) {
  for (il::ExprId i = 0; i < m.exprs.size(); ++i) {
    const auto* kind = std::get_if<T>(&m.exprs[i].kind);
    if (kind != nullptr && text_at(source, m.exprs[i].span) == text) {
      if (id != nullptr) *id = i;
      return kind;
    }
  }
  return nullptr;
}

template <typename T>
const T* stmt(const il::Module& m, il::StmtId id) {
  return std::get_if<T>(&m.stmts.at(id).kind);
}

const il::Function* function(const il::Module& m, std::string_view name) {
  auto found = std::ranges::find(m.functions, name, &il::Function::name);
  return found == m.functions.end() ? nullptr : &*found;
}

const std::vector<il::StmtId>& body(const il::Module& m) { return m.functions[m.body].body; }

std::string literal_text(const il::Module& m, il::ExprId id) {
  std::string out;
  for (const auto& part : std::get<il::Template>(m.exprs[id].kind).parts) out += part.literal;
  return out;
}

TEST(PythonLowering, ImportsKeepModulesAliasesAndNames) {
  auto m = lower_source(
      "import redis\n"
      "import redis.cluster\n"
      "import app.keys as keys\n"
      "from .helpers import make_key as mk, other\n"
      "from ..pkg import *\n");
  ASSERT_EQ(m.imports.size(), 5u);
  EXPECT_EQ(m.imports[0].module, "redis");
  EXPECT_EQ(m.imports[0].alias, "redis");
  // `import a.b` binds `a`.
  EXPECT_EQ(m.imports[1].module, "redis");
  EXPECT_EQ(m.imports[1].alias, "redis");
  EXPECT_EQ(m.imports[2].module, "app.keys");
  EXPECT_EQ(m.imports[2].alias, "keys");
  EXPECT_EQ(m.imports[3].module, ".helpers");
  ASSERT_EQ(m.imports[3].names.size(), 2u);
  EXPECT_EQ(m.imports[3].names[0], (std::pair<std::string, std::string>{"make_key", "mk"}));
  EXPECT_EQ(m.imports[3].names[1], (std::pair<std::string, std::string>{"other", "other"}));
  EXPECT_EQ(m.imports[4].module, "..pkg");
  EXPECT_TRUE(m.imports[4].everything);
}

TEST(PythonLowering, FunctionParametersDefaultsAnnotationsAndDecorators) {
  std::string source =
      "@functools.lru_cache(1)\n"
      "async def f(a, b=1, *args, c, d: int = 2, e: 'Redis', **kw) -> str:\n"
      "    yield a\n";
  auto m = lower_source(source);
  const auto* f = function(m, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->is_async);
  EXPECT_TRUE(f->is_generator);
  ASSERT_EQ(f->decorators.size(), 1u);
  EXPECT_EQ(f->decorators[0], "functools.lru_cache(1)");
  // ... and as an expression, for the engine to read what it names.
  ASSERT_EQ(f->decorator_values.size(), 1u);
  ASSERT_NE(f->decorator_values[0], il::kNone);
  EXPECT_TRUE(std::holds_alternative<il::Call>(m.exprs[f->decorator_values[0]].kind));
  EXPECT_EQ(text_at(source, m.exprs[f->decorator_values[0]].span), "functools.lru_cache(1)");
  ASSERT_EQ(f->params.size(), 7u);
  using K = il::Parameter::Kind;
  EXPECT_EQ(f->params[0].kind, K::Positional);
  EXPECT_EQ(f->params[1].name, "b");
  ASSERT_NE(f->params[1].default_value, il::kNone);
  EXPECT_EQ(text_at(source, m.exprs[f->params[1].default_value].span), "1");
  EXPECT_EQ(f->params[2].kind, K::VarArgs);
  EXPECT_EQ(f->params[2].name, "args");
  EXPECT_EQ(f->params[3].kind, K::KeywordOnly);
  EXPECT_EQ(f->params[4].declared_type, "int");
  EXPECT_EQ(f->params[5].declared_type, "'Redis'");
  EXPECT_EQ(f->params[6].kind, K::KeywordArgs);
  EXPECT_EQ(f->params[6].name, "kw");
  EXPECT_EQ(text_at(source, f->params[3].span), "c");
}

TEST(PythonLowering, ClassesBasesFieldsMethodsAndReceivers) {
  std::string source =
      "class Store(Base, mod.Mixin, metaclass=M):\n"
      "    prefix = 'store:'\n"
      "    client: Redis\n"
      "    def __init__(self, c):\n"
      "        self.client = c\n"
      "    @property\n"
      "    def key(me):\n"
      "        return me.prefix\n"
      "    @classmethod\n"
      "    def make(cls, url):\n"
      "        return cls(url)\n"
      "    @staticmethod\n"
      "    def plain(x):\n"
      "        return x\n";
  auto m = lower_source(source);
  ASSERT_EQ(m.classes.size(), 1u);
  const auto& c = m.classes[0];
  EXPECT_EQ(c.name, "Store");
  ASSERT_EQ(c.bases.size(), 2u);
  EXPECT_EQ(text_at(source, m.exprs[c.bases[1]].span), "mod.Mixin");
  ASSERT_EQ(c.fields.size(), 2u);
  EXPECT_EQ(c.fields[0].name, "prefix");
  EXPECT_TRUE(c.fields[0].is_static);
  EXPECT_EQ(c.fields[1].declared_type, "Redis");
  EXPECT_EQ(c.fields[1].initializer, il::kNone);
  ASSERT_EQ(c.methods.size(), 4u);
  using K = il::Function::Kind;
  const auto& init = m.functions[c.methods[0]];
  EXPECT_EQ(init.kind, K::Constructor);
  EXPECT_EQ(init.receiver, "self");
  ASSERT_EQ(init.params.size(), 1u);  // without self
  EXPECT_EQ(init.params[0].name, "c");
  // self.client = c: an attribute pattern on the receiver.
  const auto* assign = stmt<il::Assign>(m, init.body.at(0));
  ASSERT_NE(assign, nullptr);
  const auto* target = std::get_if<il::AttributePattern>(&m.patterns[assign->targets[0]].kind);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->name, "client");
  EXPECT_EQ(m.functions[c.methods[1]].kind, K::Getter);
  EXPECT_EQ(m.functions[c.methods[1]].receiver, "me");
  EXPECT_EQ(m.functions[c.methods[2]].kind, K::ClassMethod);
  EXPECT_EQ(m.functions[c.methods[2]].receiver, "cls");
  EXPECT_EQ(m.functions[c.methods[3]].kind, K::StaticMethod);
  ASSERT_EQ(m.functions[c.methods[3]].params.size(), 1u);  // x stays a parameter
  for (auto method : c.methods) EXPECT_EQ(m.functions[method].owner, 0u);
}

TEST(PythonLowering, AssignmentsDestructuringAndAugmentedAssignment) {
  std::string source = "a = b = 1\nx, *rest, y = xs\nr: Redis = make()\nn += 2\nz: int\n";
  auto m = lower_source(source);
  ASSERT_EQ(body(m).size(), 4u);  // `z: int` binds nothing
  const auto* chained = stmt<il::Assign>(m, body(m)[0]);
  ASSERT_NE(chained, nullptr);
  EXPECT_EQ(chained->targets.size(), 2u);
  const auto* destructured = stmt<il::Assign>(m, body(m)[1]);
  ASSERT_NE(destructured, nullptr);
  const auto* seq = std::get_if<il::SequencePattern>(&m.patterns[destructured->targets[0]].kind);
  ASSERT_NE(seq, nullptr);
  EXPECT_EQ(seq->items.size(), 3u);
  EXPECT_EQ(seq->rest, 1u);
  const auto* typed = stmt<il::Assign>(m, body(m)[2]);
  ASSERT_NE(typed, nullptr);
  EXPECT_TRUE(typed->declares);
  EXPECT_EQ(typed->declared_type, "Redis");
  const auto* augmented = stmt<il::AugmentedAssign>(m, body(m)[3]);
  ASSERT_NE(augmented, nullptr);
  EXPECT_EQ(augmented->op, il::Binary::Op::Add);
  EXPECT_EQ(text_at(source, m.stmts[body(m)[3]].span), "n += 2");
}

TEST(PythonLowering, IfElifElseIsAChainOfBranchesWithTests) {
  std::string source =
      "if x is None:\n    a = 1\n"
      "elif isinstance(x, Redis):\n    a = 2\n"
      "elif not x:\n    a = 3\n"
      "else:\n    a = 4\n";
  auto m = lower_source(source);
  ASSERT_EQ(body(m).size(), 1u);
  const auto* first = stmt<il::If>(m, body(m)[0]);
  ASSERT_NE(first, nullptr);
  const auto& test = std::get<il::Test>(m.exprs[first->condition].kind);
  EXPECT_EQ(test.kind, il::Test::Kind::IsNull);
  ASSERT_EQ(first->otherwise.size(), 1u);
  const auto* second = stmt<il::If>(m, first->otherwise[0]);
  ASSERT_NE(second, nullptr);
  const auto& instance = std::get<il::Test>(m.exprs[second->condition].kind);
  EXPECT_EQ(instance.kind, il::Test::Kind::InstanceOf);
  EXPECT_EQ(instance.type, "Redis");
  const auto* third = stmt<il::If>(m, second->otherwise.at(0));
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(std::get<il::Test>(m.exprs[third->condition].kind).kind, il::Test::Kind::Falsy);
  EXPECT_EQ(third->otherwise.size(), 1u);
  EXPECT_NE(find<il::Test>(m, source, "x is None"), nullptr);
}

TEST(PythonLowering, LoopsKeepTheirElementPatternAndElse) {
  std::string source =
      "for k, v in items:\n    pass\nelse:\n    done = 1\n"
      "while n is not None:\n    n = nxt(n)\n";
  auto m = lower_source(source);
  ASSERT_EQ(body(m).size(), 2u);
  const auto* each = stmt<il::Loop>(m, body(m)[0]);
  ASSERT_NE(each, nullptr);
  EXPECT_EQ(each->kind, il::Loop::Kind::ForEach);
  EXPECT_TRUE(std::holds_alternative<il::SequencePattern>(m.patterns[each->element].kind));
  EXPECT_EQ(text_at(source, m.patterns[each->element].span), "k, v");
  EXPECT_EQ(each->otherwise.size(), 1u);
  const auto* loop = stmt<il::Loop>(m, body(m)[1]);
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->kind, il::Loop::Kind::While);
  EXPECT_EQ(std::get<il::Test>(m.exprs[loop->iterable].kind).kind, il::Test::Kind::IsNotNull);
}

TEST(PythonLowering, TryKeepsHandlerTypesNamesElseAndFinally) {
  std::string source =
      "try:\n    r.mget(a, b)\n"
      "except (TryAgainError, redis.exceptions.ResponseError) as e:\n    pass\n"
      "except:\n    raise\n"
      "else:\n    ok = 1\n"
      "finally:\n    r.close()\n";
  auto m = lower_source(source);
  const auto* t = stmt<il::Try>(m, body(m).at(0));
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->handlers.size(), 2u);
  EXPECT_EQ(t->handlers[0].types,
            (std::vector<std::string>{"TryAgainError", "redis.exceptions.ResponseError"}));
  EXPECT_EQ(t->handlers[0].name, "e");
  EXPECT_TRUE(t->handlers[1].types.empty());
  EXPECT_TRUE(text_at(source, t->handlers[1].span).starts_with("except:"));
  EXPECT_EQ(t->otherwise.size(), 1u);
  EXPECT_EQ(t->finally.size(), 1u);
}

TEST(PythonLowering, WithItemsBindTheirTargets) {
  std::string source = "with r.pipeline() as pipe, lock:\n    pipe.set(k, 1)\n";
  auto m = lower_source(source);
  const auto* w = stmt<il::With>(m, body(m).at(0));
  ASSERT_NE(w, nullptr);
  ASSERT_EQ(w->items.size(), 2u);
  EXPECT_EQ(text_at(source, m.exprs[w->items[0].value].span), "r.pipeline()");
  ASSERT_NE(w->items[0].target, il::kNone);
  EXPECT_EQ(std::get<il::NamePattern>(m.patterns[w->items[0].target].kind).name, "pipe");
  EXPECT_EQ(w->items[1].target, il::kNone);
  EXPECT_EQ(w->body.size(), 1u);
}

TEST(PythonLowering, CallsWithPositionalKeywordAndSpreadArguments) {
  std::string source = "r.mget(a, *rest, key=k, **opts)\n";
  auto m = lower_source(source);
  const auto* c = find<il::Call>(m, source, "r.mget(a, *rest, key=k, **opts)");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->args.size(), 4u);
  using K = il::Argument::Kind;
  EXPECT_EQ(c->args[0].kind, K::Positional);
  EXPECT_EQ(c->args[1].kind, K::Spread);
  EXPECT_EQ(text_at(source, m.exprs[c->args[1].value].span), "rest");
  EXPECT_EQ(c->args[2].kind, K::Keyword);
  EXPECT_EQ(c->args[2].keyword, "key");
  EXPECT_EQ(c->args[3].kind, K::KeywordSpread);
  const auto& callee = std::get<il::Attribute>(m.exprs[c->callee].kind);
  EXPECT_EQ(callee.name, "mget");
  EXPECT_EQ(text_at(source, callee.name_span), "mget");
  // Awaits and parentheses are not values.
  std::string awaited = "x = await (r.get(k))\n";
  auto m2 = lower_source(awaited);
  const auto* assign = stmt<il::Assign>(m2, body(m2).at(0));
  ASSERT_NE(assign, nullptr);
  EXPECT_TRUE(std::holds_alternative<il::Call>(m2.exprs[assign->value].kind));
}

TEST(PythonLowering, AttributeAndIndexKeepTheirSpans) {
  std::string source = "v = self.scripts['release'][0]\n";
  auto m = lower_source(source);
  EXPECT_NE(find<il::Index>(m, source, "self.scripts['release'][0]"), nullptr);
  EXPECT_NE(find<il::Index>(m, source, "self.scripts['release']"), nullptr);
  EXPECT_NE(find<il::Attribute>(m, source, "self.scripts"), nullptr);
}

TEST(PythonLowering, StringsDecodeEscapesAndImplicitConcatenation) {
  std::string source = "a = 'user:' \"x\\ny\" r'\\d'\n";
  auto m = lower_source(source);
  il::ExprId id = il::kNone;
  const auto* text = find<il::Template>(m, source, R"('user:' "x\ny" r'\d')", &id);
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(literal_text(m, id), "user:x\ny\\d");
  ASSERT_EQ(text->parts.size(), 5u);
  // Each piece maps to where it is written; the decoded escape does not.
  EXPECT_TRUE(text->parts[0].maps_to_source);
  EXPECT_EQ(text_at(source, text->parts[0].span), "user:");
  EXPECT_FALSE(text->parts[2].maps_to_source);
  EXPECT_EQ(text_at(source, text->parts[2].span), "\\n");
  EXPECT_EQ(text_at(source, text->parts[4].span), "\\d");  // raw: as written
  EXPECT_EQ(text->escaping, ir::BraceEscaping::None);
}

TEST(PythonLowering, FStringFieldsKeepTheirSpecsAndSpans) {
  std::string source = "k = f'user:{uid}:{n:>3}:{x!r}{{'\n";
  auto m = lower_source(source);
  const auto* text = find<il::Template>(m, source, "f'user:{uid}:{n:>3}:{x!r}{{'");
  ASSERT_NE(text, nullptr);
  EXPECT_TRUE(text->fields_in_literal);
  EXPECT_EQ(text->escaping, ir::BraceEscaping::Doubled);
  std::vector<std::string> fields, specs;
  for (const auto& part : text->parts) {
    if (part.value == il::kNone) continue;
    fields.emplace_back(text_at(source, part.span));
    specs.push_back(part.format_spec);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"{uid}", "{n:>3}", "{x!r}"}));
  EXPECT_EQ(specs, (std::vector<std::string>{"", ">3", "!r"}));
  EXPECT_EQ(text->parts.back().literal, "{");
  EXPECT_FALSE(text->parts.back().maps_to_source);
}

TEST(PythonLowering, PercentAndFormatWithALiteralFormatAreTemplates) {
  std::string source =
      "a = 'user:%s:%05d' % (uid, n)\n"
      "b = 'job:%(id)s' % {'id': jid}\n"
      "c = '{}:{name}:{0}'.format(x, name=y)\n"
      "d = '%s:%s' % pair\n"
      "e = '{a.b}'.format(a=o)\n";
  auto m = lower_source(source);
  const auto* percent = find<il::Template>(m, source, "'user:%s:%05d' % (uid, n)");
  ASSERT_NE(percent, nullptr);
  ASSERT_EQ(percent->parts.size(), 4u);
  EXPECT_EQ(percent->parts[1].format_spec, "s");
  EXPECT_EQ(text_at(source, percent->parts[1].span), "%s");
  EXPECT_EQ(text_at(source, m.exprs[percent->parts[1].value].span), "uid");
  EXPECT_EQ(percent->parts[3].format_spec, "05d");
  EXPECT_TRUE(percent->fields_in_literal);
  const auto* named = find<il::Template>(m, source, "'job:%(id)s' % {'id': jid}");
  ASSERT_NE(named, nullptr);
  EXPECT_EQ(text_at(source, m.exprs[named->parts[1].value].span), "jid");
  const auto* brace = find<il::Template>(m, source, "'{}:{name}:{0}'.format(x, name=y)");
  ASSERT_NE(brace, nullptr);
  EXPECT_EQ(brace->escaping, ir::BraceEscaping::Doubled);
  std::vector<std::string> values;
  for (const auto& part : brace->parts) {
    if (part.value != il::kNone) values.emplace_back(text_at(source, m.exprs[part.value].span));
  }
  EXPECT_EQ(values, (std::vector<std::string>{"x", "y", "x"}));
  // A tuple held by a name, or a field reading an attribute: left to the engine.
  const auto* modulo = find<il::Binary>(m, source, "'%s:%s' % pair");
  ASSERT_NE(modulo, nullptr);
  EXPECT_EQ(modulo->op, il::Binary::Op::Modulo);
  EXPECT_NE(find<il::Call>(m, source, "'{a.b}'.format(a=o)"), nullptr);
}

TEST(PythonLowering, LiteralsComprehensionsLambdasAndConditionals) {
  std::string source =
      "a = [x, *ys]\nb = (1, 2)\nc = {'k': v, **more}\nd = {1, 2}\n"
      "e = [f'k:{i}' for i in ids if i]\ng = {k: s for k, s in pairs}\n"
      "h = lambda p, q=1: p + q\ni = p if p is not None else self.conn\nj = -5\n";
  auto m = lower_source(source);
  const auto* list = find<il::SequenceLiteral>(m, source, "[x, *ys]");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->spread, (std::vector<bool>{false, true}));
  EXPECT_EQ(find<il::SequenceLiteral>(m, source, "(1, 2)")->kind, il::SequenceLiteral::Kind::Tuple);
  const auto* map = find<il::MapLiteral>(m, source, "{'k': v, **more}");
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(map->entries.size(), 1u);
  EXPECT_EQ(map->spreads.size(), 1u);
  EXPECT_EQ(find<il::SequenceLiteral>(m, source, "{1, 2}")->kind, il::SequenceLiteral::Kind::Set);
  const auto* comp = find<il::Comprehension>(m, source, "[f'k:{i}' for i in ids if i]");
  ASSERT_NE(comp, nullptr);
  ASSERT_EQ(comp->clauses.size(), 1u);
  EXPECT_EQ(comp->clauses[0].conditions.size(), 1u);
  const auto* dict_comp = find<il::Comprehension>(m, source, "{k: s for k, s in pairs}");
  ASSERT_NE(dict_comp, nullptr);
  EXPECT_EQ(dict_comp->kind, il::Comprehension::Kind::Map);
  EXPECT_NE(dict_comp->key, il::kNone);
  const auto* lambda = find<il::Lambda>(m, source, "lambda p, q=1: p + q");
  ASSERT_NE(lambda, nullptr);
  const auto& f = m.functions[lambda->function];
  EXPECT_EQ(f.params.size(), 2u);
  EXPECT_NE(f.expression_body, il::kNone);
  EXPECT_EQ(f.enclosing, m.body);
  const auto* conditional = find<il::Conditional>(m, source, "p if p is not None else self.conn");
  ASSERT_NE(conditional, nullptr);
  EXPECT_EQ(std::get<il::Test>(m.exprs[conditional->condition].kind).kind,
            il::Test::Kind::IsNotNull);
  EXPECT_EQ(find<il::NumberLiteral>(m, source, "-5")->value, -5);
}

TEST(PythonLowering, WhatHasNoILFormIsOpaqueWithAReasonAndItsCalls) {
  std::string source =
      "if (n := r.incr(k)) > 1:\n    pass\nv = xs[1:2]\nmatch cmd:\n    case 1:\n        "
      "r.get(a)\n";
  auto m = lower_source(source);
  // An assignment expression binds its name and keeps the call inside.
  const auto* walrus = find<il::AssignExpression>(m, source, "n := r.incr(k)");
  ASSERT_NE(walrus, nullptr);
  EXPECT_TRUE(std::holds_alternative<il::Call>(m.exprs[walrus->value].kind));
  EXPECT_EQ(std::get<il::NamePattern>(m.patterns[walrus->target].kind).name, "n");
  EXPECT_NE(find<il::Opaque>(m, source, "xs[1:2]"), nullptr);
  // A match is a chain of branches: the case body's call is kept.
  EXPECT_NE(find<il::Call>(m, source, "r.get(a)"), nullptr);
}

TEST(PythonLowering, CodeNestedPastTheLimitIsOneOpaqueNotACrash) {
  std::string source = "x = " + std::string(400, '[') + "1" + std::string(400, ']') + "\n";
  LoweringLimits limits;
  limits.nesting = 50;
  auto m = lower_source(source, "deep.py", 0, limits);
  bool said = std::ranges::any_of(m.exprs, [](const il::Expr& e) {
    const auto* opaque = std::get_if<il::Opaque>(&e.kind);
    return opaque != nullptr && opaque->reason.find("nests deeper than 50") != std::string::npos;
  });
  EXPECT_TRUE(said);
  EXPECT_LT(m.exprs.size(), 60u);
}

TEST(PythonLowering, NestedFunctionsAndClassesAreLocalDeclarations) {
  std::string source =
      "def outer(r):\n"
      "    def inner(k):\n"
      "        return r.get(k)\n"
      "    class Local:\n"
      "        pass\n"
      "    return inner\n";
  auto m = lower_source(source);
  const auto* outer = function(m, "outer");
  const auto* inner = function(m, "inner");
  ASSERT_NE(outer, nullptr);
  ASSERT_NE(inner, nullptr);
  auto outer_id = static_cast<il::FunctionId>(outer - m.functions.data());
  EXPECT_EQ(inner->enclosing, outer_id);
  EXPECT_NE(stmt<il::LocalFunction>(m, outer->body.at(0)), nullptr);
  EXPECT_NE(stmt<il::LocalClass>(m, outer->body.at(1)), nullptr);
  EXPECT_EQ(m.classes.at(0).enclosing, outer_id);
}

TEST(PythonLowering, ASyntaxErrorIsOpaqueAndTheRestIsLowered) {
  std::string source =
      "r.get(k) $ 3\n"
      "r.mget(a, b)\n";
  auto m = lower_source(source);
  bool said = std::ranges::any_of(m.exprs, [](const il::Expr& e) {
    const auto* opaque = std::get_if<il::Opaque>(&e.kind);
    return opaque != nullptr && opaque->reason == "a syntax error";
  });
  EXPECT_TRUE(said);
  // The call inside the broken statement, and the next statement, are kept.
  EXPECT_NE(find<il::Call>(m, source, "r.get(k)"), nullptr);
  EXPECT_NE(find<il::Call>(m, source, "r.mget(a, b)"), nullptr);
}

}  // namespace
}  // namespace slotlint::python::test
