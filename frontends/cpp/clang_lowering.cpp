#include "frontends/cpp/clang_lowering.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <llvm/ADT/StringExtras.h>

namespace slotlint::cpp {
namespace {

// A record's name as models write it: `sw::redis::RedisCluster`, and for a
// template specialization with its first argument
// (`sw::redis::QueuedRedis<sw::redis::PipelineImpl>`).
std::string model_type_name(const clang::CXXRecordDecl* record) {
  auto qualified = record->getQualifiedNameAsString();
  if (const auto* specialization = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record)) {
    const auto& args = specialization->getTemplateArgs();
    if (args.size() > 0 && args[0].getKind() == clang::TemplateArgument::Type) {
      clang::PrintingPolicy policy(record->getASTContext().getLangOpts());
      policy.SuppressTagKeyword = true;
      return qualified + "<" + args[0].getAsType().getAsString(policy) + ">";
    }
  }
  return qualified;
}

std::string plain_name(const clang::NamedDecl* decl) {
  if (decl == nullptr || !decl->getDeclName().isIdentifier()) return {};
  return decl->getName().str();
}

// A declared type as an annotation: the record it is, refers or points to
// (typedefs resolved), else the type as Clang prints it.
std::string annotation(clang::QualType type) {
  if (type.isNull()) return {};
  auto bare = type.getNonReferenceType().getCanonicalType();
  if (bare->isPointerType()) bare = bare->getPointeeType().getCanonicalType();
  bare = bare.getUnqualifiedType();
  if (const auto* record = bare->getAsCXXRecordDecl()) return model_type_name(record);
  if (const auto* record = bare->getAsRecordDecl()) return record->getNameAsString();
  return type.getAsString();
}

bool is_string_type(clang::QualType type) {
  auto name = annotation(type);
  name = name.substr(0, name.find('<'));  // the class, not its template arguments
  return name.ends_with("basic_string") || name.ends_with("basic_string_view") ||
         name.ends_with("string_view") || name.ends_with("StringView");
}

const clang::Expr* strip(const clang::Expr* expr) {
  for (int guard = 0; guard < 64 && expr != nullptr; ++guard) {
    const clang::Expr* next = expr->IgnoreParenImpCasts();
    if (const auto* e = llvm::dyn_cast<clang::ExprWithCleanups>(next)) next = e->getSubExpr();
    if (const auto* e = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(next))
      next = e->getSubExpr();
    if (const auto* e = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(next)) next = e->getSubExpr();
    if (const auto* e = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(next)) next = e->getSubExpr();
    if (const auto* e = llvm::dyn_cast<clang::CStyleCastExpr>(next)) next = e->getSubExpr();
    if (const auto* e = llvm::dyn_cast<clang::CXXStaticCastExpr>(next)) next = e->getSubExpr();
    // A conversion operator (`std::string` to `std::string_view`): the object.
    if (const auto* e = llvm::dyn_cast<clang::CXXMemberCallExpr>(next);
        e != nullptr && llvm::isa_and_nonnull<clang::CXXConversionDecl>(e->getMethodDecl()))
      next = e->getImplicitObjectArgument();
    if (const auto* e = llvm::dyn_cast<clang::CXXConstructExpr>(next)) {
      // A copy, a move, or a string made of one value: that value.
      bool one = e->getNumArgs() == 1 ||
                 (e->getNumArgs() > 1 && llvm::isa<clang::CXXDefaultArgExpr>(e->getArg(1)));
      if (one && (e->getConstructor()->isCopyOrMoveConstructor() || is_string_type(e->getType())))
        next = e->getArg(0);
    }
    if (next == expr) return expr;
    expr = next;
  }
  return expr;
}

class Lowerer {
 public:
  Lowerer(clang::ASTContext& context, SourceMap& map, std::string_view path,
          const LoweringLimits& limits)
      : context_(context), map_(map), limits_(limits) {
    module_.path = std::string(path);
    module_.language = "cpp";
  }

  il::Module run() {
    il::Function body;
    body.kind = il::Function::Kind::ModuleBody;
    module_.body = module_.add(std::move(body));
    current_ = module_.body;
    std::vector<il::StmtId> statements;
    declarations(context_.getTranslationUnitDecl(), statements);
    module_.functions[module_.body].body = std::move(statements);
    return std::move(module_);
  }

 private:
  // ---- declarations

