#include "frontends/cpp/cpp_engine_host.h"

#include <algorithm>

#include "frontends/common/format_spec.h"
#include "frontends/cpp/hiredis_format.h"

namespace slotlint::cpp {
namespace {

const model::Method* format_method(frontend::Models models, const engine::ClientCall& call) {
  if (!call.receiver.is(engine::ValueKind::Client)) return nullptr;
  const auto& client = call.receiver.as_client();
  for (const auto* api : models) {
    if (api->library != client.library) continue;
    const auto* cls = api->find_class(client.api_class);
    if (cls == nullptr) return nullptr;
    const auto* method = api->find_method(call.method, *cls);
    return method != nullptr && !method->format_param.empty() ? method : nullptr;
  }
  return nullptr;
}

}  // namespace

void CppEngineHost::emit(const engine::ClientCall& call) {
  const auto* method = format_method(models_, call);
  if (method == nullptr) {
    EngineHost::emit(call);
    return;
  }
  auto position = static_cast<std::size_t>(
      std::ranges::find(method->signature, method->format_param, &model::Parameter::name) -
      method->signature.begin());
  if (position >= call.args.size()) return;
  const auto& format = call.args[position];
  if (!format.value.is(engine::ValueKind::String)) return;
  const auto& pattern = format.value.as_string().key;
  if (!pattern.is_literal()) return;
  auto text = pattern.literal_text();
  auto split = split_hiredis_format(text);
  if (!split.valid) return;
  // Literal pieces point into the format literal when it maps byte for byte.
  const ir::LiteralSegment* source = nullptr;
  if (pattern.segments().size() == 1)
    source = std::get_if<ir::LiteralSegment>(&pattern.segments().front());
  engine::ClientCall spread = call;
  spread.args.resize(position + 1);
  for (const auto& argument : split.arguments) {
    ir::KeyExpr key;
    ir::SourceSpan value_at;
    for (const auto& piece : argument.pieces) {
      if (piece.kind == FormatPiece::Kind::Literal) {
        bool exact =
            source != nullptr && source->maps_to_source && piece.text.size() == piece.length;
        ir::SourceSpan at =
            exact ? ir::SourceSpan{source->span.file,
                                   static_cast<std::uint32_t>(source->span.begin + piece.offset),
                                   static_cast<std::uint32_t>(source->span.begin + piece.offset +
                                                              piece.length)}
                  : format.span;
        key.append(ir::KeyExpr::literal(piece.text, at, exact));
        continue;
      }
      auto index = position + 1 + piece.vararg;
      if (index >= call.args.size()) return;
      value_at = call.args[index].span;
      auto value = engine::key_of(call.args[index].value, value_at, limits_);
      key.append(piece.plain ? value
                             : frontend::through_printf_spec(
                                   value, text.substr(piece.offset, piece.length), value_at));
    }
    // "%s" alone is the argument passed for it; anything else the format's.
    bool one_value =
        argument.pieces.size() == 1 && argument.pieces.front().kind == FormatPiece::Kind::Value;
    key.set_span(one_value ? value_at : format.span);
    auto at = key.span();
    spread.args.push_back(
        {il::Argument::Kind::Positional, {}, engine::Value::string(std::move(key)), at});
  }
  EngineHost::emit(spread);
}

std::optional<ir::KeyExpr> CppEngineHost::formatted(const ir::KeyExpr& value,
                                                    const std::string& spec, bool brace,
                                                    ir::SourceSpan span) {
  if (brace) return std::nullopt;
  return frontend::through_printf_spec(value, "%" + spec, span);
}

std::optional<engine::Host::FileText> CppEngineHost::read_file(const ir::KeyExpr& path,
                                                               const engine::CallSite&) {
  if (files_ == nullptr || !path.is_literal()) return std::nullopt;
  std::filesystem::path written(path.literal_text());
  auto file = written.is_absolute() ? written : folder_ / written;
  auto loaded = files_->load_file(file);
  if (!loaded) return std::nullopt;
  return FileText{loaded->text, file.string()};
}

}  // namespace slotlint::cpp
