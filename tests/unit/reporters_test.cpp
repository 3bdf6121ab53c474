// Snapshot tests of the reporters on a hand-made RunReport: the exact text
// lines editors parse, the JSON document scripts read, and the SARIF parts
// GitHub code scanning relies on. Rule help is checked for presence, not
// snapshotted, so editing a rule doc does not break these tests.
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rules/rule_metadata.h"
#include "sarif/json_reporter.h"
#include "sarif/sarif_reporter.h"
#include "sarif/text_reporter.h"

namespace slotlint::report {
namespace {

using Json = nlohmann::ordered_json;

// A one-line region on `line` (the source line's text), `length` bytes from
// byte column `column`; the text is ASCII, so UTF-16 and byte columns agree.
Location at(std::string path, std::uint32_t line_number, std::uint32_t column, std::uint32_t length,
            std::string line) {
  Location location;
  location.path = std::move(path);
  location.region = {line_number, column, line_number, column + length,
                     column,      0,      length,      std::move(line)};
  return location;
}

const rules::RuleMetadata& sl001() {
  const auto* rule = rules::find_rule("SL001");
  EXPECT_NE(rule, nullptr) << "docs/rules has no SL001";
  return *rule;
}

RunReport sample_report() {
  const std::string mget = R"(r.mget("foo", "bar"))";
  const std::string mset = R"(    r.mset({f"user:{uid}:name": n, f"user:{uid}:email": e}))";
  RunReport run;
  run.tool_version = "0.1.0";
  run.root_uri = "file:///work/my app/";
  run.files = {"app.py", "lib/a b#1.py", "lib/c.py"};
  run.automation_id = "slotlint/pr";

  Finding error;
  error.rule = &sl001();
  error.level = ir::Level::Error;
  error.message = "MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT)";
  error.notes = {"'foo' hashes to slot 12182 and 'bar' to slot 5061.",
                 "Put them under one hash tag {t}."};
  error.location = at("app.py", 3, 3, 4, mget);
  error.related = {{at("app.py", 3, 8, 5, mget), "key 'foo' (slot 12182)"},
                   {at("app.py", 3, 15, 5, mget), "key 'bar' (slot 5061)"}};
  error.fix = Fix{"Add the hash tag {t}",
                  {{at("app.py", 3, 9, 0, mget), "{t}"}, {at("app.py", 3, 16, 0, mget), "{t}"}}};
  error.fingerprint = "5f1e0c2a9b7d3e41";
  error.fingerprint_v1 = "77c0ffee00d15ea5";
  error.verdict = "cross-slot";
  run.findings.push_back(error);

  Finding warning;
  warning.rule = &sl001();
  warning.level = ir::Level::Warning;
  warning.message = "MSET keys can hash to different slots.";
  warning.location = at("lib/a b#1.py", 12, 7, 4, mset);
  warning.fingerprint = "0a1b2c3d4e5f6789";
  warning.verdict = "likely-cross-slot";
  run.findings.push_back(warning);

  run.notifications = {
      {ir::Level::Warning, "parse-error", "2 syntax errors; the rest was analysed", "lib/c.py"},
      {ir::Level::Error, "path-not-found", "missing.py does not exist", std::nullopt}};
  return run;
}

std::string sarif_of(const RunReport& run) {
  std::ostringstream out;
  write_sarif(run, out);
  return out.str();
}

std::string text_of(const RunReport& run, TextOptions options = {}) {
  std::ostringstream out;
  write_text(run, out, options);
  return out.str();
}

std::string json_of(const RunReport& run) {
  std::ostringstream out;
  write_json(run, out);
  return out.str();
}

// ---------------------------------------------------------------------------
// SARIF

TEST(SarifReporter, IsPrettyPrintedDeterministicAndEndsWithANewline) {
  auto sarif = sarif_of(sample_report());
  EXPECT_EQ(sarif, sarif_of(sample_report()));
  EXPECT_TRUE(
      sarif.starts_with("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                        "  \"version\": \"2.1.0\",\n"));
  EXPECT_TRUE(sarif.ends_with("}\n"));
}

TEST(SarifReporter, DescribesTheToolAndEveryRule) {
  auto log = Json::parse(sarif_of(sample_report()));
  ASSERT_EQ(log["runs"].size(), 1U);
  const auto& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "slotlint");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_EQ(driver["semanticVersion"], "0.1.0");
  EXPECT_EQ(driver["informationUri"], "https://github.com/slotlint/slotlint");
  const auto& all = rules::all_rule_metadata();
  ASSERT_EQ(driver["rules"].size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& rule = driver["rules"][i];
    SCOPED_TRACE(all[i].name);
    EXPECT_EQ(rule["id"], all[i].code);
    EXPECT_EQ(rule["name"], all[i].name);
    EXPECT_EQ(rule["shortDescription"]["text"], all[i].short_description);
    EXPECT_EQ(rule["fullDescription"]["text"], all[i].full_description);
    EXPECT_EQ(rule["help"]["text"], all[i].help_text);
    EXPECT_EQ(rule["help"]["markdown"], all[i].help_markdown);
    EXPECT_EQ(rule["helpUri"], all[i].help_uri);
    EXPECT_EQ(rule["defaultConfiguration"]["level"], ir::level_name(all[i].default_level));
    EXPECT_EQ(rule["properties"]["precision"], all[i].precision);
    EXPECT_EQ(rule["properties"]["tags"], Json(all[i].tags));
    EXPECT_TRUE(rule["properties"].contains("problem.severity"));
  }
  EXPECT_EQ(driver["notifications"],
            Json::parse(R"json([{"id": "parse-error"}, {"id": "path-not-found"}])json"));
}

TEST(SarifReporter, RunSnapshot) {
  auto run = Json::parse(sarif_of(sample_report()))["runs"][0];
  run.erase("tool");
  auto expected = Json::parse(R"json({
    "invocations": [{
      "executionSuccessful": true,
      "toolExecutionNotifications": [
        {"level": "warning", "message": {"text": "2 syntax errors; the rest was analysed"},
         "descriptor": {"id": "parse-error", "index": 0},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "lib/c.py", "uriBaseId": "%SRCROOT%", "index": 2}}}]},
        {"level": "error", "message": {"text": "missing.py does not exist"},
         "descriptor": {"id": "path-not-found", "index": 1}}
      ]
    }],
    "automationDetails": {"id": "slotlint/pr"},
    "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///work/my%20app/"}},
    "artifacts": [
      {"location": {"uri": "app.py", "uriBaseId": "%SRCROOT%"}, "roles": ["analysisTarget"]},
      {"location": {"uri": "lib/a%20b%231.py", "uriBaseId": "%SRCROOT%"}, "roles": ["analysisTarget"]},
      {"location": {"uri": "lib/c.py", "uriBaseId": "%SRCROOT%"}, "roles": ["analysisTarget"]}
    ],
    "results": [
      {
        "ruleId": "SL001",
        "ruleIndex": 0,
        "level": "error",
        "message": {"text": "MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT). See [key 'foo' (slot 12182)](1), [key 'bar' (slot 5061)](2).",
                    "markdown": "MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT).\n\n'foo' hashes to slot 12182 and 'bar' to slot 5061.\n\nPut them under one hash tag {{t}}."},
        "locations": [{"physicalLocation": {
          "artifactLocation": {"uri": "app.py", "uriBaseId": "%SRCROOT%", "index": 0},
          "region": {"startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 7, "snippet": {"text": "mget"}}}}],
        "relatedLocations": [
          {"id": 1,
           "physicalLocation": {
             "artifactLocation": {"uri": "app.py", "uriBaseId": "%SRCROOT%", "index": 0},
             "region": {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 13, "snippet": {"text": "\"foo\""}}},
           "message": {"text": "key 'foo' (slot 12182)"}},
          {"id": 2,
           "physicalLocation": {
             "artifactLocation": {"uri": "app.py", "uriBaseId": "%SRCROOT%", "index": 0},
             "region": {"startLine": 3, "startColumn": 15, "endLine": 3, "endColumn": 20, "snippet": {"text": "\"bar\""}}},
           "message": {"text": "key 'bar' (slot 5061)"}}
        ],
        "partialFingerprints": {"slotlint/v1": "77c0ffee00d15ea5", "slotlint/v2": "5f1e0c2a9b7d3e41"},
        "fixes": [{
          "description": {"text": "Add the hash tag {{t}}"},
          "artifactChanges": [{
            "artifactLocation": {"uri": "app.py", "uriBaseId": "%SRCROOT%", "index": 0},
            "replacements": [
              {"deletedRegion": {"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 9},
               "insertedContent": {"text": "{t}"}},
              {"deletedRegion": {"startLine": 3, "startColumn": 16, "endLine": 3, "endColumn": 16},
               "insertedContent": {"text": "{t}"}}
            ]
          }]
        }],
        "properties": {"verdict": "cross-slot"}
      },
      {
        "ruleId": "SL001",
        "ruleIndex": 0,
        "level": "warning",
        "message": {"text": "MSET keys can hash to different slots."},
        "locations": [{"physicalLocation": {
          "artifactLocation": {"uri": "lib/a%20b%231.py", "uriBaseId": "%SRCROOT%", "index": 1},
          "region": {"startLine": 12, "startColumn": 7, "endLine": 12, "endColumn": 11, "snippet": {"text": "mset"}}}}],
        "partialFingerprints": {"slotlint/v2": "0a1b2c3d4e5f6789"},
        "properties": {"verdict": "likely-cross-slot"}
      }
    ],
    "columnKind": "utf16CodeUnits"
  })json");
  EXPECT_EQ(run, expected) << run.dump(2);
}

TEST(SarifReporter, UrisAreRelativeAndPercentEncoded) {
  auto run = sample_report();
  run.files.emplace_back("x:y/100%.py");
  auto log = Json::parse(sarif_of(run));
  const auto& artifacts = log["runs"][0]["artifacts"];
  EXPECT_EQ(artifacts.back()["location"]["uri"], "x%3Ay/100%25.py");
  for (const auto& artifact : artifacts) {
    auto uri = artifact["location"]["uri"].get<std::string>();
    EXPECT_FALSE(uri.starts_with("/")) << uri;
    EXPECT_EQ(uri.find("://"), std::string::npos) << uri;
  }
}

TEST(SarifReporter, OmitsWhatTheReportDoesNotHave) {
  RunReport run;
  run.tool_version = "0.1.0";
  run.root_uri = "file:///src/";
  run.files = {"a.py"};
  auto log = Json::parse(sarif_of(run));
  const auto& only_run = log["runs"][0];
  EXPECT_EQ(only_run["results"], Json::array());
  EXPECT_FALSE(only_run.contains("automationDetails"));
  EXPECT_FALSE(only_run["tool"]["driver"].contains("notifications"));
  EXPECT_EQ(only_run["invocations"], Json::parse(R"json([{"executionSuccessful": true}])json"));
}

TEST(SarifReporter, ARegionBeyondItsLineHasNoSnippet) {
  auto run = sample_report();
  auto& region = run.findings[0].location.region;
  region.end_line = region.start_line + 1;  // multi-line: the line holds only its start
  auto log = Json::parse(sarif_of(run));
  const auto& sarif_region =
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_FALSE(sarif_region.contains("snippet"));
  EXPECT_EQ(sarif_region["endLine"], 4);
}

// ---------------------------------------------------------------------------
// Text

TEST(TextReporter, GccStyleLinesWithSnippetsAndSummary) {
  EXPECT_EQ(text_of(sample_report()),
            "app.py:3:3: error: MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT) "
            "[cross-slot-multi-key-command/SL001]\n"
            "r.mget(\"foo\", \"bar\")\n"
            "  ^~~~\n"
            "    'foo' hashes to slot 12182 and 'bar' to slot 5061.\n"
            "    Put them under one hash tag {t}.\n"
            "app.py:3:8: note: key 'foo' (slot 12182)\n"
            "r.mget(\"foo\", \"bar\")\n"
            "       ^~~~~\n"
            "app.py:3:15: note: key 'bar' (slot 5061)\n"
            "r.mget(\"foo\", \"bar\")\n"
            "              ^~~~~\n"
            "lib/a b#1.py:12:7: warning: MSET keys can hash to different slots. "
            "[cross-slot-multi-key-command/SL001]\n"
            "    r.mset({f\"user:{uid}:name\": n, f\"user:{uid}:email\": e})\n"
            "      ^~~~\n"
            "lib/c.py: warning: 2 syntax errors; the rest was analysed [parse-error]\n"
            "slotlint: error: missing.py does not exist [path-not-found]\n"
            "1 error, 1 warning, 0 notes in 3 files; 2 notifications\n");
}

TEST(TextReporter, WithoutSnippetsOrSummaryEachLocationIsOneLine) {
  TextOptions options;
  options.snippets = false;
  options.summary = false;
  EXPECT_EQ(text_of(sample_report(), options),
            "app.py:3:3: error: MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT) "
            "[cross-slot-multi-key-command/SL001]\n"
            "app.py:3:8: note: key 'foo' (slot 12182)\n"
            "app.py:3:15: note: key 'bar' (slot 5061)\n"
            "lib/a b#1.py:12:7: warning: MSET keys can hash to different slots. "
            "[cross-slot-multi-key-command/SL001]\n"
            "lib/c.py: warning: 2 syntax errors; the rest was analysed [parse-error]\n"
            "slotlint: error: missing.py does not exist [path-not-found]\n");
}

TEST(TextReporter, ColumnsAreBytesAndCaretsCountCharacters) {
  RunReport run;
  run.files = {"u.py"};
  Finding finding;
  finding.rule = &sl001();
  finding.level = ir::Level::Note;
  finding.message = "keys are not known";
  // "\tcafé = r.mget(k)": 'é' is two bytes but one column on screen.
  finding.location = at("u.py", 1, 8, 6, "\tcafé = r.mget(k)");
  finding.location.region.start_byte_column = 10;
  TextOptions options;
  options.summary = false;
  EXPECT_EQ(text_of(run, options), "");
  run.findings.push_back(finding);
  EXPECT_EQ(text_of(run, options),
            "u.py:1:10: note: keys are not known [cross-slot-multi-key-command/SL001]\n"
            "\tcafé = r.mget(k)\n"
            "\t       ^~~~~~\n");
}

TEST(TextReporter, ColoursOnlyWhenAsked) {
  TextOptions options;
  options.color = true;
  auto text = text_of(sample_report(), options);
  EXPECT_NE(text.find("\x1b[1mapp.py:3:3:\x1b[0m \x1b[1;31merror:\x1b[0m \x1b[1mMGET keys"),
            std::string::npos);
  EXPECT_NE(text.find("\x1b[1;35mwarning:\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1;36mnote:\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1;32m  ^~~~\x1b[0m"), std::string::npos);
  EXPECT_EQ(text_of(sample_report()).find('\x1b'), std::string::npos);
}

TEST(TextReporter, SummaryCountsLevelsAndFiles) {
  EXPECT_EQ(summary_line(sample_report()),
            "1 error, 1 warning, 0 notes in 3 files; 2 notifications");
  RunReport one;
  one.files = {"a.py"};
  EXPECT_EQ(summary_line(one), "0 errors, 0 warnings, 0 notes in 1 file");
}

// ---------------------------------------------------------------------------
// JSON

TEST(JsonReporter, Snapshot) {
  auto json = json_of(sample_report());
  EXPECT_EQ(json, json_of(sample_report()));
  EXPECT_TRUE(json.ends_with("}\n"));
  auto expected = Json::parse(R"json({
    "version": "0.1.0",
    "findings": [
      {
        "rule": "cross-slot-multi-key-command", "code": "SL001", "level": "error", "verdict": "cross-slot", "suppressed": false,
        "message": "MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT)",
        "notes": ["'foo' hashes to slot 12182 and 'bar' to slot 5061.", "Put them under one hash tag {t}."],
        "path": "app.py", "line": 3, "column": 3, "end_line": 3, "end_column": 7,
        "related": [
          {"path": "app.py", "line": 3, "column": 8, "end_line": 3, "end_column": 13, "message": "key 'foo' (slot 12182)"},
          {"path": "app.py", "line": 3, "column": 15, "end_line": 3, "end_column": 20, "message": "key 'bar' (slot 5061)"}
        ],
        "fix": {
          "description": "Add the hash tag {t}",
          "replacements": [
            {"path": "app.py", "line": 3, "column": 9, "end_line": 3, "end_column": 9, "inserted": "{t}"},
            {"path": "app.py", "line": 3, "column": 16, "end_line": 3, "end_column": 16, "inserted": "{t}"}
          ]
        },
        "fingerprint": "5f1e0c2a9b7d3e41"
      },
      {
        "rule": "cross-slot-multi-key-command", "code": "SL001", "level": "warning", "verdict": "likely-cross-slot", "suppressed": false,
        "message": "MSET keys can hash to different slots.",
        "notes": [],
        "path": "lib/a b#1.py", "line": 12, "column": 7, "end_line": 12, "end_column": 11,
        "related": [],
        "fix": null,
        "fingerprint": "0a1b2c3d4e5f6789"
      }
    ],
    "notifications": [
      {"level": "warning", "id": "parse-error", "message": "2 syntax errors; the rest was analysed", "path": "lib/c.py"},
      {"level": "error", "id": "path-not-found", "message": "missing.py does not exist", "path": null}
    ],
    "files": 3
  })json");
  EXPECT_EQ(Json::parse(json), expected) << json;
  EXPECT_EQ(json, expected.dump(2) + "\n") << "2-space indent, keys in this order";
}

}  // namespace
}  // namespace slotlint::report
