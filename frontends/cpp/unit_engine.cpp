#include "frontends/cpp/unit_engine.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyzer/engine/engine.h"
#include "frontends/common/value.h"
#include "frontends/cpp/clang_error_handling.h"
#include "frontends/cpp/cpp_engine_host.h"
#include "frontends/cpp/unit_program.h"
#include "frontends/lua/script_use.h"

namespace slotlint::cpp {
namespace {

using SpanKey = std::tuple<ir::FileIndex, std::uint32_t, std::uint32_t>;

SpanKey key_of(const ir::SourceSpan& span) { return {span.file, span.begin, span.end}; }

// The project's calls by their span, with the function each is in (code
// in templates where it is instantiated: only there is it typed).
class CallIndex : public clang::RecursiveASTVisitor<CallIndex> {
  using Base = clang::RecursiveASTVisitor<CallIndex>;

 public:
  struct Found {
    const clang::CallExpr* call = nullptr;
    const clang::FunctionDecl* function = nullptr;
  };

  CallIndex(SourceMap& map, const std::vector<clang::Decl*>& decls) : map_(map) {
    for (auto* decl : decls) TraverseDecl(decl);
  }

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseFunctionDecl(clang::FunctionDecl* f) {
    return within(f, [&] { return Base::TraverseFunctionDecl(f); });
  }
  bool TraverseCXXMethodDecl(clang::CXXMethodDecl* f) {
    return within(f, [&] { return Base::TraverseCXXMethodDecl(f); });
  }
  bool TraverseCXXConstructorDecl(clang::CXXConstructorDecl* f) {
    return within(f, [&] { return Base::TraverseCXXConstructorDecl(f); });
  }
  bool TraverseCXXDestructorDecl(clang::CXXDestructorDecl* f) {
    return within(f, [&] { return Base::TraverseCXXDestructorDecl(f); });
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    if (function_ == nullptr || !map_.in_project(call->getBeginLoc())) return true;
    if (auto at = map_.span(call->getSourceRange()))
      calls_.try_emplace(key_of(*at), Found{call, function_});
    return true;
  }

  [[nodiscard]] const Found* find(const ir::SourceSpan& span) const {
    auto found = calls_.find(key_of(span));
    return found == calls_.end() ? nullptr : &found->second;
  }

 private:
  template <typename Traverse>
  bool within(clang::FunctionDecl* function, Traverse traverse) {
    auto* saved = function_;
    function_ = function;
    bool result = traverse();
    function_ = saved;
    return result;
  }

  SourceMap& map_;
  const clang::FunctionDecl* function_ = nullptr;
  std::map<SpanKey, Found> calls_;
};

// The variable or field a call is made on (`c` in `redisCommand(c, ...)`,
// `req` in `req.push(...)`), for "the same context".
const clang::Decl* receiver_of(const clang::CallExpr& call) {
  const clang::Expr* object = nullptr;
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(&call)) {
    object = member->getImplicitObjectArgument();
  } else if (call.getNumArgs() > 0) {
    object = call.getArg(0);
  }
  for (int guard = 0; guard < 16 && object != nullptr; ++guard) {
    object = object->IgnoreParenImpCasts();
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(object)) return ref->getDecl();
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(object))
      return member->getMemberDecl();
    const auto* op = llvm::dyn_cast<clang::UnaryOperator>(object);
    if (op == nullptr ||
        (op->getOpcode() != clang::UO_AddrOf && op->getOpcode() != clang::UO_Deref))
      return nullptr;
    object = op->getSubExpr();
  }
  return nullptr;
}

const model::ClientClass* class_of(const ir::RedisOp& op, frontend::Models models) {
  for (const auto* api : models) {
    if (api->library != op.client.library) continue;
    if (const auto* cls = api->find_class(op.client.api_class)) return cls;
  }
  return nullptr;
}

struct Placed {
  const clang::FunctionDecl* function = nullptr;
  const clang::Decl* receiver = nullptr;
  unsigned offset = 0;
  std::size_t op = 0;
};

