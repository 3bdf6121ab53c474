// Reports for CI systems without SARIF code scanning:
//
// `github`: GitHub Actions workflow commands, one line per finding, which the
// runner turns into annotations on the pull request:
//   ::error file=app.py,line=3,col=3,endLine=3,endColumn=7,title=SL001
//   cross-slot-multi-key-command::MGET ...
// (notes are `::notice`; notifications about files follow, as `::warning`
// or `::notice`).
//
// `gitlab`: GitLab's Code Quality report (a JSON array; GitLab reads
// `description`, `check_name`, `fingerprint` (unique in the report),
// `severity` (info|minor|major|critical|blocker) and `location.path` with
// `location.lines.begin`).
//
// `junit`: JUnit XML, as CI servers read it (Jenkins, GitLab, Azure): one
// <testsuite> per analysed file, one <testcase> per finding with a <failure>,
// and one passing <testcase> for a file without findings.
//
// Suppressed findings are left out of all three; the same report always gives
// the same bytes.
#pragma once

#include <ostream>

#include "sarif/report.h"

namespace slotlint::report {

void write_github(const RunReport& run, std::ostream& out);
void write_gitlab(const RunReport& run, std::ostream& out);
void write_junit(const RunReport& run, std::ostream& out);

}  // namespace slotlint::report
