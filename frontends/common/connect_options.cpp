#include "frontends/common/connect_options.h"

#include <array>
#include <string_view>
#include <variant>

#include "frontends/common/op_builder.h"

namespace slotlint::frontend {
namespace {

constexpr std::array<std::string_view, 4> kSchemes = {"redis://", "rediss://", "valkey://",
                                                      "valkeys://"};

// The scheme's length when `text` starts with one.
std::size_t scheme_length(std::string_view text) {
  for (auto scheme : kSchemes) {
    if (text.starts_with(scheme)) return scheme.size();
  }
  return 0;
}

}  // namespace

const Value* value_at_path(const Value& mapping, std::string_view path) {
  const Value* value = &mapping;
  while (value != nullptr && !path.empty()) {
    auto dot = path.find('.');
    auto field = path.substr(0, dot);
    const Value* found = nullptr;
    for (std::size_t k = 0; value->kind == Value::Kind::Mapping && k < value->keys.size(); ++k) {
      if (value->keys[k].text.is_literal() && value->keys[k].text.literal_text() == field)
        found = &value->values[k];
    }
    value = found;
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  }
  return value;
}

bool is_redis_url(const ir::KeyExpr& value) {
  const auto& segments = value.segments();
  if (segments.empty()) return false;
  const auto* first = std::get_if<ir::LiteralSegment>(&segments.front());
  return first != nullptr && scheme_length(first->text) > 0;
}

std::optional<ir::KeyExpr> database_in_url(const ir::KeyExpr& url) {
  if (!is_redis_url(url)) return std::nullopt;
  // After the scheme, the authority (host, port, user: literal or holes) runs
  // to the first '/'; the path up to '?' or '#' is the database.
  const auto& segments = url.segments();
  bool in_path = false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (const auto* hole = std::get_if<ir::HoleSegment>(&segments[i])) {
      if (!in_path) continue;
      return ir::KeyExpr::hole(hole->symbol, hole->display, hole->span);
    }
    const auto& literal = std::get<ir::LiteralSegment>(segments[i]);
    std::string_view text = literal.text;
    std::size_t at = i == 0 ? scheme_length(text) : 0;
    if (!in_path) {
      auto slash = text.find('/', at);
      if (slash == std::string_view::npos) continue;
      in_path = true;
      at = slash + 1;
    }
    auto end = text.find_first_of("?#", at);
    auto part = text.substr(at, end == std::string_view::npos ? text.size() - at : end - at);
    if (!part.empty()) {
      ir::SourceSpan span = literal.span;
      if (literal.maps_to_source) {
        span.begin = literal.span.begin + static_cast<std::uint32_t>(at);
        span.end = span.begin + static_cast<std::uint32_t>(part.size());
      }
      return ir::KeyExpr::literal(std::string(part), span, false);
    }
    if (end != std::string_view::npos) return std::nullopt;
  }
  return std::nullopt;
}

ir::RedisOp connect_select(const model::ApiModel& api, const model::ClientClass& cls,
                           ir::KeyExpr index, ir::SourceSpan call, ir::SourceSpan where,
                           std::string option) {
  ir::RedisOp op;
  op.call = call;
  op.callee = where;
  op.api = option;
  model::Method method;
  method.name = option;
  std::vector<ir::Arg> argv;
  argv.push_back({ir::KeyExpr::literal("SELECT", where, false), false});
  argv.push_back({std::move(index), false});
  assign_command(op, std::move(argv));
  apply_client_behaviour(op, api, cls, method, false);
  op.connect_option = std::move(option);
  return op;
}

}  // namespace slotlint::frontend
