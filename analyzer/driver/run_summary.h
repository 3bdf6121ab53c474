// What a run did not read, counted: one
// notification per kind and run (no path), so a large tree gives a few lines
// rather than one per file.
//   files-skipped         skipped on purpose: folders and files, by reason
//   unsupported-language  files of a language slotlint does not read, one per language
#pragma once

#include <cstddef>
#include <vector>

#include "analyzer/driver/discovery.h"
#include "frontends/common/frontend.h"

namespace slotlint::driver {

std::vector<frontend::Notice> counted_notices(const SkipCounts& skipped);

}  // namespace slotlint::driver
