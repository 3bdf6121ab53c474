// Rule metadata from the rule docs. The page format is described in
// rules/rule_metadata.h; a page that breaks it is rejected with a message that
// names the part to fix, because a rule without valid help must not ship.
#include "rules/rule_metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <span>

#include "docs/embedded_docs.h"

namespace slotlint::rules {
namespace {

constexpr std::string_view kHelpUriBase =
    "https://github.com/slotlint/slotlint/blob/main/docs/rules/";
constexpr std::string_view kFrontMatterFence = "---";
constexpr std::array kRequiredSections = {std::string_view("What it does"),
                                          std::string_view("Why is this bad?")};
constexpr std::array kPrecisions = {std::string_view("very-high"), std::string_view("high"),
                                    std::string_view("medium"), std::string_view("low")};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_punctuation(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// ---------------------------------------------------------------------------
// Lines, with fenced code marked: inside a fence '#' starts a Python comment,
// not a heading, and no markup applies.

struct Line {
  std::string_view text;
  bool code = false;   // inside a fenced block (content only)
  bool fence = false;  // the ``` or ~~~ line itself
};

std::string_view fence_marker(std::string_view line) {
  line = trim(line);
  if (line.starts_with("```")) return line.substr(0, line.find_first_not_of('`'));
  if (line.starts_with("~~~")) return line.substr(0, line.find_first_not_of('~'));
  return {};
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::string_view open_fence;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    auto marker = fence_marker(line);
    if (open_fence.empty() && !marker.empty()) {
      open_fence = marker;
      lines.push_back({line, false, true});
    } else if (!open_fence.empty() && marker.size() >= open_fence.size() &&
               marker[0] == open_fence[0] && trim(line).size() == marker.size()) {
      open_fence = {};
      lines.push_back({line, false, true});
    } else {
      lines.push_back({line, !open_fence.empty(), false});
    }
  }
  return lines;
}

bool is_blank(const Line& line) { return !line.code && !line.fence && trim(line.text).empty(); }

// "## Why is this bad?" → level 2, "Why is this bad?"; level 0 when not a heading.
struct Heading {
  int level = 0;
  std::string_view text;
};

Heading heading_of(const Line& line) {
  if (line.code || line.fence) return {};
  auto text = line.text;
  std::size_t hashes = 0;
  while (hashes < text.size() && text[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6 || (hashes < text.size() && text[hashes] != ' ')) return {};
  auto title = trim(text.substr(hashes));
  while (title.ends_with('#')) title.remove_suffix(1);  // closing hashes are decoration
  return {static_cast<int>(hashes), trim(title)};
}

bool is_list_item_start(std::string_view line) {
  line = trim(line);
  if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ")) return true;
  std::size_t digits = 0;
  while (digits < line.size() && is_digit(line[digits])) ++digits;
  return digits > 0 && line.substr(digits).starts_with(". ");
}

// ---------------------------------------------------------------------------
// Markdown → plain text. Not a full CommonMark renderer: it drops the markup a
// rule doc uses (emphasis, code spans, links, fences, headings) and keeps the
// words, for SARIF viewers that cannot show Markdown.

// Index of the next run of exactly `run` copies of `c` at or after `from`.
std::size_t find_run(std::string_view text, char c, std::size_t run, std::size_t from) {
  for (auto at = text.find(c, from); at != std::string_view::npos; at = text.find(c, at)) {
    std::size_t length = 0;
    while (at + length < text.size() && text[at + length] == c) ++length;
    if (length == run) return at;
    at += length;
  }
  return std::string_view::npos;
}

std::size_t run_length(std::string_view text, std::size_t at) {
  std::size_t length = 0;
  while (at + length < text.size() && text[at + length] == text[at]) ++length;
  return length;
}

std::string plain_inline(std::string_view text);

// Emphasis, after CommonMark's flanking rules: a delimiter run opens when it
// is followed by text (not space, and not punctuation unless it comes after
// space or punctuation) and closes in the mirror case; '_' never opens or
// closes inside a word (snake_case stays as it is).
bool can_open(std::string_view text, std::size_t at, std::size_t run) {
  auto after = at + run;
  if (after >= text.size() || is_space(text[after])) return false;
  bool before_is_gap = at == 0 || is_space(text[at - 1]) || is_ascii_punctuation(text[at - 1]);
  if (is_ascii_punctuation(text[after]) && !before_is_gap) return false;
  return text[at] == '*' || at == 0 || !is_alnum(text[at - 1]);
}

bool can_close(std::string_view text, std::size_t at, std::size_t run) {
  if (at == 0 || is_space(text[at - 1])) return false;
  auto after = at + run;
  bool after_is_gap =
      after >= text.size() || is_space(text[after]) || is_ascii_punctuation(text[after]);
  if (is_ascii_punctuation(text[at - 1]) && !after_is_gap) return false;
  return text[at] == '*' || after >= text.size() || !is_alnum(text[after]);
}

bool render_emphasis(std::string_view text, std::size_t& at, std::string& out) {
  std::size_t run = run_length(text, at);
  if (run > 3 || !can_open(text, at, run)) return false;
  for (auto close = find_run(text, text[at], run, at + run); close != std::string_view::npos;
       close = find_run(text, text[at], run, close + run)) {
    if (can_close(text, close, run)) {
      out += plain_inline(text.substr(at + run, close - at - run));
      at = close + run;
      return true;
    }
  }
  return false;
}

// `code` → code (the span's text is kept as written).
bool render_code_span(std::string_view text, std::size_t& at, std::string& out) {
  std::size_t run = run_length(text, at);
  auto close = find_run(text, '`', run, at + run);
  if (close == std::string_view::npos) {
    out.append(text.substr(at, run));
    at += run;
    return true;
  }
  auto code = text.substr(at + run, close - at - run);
  if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' && trim(code) != "") {
    code = code.substr(1, code.size() - 2);
  }
  out += code;
  at = close + run;
  return true;
}

// [text](url) → "text (url)", or just the url when they are the same.
bool render_link(std::string_view text, std::size_t& at, std::string& out) {
  auto start = text[at] == '!' ? at + 1 : at;
  auto label_end = text.find(']', start + 1);
  if (label_end == std::string_view::npos || text.substr(label_end + 1, 1) != "(") return false;
  auto url_end = text.find(')', label_end + 2);
  if (url_end == std::string_view::npos) return false;
  auto label = plain_inline(text.substr(start + 1, label_end - start - 1));
  auto url = trim(text.substr(label_end + 2, url_end - label_end - 2));
  out += label == url || label.empty() ? std::string(url) : label + " (" + std::string(url) + ")";
  at = url_end + 1;
  return true;
}

// <https://...> → https://...
bool render_autolink(std::string_view text, std::size_t& at, std::string& out) {
  auto rest = text.substr(at + 1);
  if (!rest.starts_with("http://") && !rest.starts_with("https://") && !rest.starts_with("mailto:"))
    return false;
  auto close = rest.find('>');
  if (close == std::string_view::npos ||
      rest.substr(0, close).find_first_of(" \t\n") != std::string_view::npos) {
    return false;
  }
  out += rest.substr(0, close);
  at += close + 2;
  return true;
}

std::string plain_inline(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    char c = text[at];
    if (c == '\\' && at + 1 < text.size() && is_ascii_punctuation(text[at + 1])) {
      out += text[at + 1];
      at += 2;
      continue;
    }
    bool rendered = (c == '`' && render_code_span(text, at, out)) ||
                    ((c == '*' || c == '_') && render_emphasis(text, at, out)) ||
                    ((c == '[' || (c == '!' && at + 1 < text.size() && text[at + 1] == '[')) &&
                     render_link(text, at, out)) ||
                    (c == '<' && render_autolink(text, at, out));
    if (rendered) continue;
    // A delimiter run that did not pair up is literal text, all of it.
    std::size_t literal = (c == '*' || c == '_') ? run_length(text, at) : 1;
    out.append(text.substr(at, literal));
    at += literal;
  }
  return out;
}

// A paragraph's lines joined into one line each (viewers wrap text
// themselves); list items and table rows keep their own lines.
std::string unwrap(std::span<const Line> lines) {
  std::string joined;
  for (const auto& line : lines) {
    auto text = trim(line.text);
    bool own_line = is_list_item_start(text) || text.starts_with('|');
    if (!joined.empty()) joined += own_line ? '\n' : ' ';
    joined += text;
  }
  return joined;
}

std::string plain_text(std::span<const Line> lines) {
  std::vector<std::string> blocks;
  std::string code_block;
  for (std::size_t i = 0; i < lines.size();) {
    const auto& line = lines[i];
    if (line.fence) {
      if (!code_block.empty()) blocks.push_back(std::move(code_block));
      code_block.clear();
      ++i;
    } else if (line.code) {
      if (!line.text.empty()) code_block += "    ";
      code_block += line.text;
      code_block += '\n';
      ++i;
    } else if (is_blank(line)) {
      ++i;
    } else if (auto heading = heading_of(line); heading.level > 0) {
      blocks.push_back(plain_inline(heading.text));
      ++i;
    } else if (line.text.starts_with("    ") || line.text.starts_with('\t')) {
      // An indented code block: kept verbatim.
      std::string block;
      for (; i < lines.size() && !lines[i].fence &&
             (lines[i].text.starts_with("    ") || lines[i].text.starts_with('\t') ||
              is_blank(lines[i]));
           ++i) {
        block += lines[i].text;
        block += '\n';
      }
      blocks.push_back(std::move(block));  // trailing blank lines go when blocks are joined
    } else {
      auto start = i;
      while (i < lines.size() && !lines[i].code && !lines[i].fence && !is_blank(lines[i]) &&
             heading_of(lines[i]).level == 0) {
        ++i;
      }
      blocks.push_back(plain_inline(unwrap(lines.subspan(start, i - start))));
    }
  }
  if (!code_block.empty()) blocks.push_back(std::move(code_block));

  std::string out;
  for (auto& block : blocks) {
    while (!block.empty() && is_space(block.back())) block.pop_back();
    if (block.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += block;
  }
  if (!out.empty()) out += '\n';
  return out;
}

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
  std::vector<Section> sections;
  std::optional<std::size_t> open;
  auto close = [&](std::size_t end) {
    if (open) sections.back().lines = lines.subspan(*open + 1, end - *open - 1);
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto heading = heading_of(lines[i]);
    if (heading.level == 0 || heading.level > 2) continue;
    close(i);
    open.reset();
    if (heading.level == 2) {
      sections.push_back({heading.text, {}});
      open = i;
    }
  }
  close(lines.size());
  return sections;
}

bool parse_body(std::string_view body, RuleMetadata& rule, std::string& error) {
  auto lines = split_lines(body);
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
  rule.short_description = plain_inline(summary);

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
      rule.full_description = std::string(trim(plain_text(found->lines)));
    }
  }
  rule.help_text = plain_text(lines);
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
    if (i > 0 && rules[i].code == rules[i - 1].code)
      fail("two rule docs claim the code " + rules[i].code);
    if (!names.insert(rules[i].name).second) fail("two rule docs claim the name " + rules[i].name);
  }
  return rules;
}

}  // namespace

std::optional<RuleMetadata> parse_rule_doc(std::string_view markdown, std::string& error) {
  if (markdown.starts_with("\xEF\xBB\xBF")) markdown.remove_prefix(3);  // a UTF-8 byte order mark
  auto lines = split_lines(markdown);
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
  auto body = markdown.substr(static_cast<std::size_t>(closing->text.data() - markdown.data()) +
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
