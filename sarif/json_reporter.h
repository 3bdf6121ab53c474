// A small, stable JSON document for scripts (and slotlint's own tests):
//   {"version": "<slotlint version>",
//    "findings": [{"rule", "code", "level", "verdict", "message", "path", "line",
//                  "column", "end_line", "end_column", "related": [...],
//                  "fix": {"description", "replacements": [...]} | null, "fingerprint"}],
//    "notifications": [{"level", "id", "message", "path" | null}],
//    "files": <number of files analysed>}
// Lines and columns are 1-based; columns count UTF-16 code units, as in SARIF.
#pragma once

#include <ostream>

#include "sarif/report.h"

namespace slotlint::report {

// Pretty-printed (2 spaces) with a final newline; the same report always
// gives the same bytes.
void write_json(const RunReport& run, std::ostream& out);

}  // namespace slotlint::report
