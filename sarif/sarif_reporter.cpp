#include "sarif/sarif_reporter.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "sarif/client_json.h"
#include "sarif/source_line.h"
#include "sarif/uri.h"

namespace slotlint::report {
namespace {

// Insertion-ordered objects: the output reads top-down (version, tool,
// results) and stays byte-identical, since nothing is ordered by hashing.
using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/slotlint/slotlint";
constexpr std::string_view kSourceRoot = "%SRCROOT%";

// SARIF message strings reserve '{' and '}' for placeholders like "{0}"
// (§3.11.5): literal braces, common in hash tags, are written doubled.
std::string escape_placeholders(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') out += c;
  }
  return out;
}

Json message(std::string_view text) {
  Json json = Json::object();
  json["text"] = escape_placeholders(text);
  return json;
}

// text: the short sentence, what lists and annotations show, with a link to
// each related location ("[key 'cart:demo'](1)", SARIF §3.11.6), which
// GitHub code scanning turns into links to those lines (brackets inside a
// link's text are escaped); markdown: the whole explanation, a paragraph per
// note.
Json linked_message(const Finding& finding) {
  Json json = message(finding.message);
  if (!finding.notes.empty()) {
    std::string markdown = finding.message + ".";
    for (const auto& note : finding.notes) markdown += "\n\n" + note;
    json["markdown"] = escape_placeholders(markdown);
  }
  if (finding.related.empty()) return json;
  std::string links;
  for (std::size_t i = 0; i < finding.related.size(); ++i) {
    std::string label;
    for (char c : finding.related[i].message) {
      if (c == '[' || c == ']' || c == '\\') label += '\\';
      label += c;
    }
    if (label.empty()) label = "related location " + std::to_string(i + 1);
    links += (i == 0 ? ". See " : ", ");
    links += "[" + label + "](" + std::to_string(i + 1) + ")";
  }
  json["text"] = json["text"].get<std::string>() + escape_placeholders(links) + ".";
  return json;
}

Json text_object(std::string_view text) {
  Json json = Json::object();
  json["text"] = text;
  return json;
}

// GitHub's "problem.severity" vocabulary has "recommendation" where SARIF says "note".
std::string_view problem_severity(ir::Level level) {
  return level == ir::Level::Note ? "recommendation" : ir::level_name(level);
}

// Every path the log mentions, each with its index into run.artifacts: the
// analysed files in the report's order, then any other path a finding points at.
class ArtifactTable {
 public:
  explicit ArtifactTable(const RunReport& run) : analysed_(run.files.size()) {
    for (const auto& path : run.files) add(path);
    for (const auto& finding : run.findings) {
      add(finding.location.path);
      for (const auto& related : finding.related) add(related.location.path);
      if (!finding.fix) continue;
      for (const auto& replacement : finding.fix->replacements) add(replacement.deleted.path);
    }
  }

  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view path) const {
    auto found = index_.find(path);
    if (found == index_.end()) return std::nullopt;
    return found->second;
  }

  [[nodiscard]] Json to_json() const {
    Json artifacts = Json::array();
    for (std::size_t i = 0; i < paths_.size(); ++i) {
      Json artifact = Json::object();
      artifact["location"] = {{"uri", relative_path_uri(paths_[i])}, {"uriBaseId", kSourceRoot}};
      if (i < analysed_) artifact["roles"] = Json::array({"analysisTarget"});
      artifacts.push_back(std::move(artifact));
    }
    return artifacts;
  }

 private:
  void add(const std::string& path) {
    if (index_.emplace(path, paths_.size()).second) paths_.push_back(path);
  }

  std::size_t analysed_;
  std::vector<std::string> paths_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// The rules the log describes: every documented rule, in code order, then any
// rule a finding refers to that is not among them.
class RuleTable {
 public:
  explicit RuleTable(const RunReport& run) {
    for (const auto& rule : rules::all_rule_metadata()) add(&rule);
    for (const auto& finding : run.findings) {
      if (finding.rule != nullptr) add(finding.rule);
    }
  }

  [[nodiscard]] std::optional<std::size_t> index_of(const rules::RuleMetadata& rule) const {
    auto found = index_.find(rule.code);
    if (found == index_.end()) return std::nullopt;
    return found->second;
  }

  [[nodiscard]] Json to_json() const {
    Json json = Json::array();
    for (const auto* rule : rules_) json.push_back(rule_json(*rule));
    return json;
  }

