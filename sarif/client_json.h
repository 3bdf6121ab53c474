// The client behaviour a finding rests on, as JSON (SARIF result properties
// and the JSON report share it).
#pragma once

#include <nlohmann/json.hpp>

#include "analyzer/ir/finding.h"

namespace slotlint::report {

nlohmann::ordered_json client_json(const ir::ClientAssumption& client);

}  // namespace slotlint::report
