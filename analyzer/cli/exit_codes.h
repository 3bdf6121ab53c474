// The one exit-code table. docs/cli.md explains each to users.
#pragma once

namespace slotlint::cli {

enum ExitCode : int {
  kClean = 0,     // no finding at or above --fail-level
  kFindings = 1,  // findings at or above --fail-level
  kUsage = 2,     // bad arguments, a path that does not exist, output not writable
  kInternal = 3,  // slotlint's own data (API models, rule docs) is broken: a bug
};

}  // namespace slotlint::cli
