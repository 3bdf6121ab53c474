#include "sarif/text_reporter.h"

#include <algorithm>

#include <fmt/format.h>

#include "sarif/source_line.h"

namespace slotlint::report {
namespace {

// SGR parameters, the colours clang uses for the same parts.
constexpr std::string_view kBold = "1";
constexpr std::string_view kCaret = "1;32";

std::string_view level_colour(ir::Level level) {
  switch (level) {
    case ir::Level::Error:
      return "1;31";
    case ir::Level::Warning:
      return "1;35";
    case ir::Level::Note:
      return "1;36";
  }
  return kBold;
}

class Painter {
 public:
  explicit Painter(bool enabled) : enabled_(enabled) {}

  [[nodiscard]] std::string operator()(std::string_view text, std::string_view sgr) const {
    if (!enabled_ || text.empty()) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
  }

 private:
  bool enabled_;
};

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The caret line under `slice.line`: one column per character (tabs kept so
// they line up), '^' at the region's start and '~' along the rest of it.
std::string caret_line(const LineSlice& slice) {
  std::string out;
  for (std::size_t i = 0; i < slice.begin; ++i) {
    char c = slice.line[i];
    if (c == '\t') {
      out += '\t';
    } else if (!is_utf8_continuation(c)) {
      out += ' ';
    }
  }
  out += '^';
  for (std::size_t i = slice.begin + 1; i < slice.end; ++i) {
    if (!is_utf8_continuation(slice.line[i])) out += '~';
  }
  return out;
}

class TextWriter {
 public:
  TextWriter(std::ostream& out, const TextOptions& options)
      : out_(out), options_(options), paint_(options.color) {}

  void finding(const Finding& finding) {
    std::string tag = finding.rule != nullptr
                          ? fmt::format(" [{}/{}]", finding.rule->name, finding.rule->code)
                          : "";
    diagnostic(finding.location, finding.level, finding.message + tag);
    // The notes under it, indented like a compiler's: problem matchers read
    // only the `path:line:col:` lines. --no-snippets (editors) leaves them
    // out with the source lines: one line per location.
    if (options_.snippets) {
      for (const auto& note : finding.notes) out_ << "    " << note << '\n';
    }
    for (const auto& related : finding.related) {
      const auto& location = related.location.path.empty()
                                 ? Location{finding.location.path, related.location.region}
                                 : related.location;
      diagnostic(location, ir::Level::Note, related.message);
    }
  }

  void notification(const Notification& notification) {
    std::string_view where = notification.path ? std::string_view(*notification.path) : "slotlint";
    out_ << paint_(fmt::format("{}:", where), kBold) << ' '
         << paint_(fmt::format("{}:", ir::level_name(notification.level)),
                   level_colour(notification.level))
         << ' ' << paint_(fmt::format("{} [{}]", notification.message, notification.id), kBold)
         << '\n';
  }

 private:
  void diagnostic(const Location& location, ir::Level level, std::string_view message) {
    const auto& region = location.region;
    out_ << paint_(fmt::format("{}:{}:{}:", location.path, region.start_line,
                               region.start_byte_column),
                   kBold)
         << ' ' << paint_(fmt::format("{}:", ir::level_name(level)), level_colour(level)) << ' '
         << paint_(message, kBold) << '\n';
    if (!options_.snippets) return;
    if (auto slice = slice_on_line(region)) {
      out_ << slice->line << '\n' << paint_(caret_line(*slice), kCaret) << '\n';
    }
  }

  std::ostream& out_;
  const TextOptions& options_;
  Painter paint_;
};

std::string count(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace

void write_text(const RunReport& run, std::ostream& out, const TextOptions& options) {
  TextWriter writer(out, options);
  for (const auto& finding : run.findings) {
    if (!finding.suppression) writer.finding(finding);
  }
  // After the findings, so that what could not be checked is read next to the summary.
  if (options.notifications) {
    for (const auto& notification : run.notifications) writer.notification(notification);
  }
  if (options.summary) out << summary_line(run) << '\n';
}

std::string summary_line(const RunReport& run) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t suppressed = 0;
  for (const auto& finding : run.findings) {
    if (finding.suppression) {
      ++suppressed;
      continue;
    }
    switch (finding.level) {
      case ir::Level::Error:
        ++errors;
        break;
      case ir::Level::Warning:
        ++warnings;
        break;
      case ir::Level::Note:
        ++notes;
        break;
    }
  }
  auto line = fmt::format("{}, {}, {} in {}", count(errors, "error"), count(warnings, "warning"),
                          count(notes, "note"), count(run.files.size(), "file"));
  if (suppressed != 0) line += fmt::format(" ({} suppressed)", suppressed);
  if (!run.notifications.empty()) line += "; " + count(run.notifications.size(), "notification");
  // Files given but not checked at all: what the counts above do not cover.
  auto not_analysed = std::ranges::count(run.notifications, kUnitNotAnalysed, &Notification::id);
  if (not_analysed != 0) {
    line += fmt::format(" ({} not analysed)",
                        count(static_cast<std::size_t>(not_analysed), "translation unit"));
  }
  return line;
}

}  // namespace slotlint::report
