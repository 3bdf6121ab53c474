#include "frontends/cpp/call_collector.h"

#include <algorithm>
#include <map>
#include <optional>

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/StmtCXX.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "frontends/common/bound_values.h"
#include "frontends/common/connect_options.h"
#include "frontends/common/format_spec.h"
#include "frontends/common/op_builder.h"
#include "frontends/common/overloads.h"
#include "frontends/common/source_helpers.h"
#include "frontends/cpp/clang_lowering.h"
#include "frontends/cpp/hiredis_format.h"
#include "frontends/lua/script_use.h"

namespace slotlint::cpp {
namespace {

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

// How a class is named in models: as the lowering names it, and for a
// template specialization also without its argument.
std::vector<std::string> type_names(const clang::CXXRecordDecl* record) {
  std::vector<std::string> names;
  if (record == nullptr) return names;
  names.push_back(model_type_name(record));
  auto qualified = record->getQualifiedNameAsString();
  if (names.front() != qualified) names.push_back(qualified);
  return names;
}

// The record a C API's context argument points to (`redisContext *c`).
std::string pointee_record(const clang::Expr* expr) {
  auto type = expr->IgnoreParenImpCasts()->getType().getCanonicalType();
  if (type->isPointerType()) type = type->getPointeeType().getCanonicalType();
  if (const auto* record = type->getAsRecordDecl()) return record->getNameAsString();
  return {};
}

// The variable or field an expression names (for "the same context").
const clang::Decl* named_decl(const clang::Expr* expr) {
  expr = ClangValues::strip(expr);
  if (const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(expr)) return ref->getDecl();
  if (const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(expr))
    return member->getMemberDecl();
  return nullptr;
}

struct Target {
  const model::ApiModel* api = nullptr;
  const model::ClientClass* cls = nullptr;
  const clang::Expr* receiver = nullptr;  // the object, or a C API's context
  bool member = false;
};

struct Pending {
  const clang::FunctionDecl* function = nullptr;
  const clang::Decl* receiver = nullptr;
  unsigned offset = 0;
  std::size_t op = 0;
};

class Collector : public clang::RecursiveASTVisitor<Collector> {
  using Base = clang::RecursiveASTVisitor<Collector>;

 public:
  Collector(clang::ASTContext& context, SourceMap& map, const CollectorInput& input)
      : context_(context), map_(map), input_(input), values_(context, map) {}

  // Code in templates is read where it is instantiated: only there are its
  // calls resolved (a `Client& client_` member of `Store<Client>`).
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseFunctionDecl(clang::FunctionDecl* function) {
    return within(function, [&] { return Base::TraverseFunctionDecl(function); });
  }
  bool TraverseCXXMethodDecl(clang::CXXMethodDecl* method) {
    return within(method, [&] { return Base::TraverseCXXMethodDecl(method); });
  }
  bool TraverseCXXConstructorDecl(clang::CXXConstructorDecl* constructor) {
    return within(constructor, [&] { return Base::TraverseCXXConstructorDecl(constructor); });
  }
  bool TraverseCXXDestructorDecl(clang::CXXDestructorDecl* destructor) {
    return within(destructor, [&] { return Base::TraverseCXXDestructorDecl(destructor); });
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    if (function_ != nullptr && map_.in_project(call->getBeginLoc())) {
      handle(call);
      made_by_factory(call);
    }
    return true;
  }

  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
    if (map_.in_project(construct->getBeginLoc())) {
      constructed(construct->getConstructor()->getParent(),
                  {construct->getArgs(), construct->getNumArgs()}, construct);
    }
    return true;
  }

