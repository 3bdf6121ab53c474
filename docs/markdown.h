// Just enough Markdown for the rule docs (docs/rules/*.md): lines with fenced
// code marked (a '#' in a code block is a comment, not a heading), headings,
// and a plain-text rendering for viewers that cannot show Markdown (SARIF's
// help.text). Not a full CommonMark implementation: it knows the markup rule
// docs use and leaves anything else as written.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::markdown {

struct Line {
  std::string_view text;  // without its line break (LF or CRLF)
  bool code = false;      // inside a fenced block (content only)
  bool fence = false;     // the ``` or ~~~ line itself
};

std::vector<Line> split_lines(std::string_view text);

// Empty or white space, outside code.
bool is_blank(const Line& line);

// "## Why is this bad?" → level 2, "Why is this bad?"; level 0 when not a heading.
struct Heading {
  int level = 0;
  std::string_view text;
};

Heading heading_of(const Line& line);

std::string_view trim(std::string_view text);

// Inline markup dropped: `code` → code, **bold** → bold, [text](url) →
// "text (url)", \* → *. Delimiters that do not pair up (SDIFF*, snake_case)
// are kept.
std::string plain_inline(std::string_view text);

// Blocks separated by one blank line: headings as their text, paragraphs
// unwrapped to one line (list items and table rows keep their own lines),
// code blocks indented by four spaces. Ends with a newline unless empty.
std::string plain_text(std::span<const Line> lines);

}  // namespace slotlint::markdown
