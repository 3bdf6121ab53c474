// The one exit-code table. docs/cli.md explains each to users.
#pragma once

namespace slotlint::cli {

enum ExitCode : int {
  kClean = 0,     // no finding at or above --fail-level
  kFindings = 1,  // findings at or above --fail-level
  kUsage = 2,     // bad arguments, a path that does not exist, output not writable
  kConfig = 3,    // the configuration file (.slotlint.json or --config) is invalid
  kInternal = 4,  // slotlint's own data (API models, rule docs) is broken: a bug
};

}  // namespace slotlint::cli