  // MULTI ... EXEC sent on one context (or pushed into one request) in a
  // function: a transaction.
  void group_sequences() {
    std::ranges::stable_sort(pending_, [](const Pending& a, const Pending& b) {
      return std::tie(a.function, a.receiver, a.offset) <
             std::tie(b.function, b.receiver, b.offset);
    });
    std::optional<ir::GroupRef> open;
    const Pending* previous = nullptr;
    for (const auto& item : pending_) {
      if (previous != nullptr &&
          (previous->function != item.function || previous->receiver != item.receiver)) {
        open.reset();
      }
      previous = &item;
      auto& op = input_.analysis.ops[item.op];
      if (op.command == "MULTI") {
        open = ir::GroupRef{ir::GroupRef::Kind::Transaction, "multi@" + std::to_string(item.offset),
                            op.call};
      }
      if (open) op.group = open;
      if (op.command == "EXEC" || op.command == "DISCARD") open.reset();
    }
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

  std::optional<Target> from_type(const std::vector<std::string>& names) const {
    for (const auto* api : input_.models) {
      for (const auto& cls : api->classes) {
        for (const auto& name : names) {
          if (listed(cls.annotations, name)) return Target{api, &cls, nullptr, false};
        }
      }
    }
    return std::nullopt;
  }

  std::optional<Target> target_of(const clang::CallExpr* call) const {
    if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
      const auto* method = member->getMethodDecl();
      if (method == nullptr) return std::nullopt;
      auto found = from_type(type_names(method->getParent()));
      if (found) {
        found->receiver = member->getImplicitObjectArgument();
        found->member = true;
      }
      return found;
    }
    if (llvm::isa<clang::CXXOperatorCallExpr>(call)) return std::nullopt;
    const auto* callee = call->getDirectCallee();
    if (callee == nullptr || llvm::isa<clang::CXXMethodDecl>(callee) || call->getNumArgs() == 0)
      return std::nullopt;
    auto name = simple_name(callee);
    bool known = std::ranges::any_of(
        input_.models, [&](const model::ApiModel* api) { return api->has_method(name); });
    if (!known) return std::nullopt;
    // redisCommand(c, ...): the client is what the context argument points to.
    auto found = from_type({pointee_record(call->getArg(0))});
    if (found) found->receiver = call->getArg(0);
    return found;
  }

  // The start of a receiver chain (`pipe` in pipe.set(...).get(...)).
  struct Root {
    const clang::Expr* expr = nullptr;
    const clang::CallExpr* batch_call = nullptr;  // pipeline() / transaction() that made it
    const clang::Decl* variable = nullptr;
  };

  Root root_of(const clang::Expr* receiver, const model::ApiModel& api, int depth = 0) const {
    Root root;
    const clang::Expr* expr = ClangValues::strip(receiver);
    for (int guard = 0; guard < 32 && expr != nullptr; ++guard) {
      const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(expr);
      if (member == nullptr || member->getMethodDecl() == nullptr) break;
      auto name = simple_name(member->getMethodDecl());
      if (listed(api.pipeline_methods, name) || listed(api.transaction_methods, name)) {
        root.batch_call = member;
        break;
      }
      expr = ClangValues::strip(member->getImplicitObjectArgument());
    }
    root.expr = expr;
    if (root.batch_call != nullptr || expr == nullptr) return root;
    root.variable = named_decl(expr);
    // auto pipe = redis.pipeline(); — the variable's initializer.
    if (const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(root.variable);
        var != nullptr && var->getInit() != nullptr && depth < 4) {
      root.batch_call = root_of(var->getInit(), api, depth + 1).batch_call;
    }
    return root;
  }

  std::optional<ir::GroupRef> batch_group(const Root& root, const Target& target) const {
    const auto& api = *target.api;
    if (root.batch_call != nullptr) {
      const auto* member = llvm::cast<clang::CXXMemberCallExpr>(root.batch_call);
      bool transaction = listed(api.transaction_methods, simple_name(member->getMethodDecl()));
      auto origin = values_.span_of(root.batch_call);
      return ir::GroupRef{
          transaction ? ir::GroupRef::Kind::Transaction : ir::GroupRef::Kind::Pipeline,
          "batch@" + std::to_string(origin.file) + ":" + std::to_string(origin.begin), origin};
    }
    // A Boost.Redis request is itself a pipeline.
    if (listed(api.pipeline_methods, "*") && root.variable != nullptr) {
      auto location = map_.sources().getFileLoc(root.variable->getLocation());
      auto origin = map_.span(root.variable->getSourceRange());
      return ir::GroupRef{ir::GroupRef::Kind::Pipeline,
                          "request@" + std::to_string(map_.sources().getFileOffset(location)),
                          origin ? *origin : values_.span_of(root.expr)};
    }
    return std::nullopt;
  }

