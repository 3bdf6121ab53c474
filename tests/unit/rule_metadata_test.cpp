// The rule docs are the single source of the rules' metadata and help: every
// embedded doc must parse into complete metadata, and a doc that lacks a
// required part must be rejected (so CI fails instead of shipping bad help).
#include "rules/rule_metadata.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "docs/embedded_docs.h"

namespace slotlint::rules {
namespace {

// A well-formed page; tests break one part of it at a time.
constexpr std::string_view kValidDoc = R"(---
code: SL999
name: sample-hazard   # trailing comments are allowed
level: warning
precision: medium
tags: correctness, redis-cluster
---
# sample-hazard (SL999)

A sample hazard that spans
two lines.

## What it does

Finds `MGET` calls with **bold** claims and a [link](https://example.com/x).
Keeps mget_nonatomic, SDIFF*, SINTER* and 2 * 3 as they are.

## Why is this bad?

```python
# a comment in code, not a heading
r.mget("a", "b")
```

It fails.
)";

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << "the test's base doc lacks '" << from << "'";
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// Parses `doc` and expects a rejection whose message mentions `mentioned`.
void expect_rejected(std::string_view doc, std::string_view mentioned) {
  std::string error;
  auto rule = parse_rule_doc(doc, error);
  EXPECT_FALSE(rule.has_value()) << "accepted a doc that should fail with: " << mentioned;
  EXPECT_NE(error.find(mentioned), std::string::npos) << "error was: " << error;
}

// The first paragraph after the title, lines joined by spaces: what a reader
// of the page sees first.
std::string first_paragraph(std::string_view markdown) {
  std::istringstream lines{std::string(markdown)};
  std::string line;
  std::getline(lines, line);  // the title
  std::string paragraph;
  while (std::getline(lines, line)) {
    if (line.empty()) {
      if (paragraph.empty()) continue;
      break;
    }
    paragraph += (paragraph.empty() ? "" : " ") + line;
  }
  return paragraph;
}

std::string first_sentence(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') &&
        (i + 1 == text.size() || text[i + 1] == ' ')) {
      return std::string(text.substr(0, i + 1));
    }
  }
  return std::string(text);
}

// rules/<name with '_'>.h, found from this file's place in the source tree.
std::filesystem::path rule_header(const RuleMetadata& rule) {
  auto file_name = rule.name;
  std::ranges::replace(file_name, '-', '_');
  return std::filesystem::path(SLOTLINT_RULES_DIR) / (file_name + ".h");
}

// The header's leading comment, as one line.
std::string leading_comment(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string comment;
  for (std::string line; std::getline(in, line) && line.starts_with("//");) {
    auto text = line.substr(line.starts_with("// ") ? 3 : 2);
    comment += (comment.empty() ? "" : " ") + text;
  }
  return comment;
}

TEST(RuleDocs, EveryEmbeddedDocParses) {
  ASSERT_FALSE(embedded_rule_docs().empty()) << "no docs/rules/*.md was embedded";
  for (const auto& doc : embedded_rule_docs()) {
    std::string error;
    auto rule = parse_rule_doc(doc.bytes, error);
    ASSERT_TRUE(rule.has_value()) << "docs/rules/" << doc.name << ": " << error;
    EXPECT_EQ(doc.name, rule->name + ".md") << "a doc is named after its rule";
  }
}

TEST(RuleDocs, AllRuleMetadataHoldsEveryDocSortedByCode) {
  const auto& rules = all_rule_metadata();
  EXPECT_EQ(rules.size(), embedded_rule_docs().size());
  EXPECT_TRUE(std::ranges::is_sorted(rules, {}, &RuleMetadata::code));
  for (const auto& rule : rules) {
    EXPECT_EQ(find_rule(rule.code), &rule);
    EXPECT_EQ(find_rule(rule.name), &rule);
  }
  EXPECT_EQ(find_rule("no-such-rule"), nullptr);
}

