// What a run did not read, or read without a call site, counted: one
// notification per kind and run (no path), so a large tree gives a few lines
// rather than one per file.
//   files-skipped         skipped on purpose: folders and files, by reason
//   unsupported-language  files of a language slotlint does not read, one per language
//   script-not-linked     stand-alone `.lua` files that no analysed call runs
#pragma once

#include <cstddef>
#include <vector>

#include "analyzer/driver/discovery.h"
#include "frontends/common/frontend.h"

namespace slotlint::driver {

struct FileResult;

std::vector<frontend::Notice> counted_notices(const SkipCounts& skipped,
                                              std::size_t unlinked_scripts);

// Stand-alone `.lua` files and the calls that run them. A file that a call of
// the run loads is judged at that call, with the keys it passes, so the
// findings of reading it on its own are dropped; the others keep theirs.
// Returns how many are not linked. Runs after every file is analysed, so the
// outcome does not depend on which thread finished first.
std::size_t settle_script_files(std::vector<FileResult>& files);

}  // namespace slotlint::driver