  // Range-for loops around a queued call that start after its batch: their
  // variables differ each time the command is queued.
  std::vector<std::string> iteration_symbols(const clang::CallExpr* call,
                                             const ir::GroupRef& group) const {
    std::vector<std::string> symbols;
    auto parents = context_.getParents(*call);
    for (int guard = 0; guard < 64 && !parents.empty(); ++guard) {
      const auto* stmt = parents[0].get<clang::Stmt>();
      if (stmt == nullptr) break;
      if (const auto* loop = llvm::dyn_cast<clang::CXXForRangeStmt>(stmt)) {
        auto at = map_.span(loop->getSourceRange());
        if (at && at->file == group.origin.file && at->begin > group.origin.begin)
          symbols.push_back(values_.symbol_of(loop->getLoopVariable()));
      }
      parents = context_.getParents(*stmt);
    }
    return symbols;
  }

  ir::ErrorHandling error_handling(const clang::CallExpr* call,
                                   const std::vector<std::string>& classes) const {
    ir::ErrorHandling handling;
    handling.raised_at = values_.span_of(call);
    if (classes.empty()) return handling;
    auto parents = context_.getParents(*call);
    const clang::Stmt* previous = call;
    for (int guard = 0; guard < 64 && !parents.empty(); ++guard) {
      const auto* stmt = parents[0].get<clang::Stmt>();
      if (stmt == nullptr) break;
      const auto* attempt = llvm::dyn_cast<clang::CXXTryStmt>(stmt);
      if (attempt != nullptr && previous == attempt->getTryBlock()) {
        for (unsigned i = 0; i < attempt->getNumHandlers(); ++i) {
          const auto* handler = attempt->getHandler(i);
          auto type = handler->getCaughtType();
          std::string name = "...";
          if (!type.isNull()) {
            auto bare = type.getNonReferenceType().getUnqualifiedType();
            const auto* record = bare->getAsCXXRecordDecl();
            name = record != nullptr ? record->getNameAsString() : bare.getAsString();
          }
          if (name != "..." && !listed(classes, name)) continue;
          handling.caught = true;
          handling.caught_as = name;
          handling.handler_text = "`catch (" + name + ")`";
          auto at = map_.span(handler->getBeginLoc(), handler->getBeginLoc());
          if (at) handling.handler = *at;
          bool rethrows = false;
          std::function<void(const clang::Stmt*)> scan = [&](const clang::Stmt* s) {
            if (s == nullptr || rethrows) return;
            if (llvm::isa<clang::CXXThrowExpr>(s)) rethrows = true;
            for (const auto* child : s->children()) scan(child);
          };
          scan(handler->getHandlerBlock());
          handling.reraises = rethrows;
          if (!rethrows) find_retry(attempt, handler, handling);
          return handling;
        }
      }
      previous = stmt;
      parents = context_.getParents(*stmt);
    }
    return handling;
  }

