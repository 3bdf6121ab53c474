// printf-style (`%`) and brace-style (str.format) formatting over KeyExprs.
// Literal text of the template keeps its source mapping piece by piece, so a
// fix can still insert a hash tag into the format string.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/key_expr.h"

namespace slotlint::python {

struct FormatArguments {
  std::vector<ir::KeyExpr> positional;
  std::map<std::string, ir::KeyExpr, std::less<>> named;
  ir::SourceSpan call;  // for values that are missing
};

// "user:%s:%(field)s" % args; nullopt when the template is not understood.
std::optional<ir::KeyExpr> percent_format(const ir::KeyExpr& format, const FormatArguments& args);

// "user:{}:{name}".format(...); the result's literals are marked as written
// in a brace-doubling syntax.
std::optional<ir::KeyExpr> brace_format(const ir::KeyExpr& format, const FormatArguments& args);

}  // namespace slotlint::python
