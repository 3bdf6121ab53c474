#include "frontends/python/script_source.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/ir/stable_hash.h"
#include "frontends/python/module_loader.h"

namespace slotlint::python {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxDepth = 8;

std::uint32_t line_of(std::string_view source, std::uint32_t offset) {
  auto end = source.begin() + std::min<std::size_t>(offset, source.size());
  return 1 + static_cast<std::uint32_t>(std::count(source.begin(), end, '\n'));
}

// The same body gets the same identity in every file of a run.
std::string text_identity(std::string_view text) {
  return fmt::format("text:{:016x}", ir::stable_hash(text));
}

ts::Node first_argument(ts::Node call, std::string_view keyword) {
  auto arguments = call.field("arguments");
  for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
    auto arg = arguments.named_child(i);
    if (arg.type() == "keyword_argument") {
      if (arg.field("name").text() == keyword) return arg.field("value");
      continue;
    }
    if (arg.type() != "comment") return arg;
  }
  return {};
}

bool calls_one_of(ts::Node value, const std::vector<std::string>& methods) {
  while (value.type() == "await") value = value.named_child(0);
  if (value.type() != "call") return false;
  auto function = value.field("function");
  return function.type() == "attribute" &&
         std::ranges::find(methods, function.field("attribute").text()) != methods.end();
}

}  // namespace

const Binding* ScriptSources::assignment_of(ts::Node expr, const Scope& scope) const {
  auto single_assign = [](const std::vector<Binding>* bindings) -> const Binding* {
    if (bindings == nullptr || bindings->size() != 1) return nullptr;
    return bindings->front().kind == Binding::Kind::Assign ? &bindings->front() : nullptr;
  };
  if (expr.type() == "identifier") {
    for (const Scope* s = &scope; s != nullptr; s = s->parent) {
      if (s->kind == Scope::Kind::Class && s != &scope) continue;
      if (const auto* bindings = s->find(expr.text())) return single_assign(bindings);
    }
    return nullptr;
  }
  if (expr.type() != "attribute" || expr.field("object").text() != "self") return nullptr;
  const Scope* cls = scope.kind == Scope::Kind::Class ? &scope : scope.enclosing_class;
  if (cls == nullptr) return nullptr;
  auto field = expr.field("attribute").text();
  for (const Scope* owner : scopes_.lineage(*cls)) {
    if (auto it = owner->self_attributes.find(field); it != owner->self_attributes.end())
      return single_assign(&it->second);
    if (const auto* bindings = owner->find(field)) return single_assign(bindings);
  }
  return nullptr;
}

std::optional<RegisteredScript> ScriptSources::registered(ts::Node callee,
                                                          const Scope& scope) const {
  const auto* binding = assignment_of(callee, scope);
  if (binding == nullptr || !calls_one_of(binding->value, api_.script_factories))
    return std::nullopt;
  auto call = binding->value;
  while (call.type() == "await") call = call.named_child(0);
  auto function = call.field("function");
  return RegisteredScript{first_argument(call, "script"), function.field("object"),
                          function.field("attribute").text(), binding->scope, binding->position};
}

std::optional<ir::ScriptUse> ScriptSources::body_of(ts::Node expr, const Scope& scope,
                                                    std::uint32_t position, int depth) {
  if (expr.is_null() || depth > kMaxDepth || loader_ == nullptr) return std::nullopt;
  // sha = r.script_load(BODY); script = r.register_script(BODY); script.sha
  auto behind = [&](ts::Node name) -> std::optional<ir::ScriptUse> {
    const auto* binding = assignment_of(name, scope);
    if (binding == nullptr) return std::nullopt;
    auto call = binding->value;
    while (call.type() == "await") call = call.named_child(0);
    if (!calls_one_of(call, api_.script_loaders) && !calls_one_of(call, api_.script_factories))
      return std::nullopt;
    return body_of(first_argument(call, "script"), *binding->scope, binding->position, depth + 1);
  };
  if (expr.type() == "attribute" && expr.field("attribute").text() == "sha") {
    if (auto found = behind(expr.field("object"))) return found;
  }
  if (auto found = behind(expr)) return found;

  Value value = evaluator_.evaluate(expr, scope, position);
  if (value.kind == Value::Kind::FileContents) return from_file(value, expr);
  if (value.kind == Value::Kind::String && value.text.is_literal()) return from_text(value, expr);
  return std::nullopt;
}

