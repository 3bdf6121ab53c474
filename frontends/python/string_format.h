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

// A value written through a conversion or format spec ("%05d", "{:>8}",
// "{!r}") is not its plain text: a literal is padded as Python would, any
// other value is a hole (frontends/common/format_spec.h).
ir::KeyExpr through_spec(const ir::KeyExpr& value, std::string_view spec, ir::SourceSpan span);

// "user:%s:%(field)s" % args; nullopt when the template is not understood.
std::optional<ir::KeyExpr> percent_format(const ir::KeyExpr& format, const FormatArguments& args);

// "user:{}:{name}".format(...); the result's literals are marked as written
// in a brace-doubling syntax.
std::optional<ir::KeyExpr> brace_format(const ir::KeyExpr& format, const FormatArguments& args);

}  // namespace slotlint::python
