// What the JSON manifest readers share: parsing without throwing, and
// reading string fields of objects of any shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace slotlint::versions {

// nullopt with `error` set when the text is not JSON (or holds a number no
// double can: nlohmann throws out_of_range for those).
std::optional<nlohmann::json> parse_manifest_json(std::string_view text, std::string& error);

// object[name] when it is a string; empty otherwise (any shape of `object`).
std::string string_field(const nlohmann::json& object, const char* name);

}  // namespace slotlint::versions