  // The loop around a try that runs it again after the handler, unless the
  // handler always leaves; and whether the loop waits before the next try.
  void find_retry(const clang::CXXTryStmt* attempt, const clang::CXXCatchStmt* handler,
                  ir::ErrorHandling& handling) const {
    if (const auto* block =
            llvm::dyn_cast_or_null<clang::CompoundStmt>(handler->getHandlerBlock())) {
      for (const auto* statement : block->body()) {
        if (llvm::isa<clang::ReturnStmt, clang::BreakStmt, clang::CXXThrowExpr>(statement)) return;
      }
    }
    auto parents = context_.getParents(*attempt);
    for (int guard = 0; guard < 64 && !parents.empty(); ++guard) {
      const auto* stmt = parents[0].get<clang::Stmt>();
      if (stmt == nullptr || llvm::isa<clang::CXXForRangeStmt>(stmt)) return;
      const clang::Stmt* body = nullptr;
      const clang::Expr* condition = nullptr;
      if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(stmt)) {
        body = loop->getBody();
        condition = loop->getCond();
      } else if (const auto* loop = llvm::dyn_cast<clang::DoStmt>(stmt)) {
        body = loop->getBody();
        condition = loop->getCond();
      } else if (const auto* loop = llvm::dyn_cast<clang::ForStmt>(stmt)) {
        body = loop->getBody();
        condition = loop->getCond();
      }
      // do { ... } while (0): a block in disguise (macros), not a retry.
      bool runs_again = true;
      if (condition != nullptr && !condition->isValueDependent() &&
          condition->EvaluateAsBooleanCondition(runs_again, context_) && !runs_again) {
        return;
      }
      if (body != nullptr) {
        handling.retries = true;
        if (auto at = map_.span(stmt->getBeginLoc(), stmt->getBeginLoc()))
          handling.retry_loop = *at;
        bool any = false;
        bool nonzero = false;
        std::function<void(const clang::Stmt*)> scan = [&](const clang::Stmt* s) {
          if (s == nullptr) return;
          if (const auto* call = llvm::dyn_cast<clang::CallExpr>(s)) {
            const auto* callee = call->getDirectCallee();
            if (callee != nullptr && frontend::names_a_wait(callee->getQualifiedNameAsString())) {
              any = true;
              const auto* delay =
                  call->getNumArgs() > 0 ? ClangValues::strip(call->getArg(0)) : nullptr;
              const auto* zero = llvm::dyn_cast_or_null<clang::IntegerLiteral>(delay);
              nonzero = nonzero || zero == nullptr || zero->getValue() != 0;
            }
          }
          for (const auto* child : s->children()) scan(child);
        };
        scan(body);
        handling.waits = any;
        handling.waits_zero = any && !nonzero;
        return;
      }
      parents = context_.getParents(*stmt);
    }
  }

  // std::make_unique<sw::redis::Redis>(opts), std::make_shared<...>(uri):
  // the construction, made inside the standard library, with these arguments.
  void made_by_factory(const clang::CallExpr* call) {
    const auto* callee = call->getDirectCallee();
    if (callee == nullptr) return;
    auto name = callee->getQualifiedNameAsString();
    if (name != "std::make_unique" && name != "std::make_shared") return;
    const auto* made = callee->getTemplateSpecializationArgs();
    if (made == nullptr || made->size() == 0 ||
        made->get(0).getKind() != clang::TemplateArgument::Type)
      return;
    constructed(made->get(0).getAsType()->getAsCXXRecordDecl(),
                {call->getArgs(), call->getNumArgs()}, call);
  }

  // A client built to select a database other than 0 on every connection
  // (redis-plus-plus `Redis(opts)` after `opts.db = 2`, `Redis("tcp://host/2")`).
  void constructed(const clang::CXXRecordDecl* record, llvm::ArrayRef<const clang::Expr*> args,
                   const clang::Expr* at) {
    if (record == nullptr) return;
    for (const auto& name : type_names(record)) {
      for (const auto* api : input_.models) {
        const auto* cls = api->class_for_constructor(name);
        if (cls == nullptr) continue;
        if (cls->database_options.empty() && cls->url_options.empty() && !cls->url_arguments)
          return;
        std::vector<Value> values;
        for (const auto* arg : args) {
          if (!llvm::isa<clang::CXXDefaultArgExpr>(arg))
            values.push_back(values_.evaluate(arg, function_));
        }
        auto span = map_.span(at->getSourceRange());
        if (!span) return;
        if (auto op = frontend::constructor_select(*api, *cls, values, *span))
          input_.analysis.ops.push_back(std::move(*op));
        return;
      }
    }
  }