// MULTI ... EXEC sent on one context (or pushed into one request) in a
// function: a transaction.
void group_sequences(std::vector<Placed> placed, std::vector<ir::RedisOp>& ops) {
  std::ranges::stable_sort(placed, [](const Placed& a, const Placed& b) {
    return std::tie(a.function, a.receiver, a.offset) < std::tie(b.function, b.receiver, b.offset);
  });
  std::optional<ir::GroupRef> open;
  const Placed* previous = nullptr;
  for (const auto& item : placed) {
    if (previous != nullptr &&
        (previous->function != item.function || previous->receiver != item.receiver))
      open.reset();
    previous = &item;
    auto& op = ops[item.op];
    if (op.command == "MULTI") {
      open = ir::GroupRef{ir::GroupRef::Kind::Transaction, "multi@" + std::to_string(item.offset),
                          op.call};
    }
    if (open) op.group = open;
    if (op.command == "EXEC" || op.command == "DISCARD") open.reset();
  }
}

}  // namespace

void analyse_unit(const il::Module& unit, clang::ASTContext& context, SourceMap& map,
                  const UnitInput& input) {
  auto& result = input.analysis;
  auto script_of = [&](const frontend::Value& body, const std::string& name,
                       const ir::SourceSpan& at) -> std::optional<ir::ScriptUse> {
    if (input.scripts == nullptr) return std::nullopt;
    return lua::script_from_value(
        body, {name, at.file == 0 ? at.begin : 0u, input.file, result, *input.scripts});
  };
  auto read_script = [&](const engine::StringData& body, const std::string& name,
                         const engine::CallSite& site) {
    // A body the code read from a file: findings point into the file.
    if (!body.file.empty()) {
      auto path = ir::KeyExpr::literal(body.file, site.span, false);
      return script_of(frontend::Value::file(frontend::Value::Kind::FileContents, path), name,
                       site.span);
    }
    return script_of(frontend::Value::string(body.key), name, site.span);
  };
  UnitProgram program;
  auto self = program.add(il::Module(unit));
  CppEngineHost host(input.models, read_script, {}, input.scripts,
                     input.file.filesystem_path.parent_path());
  engine::Engine engine(program, host, engine::Builtins::defaults());
  engine.analyse(self);
  result.work.value_steps += engine.steps_spent();

  // Only the project's code has calls to report, and the parent map
  // (getParents, built on first use over the traversal scope) need not cover
  // the system headers, most of a unit.
  std::vector<clang::Decl*> ours;
  for (auto* decl : context.getTranslationUnitDecl()->decls()) {
    if (map.in_project_file(decl->getLocation())) ours.push_back(decl);
  }
  context.setTraversalScope(ours);
  CallIndex calls(map, ours);
  std::set<std::string> seen;
  std::vector<ir::RedisOp> ops;
  std::vector<Placed> placed;
  for (const auto& emitted : host.ops()) {
    auto op = emitted.op;
    if (!seen.insert(frontend::op_identity(op)).second) continue;
    if (!op.script && (op.command == "EVAL" || op.command == "EVAL_RO") && !op.argv.empty()) {
      // redisCommand(c, "EVAL %s 2 %s %s", SCRIPT, a, b): the body is argv[1].
      op.script = script_of(frontend::Value::string(op.argv.front().value), "", op.call);
    }
    if (const auto* found = calls.find(op.call)) {
      const auto* cls = class_of(op, input.models);
      op.error_handling =
          error_handling(context, map, *found->call,
                         cls != nullptr ? std::span<const std::string>(cls->tryagain_raises)
                                        : std::span<const std::string>());
      if (input.includes != nullptr && !input.includes->missing.empty() &&
          std::ranges::any_of(found->call->arguments(),
                              [](const clang::Expr* arg) { return arg->containsErrors(); })) {
        op.caveats.push_back(
            fmt::format("Its arguments use names Clang could not resolve: a header was not "
                        "found ({}).",
                        fmt::join(input.includes->missing, ", ")));
      }
      auto location = map.sources().getFileLoc(found->call->getBeginLoc());
      placed.push_back({found->function, receiver_of(*found->call),
                        map.sources().getFileOffset(location), ops.size()});
    }
    ops.push_back(std::move(op));
  }
  group_sequences(std::move(placed), ops);
  for (auto& op : ops) result.ops.push_back(std::move(op));
}

}  // namespace slotlint::cpp
