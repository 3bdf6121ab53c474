// The C and C++ frontend: hiredis, hiredis-cluster, redis-plus-plus and
// Boost.Redis calls → RedisOps, read through Clang (LLVM 19 LibTooling), so
// that types, overloads, macros and constants are resolved as the compiler
// sees them.
//
// Each translation unit is parsed with its compile command from
// compile_commands.json (or defaults, with a note), unless neither it nor the
// project headers it includes mention a client (a byte scan first: parsing is
// what costs). A unit that does not parse cleanly still gives what its clean
// parts give, and a note with Clang's first errors (by place only when they
// are in a file outside the project). Clang opens files through a guard that
// refuses FIFOs, devices and /proc (header_files.h) and parses within a budget
// of errors, bytes and files entered (parse_budget.h). A compilation database
// entry outside the project is not analysed.
#pragma once

#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"

namespace slotlint::cpp {

class CppProject;

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               CppProject* project);

}  // namespace slotlint::cpp