  // hiredis: the arguments a format string and its varargs give.
  std::optional<std::vector<frontend::PassedArgument>> formatted(const clang::CallExpr* call,
                                                                 unsigned format_index) {
    if (format_index >= call->getNumArgs()) return std::nullopt;
    const auto* pattern = call->getArg(format_index);
    Value format = values_.evaluate(pattern, function_);
    if (!format.text.is_literal()) return std::nullopt;
    auto pattern_text = format.text.literal_text();
    auto split = split_hiredis_format(pattern_text);
    if (!split.valid) return std::nullopt;
    // Literal pieces point into the format literal when it maps byte for byte.
    const ir::LiteralSegment* source = nullptr;
    if (format.text.segments().size() == 1)
      source = std::get_if<ir::LiteralSegment>(&format.text.segments().front());
    std::vector<frontend::PassedArgument> args;
    for (const auto& argument : split.arguments) {
      ir::KeyExpr text;
      ir::SourceSpan value_at;
      for (const auto& piece : argument.pieces) {
        if (piece.kind == FormatPiece::Kind::Literal) {
          bool exact =
              source != nullptr && source->maps_to_source && piece.text.size() == piece.length;
          ir::SourceSpan at =
              exact ? ir::SourceSpan{source->span.file,
                                     static_cast<std::uint32_t>(source->span.begin + piece.offset),
                                     static_cast<std::uint32_t>(source->span.begin + piece.offset +
                                                                piece.length)}
                    : values_.span_of(pattern);
          text.append(ir::KeyExpr::literal(piece.text, at, exact));
          continue;
        }
        auto index = format_index + 1 + static_cast<unsigned>(piece.vararg);
        if (index >= call->getNumArgs()) return std::nullopt;
        value_at = values_.span_of(call->getArg(index));
        auto value = frontend::to_text(values_.evaluate(call->getArg(index), function_), value_at);
        text.append(piece.plain
                        ? value
                        : frontend::through_printf_spec(
                              value, pattern_text.substr(piece.offset, piece.length), value_at));
      }
      // "%s" alone is the argument passed for it; anything else the format's.
      bool one_value =
          argument.pieces.size() == 1 && argument.pieces.front().kind == FormatPiece::Kind::Value;
      text.set_span(one_value ? value_at : values_.span_of(pattern));
      args.push_back({Value::string(std::move(text)), false, {}});
    }
    return args;
  }

