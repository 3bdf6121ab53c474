// Rule metadata from the rule docs. The page format is described in
// rules/rule_metadata.h; a page that breaks it is rejected with a message that
// names the part to fix, because a rule without valid help must not ship.
#include "rules/rule_metadata.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <span>

#include "docs/embedded_docs.h"
#include "docs/markdown.h"

namespace slotlint::rules {
namespace {

using markdown::Heading;
using markdown::heading_of;
using markdown::is_blank;
using markdown::Line;
using markdown::trim;

constexpr std::string_view kHelpUriBase =
    "https://github.com/slotlint/slotlint/blob/main/docs/rules/";
constexpr std::string_view kFrontMatterFence = "---";
constexpr std::array kRequiredSections = {std::string_view("What it does"),
                                          std::string_view("Why is this bad?")};
constexpr std::array kPrecisions = {std::string_view("very-high"), std::string_view("high"),
                                    std::string_view("medium"), std::string_view("low")};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------
// Front matter.

bool is_kebab_case(std::string_view name) {
  if (name.empty() || name.front() == '-' || name.back() == '-' ||
      name.find("--") != std::string_view::npos) {
    return false;
  }
  return std::ranges::all_of(
      name, [](char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-'; });
}

bool is_rule_code(std::string_view code) {
  return code.size() == 5 && code.starts_with("SL") &&
         std::ranges::all_of(code.substr(2), is_digit);
}

std::optional<ir::Level> parse_level(std::string_view text) {
  if (text == "error") return ir::Level::Error;
  if (text == "warning") return ir::Level::Warning;
  if (text == "note") return ir::Level::Note;
  return std::nullopt;
}

std::vector<std::string> parse_tags(std::string_view text) {
  if (text.starts_with('[') && text.ends_with(']')) text = text.substr(1, text.size() - 2);
  std::vector<std::string> tags;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto tag = trim(text.substr(0, comma));
    if (!tag.empty()) tags.emplace_back(tag);
    text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
  }
  return tags;
}

// "value   # comment" → "value"; "'quoted'" → "quoted".
std::string_view front_matter_value(std::string_view raw) {
  for (std::size_t at = raw.find('#'); at != std::string_view::npos; at = raw.find('#', at + 1)) {
    if (at == 0 || raw[at - 1] == ' ' || raw[at - 1] == '\t') {
      raw = raw.substr(0, at);
      break;
    }
  }
  raw = trim(raw);
  if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front()) {
    raw = raw.substr(1, raw.size() - 2);
  }
  return raw;
}

// Fills the metadata's front-matter fields from the lines between the fences.
bool parse_front_matter(std::span<const Line> lines, RuleMetadata& rule, std::string& error) {
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto text = trim(lines[i].text);
    if (text.empty() || text.starts_with('#')) continue;
    auto colon = text.find(':');
    auto where = "front matter line " + std::to_string(i + 2);
    if (colon == std::string_view::npos) {
      error = where + ": expected 'key: value', found '" + std::string(text) + "'";
      return false;
    }
    auto key = trim(text.substr(0, colon));
    auto value = front_matter_value(text.substr(colon + 1));
    if (!seen.emplace(key).second) {
      error = where + ": '" + std::string(key) + "' is given twice";
      return false;
    }
    if (key == "code") {
      rule.code = value;
    } else if (key == "name") {
      rule.name = value;
    } else if (key == "level") {
      auto level = parse_level(value);
      if (!level) {
        error = where + ": level must be error, warning or note, not '" + std::string(value) + "'";
        return false;
      }
      rule.default_level = *level;
    } else if (key == "precision") {
      if (std::ranges::find(kPrecisions, value) == kPrecisions.end()) {
        error = where + ": precision must be very-high, high, medium or low, not '" +
                std::string(value) + "'";
        return false;
      }
      rule.precision = value;
    } else if (key == "tags") {
      rule.tags = parse_tags(value);
    } else {
      error = where + ": unknown key '" + std::string(key) +
              "' (known: code, name, level, precision, tags)";
      return false;
    }
  }
  for (std::string_view required : {"code", "name", "level", "precision"}) {
    if (!seen.contains(required)) {
      error = "front matter lacks '" + std::string(required) + ":'";
      return false;
    }
  }
  if (!is_rule_code(rule.code)) {
    error = "code must be SL followed by three digits, not '" + rule.code + "'";
    return false;
  }
  if (!is_kebab_case(rule.name)) {
    error = "name must be kebab-case (a-z, 0-9, '-'), not '" + rule.name + "'";
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// The page body.

struct Section {
  std::string_view title;
  std::span<const Line> lines;  // after the heading, up to the next heading of level <= 2
};

std::vector<Section> level_two_sections(std::span<const Line> lines) {
  std::vector<std::size_t> boundaries;  // headings of level 1 or 2, then the end
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto level = heading_of(lines[i]).level;
    if (level == 1 || level == 2) boundaries.push_back(i);
  }
  boundaries.push_back(lines.size());
  std::vector<Section> sections;
  for (std::size_t k = 0; k + 1 < boundaries.size(); ++k) {
    auto start = boundaries[k];
    auto heading = heading_of(lines[start]);
    if (heading.level != 2) continue;
    sections.push_back({heading.text, lines.subspan(start + 1, boundaries[k + 1] - start - 1)});
  }
  return sections;
}

bool parse_body(std::string_view body, RuleMetadata& rule, std::string& error) {
  auto lines = markdown::split_lines(body);
  std::span<const Line> rest(lines);
  while (!rest.empty() && is_blank(rest.front())) rest = rest.subspan(1);

  auto expected_title = rule.name + " (" + rule.code + ")";
  auto title = rest.empty() ? Heading{} : heading_of(rest.front());
  if (title.level != 1 || title.text != expected_title) {
    error = "the page must start with the title '# " + expected_title +
            "' after the front matter, found '" +
            (rest.empty() ? std::string("end of page") : std::string(rest.front().text)) + "'";
    return false;
  }
  rest = rest.subspan(1);
  while (!rest.empty() && is_blank(rest.front())) rest = rest.subspan(1);

  std::size_t summary_lines = 0;
  while (summary_lines < rest.size() && !rest[summary_lines].code && !rest[summary_lines].fence &&
         !is_blank(rest[summary_lines]) && heading_of(rest[summary_lines]).level == 0) {
    ++summary_lines;
  }
  if (summary_lines == 0) {
    error = "no one-sentence summary between the title and the first section";
    return false;
  }
  std::string summary;
  for (const auto& line : rest.first(summary_lines)) {
    if (!summary.empty()) summary += ' ';
    summary += trim(line.text);
  }
  rule.short_description = markdown::plain_inline(summary);

  auto sections = level_two_sections(lines);
  for (auto required : kRequiredSections) {
    auto found = std::ranges::find(sections, required, &Section::title);
    if (found == sections.end()) {
      error = "missing section '## " + std::string(required) + "'";
      return false;
    }
    if (std::ranges::all_of(found->lines, is_blank)) {
      error = "section '## " + std::string(required) + "' is empty";
      return false;
    }
    if (required == kRequiredSections.front()) {
      rule.full_description = std::string(trim(markdown::plain_text(found->lines)));
    }
  }
  rule.help_text = markdown::plain_text(lines);
  return true;
}

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "slotlint: internal error: %s\n", message.c_str());
  std::abort();
}