TEST(RuleDocs, CodesAndNamesAreUniqueAndWellFormed) {
  const std::regex code_pattern("SL[0-9]{3}");
  const std::regex kebab_case("[a-z0-9]+(-[a-z0-9]+)*");
  std::set<std::string> codes;
  std::set<std::string> names;
  for (const auto& rule : all_rule_metadata()) {
    EXPECT_TRUE(std::regex_match(rule.code, code_pattern)) << rule.code;
    EXPECT_TRUE(std::regex_match(rule.name, kebab_case)) << rule.name;
    EXPECT_TRUE(codes.insert(rule.code).second) << "code used twice: " << rule.code;
    EXPECT_TRUE(names.insert(rule.name).second) << "name used twice: " << rule.name;
  }
}

TEST(RuleDocs, EveryRuleHasItsSectionsAndHelp) {
  const std::set<std::string> precisions = {"very-high", "high", "medium", "low"};
  for (const auto& rule : all_rule_metadata()) {
    SCOPED_TRACE(rule.name);
    EXPECT_NE(rule.help_markdown.find("\n## What it does\n"), std::string::npos);
    EXPECT_NE(rule.help_markdown.find("\n## Why is this bad?\n"), std::string::npos);
    EXPECT_TRUE(rule.help_markdown.starts_with("# " + rule.name + " (" + rule.code + ")\n"));
    EXPECT_FALSE(rule.full_description.empty());
    EXPECT_FALSE(rule.help_text.empty());
    EXPECT_EQ(rule.help_text.find("```"), std::string::npos) << "help_text keeps Markdown fences";
    EXPECT_TRUE(precisions.contains(rule.precision)) << rule.precision;
    EXPECT_FALSE(rule.tags.empty());
    EXPECT_EQ(rule.help_uri,
              "https://github.com/slotlint/slotlint/blob/main/docs/rules/" + rule.name + ".md");
  }
}

TEST(RuleDocs, ShortDescriptionIsTheDocsFirstSentence) {
  for (const auto& rule : all_rule_metadata()) {
    SCOPED_TRACE(rule.name);
    auto paragraph = first_paragraph(rule.help_markdown);
    EXPECT_EQ(rule.short_description, first_sentence(paragraph));
    EXPECT_EQ(paragraph, first_sentence(paragraph)) << "the summary paragraph is one sentence";
  }
}

// clang-tidy's habit (STYLE.md): the rule's header starts with the same
// sentence as its doc, after "name (CODE): ".
TEST(RuleDocs, RuleHeaderStartsWithTheDocsFirstSentence) {
  for (const auto& rule : all_rule_metadata()) {
    SCOPED_TRACE(rule.name);
    auto header = rule_header(rule);
    ASSERT_TRUE(std::filesystem::exists(header)) << "no " << header << " for the documented rule";
    auto comment = leading_comment(header);
    auto prefix = rule.name + " (" + rule.code + "): ";
    ASSERT_TRUE(comment.starts_with(prefix)) << header << " starts '" << comment << "'";
    auto sentence = first_sentence(comment.substr(prefix.size()));
    if (!sentence.empty())
      sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    EXPECT_EQ(sentence, rule.short_description);
  }
}

TEST(ParseRuleDoc, ReadsEveryPartOfAValidDoc) {
  std::string error;
  auto rule = parse_rule_doc(kValidDoc, error);
  ASSERT_TRUE(rule.has_value()) << error;
  EXPECT_EQ(rule->code, "SL999");
  EXPECT_EQ(rule->name, "sample-hazard");
  EXPECT_EQ(rule->default_level, ir::Level::Warning);
  EXPECT_EQ(rule->precision, "medium");
  EXPECT_EQ(rule->tags, (std::vector<std::string>{"correctness", "redis-cluster"}));
  EXPECT_EQ(rule->short_description, "A sample hazard that spans two lines.");
  EXPECT_EQ(rule->full_description,
            "Finds MGET calls with bold claims and a link (https://example.com/x). "
            "Keeps mget_nonatomic, SDIFF*, SINTER* and 2 * 3 as they are.");
  EXPECT_TRUE(rule->help_markdown.starts_with("# sample-hazard (SL999)\n\nA sample hazard"));
  EXPECT_TRUE(rule->help_markdown.ends_with("It fails.\n"));
  EXPECT_EQ(rule->help_uri,
            "https://github.com/slotlint/slotlint/blob/main/docs/rules/sample-hazard.md");
}

