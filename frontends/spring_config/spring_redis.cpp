#include "frontends/spring_config/spring_redis.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "frontends/common/connect_options.h"
#include "frontends/common/op_builder.h"
#include "frontends/spring_config/properties_reader.h"
#include "frontends/spring_config/yaml_reader.h"

namespace slotlint::spring_config {
namespace {

// Spring Boot's prefixes for its Redis properties: 3.0 moved them from
// `spring.redis` to `spring.data.redis` (RedisProperties'
// @ConfigurationProperties).
struct Prefix {
  std::string_view canonical;
  std::string_view versions;  // for messages
  bool legacy = false;        // a prefix Spring Boot no longer reads
};
constexpr std::array<Prefix, 2> kPrefixes{{{"spring.data.redis", "Spring Boot 3 and later", false},
                                           {"spring.redis", "Spring Boot 2.x", true}}};

// Relaxed binding: `spring.data.redis.DATABASE`, `client_type` and
// `client-type` are one property; compared in a form without case or dashes.
std::string relaxed(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '-' || c == '_') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// The property under `prefix` that `key` names ("database", "cluster.nodes[0]").
std::optional<std::string> property_of(const std::string& relaxed_key, std::string_view prefix) {
  auto want = relaxed(prefix) + ".";
  if (!relaxed_key.starts_with(want)) return std::nullopt;
  return relaxed_key.substr(want.size());
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// "3", "03", "+3" as Java's Integer.valueOf reads them; nullopt for
// anything else (a `${REDIS_DB}` placeholder: the index comes at run time).
std::optional<std::string> index_text(std::string_view value) {
  value = trimmed(value);
  if (value.starts_with('+')) value.remove_prefix(1);
  if (value.empty() || value.size() > 9 ||
      !std::ranges::all_of(value, [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  while (value.size() > 1 && value.front() == '0') value.remove_prefix(1);
  return std::string(value);
}

struct Family {
  const Prefix* prefix = nullptr;
  bool cluster = false;   // cluster.nodes set
  bool sentinel = false;  // sentinel.master or sentinel.nodes set: wins over cluster
};

ir::RedisOp select_op(const Setting& setting, ir::KeyExpr index, std::string_view dependency) {
  ir::RedisOp op;
  op.call = setting.value_span;
  op.callee = setting.value_span;
  op.api = setting.key;
  std::vector<ir::Arg> argv;
  argv.push_back({ir::KeyExpr::literal("SELECT", setting.value_span, false), false});
  argv.push_back({std::move(index), false});
  frontend::assign_command(op, std::move(argv));
  op.client.library = "spring-data-redis";
  op.client.api_class = "Spring Boot";
  op.client.assumed = fmt::format("Spring Data Redis ({})", dependency);
  op.connect_option = setting.key;
  return op;
}

}  // namespace

std::optional<Syntax> configuration_syntax(std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto stem = file_name.substr(0, dot);
  auto extension = file_name.substr(dot);
  if (stem != "application" && !(stem.starts_with("application-") && stem.size() > 12))
    return std::nullopt;
  if (extension == ".properties") return Syntax::Properties;
  if (extension == ".yml" || extension == ".yaml") return Syntax::Yaml;
  return std::nullopt;
}

std::span<const std::string_view> comment_prefixes(Syntax syntax) {
  static constexpr std::array<std::string_view, 2> kProperties{"#", "!"};
  static constexpr std::array<std::string_view, 1> kYaml{"#"};
  if (syntax == Syntax::Properties) return kProperties;
  return kYaml;
}

std::span<const std::string_view> spring_data_redis_packages() {
  static constexpr std::array<std::string_view, 3> kPackages{
      "org.springframework.boot:spring-boot-starter-data-redis",
      "org.springframework.boot:spring-boot-starter-data-redis-reactive",
      "org.springframework.data:spring-data-redis"};
  return kPackages;
}

ConfigurationAnalysis analyse_configuration(Syntax syntax, std::string_view text,
                                            std::string_view dependency) {
  ConfigurationAnalysis result;
  auto read = syntax == Syntax::Properties ? read_properties(text) : read_yaml(text);
  if (!read.error.empty()) {
    result.notices.push_back(
        {ir::Level::Warning, "configuration-unreadable",
         fmt::format("the file could not be read to its end ({}); Redis settings after that "
                     "point are not checked",
                     read.error)});
  }
  // Which mode Spring Boot builds, for each prefix (the whole file: Spring
  // merges its documents).
  std::array<Family, kPrefixes.size()> families;
  for (std::size_t i = 0; i < kPrefixes.size(); ++i) families[i].prefix = &kPrefixes[i];
  for (const auto& setting : read.settings) {
    if (trimmed(setting.value).empty()) continue;
    auto key = relaxed(setting.key);
    for (auto& family : families) {
      auto property = property_of(key, family.prefix->canonical);
      if (!property) continue;
      if (property->starts_with("cluster.nodes")) family.cluster = true;
      if (property->starts_with("sentinel.master") || property->starts_with("sentinel.nodes"))
        family.sentinel = true;
    }
  }
  for (const auto& setting : read.settings) {
    auto key = relaxed(setting.key);
    for (const auto& family : families) {
      auto property = property_of(key, family.prefix->canonical);
      if (!property || (*property != "database" && *property != "url")) continue;
      std::optional<ir::KeyExpr> index;
      std::string fact;
      if (*property == "database") {
        auto text_index = index_text(setting.value);
        if (!text_index) continue;
        index = ir::KeyExpr::literal(*text_index, setting.value_span, false);
        fact = fmt::format(
            "{} give{} `{}.database` to the standalone or sentinel configuration of the "
            "connection factory {} builds, and every Lettuce or Jedis connection sends SELECT "
            "when it opens{}",
            family.prefix->versions, family.prefix->legacy ? "s" : "", family.prefix->canonical,
            family.prefix->legacy ? "it" : "they",
            family.prefix->legacy ? " (Spring Boot 3 reads `spring.data.redis.*` instead)" : "");
      } else {
        // Spring Boot 2.x took only the host, port and credentials from
        // `spring.redis.url`; 3.x reads no `spring.redis.*` at all.
        if (family.prefix->legacy) continue;
        auto value = trimmed(setting.value);
        if (value.find("${") != std::string_view::npos) continue;  // a placeholder
        // Spring Boot's RedisUrl takes redis:// and rediss://, the database
        // from the path after the host.
        const model::UrlForm spring_url{{"redis", "rediss"}, false};
        auto database = frontend::database_in_url(
            ir::KeyExpr::literal(std::string(value), setting.value_span, setting.verbatim),
            spring_url);
        if (!database || !database->is_literal()) continue;
        auto text_index = index_text(database->literal_text());
        if (!text_index) continue;
        index = ir::KeyExpr::literal(*text_index, database->span(), false);
        fact = fmt::format(
            "from Spring Boot 3.5 the URL's path is the database every connection selects "
            "(before 3.5 Spring Boot ignored the path and used `{}.database`)",
            family.prefix->canonical);
      }
      auto where = index->span();
      auto op = select_op(setting, std::move(*index), dependency);
      op.callee = where;  // the digits of a URL's path; else the whole value
      if (family.cluster && !family.sentinel) {
        op.database_ignored = fmt::format(
            "with `{}.cluster.nodes` set in this file, Spring Boot builds a "
            "RedisClusterConfiguration, which has no database, and never sets one on the "
            "connection factory: the index is ignored and the data stays in database 0, with "
            "everything else the cluster holds",
            family.prefix->canonical);
      }
      op.database_note = op.database_ignored.empty() ? std::move(fact) : op.database_ignored;
      result.ops.push_back(std::move(op));
    }
  }
  return result;
}

}  // namespace slotlint::spring_config
