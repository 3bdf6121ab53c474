#include "sarif/json_reporter.h"

#include <nlohmann/json.hpp>

#include "sarif/client_json.h"

namespace slotlint::report {
namespace {

using Json = nlohmann::ordered_json;

// Where a location is, flattened into the object it describes.
void put_location(const Location& location, Json& json) {
  json["path"] = location.path;
  json["line"] = location.region.start_line;
  json["column"] = location.region.start_column;
  json["end_line"] = location.region.end_line;
  json["end_column"] = location.region.end_column;
}

Json optional_string(const std::optional<std::string>& text) {
  return text ? Json(*text) : Json(nullptr);
}

Json fix_json(const std::optional<Fix>& fix) {
  if (!fix) return nullptr;
  Json replacements = Json::array();
  for (const auto& replacement : fix->replacements) {
    Json json = Json::object();
    put_location(replacement.deleted, json);
    json["inserted"] = replacement.inserted;
    replacements.push_back(std::move(json));
  }
  Json json = Json::object();
  json["description"] = fix->description;
  json["replacements"] = std::move(replacements);
  return json;
}

Json finding_json(const Finding& finding) {
  Json json = Json::object();
  json["rule"] = finding.rule != nullptr ? Json(finding.rule->name) : Json(nullptr);
  json["code"] = finding.rule != nullptr ? Json(finding.rule->code) : Json(nullptr);
  json["level"] = ir::level_name(finding.level);
  json["verdict"] = finding.verdict;
  if (finding.client) json["client"] = client_json(*finding.client);
  json["suppressed"] = finding.suppression.has_value();
  json["message"] = finding.message;
  json["notes"] = finding.notes;
  put_location(finding.location, json);
  Json related = Json::array();
  for (const auto& other : finding.related) {
    Json entry = Json::object();
    put_location(other.location, entry);
    entry["message"] = other.message;
    related.push_back(std::move(entry));
  }
  json["related"] = std::move(related);
  json["fix"] = fix_json(finding.fix);
  json["fingerprint"] = finding.fingerprint;
  return json;
}

Json notification_json(const Notification& notification) {
  Json json = Json::object();
  json["level"] = ir::level_name(notification.level);
  json["id"] = notification.id;
  json["message"] = notification.message;
  json["path"] = optional_string(notification.path);
  return json;
}

}  // namespace

void write_json(const RunReport& run, std::ostream& out) {
  Json findings = Json::array();
  for (const auto& finding : run.findings) findings.push_back(finding_json(finding));
  Json notifications = Json::array();
  for (const auto& notification : run.notifications)
    notifications.push_back(notification_json(notification));
  Json json = Json::object();
  json["version"] = run.tool_version;
  json["findings"] = std::move(findings);
  json["notifications"] = std::move(notifications);
  json["files"] = run.files.size();
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace slotlint::report