 private:
  static Json rule_json(const rules::RuleMetadata& rule) {
    Json help = Json::object();
    help["text"] = rule.help_text;
    help["markdown"] = rule.help_markdown;
    Json properties = Json::object();
    properties["tags"] = rule.tags;
    properties["precision"] = rule.precision;
    properties["problem.severity"] = problem_severity(rule.default_level);
    Json json = Json::object();
    json["id"] = rule.code;
    json["name"] = rule.name;
    json["shortDescription"] = text_object(rule.short_description);
    json["fullDescription"] = text_object(rule.full_description);
    json["help"] = std::move(help);
    json["helpUri"] = rule.help_uri;
    json["defaultConfiguration"] = {{"level", ir::level_name(rule.default_level)}};
    json["properties"] = std::move(properties);
    return json;
  }

  void add(const rules::RuleMetadata* rule) {
    if (index_.emplace(rule->code, rules_.size()).second) rules_.push_back(rule);
  }

  std::vector<const rules::RuleMetadata*> rules_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// The tool's notification kinds used in this run, sorted by id.
class NotificationDescriptors {
 public:
  explicit NotificationDescriptors(const RunReport& run) {
    std::set<std::string> ids;
    for (const auto& notification : run.notifications) ids.insert(notification.id);
    ids_.assign(ids.begin(), ids.end());
  }

  [[nodiscard]] std::size_t index_of(std::string_view id) const {
    return static_cast<std::size_t>(std::ranges::lower_bound(ids_, id) - ids_.begin());
  }

  [[nodiscard]] bool empty() const { return ids_.empty(); }

  [[nodiscard]] Json to_json() const {
    Json json = Json::array();
    for (const auto& id : ids_) json.push_back({{"id", id}});
    return json;
  }

 private:
  std::vector<std::string> ids_;
};

class SarifWriter {
 public:
  explicit SarifWriter(const RunReport& run)
      : run_(run), artifacts_(run), rules_(run), notifications_(run) {}

  [[nodiscard]] Json log() const {
    Json log = Json::object();
    log["$schema"] = kSchemaUri;
    log["version"] = "2.1.0";
    log["runs"] = Json::array({this->run()});
    return log;
  }

 private:
  [[nodiscard]] Json run() const {
    Json json = Json::object();
    json["tool"] = {{"driver", driver()}};
    json["invocations"] = Json::array({invocation()});
    if (run_.automation_id) json["automationDetails"] = {{"id", *run_.automation_id}};
    if (!run_.root_uri.empty()) {
      json["originalUriBaseIds"] = {{kSourceRoot, {{"uri", valid_uri(run_.root_uri)}}}};
    }
    json["artifacts"] = artifacts_.to_json();
    Json results = Json::array();
    for (const auto& finding : run_.findings) results.push_back(result(finding));
    json["results"] = std::move(results);
    json["columnKind"] = "utf16CodeUnits";
    return json;
  }

  [[nodiscard]] Json driver() const {
    Json json = Json::object();
    json["name"] = "slotlint";
    if (!run_.tool_version.empty()) {
      json["version"] = run_.tool_version;
      json["semanticVersion"] = run_.tool_version;
    }
    json["informationUri"] = kInformationUri;
    json["rules"] = rules_.to_json();
    if (!notifications_.empty()) json["notifications"] = notifications_.to_json();
    return json;
  }

  [[nodiscard]] Json invocation() const {
    Json json = Json::object();
    json["executionSuccessful"] = run_.succeeded;
    if (!run_.notifications.empty()) {
      Json notifications = Json::array();
      for (const auto& notification : run_.notifications)
        notifications.push_back(this->notification(notification));
      json["toolExecutionNotifications"] = std::move(notifications);
    }
    return json;
  }

  [[nodiscard]] Json notification(const Notification& notification) const {
    Json json = Json::object();
    json["level"] = ir::level_name(notification.level);
    json["message"] = message(notification.message);
    json["descriptor"] = {{"id", notification.id},
                          {"index", notifications_.index_of(notification.id)}};
    if (notification.path) {
      Json location = Json::object();
      location["physicalLocation"] = {{"artifactLocation", artifact_location(*notification.path)}};
      json["locations"] = Json::array({std::move(location)});
    }
    return json;
  }

