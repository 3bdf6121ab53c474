#include "frontends/common/format_spec.h"

#include <limits>
#include <string>

namespace slotlint::frontend {

ir::KeyExpr through_spec(const ir::KeyExpr& value, std::string_view spec, ir::SourceSpan span) {
  if (value.is_unknown()) return value;
  std::string identity;
  for (const auto& token : ir::tokens(value))
    identity += (token.is_hole ? "\x01" : "\x02") + token.text;
  // Shown as the value itself: findings' fingerprints are built from what
  // keys show, and users' baselines hold them.
  return ir::KeyExpr::hole("spec(" + std::string(spec) + "):" + identity, value.display(), span);
}

ir::KeyExpr through_printf_spec(const ir::KeyExpr& value, std::string_view spec,
                                ir::SourceSpan span) {
  if (!value.is_literal() || spec.size() < 2 || spec.front() != '%')
    return through_spec(value, spec, span);
  bool left = false;
  bool zero = false;
  std::size_t at = 1;
  for (; at < spec.size() && (spec[at] == '-' || spec[at] == '0'); ++at)
    (spec[at] == '-' ? left : zero) = true;
  std::size_t width = read_width(spec, at);
  std::string text = value.literal_text();
  char letter = spec.back();
  bool integer = is_integer_text(text);
  bool modelled = at + 1 == spec.size() &&
                  (std::string_view("diu").find(letter) != std::string_view::npos
                       ? integer
                       : std::string_view("sv").find(letter) != std::string_view::npos && !zero);
  if (!modelled) return through_spec(value, spec, span);
  if (zero && !left)
    return ir::KeyExpr::padded(text, width, '0', text.starts_with('-') ? 1 : 0, span);
  return ir::KeyExpr::padded(text, width, ' ', left ? text.size() : 0, span);
}

std::size_t read_width(std::string_view spec, std::size_t& at) {
  constexpr std::size_t kMost = std::numeric_limits<std::size_t>::max();
  std::size_t width = 0;
  for (; at < spec.size() && spec[at] >= '0' && spec[at] <= '9'; ++at) {
    auto digit = static_cast<std::size_t>(spec[at] - '0');
    width = width > (kMost - digit) / 10 ? kMost : width * 10 + digit;
  }
  return width;
}

bool is_integer_text(std::string_view text) {
  auto digits = text.starts_with('-') ? text.substr(1) : text;
  return !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace slotlint::frontend