  void declarations(const clang::DeclContext* context, std::vector<il::StmtId>& out) {
    for (const auto* decl : context->decls()) {
      if (llvm::isa<clang::NamespaceDecl, clang::LinkageSpecDecl>(decl)) {
        declarations(llvm::cast<clang::DeclContext>(decl), out);
        continue;
      }
      if (!map_.in_project_file(decl->getLocation())) continue;
      if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(decl)) {
        if (record->isThisDeclarationADefinition() && !record->isDependentContext())
          class_of(record, out);
      } else if (const auto* templ = llvm::dyn_cast<clang::ClassTemplateDecl>(decl)) {
        // Code in templates is read where it is instantiated: only there are
        // its calls resolved (a `Client& client_` member of `Store<Client>`).
        for (const auto* specialization : templ->specializations()) {
          if (specialization->isThisDeclarationADefinition()) class_of(specialization, out);
        }
      } else if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(decl)) {
        // Defined outside its class: a method of the class as lowered.
        if (method->doesThisDeclarationHaveABody() && !method->isDependentContext())
          if (auto found = classes_.find(method->getParent()); found != classes_.end())
            module_.classes[found->second].methods.push_back(function(method, found->second));
      } else if (const auto* function_decl = llvm::dyn_cast<clang::FunctionDecl>(decl)) {
        if (function_decl->doesThisDeclarationHaveABody() && !function_decl->isDependentContext())
          function(function_decl, il::kNone);
      } else if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl)) {
        // Constants and globals the module body sets.
        if (var->getInit() != nullptr) {
          auto target = pattern_named(var->getQualifiedNameAsString(), var->getSourceRange());
          out.push_back(
              add_stmt(il::Assign{{target}, expr(var->getInit()), true, annotation(var->getType())},
                       var->getSourceRange()));
        }
      }
    }
  }

  il::ClassId class_of(const clang::CXXRecordDecl* record, std::vector<il::StmtId>& out) {
    il::Class cls;
    cls.name = model_type_name(record);
    // Static data members are globals the module body sets, by qualified name.
    for (const auto* decl : record->decls()) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
      if (var == nullptr || !var->isStaticDataMember() || var->getInit() == nullptr) continue;
      auto target = pattern_named(var->getQualifiedNameAsString(), var->getSourceRange());
      out.push_back(
          add_stmt(il::Assign{{target}, expr(var->getInit()), true, annotation(var->getType())},
                   var->getSourceRange()));
    }
    cls.span = span(record->getSourceRange());
    for (const auto& base : record->bases()) {
      cls.bases.push_back(add(il::Name{annotation(base.getType())}, base.getSourceRange()));
    }
    for (const auto* field : record->fields()) {
      il::Field f;
      f.name = plain_name(field);
      f.declared_type = annotation(field->getType());
      f.span = span(field->getSourceRange());
      if (field->hasInClassInitializer() && field->getInClassInitializer() != nullptr)
        f.initializer = expr(field->getInClassInitializer());
      cls.fields.push_back(std::move(f));
    }
    auto id = module_.add(std::move(cls));
    classes_.emplace(record, id);
    for (const auto* method : record->methods()) {
      if (method->doesThisDeclarationHaveABody())
        module_.classes[id].methods.push_back(function(method, id));
    }
    // No constructor written in the class: the implicit one, which sets the
    // fields' initializers (one written outside the class replaces it).
    bool written = std::ranges::any_of(
        record->ctors(), [](const clang::CXXConstructorDecl* c) { return c->isUserProvided(); });
    if (!written) {
      il::Function implicit;
      implicit.kind = il::Function::Kind::Constructor;
      implicit.name = plain_name(record);
      implicit.receiver = "this";
      implicit.owner = id;
      implicit.span = module_.classes[id].span;
      module_.classes[id].methods.push_back(module_.add(std::move(implicit)));
    }
    return id;
  }

  il::FunctionId function(const clang::FunctionDecl* decl, il::ClassId owner) {
    il::Function f;
    const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(decl);
    if (owner != il::kNone && method != nullptr) {
      f.name = plain_name(decl);
      f.kind = llvm::isa<clang::CXXConstructorDecl>(decl) ? il::Function::Kind::Constructor
               : method->isStatic()                       ? il::Function::Kind::StaticMethod
                                                          : il::Function::Kind::Method;
      if (!method->isStatic()) f.receiver = "this";
      f.owner = owner;
    } else {
      f.name = decl->getQualifiedNameAsString();
    }
    f.span = span(decl->getSourceRange());
    for (const auto* param : decl->parameters()) {
      il::Parameter p;
      p.name = plain_name(param);
      p.declared_type = annotation(param->getType());
      p.span = span(param->getSourceRange());
      f.params.push_back(std::move(p));
    }
    if (decl->isVariadic()) {
      il::Parameter rest;
      rest.kind = il::Parameter::Kind::VarArgs;
      rest.name = "...";
      f.params.push_back(std::move(rest));
    }
    auto id = module_.add(std::move(f));
    auto saved = current_;
    current_ = id;
    std::vector<il::StmtId> body;
    if (const auto* constructor = llvm::dyn_cast<clang::CXXConstructorDecl>(decl)) {
      for (const auto* init : constructor->inits()) {
        // `Base(args)`: the base class's constructor run on this object, as
        // the engine runs `super().Base(args)`.
        if (init->isBaseInitializer() && init->isWritten()) {
          const auto* made =
              llvm::dyn_cast_or_null<clang::CXXConstructExpr>(strip(init->getInit()));
          if (made == nullptr) continue;
          auto at = init->getSourceRange();
          auto super = add(il::Call{add(il::Name{"super"}, at), {}, false}, at);
          auto callee = add(il::Attribute{super, plain_name(made->getConstructor()), span(at)}, at);
          il::Call call{callee, {}, false};
          for (const auto* arg : made->arguments()) {
            if (!llvm::isa<clang::CXXDefaultArgExpr>(arg))
              call.args.push_back({il::Argument::Kind::Positional, {}, expr(arg)});
          }
          body.push_back(add_stmt(il::ExpressionStatement{add(std::move(call), at)}, at));
          continue;
        }
        const auto* field = init->getMember();
        if (field == nullptr || init->getInit() == nullptr || !init->isWritten()) continue;
        auto target = module_.add(
            il::Pattern{il::AttributePattern{this_expr(init->getSourceRange()), plain_name(field)},
                        span(init->getSourceRange())});
        body.push_back(add_stmt(il::Assign{{target}, expr(init->getInit()), false, {}},
                                init->getSourceRange()));
      }
    }
    statement(decl->getBody(), body);
    module_.functions[id].body = std::move(body);
    current_ = saved;
    return id;
  }

  // ---- statements

  std::vector<il::StmtId> block(const clang::Stmt* stmt) {
    std::vector<il::StmtId> out;
    statement(stmt, out);
    return out;
  }

  void statement(const clang::Stmt* stmt, std::vector<il::StmtId>& out) {
    if (stmt == nullptr) return;
    Nest nest(*this);
    if (!nest.ok) {
      out.push_back(
          add_stmt(il::ExpressionStatement{add(il::Opaque{too_deep(), {}}, stmt->getSourceRange())},
                   stmt->getSourceRange()));
      return;
    }
    auto range = stmt->getSourceRange();
    if (const auto* compound = llvm::dyn_cast<clang::CompoundStmt>(stmt)) {
      for (const auto* child : compound->body()) statement(child, out);
    } else if (const auto* decls = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
      for (const auto* decl : decls->decls()) {
        const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
        if (var == nullptr) continue;
        auto target = pattern_named(plain_name(var), var->getSourceRange());
        // `auto [a, b] = ...`: a sequence pattern of its bindings.
        if (const auto* decomposition = llvm::dyn_cast<clang::DecompositionDecl>(var)) {
          il::SequencePattern items;
          for (const auto* binding : decomposition->bindings())
            items.items.push_back(pattern_named(plain_name(binding), binding->getSourceRange()));
          target = module_.add(il::Pattern{std::move(items), span(var->getSourceRange())});
        }
        auto value = var->getInit() != nullptr ? expr(var->getInit()) : il::kNone;
        out.push_back(add_stmt(il::Assign{{target}, value, true, annotation(var->getType())},
                               var->getSourceRange()));
      }
    } else if (const auto* branch = llvm::dyn_cast<clang::IfStmt>(stmt)) {
      if (branch->getInit() != nullptr) statement(branch->getInit(), out);
      if (const auto* declared = branch->getConditionVariableDeclStmt()) statement(declared, out);
      out.push_back(add_stmt(
          il::If{expr(branch->getCond()), block(branch->getThen()), block(branch->getElse())},
          range));
    } else if (const auto* loop = llvm::dyn_cast<clang::CXXForRangeStmt>(stmt)) {
      if (loop->getInit() != nullptr) statement(loop->getInit(), out);
      const auto* var = loop->getLoopVariable();
      il::Loop l;
      l.kind = il::Loop::Kind::ForEach;
      l.element = pattern_named(plain_name(var), var->getSourceRange());
      l.iterable = expr(loop->getRangeInit());
      l.body = block(loop->getBody());
      out.push_back(add_stmt(std::move(l), range));
    } else if (const auto* loop = llvm::dyn_cast<clang::ForStmt>(stmt)) {
      statement(loop->getInit(), out);
      il::Loop l;
      l.kind = il::Loop::Kind::While;
      l.iterable = loop->getCond() != nullptr ? expr(loop->getCond())
                                              : add(il::Constant{il::Constant::Kind::True}, range);
      l.body = block(loop->getBody());
      if (loop->getInc() != nullptr) statement(loop->getInc(), l.body);
      out.push_back(add_stmt(std::move(l), range));
    } else if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(stmt)) {
      out.push_back(add_stmt(
          il::Loop{
              il::Loop::Kind::While, il::kNone, expr(loop->getCond()), block(loop->getBody()), {}},
          range));
    } else if (const auto* loop = llvm::dyn_cast<clang::DoStmt>(stmt)) {
      // The body runs once before the condition is first tested.
      statement(loop->getBody(), out);
      out.push_back(add_stmt(
          il::Loop{
              il::Loop::Kind::While, il::kNone, expr(loop->getCond()), block(loop->getBody()), {}},
          range));
    } else if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(stmt)) {
      out.push_back(add_stmt(
          il::Return{ret->getRetValue() != nullptr ? expr(ret->getRetValue()) : il::kNone}, range));
    } else if (const auto* attempt = llvm::dyn_cast<clang::CXXTryStmt>(stmt)) {
      il::Try t;
      t.body = block(attempt->getTryBlock());
      for (unsigned i = 0; i < attempt->getNumHandlers(); ++i) {
        const auto* handler = attempt->getHandler(i);
        il::Handler h;
        auto caught = handler->getCaughtType();
        if (!caught.isNull()) h.types.push_back(annotation(caught));
        if (const auto* var = handler->getExceptionDecl()) h.name = plain_name(var);
        h.body = block(handler->getHandlerBlock());
        h.span = span(handler->getSourceRange());
        t.handlers.push_back(std::move(h));
      }
      out.push_back(add_stmt(std::move(t), range));
    } else if (const auto* choice = llvm::dyn_cast<clang::SwitchStmt>(stmt)) {
      // Each case may run or not: the body as one branch.
      if (choice->getInit() != nullptr) statement(choice->getInit(), out);
      out.push_back(add_stmt(il::If{expr(choice->getCond()), block(choice->getBody()), {}}, range));
    } else if (const auto* label = llvm::dyn_cast<clang::SwitchCase>(stmt)) {
      statement(label->getSubStmt(), out);
    } else if (const auto* labelled = llvm::dyn_cast<clang::LabelStmt>(stmt)) {
      statement(labelled->getSubStmt(), out);
    } else if (llvm::isa<clang::BreakStmt>(stmt)) {
      out.push_back(add_stmt(il::Break{}, range));
    } else if (llvm::isa<clang::ContinueStmt>(stmt)) {
      out.push_back(add_stmt(il::Continue{}, range));
    } else if (llvm::isa<clang::NullStmt>(stmt)) {
      return;
    } else if (const auto* e = llvm::dyn_cast<clang::Expr>(stmt)) {
      expression_statement(e, out);
    } else {
      std::vector<il::ExprId> children;
      for (const auto* child : stmt->children()) {
        if (const auto* e = llvm::dyn_cast_or_null<clang::Expr>(child)) children.push_back(expr(e));
      }
      out.push_back(
          add_stmt(il::ExpressionStatement{add(
                       il::Opaque{std::string("a ") + stmt->getStmtClassName() + " statement",
                                  std::move(children)},
                       range)},
                   range));
    }
  }

  // Assignments and `+=` (built in or overloaded) are statements in the IL.
  void expression_statement(const clang::Expr* e, std::vector<il::StmtId>& out) {
    auto range = e->getSourceRange();
    const auto* bare = strip(e);
    const clang::Expr* left = nullptr;
    const clang::Expr* right = nullptr;
    bool augmented = false;
    if (const auto* op = llvm::dyn_cast<clang::BinaryOperator>(bare)) {
      if (op->getOpcode() == clang::BO_Assign || op->getOpcode() == clang::BO_AddAssign) {
        left = op->getLHS();
        right = op->getRHS();
        augmented = op->getOpcode() == clang::BO_AddAssign;
      }
    } else if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(bare);
               op != nullptr && written_into_stream(op, out)) {
      return;
    } else if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(bare)) {
      auto kind = op->getOperator();
      if ((kind == clang::OO_Equal || kind == clang::OO_PlusEqual) && op->getNumArgs() == 2) {
        left = op->getArg(0);
        right = op->getArg(1);
        augmented = kind == clang::OO_PlusEqual;
      }
    } else if (const auto* throws = llvm::dyn_cast<clang::CXXThrowExpr>(bare)) {
      out.push_back(add_stmt(
          il::Raise{throws->getSubExpr() != nullptr ? expr(throws->getSubExpr()) : il::kNone},
          range));
      return;
    }
    if (left != nullptr) {
      auto target = pattern(left);
      if (target != il::kNone) {
        auto value = expr(right);
        if (augmented) {
          out.push_back(add_stmt(il::AugmentedAssign{target, il::Binary::Op::Add, value}, range));
        } else {
          out.push_back(add_stmt(il::Assign{{target}, value, false, {}}, range));
        }
        return;
      }
    }
    out.push_back(add_stmt(il::ExpressionStatement{expr(e)}, range));
  }

  // `text << a << b` on a string stream: `text += a; text += b`.
  bool written_into_stream(const clang::CXXOperatorCallExpr* op, std::vector<il::StmtId>& out) {
    std::vector<const clang::Expr*> pieces;
    const clang::Expr* stream = op;
    for (int guard = 0; guard < 64; ++guard) {
      const auto* shift = llvm::dyn_cast<clang::CXXOperatorCallExpr>(strip(stream));
      if (shift == nullptr || shift->getOperator() != clang::OO_LessLess ||
          shift->getNumArgs() != 2)
        break;
      pieces.push_back(shift->getArg(1));
      stream = shift->getArg(0);
    }
    if (pieces.empty() || !is_string_stream(strip(stream))) return false;
    auto target = pattern(stream);
    if (target == il::kNone) return false;
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
      out.push_back(add_stmt(il::AugmentedAssign{target, il::Binary::Op::Add, expr(*it)},
                             (*it)->getSourceRange()));
      if (std::next(it) != pieces.rend()) target = pattern(stream);
    }
    return true;
  }

  il::PatternId pattern(const clang::Expr* e) {
    const auto* bare = strip(e);
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(bare)) {
      if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()))
        return pattern_named(variable_name(var), bare->getSourceRange());
    }
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(bare)) {
      return module_.add(
          il::Pattern{il::AttributePattern{object_of(member), plain_name(member->getMemberDecl())},
                      span(bare->getSourceRange())});
    }
    if (const auto* deref = llvm::dyn_cast<clang::UnaryOperator>(bare);
        deref != nullptr && deref->getOpcode() == clang::UO_Deref) {
      return pattern(deref->getSubExpr());
    }
    return il::kNone;
  }

  il::PatternId pattern_named(std::string name, clang::SourceRange range) {
    return module_.add(il::Pattern{il::NamePattern{std::move(name)}, span(range)});
  }

  // ---- expressions

  il::ExprId expr(const clang::Expr* e) {
    if (e == nullptr) return il::kNone;
    Nest nest(*this);
    if (!nest.ok) return add(il::Opaque{too_deep(), {}}, e->getSourceRange());
    const auto* bare = strip(e);
    auto range = bare->getSourceRange();
    if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(bare)) return string(literal);
    if (const auto* number = llvm::dyn_cast<clang::IntegerLiteral>(bare)) {
      auto value = number->getValue();
      std::optional<std::int64_t> fits;
      if (value.getActiveBits() < 63) fits = static_cast<std::int64_t>(value.getZExtValue());
      return add(il::NumberLiteral{llvm::toString(value, 10, false), fits}, range);
    }
    if (const auto* boolean = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(bare)) {
      return add(
          il::Constant{boolean->getValue() ? il::Constant::Kind::True : il::Constant::Kind::False},
          range);
    }
    if (llvm::isa<clang::CXXNullPtrLiteralExpr, clang::GNUNullExpr>(bare))
      return add(il::Constant{il::Constant::Kind::Null}, range);
    if (llvm::isa<clang::CXXThisExpr>(bare)) return this_expr(range);
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(bare)) return reference(ref);
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(bare)) {
      return add(il::Attribute{object_of(member), plain_name(member->getMemberDecl()),
                               span(member->getMemberLoc(), member->getMemberLoc())},
                 range);
    }
    if (const auto* list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(bare))
      return expr(list->getSubExpr());
    if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(bare)) {
      il::SequenceLiteral sequence;
      for (const auto* item : list->inits()) {
        sequence.items.push_back(expr(item));
        sequence.spread.push_back(false);
      }
      return add(std::move(sequence), range);
    }
    if (const auto* conditional = llvm::dyn_cast<clang::ConditionalOperator>(bare)) {
      return add(il::Conditional{expr(conditional->getCond()), expr(conditional->getTrueExpr()),
                                 expr(conditional->getFalseExpr())},
                 range);
    }
    if (const auto* op = llvm::dyn_cast<clang::BinaryOperator>(bare)) return binary(op);
    if (const auto* op = llvm::dyn_cast<clang::UnaryOperator>(bare)) {
      switch (op->getOpcode()) {
        case clang::UO_AddrOf:
        case clang::UO_Deref:
          return expr(op->getSubExpr());  // a pointer to a client is the client
        case clang::UO_LNot:
          return add(il::Test{il::Test::Kind::Falsy, expr(op->getSubExpr()), {}}, range);
        default:
          return opaque(bare, "a unary operator");
      }
    }
    if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(bare)) return operator_call(op);
    if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(bare)) return member_call(call);
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(bare)) return free_call(call);
    if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(bare))
      return construction(construct);
    // `new T(...)`: the object made (a pointer to a client is the client).
    if (const auto* made = llvm::dyn_cast<clang::CXXNewExpr>(bare);
        made != nullptr && made->getConstructExpr() != nullptr && !made->isArray())
      return construction(made->getConstructExpr());
    if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(bare)) {
      const auto* call = lambda->getCallOperator();
      if (call == nullptr || call->isDependentContext() || call->getBody() == nullptr)
        return opaque(bare, "a generic lambda");
      auto id = function(call, il::kNone);
      module_.functions[id].name.clear();
      module_.functions[id].enclosing = current_;
      return add(il::Lambda{id}, range);
    }
    if (const auto* array = llvm::dyn_cast<clang::ArraySubscriptExpr>(bare))
      return add(il::Index{expr(array->getBase()), expr(array->getIdx())}, range);
    return opaque(bare, std::string("a ") + bare->getStmtClassName());
  }

  il::ExprId string(const clang::StringLiteral* literal) {
    auto range = literal->getSourceRange();
    if (!literal->isOrdinary() && !literal->isUTF8())
      return add(il::Opaque{"a wide string literal", {}}, range);
    if (literal->getNumConcatenated() > 1) {
      if (auto pieces = concatenated(literal)) return *pieces;
    }
    il::StringLiteral s;
    s.text = literal->getString().str();
    // One token written without escapes: its bytes are the source's.
    auto at = span(range);
    if (literal->getNumConcatenated() == 1 && !range.getBegin().isMacroID() &&
        at.end >= at.begin + 2 && at.end - at.begin == s.text.size() + 2) {
      s.maps_to_source = true;
      at = {at.file, at.begin + 1, at.end - 1};
    }
    return module_.add(il::Expr{std::move(s), at});
  }

  // "a " "b": one piece per token, each where it is written (when every
  // token is written without escapes, outside macros).
  std::optional<il::ExprId> concatenated(const clang::StringLiteral* literal) {
    il::Template pieces;
    std::string joined;
    for (unsigned i = 0; i < literal->getNumConcatenated(); ++i) {
      auto location = literal->getStrTokenLoc(i);
      if (location.isMacroID()) return std::nullopt;
      auto token = map_.text(clang::SourceRange(location, location));
      auto at = map_.span(location, location);
      if (token.size() < 2 || token.front() != '"' || !at ||
          token.find('\\') != std::string_view::npos)
        return std::nullopt;
      il::TemplatePart part;
      part.literal = std::string(token.substr(1, token.size() - 2));
      part.span = {at->file, at->begin + 1, at->end - 1};
      part.maps_to_source = true;
      joined += part.literal;
      pieces.parts.push_back(std::move(part));
    }
    if (joined != literal->getString()) return std::nullopt;
    return add(std::move(pieces), literal->getSourceRange());
  }

  il::ExprId reference(const clang::DeclRefExpr* ref) {
    auto range = ref->getSourceRange();
    const auto* decl = ref->getDecl();
    if (const auto* constant = llvm::dyn_cast<clang::EnumConstantDecl>(decl)) {
      auto value = constant->getInitVal();
      return add(il::NumberLiteral{llvm::toString(value, 10), value.getSExtValue()}, range);
    }
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl))
      return add(il::Name{variable_name(var)}, range);
    if (const auto* function_decl = llvm::dyn_cast<clang::FunctionDecl>(decl)) {
      auto name = function_decl->getQualifiedNameAsString();
      import_if_elsewhere(function_decl, name);
      return add(il::Name{name}, range);
    }
    return add(il::Name{plain_name(decl)}, range);
  }

  // A local or parameter by its name; a global or static member by its
  // qualified name.
  static std::string variable_name(const clang::VarDecl* var) {
    if (var->isLocalVarDeclOrParm()) return plain_name(var);
    return var->getQualifiedNameAsString();
  }

  // A project function with no body in this unit: its definition is in
  // another one.
  void import_if_elsewhere(const clang::FunctionDecl* function_decl, const std::string& name) {
    if (function_decl->getDefinition() != nullptr ||
        llvm::isa<clang::CXXMethodDecl>(function_decl) ||
        !map_.in_project_file(function_decl->getLocation()) || !imported_.insert(name).second)
      return;
    il::Import import;
    import.module = std::string(kOtherUnit);
    import.names.emplace_back(name, name);
    import.span = span(function_decl->getSourceRange());
    module_.imports.push_back(std::move(import));
  }

  il::ExprId object_of(const clang::MemberExpr* member) {
    if (member->isImplicitAccess()) return this_expr(member->getSourceRange());
    return expr(member->getBase());
  }

  il::ExprId this_expr(clang::SourceRange range) { return add(il::Name{"this"}, range); }

  il::ExprId binary(const clang::BinaryOperator* op) {
    auto range = op->getSourceRange();
    il::Binary::Op kind = il::Binary::Op::Other;
    switch (op->getOpcode()) {
      case clang::BO_Add:
        kind = il::Binary::Op::Add;
        break;
      case clang::BO_Sub:
        kind = il::Binary::Op::Subtract;
        break;
      case clang::BO_Mul:
        kind = il::Binary::Op::Multiply;
        break;
      case clang::BO_Rem:
        kind = il::Binary::Op::Modulo;
        break;
      case clang::BO_LAnd:
        kind = il::Binary::Op::And;
        break;
      case clang::BO_LOr:
        kind = il::Binary::Op::Or;
        break;
      case clang::BO_EQ:
        kind = il::Binary::Op::Equal;
        break;
      case clang::BO_NE:
        kind = il::Binary::Op::NotEqual;
        break;
      case clang::BO_Comma: {
        // `a, b`: b, with a still evaluated.
        return add(il::Opaque{"a comma expression", {expr(op->getLHS()), expr(op->getRHS())}},
                   range);
      }
      default:
        if (op->isAssignmentOp()) return opaque(op, "an assignment inside an expression");
        break;
    }
    // A pointer compared with null: a test the engine refines on.
    if ((kind == il::Binary::Op::Equal || kind == il::Binary::Op::NotEqual) &&
        op->getRHS()->isNullPointerConstant(context_, clang::Expr::NPC_ValueDependentIsNotNull)) {
      return add(il::Test{kind == il::Binary::Op::Equal ? il::Test::Kind::IsNull
                                                        : il::Test::Kind::IsNotNull,
                          expr(op->getLHS()),
                          {}},
                 range);
    }
    return add(il::Binary{kind, expr(op->getLHS()), expr(op->getRHS())}, range);
  }

  il::ExprId operator_call(const clang::CXXOperatorCallExpr* op) {
    auto range = op->getSourceRange();
    auto kind = op->getOperator();
    if (op->getNumArgs() == 2 && kind == clang::OO_Plus)
      return add(il::Binary{il::Binary::Op::Add, expr(op->getArg(0)), expr(op->getArg(1))}, range);
    if (op->getNumArgs() == 2 && kind == clang::OO_Subscript)
      return add(il::Index{expr(op->getArg(0)), expr(op->getArg(1))}, range);
    if (op->getNumArgs() == 2 && (kind == clang::OO_EqualEqual || kind == clang::OO_ExclaimEqual)) {
      return add(il::Binary{kind == clang::OO_EqualEqual ? il::Binary::Op::Equal
                                                         : il::Binary::Op::NotEqual,
                            expr(op->getArg(0)), expr(op->getArg(1))},
                 range);
    }
    if (op->getNumArgs() == 1 && (kind == clang::OO_Star || kind == clang::OO_Arrow))
      return expr(op->getArg(0));  // a smart pointer's object is the object
    // `f(x)` on a lambda or function object: a call of it.
    if (kind == clang::OO_Call && op->getNumArgs() >= 1) {
      std::vector<il::Argument> args;
      for (const auto& arg : arguments(op, 1)) args.push_back(arg);
      return add(il::Call{expr(op->getArg(0)), std::move(args), false}, range);
    }
    return opaque(op, "an overloaded operator");
  }

  std::vector<il::Argument> arguments(const clang::CallExpr* call, unsigned first) {
    std::vector<il::Argument> args;
    for (unsigned i = first; i < call->getNumArgs(); ++i) {
      if (llvm::isa<clang::CXXDefaultArgExpr>(call->getArg(i))) continue;
      // (first, last): the range is its first argument, the container.
      if (i > first && is_range_end(call->getArg(i)) && is_range_begin(call->getArg(i - 1)))
        continue;
      args.push_back({il::Argument::Kind::Positional, {}, expr(call->getArg(i))});
    }
    return args;
  }

  // `keys.begin()`, `std::begin(keys)` (and their const forms).
  static bool is_range_begin(const clang::Expr* e) {
    return range_call(e, {"begin", "cbegin"}) != nullptr;
  }
  static bool is_range_end(const clang::Expr* e) {
    return range_call(e, {"end", "cend"}) != nullptr;
  }
  // The container of `c.name()` or `std::name(c)`.
  static const clang::Expr* range_call(const clang::Expr* e,
                                       std::initializer_list<std::string_view> names) {
    const auto* bare = strip(e);
    const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(bare);
    const auto* callee = call != nullptr ? call->getDirectCallee() : nullptr;
    if (callee == nullptr) return nullptr;
    auto name = plain_name(callee);
    if (std::ranges::find(names, name) == names.end()) return nullptr;
    if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call))
      return member->getNumArgs() == 0 ? member->getImplicitObjectArgument() : nullptr;
    return callee->isInStdNamespace() && call->getNumArgs() == 1 ? call->getArg(0) : nullptr;
  }

  il::ExprId member_call(const clang::CXXMemberCallExpr* call) {
    auto range = call->getSourceRange();
    const auto* method = call->getMethodDecl();
    const auto* callee = llvm::dyn_cast<clang::MemberExpr>(call->getCallee()->IgnoreParens());
    if (method == nullptr || callee == nullptr) return opaque(call, "a call through a pointer");
    // `s.c_str()`, `s.data()`, `sv.str()`: the string itself.
    auto name = plain_name(method);
    if ((name == "c_str" || name == "data") && call->getNumArgs() == 0 &&
        is_string_type(call->getImplicitObjectArgument()->getType()))
      return expr(call->getImplicitObjectArgument());
    // `text.str()` of a string stream: the text written into it.
    if (name == "str" && call->getNumArgs() == 0 &&
        is_string_stream(call->getImplicitObjectArgument()))
      return expr(call->getImplicitObjectArgument());
    // An iterator range's first (`keys.begin()`): the container it ranges over.
    if (is_range_begin(call)) return expr(call->getImplicitObjectArgument());
    auto attribute = add(il::Attribute{object_of(callee), name,
                                       span(callee->getMemberLoc(), callee->getMemberLoc())},
                         callee->getSourceRange());
    return add(il::Call{attribute, arguments(call, 0), false}, range);
  }

  il::ExprId free_call(const clang::CallExpr* call) {
    auto range = call->getSourceRange();
    const auto* callee = call->getDirectCallee();
    if (callee == nullptr) {
      std::vector<il::ExprId> children{expr(call->getCallee())};
      for (const auto& arg : arguments(call, 0)) children.push_back(arg.value);
      return add(il::Opaque{"a call of a computed function", std::move(children)}, range);
    }
    auto name = callee->getQualifiedNameAsString();
    auto callee_range = call->getCallee()->getSourceRange();
    if (auto known = library_call(call, callee)) return *known;
    // `std::begin(keys)`: the container it ranges over.
    if (const auto* container = range_call(call, {"begin", "cbegin"})) return expr(container);
    // A static method (`Store::tagged_key(...)`): the class's.
    if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
        method != nullptr && method->isStatic()) {
      auto attribute =
          add(il::Attribute{add(il::Name{model_type_name(method->getParent())}, callee_range),
                            plain_name(method), span(callee_range)},
              callee_range);
      return add(il::Call{attribute, arguments(call, 0), false}, range);
    }
    // A library's C function on a context (`redisCommand(c, ...)`): a
    // method of the context, which stays its first argument.
    bool library = !map_.in_project_file(callee->getLocation()) ||
                   limits_.library_functions.contains(plain_name(callee));
    if (library && call->getNumArgs() > 0 && !llvm::isa<clang::CXXMethodDecl>(callee)) {
      auto first = strip(call->getArg(0))->getType().getCanonicalType();
      if (first->isPointerType() && first->getPointeeType()->isRecordType()) {
        auto attribute =
            add(il::Attribute{expr(call->getArg(0)), plain_name(callee), span(callee_range)},
                callee_range);
        return add(il::Call{attribute, arguments(call, 0), false}, range);
      }
    }
    import_if_elsewhere(callee, name);
    return add(il::Call{add(il::Name{name}, callee_range), arguments(call, 0), false}, range);
  }

  il::ExprId construction(const clang::CXXConstructExpr* construct) {
    auto range = construct->getSourceRange();
    const auto* record = construct->getConstructor()->getParent();
    // A library's struct of public fields made empty (`ConnectionOptions
    // opts;`): a map its fields are set in one by one.
    if (construct->getNumArgs() == 0 && !construct->getConstructor()->isUserProvided() &&
        is_plain_struct(record) && !map_.in_project_file(record->getLocation()))
      return add(il::MapLiteral{}, range);
    // A string stream made empty: the text written into it (`s << x`).
    if (is_string_stream(record) && construct->getNumArgs() == 0) {
      il::StringLiteral empty;
      return add(std::move(empty), range);
    }
    if (auto container = container_kind(record)) {
      // A container made empty, or from an initializer list or a range.
      auto args = construct->getNumArgs();
      const clang::Expr* from = nullptr;
      if (args >= 1 && !llvm::isa<clang::CXXDefaultArgExpr>(construct->getArg(0)))
        from = construct->getArg(0);
      if (from == nullptr) {
        if (*container == Container::Map) return add(il::MapLiteral{}, range);
        return add(il::SequenceLiteral{}, range);
      }
      if (*container == Container::Map) {
        if (const auto* list = initializer_list(from)) return map_literal(list, range);
      }
      if (initializer_list(from) != nullptr || is_range_begin(from)) return expr(from);
    }
    il::Call call;
    call.callee = add(il::Name{model_type_name(record)}, range);
    call.constructs = true;
    for (const auto* arg : construct->arguments()) {
      if (llvm::isa<clang::CXXDefaultArgExpr>(arg)) continue;
      call.args.push_back({il::Argument::Kind::Positional, {}, expr(arg)});
    }
    return add(std::move(call), range);
  }

  // Public fields and nothing else but the special members.
  static bool is_plain_struct(const clang::CXXRecordDecl* record) {
    if (record == nullptr || !record->hasDefinition() || record->field_empty()) return false;
    for (const auto* field : record->fields()) {
      if (field->getAccess() != clang::AS_public) return false;
    }
    return std::ranges::all_of(record->methods(), [](const clang::CXXMethodDecl* method) {
      return method->isImplicit() ||
             llvm::isa<clang::CXXConstructorDecl, clang::CXXDestructorDecl>(method) ||
             method->isCopyAssignmentOperator() || method->isMoveAssignmentOperator();
    });
  }

  static bool is_string_stream(const clang::CXXRecordDecl* record) {
    if (record == nullptr || !record->isInStdNamespace()) return false;
    auto name = plain_name(record);
    return name == "basic_stringstream" || name == "basic_ostringstream";
  }
  static bool is_string_stream(const clang::Expr* e) {
    const auto* record = e->getType().getNonReferenceType()->getAsCXXRecordDecl();
    return is_string_stream(record);
  }

  enum class Container : std::uint8_t { Sequence, Map };
  // The standard containers a key list or map is kept in.
  static std::optional<Container> container_kind(const clang::CXXRecordDecl* record) {
    if (record == nullptr || !record->isInStdNamespace()) return std::nullopt;
    auto name = plain_name(record);
    if (name == "map" || name == "unordered_map" || name == "multimap") return Container::Map;
    if (name == "vector" || name == "list" || name == "deque" || name == "set" ||
        name == "unordered_set" || name == "array" || name == "initializer_list")
      return Container::Sequence;
    return std::nullopt;
  }

  static const clang::InitListExpr* initializer_list(const clang::Expr* e) {
    const auto* bare = strip(e);
    if (const auto* list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(bare))
      bare = strip(list->getSubExpr());
    return llvm::dyn_cast_or_null<clang::InitListExpr>(bare);
  }

  // `{{"a", "1"}, {"b", "2"}}` for a map: its entries.
  il::ExprId map_literal(const clang::InitListExpr* list, clang::SourceRange range) {
    il::MapLiteral map;
    for (const auto* item : list->inits()) {
      const auto* bare = strip(item);
      const auto* pair = llvm::dyn_cast<clang::InitListExpr>(bare);
      const clang::Expr* first = nullptr;
      const clang::Expr* second = nullptr;
      if (pair != nullptr && pair->getNumInits() == 2) {
        first = pair->getInit(0);
        second = pair->getInit(1);
      } else if (const auto* made = llvm::dyn_cast<clang::CXXConstructExpr>(bare);
                 made != nullptr && made->getNumArgs() == 2) {
        first = made->getArg(0);
        second = made->getArg(1);
      }
      if (first == nullptr) return expr(list);
      map.entries.emplace_back(expr(first), expr(second));
    }
    return add(std::move(map), range);
  }

  // What the standard library and fmt make, written the way C and C++ do:
  // std::make_pair, std::make_unique / make_shared (a construction),
  // fmt::format / std::format and snprintf / sprintf into a buffer (a
  // template; the buffer is assigned it).
  std::optional<il::ExprId> library_call(const clang::CallExpr* call,
                                         const clang::FunctionDecl* callee) {
    auto range = call->getSourceRange();
    auto name = plain_name(callee);
    auto qualified = callee->getQualifiedNameAsString();
    bool std_or_fmt = callee->isInStdNamespace() || qualified.starts_with("fmt::");
    if (std_or_fmt && (name == "make_pair" || name == "make_tuple")) {
      il::SequenceLiteral tuple{il::SequenceLiteral::Kind::Tuple, {}, {}};
      for (const auto& arg : arguments(call, 0)) {
        tuple.items.push_back(arg.value);
        tuple.spread.push_back(false);
      }
      return add(std::move(tuple), range);
    }
    if (callee->isInStdNamespace() && (name == "make_unique" || name == "make_shared")) {
      const auto* made = callee->getTemplateSpecializationArgs();
      if (made == nullptr || made->size() == 0 ||
          made->get(0).getKind() != clang::TemplateArgument::Type)
        return std::nullopt;
      const auto* record = made->get(0).getAsType()->getAsCXXRecordDecl();
      if (record == nullptr) return std::nullopt;
      il::Call construct;
      construct.callee =
          add(il::Name{model_type_name(record)}, call->getCallee()->getSourceRange());
      construct.constructs = true;
      construct.args = arguments(call, 0);
      return add(std::move(construct), range);
    }
    if (std_or_fmt && name == "format" && call->getNumArgs() >= 1) {
      if (const auto* pattern = literal_of(call->getArg(0)))
        return format_template(pattern, call, 1, /*brace=*/true);
    }
    // snprintf(buffer, size, format, ...), sprintf(buffer, format, ...).
    unsigned format_at = 0;
    if (name == "snprintf" || name == "__builtin_snprintf") format_at = 2;
    if (name == "sprintf" || name == "__builtin_sprintf") format_at = 1;
    if (format_at != 0 && call->getNumArgs() > format_at) {
      const auto* pattern = literal_of(call->getArg(format_at));
      auto target = pattern != nullptr ? pattern_of_buffer(call->getArg(0)) : il::kNone;
      if (target == il::kNone) return std::nullopt;
      auto value = format_template(pattern, call, format_at + 1, /*brace=*/false);
      return add(il::AssignExpression{target, value}, range);
    }
    return std::nullopt;
  }

  static const clang::StringLiteral* literal_of(const clang::Expr* e) {
    return llvm::dyn_cast_or_null<clang::StringLiteral>(strip(e));
  }

  // A local array or pointer written into: a name to assign.
  il::PatternId pattern_of_buffer(const clang::Expr* e) {
    const auto* bare = strip(e);
    const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(bare);
    const auto* var = ref != nullptr ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    if (var == nullptr || !var->isLocalVarDeclOrParm()) return il::kNone;
    return pattern_named(variable_name(var), bare->getSourceRange());
  }

  // A format written as a literal, as a template: printf's `%...` fields
  // (their flags, width and length kept as the spec, `%%` a '%') or fmt's
  // `{}` fields (`{{` and `}}` escapes); the arguments from `first` on fill
  // them in order. A field with no argument is an Opaque.
  il::ExprId format_template(const clang::StringLiteral* pattern, const clang::CallExpr* call,
                             unsigned first, bool brace) {
    auto range = call->getSourceRange();
    if (!pattern->isOrdinary() && !pattern->isUTF8()) return opaque(call, "a wide format");
    std::string text = pattern->getString().str();
    auto whole = span(pattern->getSourceRange());
    bool exact = pattern->getNumConcatenated() == 1 && !pattern->getBeginLoc().isMacroID() &&
                 whole.end >= whole.begin + 2 && whole.end - whole.begin == text.size() + 2;
    auto at = [&](std::size_t begin, std::size_t end) {
      if (!exact) return whole;
      return ir::SourceSpan{whole.file, static_cast<std::uint32_t>(whole.begin + 1 + begin),
                            static_cast<std::uint32_t>(whole.begin + 1 + end)};
    };
    il::Template out;
    out.escaping = brace ? ir::BraceEscaping::Doubled : ir::BraceEscaping::None;
    unsigned next = first;
    std::string literal;
    std::size_t literal_begin = 0;
    bool literal_maps = exact;
    auto flush = [&](std::size_t end) {
      if (literal.empty()) return;
      il::TemplatePart part;
      part.literal = std::move(literal);
      part.span = at(literal_begin, end);
      part.maps_to_source = literal_maps && end - literal_begin == part.literal.size();
      out.parts.push_back(std::move(part));
      literal.clear();
      literal_maps = exact;
    };
    auto field = [&](std::size_t begin, std::size_t end, std::string spec) {
      flush(begin);
      il::TemplatePart part;
      part.format_spec = std::move(spec);
      part.span = at(begin, end);
      // `%*d`, `%.*s`: each star takes an argument (a width) before the
      // value; the spec keeps the star, which no host writes.
      if (!brace) next += static_cast<unsigned>(std::ranges::count(part.format_spec, '*'));
      if (next < call->getNumArgs()) {
        part.value = expr(call->getArg(next++));
      } else {
        part.value = add(il::Opaque{"a format field with no argument", {}}, range);
      }
      out.parts.push_back(std::move(part));
    };
    for (std::size_t i = 0; i < text.size();) {
      if (literal.empty()) literal_begin = i;
      char c = text[i];
      if (!brace && c == '%') {
        if (i + 1 < text.size() && text[i + 1] == '%') {
          literal += '%';
          literal_maps = false;
          i += 2;
          continue;
        }
        std::size_t j = i + 1;
        while (j < text.size() &&
               std::string_view("-+ #0123456789.hlLqjzt*").find(text[j]) != std::string_view::npos)
          ++j;
        if (j >= text.size()) return opaque(call, "a format that ends inside a field");
        auto spec = text.substr(i + 1, j - i);
        // A conversion with only a length (`%ld`, `%zu`) writes the value as is.
        if (spec.find_first_not_of("hlLqjzt") == spec.size() - 1 &&
            std::string_view("diusc").find(spec.back()) != std::string_view::npos)
          spec = spec.back() == 's' ? "s" : "";
        field(i, j + 1, std::move(spec));
        i = j + 1;
        continue;
      }
      if (brace && (c == '{' || c == '}')) {
        if (i + 1 < text.size() && text[i + 1] == c) {
          literal += c;
          literal_maps = false;
          i += 2;
          continue;
        }
        if (c == '}') return opaque(call, "a format with an unmatched '}'");
        auto close = text.find('}', i);
        if (close == std::string::npos) return opaque(call, "a format with an unmatched '{'");
        auto inside = std::string_view(text).substr(i + 1, close - i - 1);
        auto colon = inside.find(':');
        // Positional indexes (`{0}`) would reorder the arguments.
        if (inside.substr(0, colon) != "") return opaque(call, "a format with indexed fields");
        field(i, close + 1,
              colon == std::string_view::npos ? "" : std::string(inside.substr(colon + 1)));
        i = close + 1;
        continue;
      }
      literal += c;
      ++i;
    }
    flush(text.size());
    return add(std::move(out), range);
  }

  il::ExprId opaque(const clang::Expr* e, std::string reason) {
    std::vector<il::ExprId> children;
    for (const auto* child : e->children()) {
      if (const auto* sub = llvm::dyn_cast_or_null<clang::Expr>(child))
        children.push_back(expr(sub));
    }
    return add(il::Opaque{std::move(reason), std::move(children)}, e->getSourceRange());
  }

  // ---- helpers

  ir::SourceSpan span(clang::SourceRange range) {
    if (auto at = map_.span(range)) return *at;
    return {};
  }
  ir::SourceSpan span(clang::SourceLocation begin, clang::SourceLocation end) {
    return span(clang::SourceRange(begin, end));
  }
  il::ExprId add(il::ExprKind kind, clang::SourceRange range) {
    return module_.add(il::Expr{std::move(kind), span(range)});
  }
  il::StmtId add_stmt(il::StmtKind kind, clang::SourceRange range) {
    return module_.add(il::Stmt{std::move(kind), span(range)});
  }
  std::string too_deep() const {
    return "code nested deeper than " + std::to_string(limits_.nesting) + " levels";
  }
  struct Nest {
    Lowerer& lowerer;
    bool ok;
    explicit Nest(Lowerer& l) : lowerer(l), ok(++l.depth_ <= l.limits_.nesting) {}
    ~Nest() { --lowerer.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };

  clang::ASTContext& context_;
  SourceMap& map_;
  LoweringLimits limits_;
  il::Module module_;
  il::FunctionId current_ = il::kNone;
  std::size_t depth_ = 0;
  std::map<const clang::CXXRecordDecl*, il::ClassId> classes_;
  std::set<std::string> imported_;
};

}  // namespace

il::Module lower_unit(clang::ASTContext& context, SourceMap& map, std::string_view path,
                      const LoweringLimits& limits) {
  return Lowerer(context, map, path, limits).run();
}

}  // namespace slotlint::cpp