  [[nodiscard]] Json result(const Finding& finding) const {
    Json json = Json::object();
    json["ruleId"] = finding.rule != nullptr ? finding.rule->code : std::string("unknown");
    if (finding.rule != nullptr) {
      if (auto index = rules_.index_of(*finding.rule)) json["ruleIndex"] = *index;
    }
    json["level"] = ir::level_name(finding.level);
    json["message"] = linked_message(finding);
    json["locations"] = Json::array({{{"physicalLocation", physical_location(finding.location)}}});
    if (!finding.related.empty()) {
      Json related = Json::array();
      for (std::size_t i = 0; i < finding.related.size(); ++i) {
        Json location = Json::object();
        location["id"] = i + 1;  // ids for "[text](1)" links; 1-based like SARIF's examples
        location["physicalLocation"] = physical_location(finding.related[i].location);
        location["message"] = message(finding.related[i].message);
        related.push_back(std::move(location));
      }
      json["relatedLocations"] = std::move(related);
    }
    if (!finding.fingerprint_v1.empty())
      json["partialFingerprints"][std::string(kFingerprintV1Name)] = finding.fingerprint_v1;
    if (!finding.fingerprint.empty())
      json["partialFingerprints"][std::string(kFingerprintName)] = finding.fingerprint;
    if (finding.fix && !finding.fix->replacements.empty())
      json["fixes"] = Json::array({fix(*finding.fix)});
    if (!finding.verdict.empty()) json["properties"]["verdict"] = finding.verdict;
    if (finding.client) json["properties"]["client"] = client_json(*finding.client);
    if (finding.suppression) {
      bool in_source = finding.suppression->kind == Suppression::Kind::InSource;
      json["suppressions"] = Json::array({{{"kind", in_source ? "inSource" : "external"},
                                           {"justification", finding.suppression->justification}}});
    }
    return json;
  }

  // One artifactChange per file, in the order the replacements first touch it.
  [[nodiscard]] Json fix(const Fix& fix) const {
    std::vector<std::string_view> paths;
    std::map<std::string_view, Json> replacements;
    for (const auto& replacement : fix.replacements) {
      std::string_view path = replacement.deleted.path;
      if (!replacements.contains(path)) {
        paths.push_back(path);
        replacements[path] = Json::array();
      }
      Json json = Json::object();
      json["deletedRegion"] = region(replacement.deleted.region, false);
      if (!replacement.inserted.empty())
        json["insertedContent"] = text_object(replacement.inserted);
      replacements[path].push_back(std::move(json));
    }
    Json changes = Json::array();
    for (auto path : paths) {
      Json change = Json::object();
      change["artifactLocation"] = artifact_location(path);
      change["replacements"] = std::move(replacements[path]);
      changes.push_back(std::move(change));
    }
    Json json = Json::object();
    json["description"] = message(fix.description);
    json["artifactChanges"] = std::move(changes);
    return json;
  }

  [[nodiscard]] Json artifact_location(std::string_view path) const {
    Json json = Json::object();
    json["uri"] = relative_path_uri(path);
    json["uriBaseId"] = kSourceRoot;
    if (auto index = artifacts_.index_of(path)) json["index"] = *index;
    return json;
  }

  [[nodiscard]] Json physical_location(const Location& location) const {
    Json json = Json::object();
    json["artifactLocation"] = artifact_location(location.path);
    json["region"] = region(location.region, true);
    return json;
  }

  static Json region(const Region& region, bool with_snippet) {
    Json json = Json::object();
    json["startLine"] = region.start_line;
    json["startColumn"] = region.start_column;
    json["endLine"] = region.end_line;
    json["endColumn"] = region.end_column;
    if (!with_snippet) return json;
    // Only the region's own text: a truncated or multi-line region gets none.
    auto slice = slice_on_line(region);
    if (slice && slice->whole_region && slice->end > slice->begin) {
      json["snippet"] = text_object(slice->line.substr(slice->begin, slice->end - slice->begin));
    }
    return json;
  }

  const RunReport& run_;
  ArtifactTable artifacts_;
  RuleTable rules_;
  NotificationDescriptors notifications_;
};

}  // namespace

void write_sarif(const RunReport& run, std::ostream& out) {
  // Invalid UTF-8 (a source line cut mid-character) must not abort the report.
  out << SarifWriter(run).log().dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace slotlint::report