std::optional<ir::ScriptUse> ScriptSources::from_text(const Value& value, ts::Node expr) {
  std::string body = value.text.literal_text();
  // A SHA or a script name is not a body worth reading.
  if (body.find_first_of("( \n") == std::string::npos) return std::nullopt;
  ir::ScriptUse use;
  use.summary = loader_->scripts().read_text(body);
  if (!use.summary) return std::nullopt;
  if (expr.type() == "identifier" || expr.type() == "attribute") use.name = expr.text();
  use.identity = text_identity(body);
  use.origin = value.text.span();
  std::uint32_t offset = 0;
  for (const auto& segment : value.text.segments()) {
    const auto& literal = std::get<ir::LiteralSegment>(segment);
    auto length = static_cast<std::uint32_t>(literal.text.size());
    // A constant's text may not be edited (it serves other keys) yet still
    // sits byte for byte in the source: then lines inside it can be shown.
    auto written =
        literal.span.file == file_.index && literal.span.end <= file_.source.size()
            ? file_.source.substr(literal.span.begin, literal.span.end - literal.span.begin)
            : std::string_view{};
    use.text.push_back(
        {offset, length, literal.span, literal.maps_to_source || written == literal.text});
    offset += length;
  }
  if (use.summary->syntax_errors > 0) {
    auto at =
        ir::locate_in_script(use, use.summary->first_error_offset, use.summary->first_error_offset);
    analysis_.notices.push_back(
        {ir::Level::Note, "script-syntax-error",
         fmt::format("line {}: the Lua script {} has {} syntax error{}; the rest of it was checked",
                     at.file == file_.index ? line_of(file_.source, at.begin)
                                            : line_of(file_.source, expr.begin()),
                     use.name.empty() ? "written here" : use.name, use.summary->syntax_errors,
                     use.summary->syntax_errors == 1 ? "" : "s")});
  }
  return use;
}

std::optional<ir::ScriptUse> ScriptSources::from_file(const Value& contents, ts::Node expr) {
  if (!contents.text.is_literal()) return std::nullopt;  // a path built at run time
  fs::path written(contents.text.literal_text());
  std::vector<fs::path> candidates;
  if (written.is_absolute()) {
    candidates.push_back(written);
  } else {
    candidates.push_back(file_.filesystem_path.parent_path() / written);
    candidates.push_back(loader_->root() / written);
  }
  std::shared_ptr<const lua::ScriptFile> file;
  for (const auto& candidate : candidates) {
    if ((file = loader_->scripts().load_file(candidate))) break;
  }
  auto line = line_of(file_.source, expr.begin());
  if (!file) {
    analysis_.notices.push_back(
        {ir::Level::Warning, "script-not-found",
         fmt::format("line {}: the Lua script '{}' was not found (looked next to this file and "
                     "under the project root); the keys it touches were not checked",
                     line, written.generic_string())});
    return std::nullopt;
  }
  if (!file->summary) {
    analysis_.notices.push_back(
        {ir::Level::Warning, "script-unreadable",
         fmt::format("line {}: the Lua script '{}' {}; the keys it touches were not checked", line,
                     file->display_path, file->problem)});
    return std::nullopt;
  }
  if (file->summary->syntax_errors > 0) {
    analysis_.notices.push_back(
        {ir::Level::Note, "script-syntax-error",
         fmt::format("{}:{}: the Lua script has {} syntax error{}; the rest of it was checked",
                     file->display_path, line_of(file->text, file->summary->first_error_offset),
                     file->summary->syntax_errors, file->summary->syntax_errors == 1 ? "" : "s")});
  }
  auto index = analysis_.add_source(file->display_path,
                                    std::shared_ptr<const std::string>(file, &file->text));
  auto size = static_cast<std::uint32_t>(file->text.size());
  ir::ScriptUse use;
  use.summary = file->summary;
  use.name = file->display_path;
  use.identity = "file:" + file->display_path;
  use.origin = {index, 0, 0};
  use.text.push_back({0, size, {index, 0, size}, true});
  return use;
}

}  // namespace slotlint::python
