// The Python lowering's walker, shared by its files (see lowering.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/common/lowering_support.h"
#include "frontends/python/lowering.h"

namespace slotlint::python::lowering {

using frontend::integer_value;
using frontend::named_children;
using frontend::squeezed;

// A string literal's pieces before they become IL: literal bytes (with their
// span and whether they are the source bytes there) and f-string fields.
struct StringPiece {
  std::string text;              // literal bytes (value == kNone)
  il::ExprId value = il::kNone;  // an f-string field
  std::string format_spec;
  ir::SourceSpan span;
  bool maps_to_source = false;
  ir::BraceEscaping escaping = ir::BraceEscaping::None;
};

class Lowerer {
 public:
  Lowerer(std::string_view path, ir::FileIndex file, const LoweringLimits& limits);
  il::Module run(ts::Node root);

  // ---- lowering.cpp: statements and declarations
  std::vector<il::StmtId> block(ts::Node block);
  void statement(ts::Node node, std::vector<il::StmtId>& out);
  void simple_statement(ts::Node node, std::vector<il::StmtId>& out);
  void assignment(ts::Node node, std::vector<il::StmtId>& out);
  il::StmtId if_statement(ts::Node node, std::uint32_t first_alternative);
  il::StmtId loop(ts::Node node);
  il::StmtId try_statement(ts::Node node);
  il::StmtId with_statement(ts::Node node);
  il::StmtId match_statement(ts::Node node);
  void import(ts::Node node);
  // `decorated`: the decorated_definition around it (null: none).
  il::FunctionId function(ts::Node definition, ts::Node decorated, il::ClassId owner);
  il::ClassId class_definition(ts::Node definition);
  void parameters(ts::Node list, il::Function& function, bool drop_receiver);

  // ---- lowering_expressions.cpp: expressions and patterns
  il::ExprId expr(ts::Node node);
  il::ExprId condition(ts::Node node);  // an expression used as a test
  il::PatternId pattern(ts::Node node);
  il::ExprId call(ts::Node node);
  std::vector<il::Argument> arguments(ts::Node list);
  il::ExprId sequence(ts::Node node, il::SequenceLiteral::Kind kind);
  il::ExprId comprehension(ts::Node node);
  il::ExprId lambda(ts::Node node);
  il::ExprId opaque(ts::Node node, std::string reason, bool with_children = true);

  // ---- lowering_strings.cpp: strings and formats
  il::ExprId string(ts::Node node);  // `string` or `concatenated_string`
  // The pieces of a string literal (several for implicit concatenation);
  // nullopt when an escape cannot be decoded.
  std::optional<std::vector<StringPiece>> string_pieces(ts::Node node);
  // A format string written as one literal without fields (or nullopt).
  std::optional<std::vector<StringPiece>> literal_format(ts::Node node);
  // A format's arguments, each lowered once.
  struct FormatArguments {
    std::vector<il::ExprId> positional;
    std::map<std::string, il::ExprId, std::less<>> named;
  };
  FormatArguments format_arguments(const std::vector<ts::Node>& positional,
                                   const std::map<std::string, ts::Node, std::less<>>& named);
  // `"..." % args` with a literal format; kNone when it cannot be decoded.
  il::ExprId percent_format(ts::Node binary);
  // `"...".format(...)`; kNone when it cannot be decoded.
  il::ExprId brace_format(ts::Node call);

  // ---- helpers
  [[nodiscard]] ir::SourceSpan span(ts::Node node) const {
    return {file_, node.begin(), node.end()};
  }
  il::ExprId add(il::ExprKind kind, ts::Node node) {
    return module_.add(il::Expr{std::move(kind), span(node)});
  }
  il::ExprId add(il::ExprKind kind, ir::SourceSpan at) {
    return module_.add(il::Expr{std::move(kind), at});
  }
  il::StmtId add_stmt(il::StmtKind kind, ts::Node node) {
    return module_.add(il::Stmt{std::move(kind), span(node)});
  }
  il::PatternId add_pattern(il::PatternKind kind, ts::Node node) {
    return module_.add(il::Pattern{std::move(kind), span(node)});
  }
  // Enters one level of nesting; false past the limit.
  struct Nest : frontend::Nesting {
    explicit Nest(Lowerer& l) : frontend::Nesting(l.depth_, l.limits_.nesting) {}
  };
  [[nodiscard]] std::string too_deep() const;

  il::Module module_;
  ir::FileIndex file_;
  LoweringLimits limits_;
  std::size_t depth_ = 0;
  // The function being lowered (the module body at the top) and whether a
  // `yield` was met in it.
  il::FunctionId current_ = il::kNone;
  bool yields_ = false;
};

}  // namespace slotlint::python::lowering