std::vector<RuleMetadata> load_embedded_rules() {
  std::vector<RuleMetadata> rules;
  for (const auto& doc : embedded_rule_docs()) {
    std::string error;
    auto rule = parse_rule_doc(doc.bytes, error);
    auto where = "docs/rules/" + std::string(doc.name) + ": ";
    if (!rule) fail(where += error);
    if (doc.name != rule->name + ".md") {
      fail(where += "the file must be named after the rule, " + rule->name + ".md");
    }
    rules.push_back(std::move(*rule));
  }
  std::ranges::sort(rules, {}, &RuleMetadata::code);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (i > 0 && rules[i].code == rules[i - 1].code) {
      fail("two rule docs claim the code " + rules[i].code);
    }
    if (!names.insert(rules[i].name).second) fail("two rule docs claim the name " + rules[i].name);
  }
  return rules;
}

}  // namespace

std::optional<RuleMetadata> parse_rule_doc(std::string_view page, std::string& error) {
  if (page.starts_with("\xEF\xBB\xBF")) page.remove_prefix(3);  // a UTF-8 byte order mark
  auto lines = markdown::split_lines(page);
  auto is_fence = [](const Line& line) { return trim(line.text) == kFrontMatterFence; };
  if (lines.empty() || !is_fence(lines.front())) {
    error = "the page must start with a front-matter block ('---' on the first line)";
    return std::nullopt;
  }
  auto closing = std::find_if(lines.begin() + 1, lines.end(), is_fence);
  if (closing == lines.end()) {
    error = "the front-matter block is not closed by a '---' line";
    return std::nullopt;
  }
  RuleMetadata rule;
  if (!parse_front_matter(std::span(lines.begin() + 1, closing), rule, error)) return std::nullopt;

  // The page after the front matter, from its first non-blank line.
  auto body = page.substr(static_cast<std::size_t>(closing->text.data() - page.data()) +
                          closing->text.size());
  body.remove_prefix(std::min(body.size(), body.find_first_not_of("\r\n")));
  if (!parse_body(body, rule, error)) return std::nullopt;
  rule.help_markdown = body;
  rule.help_uri = std::string(kHelpUriBase) + rule.name + ".md";
  return rule;
}

const std::vector<RuleMetadata>& all_rule_metadata() {
  static const std::vector<RuleMetadata> rules = load_embedded_rules();
  return rules;
}

const RuleMetadata* find_rule(std::string_view code_or_name) {
  const auto& rules = all_rule_metadata();
  auto found = std::ranges::find_if(rules, [&](const RuleMetadata& rule) {
    return rule.code == code_or_name || rule.name == code_or_name;
  });
  return found == rules.end() ? nullptr : &*found;
}

}  // namespace slotlint::rules
