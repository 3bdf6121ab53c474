#include "analyzer/ir/finding.h"

namespace slotlint::ir {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::Note:
      return "note";
    case Level::Warning:
      return "warning";
    case Level::Error:
      return "error";
  }
  return "note";
}

std::string as_sentence(std::string_view text) {
  // Not capitalised: notes often start with a name written in lower case
  // (redis-py, ioredis, a key, a path).
  std::string out(text);
  if (!out.empty() && !out.ends_with('.') && !out.ends_with(".)") && !out.ends_with('!') &&
      !out.ends_with('?'))
    out += '.';
  return out;
}

std::string full_message(std::string_view message, const std::vector<std::string>& notes) {
  std::string out(message);
  if (notes.empty()) return out;
  if (!out.ends_with('.')) out += '.';
  for (const auto& note : notes) out += " " + note;
  return out;
}

}  // namespace slotlint::ir
