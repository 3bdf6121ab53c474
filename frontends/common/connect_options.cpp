#include "frontends/common/connect_options.h"

#include <algorithm>
#include <string_view>
#include <variant>

#include "frontends/common/op_builder.h"

namespace slotlint::frontend {
namespace {

// The scheme's length with its "://" when `text` starts with one of `form`'s.
std::size_t scheme_length(std::string_view text, const model::UrlForm& form) {
  for (const auto& scheme : form.schemes) {
    if (text.starts_with(scheme) && text.substr(scheme.size()).starts_with("://"))
      return scheme.size() + 3;
  }
  return 0;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
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

bool is_redis_url(const ir::KeyExpr& value, const model::UrlForm& form) {
  const auto& segments = value.segments();
  if (segments.empty()) return false;
  const auto* first = std::get_if<ir::LiteralSegment>(&segments.front());
  return first != nullptr && scheme_length(first->text, form) > 0;
}

std::optional<ir::KeyExpr> database_in_url(const ir::KeyExpr& url, const model::UrlForm& form) {
  if (!is_redis_url(url, form)) return std::nullopt;
  // After the scheme, the authority (host, port, user: literal or holes) runs
  // to the first '/' (or, in the other form, everything to the last '/' of
  // the literal text); from there to '?' or '#' is the database.
  const auto& segments = url.segments();
  std::size_t start_segment = segments.size();
  std::size_t start_at = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto* literal = std::get_if<ir::LiteralSegment>(&segments[i]);
    if (literal == nullptr) continue;
    std::string_view text = literal->text;
    auto from = i == 0 ? scheme_length(text, form) : 0;
    auto slash = form.database_after_last_slash ? text.rfind('/') : text.find('/', from);
    if (slash == std::string_view::npos || slash < from) continue;
    start_segment = i;
    start_at = slash + 1;
    if (!form.database_after_last_slash) break;
  }
  if (start_segment == segments.size()) return std::nullopt;
  std::string number;
  ir::SourceSpan span;
  for (std::size_t i = start_segment; i < segments.size(); ++i) {
    if (const auto* hole = std::get_if<ir::HoleSegment>(&segments[i]))
      return ir::KeyExpr::hole(hole->symbol, hole->display, hole->span);
    const auto& literal = std::get<ir::LiteralSegment>(segments[i]);
    std::string_view text = literal.text;
    std::size_t at = i == start_segment ? start_at : 0;
    auto end = text.find_first_of("?#", at);
    auto part = text.substr(at, end == std::string_view::npos ? text.size() - at : end - at);
    if (number.empty() && !part.empty()) {
      span = literal.span;
      if (literal.maps_to_source) {
        span.begin = literal.span.begin + static_cast<std::uint32_t>(at);
        span.end = span.begin + static_cast<std::uint32_t>(part.size());
      }
    }
    number += part;
    if (end != std::string_view::npos) break;
  }
  // A path that is not a number names no database (the clients ignore it or
  // refuse the URL): database 0.
  if (!all_digits(number)) return std::nullopt;
  return ir::KeyExpr::literal(std::move(number), span, false);
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

std::optional<ir::RedisOp> constructor_select(const model::ApiModel& api,
                                              const model::ClientClass& cls,
                                              const std::vector<Value>& args, ir::SourceSpan call) {
  auto select = [&](ir::KeyExpr index, std::string option) {
    auto where = index.span().empty() ? call : index.span();
    return connect_select(api, cls, std::move(index), call, where, std::move(option));
  };
  for (const auto& arg : args) {
    if (arg.kind != Value::Kind::Mapping) continue;
    for (const auto& path : cls.database_options) {
      if (const auto* index = value_at_path(arg, path)) return select(index->text, path);
    }
    for (const auto& path : cls.url_options) {
      const auto* url = value_at_path(arg, path);
      if (url == nullptr || !url->is_text()) continue;
      if (auto index = database_in_url(url->text, api.url_form)) return select(*index, path);
      return std::nullopt;
    }
  }
  if (!cls.url_arguments) return std::nullopt;
  for (const auto& arg : args) {
    if (!arg.is_text() || !is_redis_url(arg.text, api.url_form)) continue;
    if (auto index = database_in_url(arg.text, api.url_form)) return select(*index, "url");
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace slotlint::frontend
