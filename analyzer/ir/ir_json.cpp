#include "analyzer/ir/ir_json.h"

namespace slotlint::ir {
namespace {

using Json = nlohmann::json;

template <typename T>
void put_optional(Json& json, const char* name, const std::optional<T>& value) {
  json[name] = value ? Json(*value) : Json(nullptr);
}

template <typename T>
void get_optional(const Json& json, const char* name, std::optional<T>& value) {
  const auto& field = json.at(name);
  if (field.is_null()) {
    value.reset();
  } else {
    value = field.get<T>();
  }
}

Json segment_json(const Segment& segment) {
  if (const auto* literal = std::get_if<LiteralSegment>(&segment)) {
    return {{"literal", literal->text},
            {"span", literal->span},
            {"maps_to_source", literal->maps_to_source},
            {"escaping", static_cast<int>(literal->escaping)}};
  }
  const auto& hole = std::get<HoleSegment>(segment);
  return {{"symbol", hole.symbol},
          {"display", hole.display},
          {"span", hole.span},
          {"varies_per_element", hole.varies_per_element},
          {"in_string_literal", hole.in_string_literal},
          {"escaping", static_cast<int>(hole.escaping)},
          {"over_budget", hole.over_budget}};
}

BraceEscaping escaping_from(const Json& json) {
  return json.at("escaping").get<int>() == static_cast<int>(BraceEscaping::Doubled)
             ? BraceEscaping::Doubled
             : BraceEscaping::None;
}

Segment segment_from(const Json& json) {
  if (json.contains("literal")) {
    return LiteralSegment{json.at("literal").get<std::string>(), json.at("span").get<SourceSpan>(),
                          json.at("maps_to_source").get<bool>(), escaping_from(json)};
  }
  return HoleSegment{
      json.at("symbol").get<std::string>(),     json.at("display").get<std::string>(),
      json.at("span").get<SourceSpan>(),        json.at("varies_per_element").get<bool>(),
      json.at("in_string_literal").get<bool>(), escaping_from(json),
      json.at("over_budget").get<bool>()};
}

template <typename Enum>
Enum enum_from(const Json& json, Enum highest) {
  auto value = json.get<int>();
  if (value < 0 || value > static_cast<int>(highest))
    throw Json::other_error::create(501, "enumeration value out of range", &json);
  return static_cast<Enum>(value);
}

Json summary_json(const ScriptSummary& summary) {
  Json accesses = Json::array();
  for (const auto& access : summary.accesses) {
    accesses.push_back({{"command", access.command},
                        {"key", access.key},
                        {"begin", access.begin},
                        {"end", access.end}});
  }
  Json calls = Json::array();
  for (const auto& call : summary.calls) {
    Json json{{"command", call.command},
              {"begin", call.begin},
              {"end", call.end},
              {"keyspace_wide", call.keyspace_wide}};
    put_optional(json, "first_argument", call.first_argument);
    calls.push_back(std::move(json));
  }
  return {
      {"keys_read", summary.keys_read},         {"keys_read_by_count", summary.keys_read_by_count},
      {"accesses", std::move(accesses)},        {"calls", std::move(calls)},
      {"syntax_errors", summary.syntax_errors}, {"first_error_offset", summary.first_error_offset}};
}

ScriptSummary summary_from(const Json& json) {
  ScriptSummary summary;
  json.at("keys_read").get_to(summary.keys_read);
  json.at("keys_read_by_count").get_to(summary.keys_read_by_count);
  for (const auto& access : json.at("accesses")) {
    summary.accesses.push_back(
        {access.at("command").get<std::string>(), access.at("key").get<KeyExpr>(),
         access.at("begin").get<std::uint32_t>(), access.at("end").get<std::uint32_t>()});
  }
  for (const auto& call : json.at("calls")) {
    ScriptCommandCall out;
    call.at("command").get_to(out.command);
    call.at("begin").get_to(out.begin);
    call.at("end").get_to(out.end);
    get_optional(call, "first_argument", out.first_argument);
    call.at("keyspace_wide").get_to(out.keyspace_wide);
    summary.calls.push_back(std::move(out));
  }
  json.at("syntax_errors").get_to(summary.syntax_errors);
  json.at("first_error_offset").get_to(summary.first_error_offset);
  return summary;
}

Json script_json(const ScriptUse& use) {
  Json text = Json::array();
  for (const auto& piece : use.text) {
    text.push_back({{"body_begin", piece.body_begin},
                    {"length", piece.length},
                    {"span", piece.span},
                    {"exact", piece.exact}});
  }
  return {{"summary", use.summary ? summary_json(*use.summary) : Json(nullptr)},
          {"name", use.name},
          {"identity", use.identity},
          {"text", std::move(text)},
          {"origin", use.origin}};
}

ScriptUse script_from(const Json& json) {
  ScriptUse use;
  if (!json.at("summary").is_null())
    use.summary = std::make_shared<const ScriptSummary>(summary_from(json.at("summary")));
  json.at("name").get_to(use.name);
  json.at("identity").get_to(use.identity);
  for (const auto& piece : json.at("text")) {
    use.text.push_back({piece.at("body_begin").get<std::uint32_t>(),
                        piece.at("length").get<std::uint32_t>(), piece.at("span").get<SourceSpan>(),
                        piece.at("exact").get<bool>()});
  }
  json.at("origin").get_to(use.origin);
  return use;
}

Json client_json(const ClientInfo& client) {
  return {{"library", client.library},
          {"api_class", client.api_class},
          {"cluster_client", client.cluster_client},
          {"identified_by_name_only", client.identified_by_name_only},
          {"method_splits", client.method_splits},
          {"version", client.version},
          {"assumed", client.assumed},
          {"facts_range", client.facts_range}};
}

ClientInfo client_from(const Json& json) {
  ClientInfo client;
  json.at("library").get_to(client.library);
  json.at("api_class").get_to(client.api_class);
  json.at("cluster_client").get_to(client.cluster_client);
  json.at("identified_by_name_only").get_to(client.identified_by_name_only);
  json.at("method_splits").get_to(client.method_splits);
  json.at("version").get_to(client.version);
  json.at("assumed").get_to(client.assumed);
  json.at("facts_range").get_to(client.facts_range);
  return client;
}

Json handling_json(const ErrorHandling& handling) {
  return {{"caught", handling.caught},
          {"raised_at", handling.raised_at},
          {"handler", handling.handler},
          {"caught_as", handling.caught_as},
          {"handler_text", handling.handler_text},
          {"reraises", handling.reraises},
          {"retries", handling.retries},
          {"retry_loop", handling.retry_loop},
          {"waits", handling.waits},
          {"waits_zero", handling.waits_zero}};
}

ErrorHandling handling_from(const Json& json) {
  ErrorHandling handling;
  json.at("caught").get_to(handling.caught);
  json.at("raised_at").get_to(handling.raised_at);
  json.at("handler").get_to(handling.handler);
  json.at("caught_as").get_to(handling.caught_as);
  json.at("handler_text").get_to(handling.handler_text);
  json.at("reraises").get_to(handling.reraises);
  json.at("retries").get_to(handling.retries);
  json.at("retry_loop").get_to(handling.retry_loop);
  json.at("waits").get_to(handling.waits);
  json.at("waits_zero").get_to(handling.waits_zero);
  return handling;
}

}  // namespace

void to_json(Json& json, const SourceSpan& span) { json = {span.file, span.begin, span.end}; }

void from_json(const Json& json, SourceSpan& span) {
  span = {json.at(0).get<FileIndex>(), json.at(1).get<std::uint32_t>(),
          json.at(2).get<std::uint32_t>()};
}

void to_json(Json& json, const KeyExpr& key) {
  Json segments = Json::array();
  // A key with alternatives keeps only the hole that sums them up.
  for (const auto& segment : key.segments()) segments.push_back(segment_json(segment));
  Json alternatives = Json::array();
  for (const auto& alternative : key.alternatives()) {
    alternatives.push_back({{"key", alternative.key},
                            {"condition", alternative.condition},
                            {"where", alternative.where}});
  }
  json = {{"segments", std::move(segments)},   {"alternatives", std::move(alternatives)},
          {"unknown", key.is_unknown()},       {"unknown_reason", key.unknown_reason()},
          {"collection", key.is_collection()}, {"span", key.span()}};
}

void from_json(const Json& json, KeyExpr& key) {
  std::vector<Segment> segments;
  for (const auto& segment : json.at("segments")) segments.push_back(segment_from(segment));
  std::vector<KeyAlternative> alternatives;
  for (const auto& alternative : json.at("alternatives")) {
    alternatives.push_back({alternative.at("key").get<KeyExpr>(),
                            alternative.at("condition").get<std::string>(),
                            alternative.at("where").get<SourceSpan>()});
  }
  key =
      KeyExpr::restore(std::move(segments), std::move(alternatives), json.at("unknown").get<bool>(),
                       json.at("unknown_reason").get<std::string>(),
                       json.at("collection").get<bool>(), json.at("span").get<SourceSpan>());
}

void to_json(Json& json, const RedisOp& op) {
  Json argv = Json::array();
  for (const auto& arg : op.argv) argv.push_back({{"value", arg.value}, {"spread", arg.spread}});
  Json group = nullptr;
  if (op.group) {
    group = {{"kind", static_cast<int>(op.group->kind)},
             {"id", op.group->id},
             {"origin", op.group->origin}};
  }
  json = {
      {"call", op.call},
      {"callee", op.callee},
      {"command", op.command},
      {"api", op.api},
      {"argv", std::move(argv)},
      {"client", client_json(op.client)},
      {"caveats", op.caveats},
      {"cross_slot_handling", static_cast<int>(op.cross_slot_handling)},
      {"handling_note", op.handling_note},
      {"transaction_note", op.transaction_note},
      {"transactions_unsupported", op.transactions_unsupported},
      {"pipeline_handling", static_cast<int>(op.pipeline_handling)},
      {"pipeline_note", op.pipeline_note},
      {"refused_in_batch", op.refused_in_batch},
      {"fanned_out", op.fanned_out},
      {"routing_note", op.routing_note},
      {"connect_option", op.connect_option},
      {"database_note", op.database_note},
      {"database_refused", op.database_refused},
      {"database_ignored", op.database_ignored},
      {"keys", op.keys},
      {"keys_complete", op.keys_complete},
      {"command_known", op.command_known},
      {"multi_shard", op.multi_shard},
      {"keyspace_wide", op.keyspace_wide},
      {"shard_channels", op.shard_channels},
      {"writes", op.writes},
      {"group", std::move(group)},
      {"iteration_symbols", op.iteration_symbols},
      {"error_handling", handling_json(op.error_handling)},
      {"tryagain", {{"client_retries", op.tryagain.client_retries}, {"note", op.tryagain.note}}},
      {"script", op.script ? script_json(*op.script) : Json(nullptr)},
      {"script_file_only", op.script_file_only}};
  put_optional(json, "key_prefix", op.key_prefix);
}

void from_json(const Json& json, RedisOp& op) {
  op = RedisOp{};
  json.at("call").get_to(op.call);
  json.at("callee").get_to(op.callee);
  json.at("command").get_to(op.command);
  json.at("api").get_to(op.api);
  for (const auto& arg : json.at("argv"))
    op.argv.push_back({arg.at("value").get<KeyExpr>(), arg.at("spread").get<bool>()});
  op.client = client_from(json.at("client"));
  json.at("caveats").get_to(op.caveats);
  op.cross_slot_handling =
      enum_from(json.at("cross_slot_handling"), CrossSlotHandling::ClientSplits);
  json.at("handling_note").get_to(op.handling_note);
  json.at("transaction_note").get_to(op.transaction_note);
  json.at("transactions_unsupported").get_to(op.transactions_unsupported);
  op.pipeline_handling = enum_from(json.at("pipeline_handling"), CrossSlotHandling::ClientSplits);
  json.at("pipeline_note").get_to(op.pipeline_note);
  json.at("refused_in_batch").get_to(op.refused_in_batch);
  json.at("fanned_out").get_to(op.fanned_out);
  json.at("routing_note").get_to(op.routing_note);
  json.at("connect_option").get_to(op.connect_option);
  json.at("database_note").get_to(op.database_note);
  json.at("database_refused").get_to(op.database_refused);
  json.at("database_ignored").get_to(op.database_ignored);
  get_optional(json, "key_prefix", op.key_prefix);
  json.at("keys").get_to(op.keys);
  json.at("keys_complete").get_to(op.keys_complete);
  json.at("command_known").get_to(op.command_known);
  json.at("multi_shard").get_to(op.multi_shard);
  json.at("keyspace_wide").get_to(op.keyspace_wide);
  json.at("shard_channels").get_to(op.shard_channels);
  json.at("writes").get_to(op.writes);
  if (const auto& group = json.at("group"); !group.is_null()) {
    op.group = GroupRef{enum_from(group.at("kind"), GroupRef::Kind::Transaction),
                        group.at("id").get<std::string>(), group.at("origin").get<SourceSpan>()};
  }
  json.at("iteration_symbols").get_to(op.iteration_symbols);
  op.error_handling = handling_from(json.at("error_handling"));
  json.at("tryagain").at("client_retries").get_to(op.tryagain.client_retries);
  json.at("tryagain").at("note").get_to(op.tryagain.note);
  if (const auto& script = json.at("script"); !script.is_null()) op.script = script_from(script);
  json.at("script_file_only").get_to(op.script_file_only);
}

}  // namespace slotlint::ir