  void handle(const clang::CallExpr* call) {
    auto target = target_of(call);
    if (!target) return;
    const auto& api = *target->api;
    const auto& cls = *target->cls;
    std::string name;
    clang::SourceLocation callee_location;
    if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
      name = member->getMethodDecl()->getNameAsString();
      const auto* callee = llvm::dyn_cast<clang::MemberExpr>(member->getCallee()->IgnoreParens());
      callee_location = callee != nullptr ? callee->getMemberLoc() : call->getBeginLoc();
    } else {
      name = call->getDirectCallee()->getNameAsString();
      callee_location = call->getCallee()->getBeginLoc();
    }
    // The library calling itself (a header forwarding its parameters to
    // another of its methods): not the project's call.
    const auto* declaration = call->getCalleeDecl();
    if (declaration != nullptr &&
        map_.sources().getFileID(map_.sources().getFileLoc(call->getBeginLoc())) ==
            map_.sources().getFileID(map_.sources().getFileLoc(declaration->getLocation()))) {
      return;
    }
    auto root = target->member ? root_of(target->receiver, api) : Root{};
    std::vector<Value> values;
    std::vector<std::string> kinds;
    for (unsigned i = 0; i < call->getNumArgs(); ++i) {
      const auto* arg = call->getArg(i);
      if (llvm::isa<clang::CXXDefaultArgExpr>(arg) || ClangValues::is_end_iterator(arg)) continue;
      values.push_back(values_.evaluate(arg, function_));
      kinds.push_back(values_.kind_of(arg));
    }
    auto overloads = api.overloads(name, cls);
    const model::Method* method = frontend::pick_overload(overloads, kinds);
    std::optional<model::Method> synthetic;
    if (method == nullptr && overloads.empty() && api.command_named_methods) {
      synthetic = frontend::command_named_method(name);
      if (synthetic) {
        synthetic->library = api.library;
        method = &*synthetic;
      }
    }
    if (method == nullptr) return;
    auto call_span = map_.span(call->getSourceRange());
    auto callee_span = map_.span(callee_location, callee_location);
    if (!call_span || !callee_span) return;
    ir::RedisOp op;
    op.call = *call_span;
    op.callee = *callee_span;
    op.api = name;
    std::vector<ir::Arg> argv;
    if (!method->format_param.empty()) {
      auto position =
          std::ranges::find(method->signature, method->format_param, &model::Parameter::name) -
          method->signature.begin();
      auto args = formatted(call, static_cast<unsigned>(position));
      if (!args) return;
      model::Method spread;
      spread.name = method->name;
      spread.signature = model::parse_signature("*args");
      spread.argv = {{model::TemplateElement::Kind::Spread, "args"}};
      spread.command_from_first_arg = true;
      frontend::PositionalArguments bound(spread, std::move(*args), op.call, false);
      argv = frontend::expand_template(spread, bound, op.call);
    } else {
      auto passed = frontend::typed_arguments(*method, std::move(values), kinds);
      frontend::PositionalArguments bound(*method, std::move(passed), op.call, false);
      argv = frontend::expand_template(*method, bound, op.call);
      if (!method->script_param.empty() && input_.scripts != nullptr) {
        auto position =
            std::ranges::find(method->signature, method->script_param, &model::Parameter::name) -
            method->signature.begin();
        if (static_cast<unsigned>(position) < call->getNumArgs()) {
          Value body = values_.evaluate(call->getArg(static_cast<unsigned>(position)), function_);
          op.script = lua::script_from_value(body, {"", op.call.file == 0 ? op.call.begin : 0u,
                                                    input_.file, input_.analysis, *input_.scripts});
        }
      }
    }
    if (!frontend::assign_command(op, std::move(argv))) return;
    if (!op.script && (op.command == "EVAL" || op.command == "EVAL_RO") && !op.argv.empty() &&
        input_.scripts != nullptr) {
      // redisCommand(c, "EVAL %s 2 %s %s", SCRIPT, a, b): the body is argv[1].
      op.script = lua::script_from_value(Value::string(op.argv.front().value),
                                         {"", op.call.file == 0 ? op.call.begin : 0u, input_.file,
                                          input_.analysis, *input_.scripts});
    }
    frontend::apply_client_behaviour(op, api, cls, *method, false);
    op.group = batch_group(root, *target);
    if (op.group) op.iteration_symbols = iteration_symbols(call, *op.group);
    op.error_handling = error_handling(call, cls.tryagain_raises);
    if (input_.includes != nullptr && !input_.includes->missing.empty() &&
        std::ranges::any_of(call->arguments(),
                            [](const clang::Expr* arg) { return arg->containsErrors(); })) {
      op.caveats.push_back(fmt::format(
          "Its arguments use names Clang could not resolve: a header was not found ({}).",
          fmt::join(input_.includes->missing, ", ")));
    }
    auto location = map_.sources().getFileLoc(call->getBeginLoc());
    pending_.push_back({function_,
                        root.variable != nullptr ? root.variable : named_decl(target->receiver),
                        map_.sources().getFileOffset(location), input_.analysis.ops.size()});
    input_.analysis.ops.push_back(std::move(op));
  }

  clang::ASTContext& context_;
  SourceMap& map_;
  const CollectorInput& input_;
  ClangValues values_;
  clang::FunctionDecl* function_ = nullptr;
  std::vector<Pending> pending_;
};

}  // namespace

void collect_calls(clang::ASTContext& context, SourceMap& map, const CollectorInput& input) {
  // Only the project's code has calls to report, and the parent map
  // (getParents, built on first use over the traversal scope) need not cover
  // the system headers, most of a unit.
  std::vector<clang::Decl*> ours;
  for (auto* decl : context.getTranslationUnitDecl()->decls()) {
    if (map.in_project_file(decl->getLocation())) ours.push_back(decl);
  }
  context.setTraversalScope(ours);
  Collector collector(context, map, input);
  for (auto* decl : ours) collector.TraverseDecl(decl);
  collector.group_sequences();
}

}  // namespace slotlint::cpp
