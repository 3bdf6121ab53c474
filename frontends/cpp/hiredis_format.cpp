#include "frontends/cpp/hiredis_format.h"

namespace slotlint::cpp {
namespace {

constexpr std::string_view kFlags = "#0-+ ";
constexpr std::string_view kIntegers = "diouxX";
constexpr std::string_view kDoubles = "eEfFgGaA";
constexpr std::string_view kLengthModifiers = "hlzjtL";
constexpr std::string_view kPlainConversions = "sbdiu";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A printf conversion starting at format[i] == '%' (not "%%", "%s", "%b"):
// its end (one past the conversion letter), or npos when it is rejected.
// Flags, width, precision, length modifiers, then the letter; hiredis takes
// only the hh, h, l and ll modifiers (so %zu makes redisCommand fail).
std::size_t conversion_end(std::string_view format, std::size_t i, bool hiredis) {
  std::size_t at = i + 1;
  while (at < format.size() && kFlags.find(format[at]) != std::string_view::npos) ++at;
  while (at < format.size() && is_digit(format[at])) ++at;
  if (at < format.size() && format[at] == '.') {
    ++at;
    while (at < format.size() && is_digit(format[at])) ++at;
  }
  for (std::string_view modifier : {"hh", "ll", "h", "l", "z", "j", "t", "L"}) {
    if (hiredis && modifier != "hh" && modifier != "ll" && modifier != "h" && modifier != "l")
      continue;
    if (format.substr(at).starts_with(modifier)) {
      at += modifier.size();
      break;
    }
  }
  if (at >= format.size()) return std::string_view::npos;
  char letter = format[at];
  if (kIntegers.find(letter) == std::string_view::npos &&
      kDoubles.find(letter) == std::string_view::npos) {
    return std::string_view::npos;
  }
  return at + 1;
}

class Splitter {
 public:
  // `spaces_separate`: hiredis's rules; otherwise printf's (one string).
  explicit Splitter(std::string_view format, bool spaces_separate)
      : format_(format), spaces_separate_(spaces_separate) {}

  SplitFormat run() {
    for (std::size_t i = 0; i < format_.size(); ++i) {
      char c = format_[i];
      if (c != '%' || i + 1 == format_.size()) {
        if (c == ' ' && spaces_separate_) {
          finish_argument();
        } else {
          literal(i, std::string(1, c), 1);
        }
        continue;
      }
      char next = format_[i + 1];
      if (next == '%') {
        literal(i, "%", 2);
        ++i;
        continue;
      }
      if (next == 's' || (next == 'b' && spaces_separate_)) {
        value(i, next, 2);
        result_.varargs_used += next == 'b' ? 2 : 1;
        ++i;
        continue;
      }
      auto end = conversion_end(format_, i, spaces_separate_);
      if (end == std::string_view::npos) {
        result_.valid = false;
        return std::move(result_);
      }
      value(i, format_[end - 1], end - i);
      ++result_.varargs_used;
      i = end - 1;
    }
    finish_argument();
    return std::move(result_);
  }

 private:
  void literal(std::size_t offset, std::string text, std::size_t length) {
    touched_ = true;
    auto& pieces = current_.pieces;
    if (!pieces.empty() && pieces.back().kind == FormatPiece::Kind::Literal &&
        pieces.back().offset + pieces.back().length == offset) {
      pieces.back().text += text;
      pieces.back().length += length;
      return;
    }
    pieces.push_back({FormatPiece::Kind::Literal, std::move(text), 0, 0, offset, length});
  }

  void value(std::size_t offset, char conversion, std::size_t length) {
    touched_ = true;
    auto between = format_.substr(offset + 1, length - 2);
    bool plain = kPlainConversions.find(conversion) != std::string_view::npos &&
                 between.find_first_not_of(kLengthModifiers) == std::string_view::npos;
    current_.pieces.push_back(
        {FormatPiece::Kind::Value, {}, result_.varargs_used, conversion, offset, length, plain});
  }

  void finish_argument() {
    if (!touched_) return;  // runs of spaces separate once
    result_.arguments.push_back(std::move(current_));
    current_ = {};
    touched_ = false;
  }

  std::string_view format_;
  bool spaces_separate_;
  SplitFormat result_;
  FormatArgument current_;
  bool touched_ = false;
};

}  // namespace

SplitFormat split_hiredis_format(std::string_view format) { return Splitter(format, true).run(); }

SplitFormat split_printf_format(std::string_view format) {
  auto split = Splitter(format, false).run();
  if (split.arguments.empty()) split.arguments.emplace_back();  // "" is one empty string
  return split;
}

}  // namespace slotlint::cpp
