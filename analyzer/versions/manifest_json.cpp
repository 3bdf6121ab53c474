#include "analyzer/versions/manifest_json.h"

namespace slotlint::versions {

std::optional<nlohmann::json> parse_manifest_json(std::string_view text, std::string& error) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    error = std::string("not valid JSON: ") + e.what();
    return std::nullopt;
  }
}

std::string string_field(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return {};
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace slotlint::versions