TEST(ParseRuleDoc, RendersHelpAsPlainText) {
  std::string error;
  auto rule = parse_rule_doc(kValidDoc, error);
  ASSERT_TRUE(rule.has_value()) << error;
  EXPECT_EQ(rule->help_text,
            "sample-hazard (SL999)\n\n"
            "A sample hazard that spans two lines.\n\n"
            "What it does\n\n"
            "Finds MGET calls with bold claims and a link (https://example.com/x). "
            "Keeps mget_nonatomic, SDIFF*, SINTER* and 2 * 3 as they are.\n\n"
            "Why is this bad?\n\n"
            "    # a comment in code, not a heading\n"
            "    r.mget(\"a\", \"b\")\n\n"
            "It fails.\n");
}

TEST(ParseRuleDoc, AcceptsWindowsLineEndings) {
  std::string crlf;
  for (char c : kValidDoc) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  std::string error;
  auto rule = parse_rule_doc(crlf, error);
  ASSERT_TRUE(rule.has_value()) << error;
  EXPECT_EQ(rule->short_description, "A sample hazard that spans two lines.");
}

TEST(ParseRuleDoc, RejectsADocWithoutWhyIsThisBad) {
  expect_rejected(replaced(kValidDoc, "## Why is this bad?", "## Why it matters"),
                  "Why is this bad?");
}

TEST(ParseRuleDoc, RejectsADocWithoutWhatItDoes) {
  expect_rejected(replaced(kValidDoc, "## What it does", "## Details"), "What it does");
}

TEST(ParseRuleDoc, RejectsAnEmptyRequiredSection) {
  expect_rejected(replaced(kValidDoc, "Finds `MGET`", "## Other\n\nFinds `MGET`"), "is empty");
}

TEST(ParseRuleDoc, IgnoresHeadingsInsideCodeBlocks) {
  auto doc =
      replaced(kValidDoc, "## Why is this bad?\n\n```python\n", "```python\n## Why is this bad?\n");
  expect_rejected(doc, "Why is this bad?");
}

TEST(ParseRuleDoc, RejectsATitleThatDisagreesWithTheFrontMatter) {
  expect_rejected(replaced(kValidDoc, "# sample-hazard (SL999)", "# sample-hazard (SL998)"),
                  "sample-hazard (SL999)");
  expect_rejected(replaced(kValidDoc, "# sample-hazard (SL999)", "Sample hazard"), "title");
}

TEST(ParseRuleDoc, RejectsAMissingSummary) {
  expect_rejected(replaced(kValidDoc, "A sample hazard that spans\ntwo lines.\n\n", ""), "summary");
}

TEST(ParseRuleDoc, RejectsBadFrontMatter) {
  expect_rejected(kValidDoc.substr(4), "front-matter");
  expect_rejected(replaced(kValidDoc, "---\n#", "\n#"), "not closed");
  expect_rejected(replaced(kValidDoc, "level: warning", "level: fatal"), "level");
  expect_rejected(replaced(kValidDoc, "precision: medium", "precision: great"), "precision");
  expect_rejected(replaced(kValidDoc, "tags:", "tag:"), "unknown key 'tag'");
  expect_rejected(replaced(kValidDoc, "code: SL999\n", ""), "code");
  expect_rejected(replaced(kValidDoc, "code: SL999", "code: X1"), "SL followed by three digits");
  expect_rejected(replaced(kValidDoc, "name: sample-hazard", "name: Sample_Hazard"), "kebab-case");
  expect_rejected(replaced(kValidDoc, "level: warning", "level: warning\nlevel: error"), "twice");
}

}  // namespace
}  // namespace slotlint::rules
