#include "sarif/client_json.h"

namespace slotlint::report {

nlohmann::ordered_json client_json(const ir::ClientAssumption& client) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["library"] = client.library;
  json["class"] = client.api_class;
  // null: no version was found and the latest known behaviour was assumed.
  json["version"] = client.version.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(client.version);
  json["assumed"] = client.assumed;
  if (!client.facts_range.empty()) json["factsHoldFor"] = client.facts_range;
  json["fact"] = client.fact;
  return json;
}

}  // namespace slotlint::report
