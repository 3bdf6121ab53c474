#include "sarif/ci_reporters.h"

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace slotlint::report {
namespace {

bool reported(const Finding& finding) { return !finding.suppression; }

std::string title(const Finding& finding) {
  return finding.rule == nullptr ? "slotlint" : finding.rule->code + " " + finding.rule->name;
}

// Workflow command escaping: the message part escapes %, CR and LF; a
// property value also ':' and ','.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// By level: note, warning, error.
std::string_view by_level(ir::Level level, const std::array<std::string_view, 3>& names) {
  switch (level) {
    case ir::Level::Error:
      return names[2];
    case ir::Level::Warning:
      return names[1];
    case ir::Level::Note:
      break;
  }
  return names[0];
}

std::string_view github_command(ir::Level level) {
  return by_level(level, {"notice", "warning", "error"});
}

std::string_view gitlab_severity(ir::Level level) {
  return by_level(level, {"info", "major", "critical"});
}

// Text in XML 1.0 content or an attribute: markup escaped, and the control
// characters XML cannot hold written as U+FFFD.
std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (byte < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace

void write_github(const RunReport& run, std::ostream& out) {
  for (const auto& finding : run.findings) {
    if (!reported(finding)) continue;
    const auto& at = finding.location;
    out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       github_command(finding.level), github_escape(at.path, true),
                       at.region.start_line, at.region.start_column, at.region.end_line,
                       at.region.end_column, github_escape(title(finding), true),
                       github_escape(finding.message, false));
  }
  for (const auto& notification : run.notifications) {
    std::string where =
        notification.path
            ? fmt::format(" file={},title={}", github_escape(*notification.path, true),
                          github_escape(notification.id, true))
            : fmt::format(" title={}", github_escape(notification.id, true));
    out << fmt::format("::{}{}::{}\n", github_command(notification.level), where,
                       github_escape(notification.message, false));
  }
}

void write_gitlab(const RunReport& run, std::ostream& out) {
  auto issues = nlohmann::ordered_json::array();
  std::map<std::string, int> seen;  // fingerprints must be unique in the report
  for (const auto& finding : run.findings) {
    if (!reported(finding)) continue;
    int repeat = seen[finding.fingerprint]++;
    auto fingerprint =
        repeat == 0 ? finding.fingerprint : fmt::format("{}-{}", finding.fingerprint, repeat);
    nlohmann::ordered_json issue;
    issue["type"] = "issue";
    issue["description"] = finding.message;
    issue["check_name"] = finding.rule == nullptr ? "slotlint" : finding.rule->code;
    issue["categories"] = {"Bug Risk"};
    issue["fingerprint"] = fingerprint;
    issue["severity"] = gitlab_severity(finding.level);
    issue["location"] = {{"path", finding.location.path},
                         {"lines", {{"begin", finding.location.region.start_line}}}};
    issues.push_back(std::move(issue));
  }
  out << issues.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

void write_junit(const RunReport& run, std::ostream& out) {
  std::map<std::string, std::vector<const Finding*>> by_file;
  for (const auto& path : run.files) by_file[path];
  for (const auto& finding : run.findings) {
    if (reported(finding)) by_file[finding.location.path].push_back(&finding);
  }
  std::size_t tests = 0;
  std::size_t failures = 0;
  for (const auto& [path, findings] : by_file) {
    tests += findings.empty() ? 1 : findings.size();
    failures += findings.size();
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"slotlint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                     tests, failures);
  for (const auto& [path, findings] : by_file) {
    auto file = xml_escape(path);
    out << fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", file,
        findings.empty() ? 1 : findings.size(), findings.size());
    if (findings.empty()) {
      out << fmt::format("    <testcase name=\"slotlint\" classname=\"{}\"/>\n", file);
    }
    for (const auto* finding : findings) {
      const auto& region = finding->location.region;
      auto rule = finding->rule == nullptr ? std::string("slotlint") : finding->rule->code;
      out << fmt::format("    <testcase name=\"{}:{}:{} {}\" classname=\"{}\">\n", file,
                         region.start_line, region.start_column, xml_escape(title(*finding)), file);
      // The short sentence as the message; the notes follow it in the body.
      std::string body = finding->message;
      for (const auto& note : finding->notes) body += "\n" + note;
      out << fmt::format("      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {}: {}</failure>\n",
                         xml_escape(rule), xml_escape(finding->message), file, region.start_line,
                         region.start_column, ir::level_name(finding->level), xml_escape(body));
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace slotlint::report
