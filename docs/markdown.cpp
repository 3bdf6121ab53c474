#include "docs/markdown.h"

#include <cctype>

namespace slotlint::markdown {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_punctuation(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

std::string_view fence_marker(std::string_view line) {
  line = trim(line);
  if (line.starts_with("```")) return line.substr(0, line.find_first_not_of('`'));
  if (line.starts_with("~~~")) return line.substr(0, line.find_first_not_of('~'));
  return {};
}

bool is_list_item_start(std::string_view line) {
  line = trim(line);
  if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ")) return true;
  std::size_t digits = 0;
  while (digits < line.size() && is_digit(line[digits])) ++digits;
  return digits > 0 && line.substr(digits).starts_with(". ");
}

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

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
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

}  // namespace slotlint::markdown
