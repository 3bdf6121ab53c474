// gcc-style text for terminals, editors' problem matchers and pre-commit:
//   app.py:3:3: error: MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT)
//   [cross-slot-multi-key-command/SL001] r.mget("foo", "bar")
//     ^~~~
//       'foo' hashes to slot 12182 and 'bar' to slot 5061.     <- the finding's notes
//       ...
//   app.py:3:8: note: key 'foo' (slot 12182)
// Columns are byte columns, as gcc and clang print them.
#pragma once

#include <ostream>
#include <string>

#include "sarif/report.h"

namespace slotlint::report {

struct TextOptions {
  bool color = false;    // ANSI colours like clang's; the CLI decides (isatty, NO_COLOR, --color)
  bool snippets = true;  // the source line and a caret line under each location, the notes
  bool summary = true;   // end with summary_line(), as the last line
  bool notifications = true;  // what the run could not do (after the findings)
};

void write_text(const RunReport& run, std::ostream& out, const TextOptions& options = {});

// "3 errors, 1 warning, 2 notes in 12 files" (plus "; 1 notification" when
// the tool had something to say about files it could not analyse).
std::string summary_line(const RunReport& run);

}  // namespace slotlint::report
