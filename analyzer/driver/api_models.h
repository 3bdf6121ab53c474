// The client API models of a run: the embedded ones (frontends/*/models/),
// with the configuration's own models merged into their language's. Both the
// core and the C/C++ component (slotlint-cpp) load them this way.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "frontends/common/api_model.h"

namespace slotlint::driver {

// nullopt with `error` when a model is invalid or is for a language slotlint
// does not read.
std::optional<std::vector<model::ApiModel>> load_api_models(
    std::string& error, std::span<const std::string> user_models = {});

}  // namespace slotlint::driver
