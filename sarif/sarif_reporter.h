// SARIF 2.1.0, for GitHub code scanning and SARIF viewers (VS Code's SARIF
// Viewer): one run with every rule's metadata and help, results under
// %SRCROOT% with stable fingerprints, related locations for the other keys,
// fixes, and the tool's notifications about files it could not analyse.
#pragma once

#include <ostream>
#include <string_view>

#include "sarif/report.h"

namespace slotlint::report {

// The keys of slotlint's fingerprints in `partialFingerprints`
// (analyzer/driver/fingerprints.h); a baseline is matched on them. v1 is
// written beside v2 for one transition.
inline constexpr std::string_view kFingerprintName = "slotlint/v2";
inline constexpr std::string_view kFingerprintV1Name = "slotlint/v1";

// Writes `run` as a SARIF log: pretty-printed (2 spaces) with a final newline,
// arrays in the order the report gives them, and no timestamps, so the same
// report always gives the same bytes.
void write_sarif(const RunReport& run, std::ostream& out);

}  // namespace slotlint::report
