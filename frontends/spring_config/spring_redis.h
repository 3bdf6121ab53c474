// Spring Boot's Redis settings in an application's configuration files
// (application.properties, application-<profile>.yml, ...): the database its
// auto-configured connection factory selects, as the SELECT every connection
// sends, so that non-zero-database judges it like a client built in code.
//
// What Spring Boot does with them (read in its source; docs/client-versions.md):
// `spring.data.redis.database` (Spring Boot 3 and 4; `spring.redis.database`
// in 2.x) becomes the standalone or sentinel configuration's database, and
// every connection selects it; a URL's path (`spring.data.redis.url:
// redis://host/2`) does too from Spring Boot 3.5 (before, the path was
// ignored and `database` applied). With `cluster.nodes` set (and no
// sentinel), Spring Boot builds a RedisClusterConfiguration, which has no
// database, and never gives the factory one: the index is ignored and the
// data stays in database 0.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/redis_op.h"
#include "frontends/common/frontend.h"

namespace slotlint::spring_config {

enum class Syntax : std::uint8_t { Properties, Yaml };

// application.properties, application-<profile>.properties, application.yml,
// application.yaml and their profile variants; nullopt for any other name.
std::optional<Syntax> configuration_syntax(std::string_view file_name);

// The line-comment prefixes of the syntax (suppressions, annotations).
std::span<const std::string_view> comment_prefixes(Syntax syntax);

struct ConfigurationAnalysis {
  std::vector<ir::RedisOp> ops;
  std::vector<frontend::Notice> notices;
};

// `dependency` says why the file is read: the manifest that names Spring
// Data Redis ("pom.xml: org.springframework.boot:spring-boot-starter-data-redis").
ConfigurationAnalysis analyse_configuration(Syntax syntax, std::string_view text,
                                            std::string_view dependency);

// The Maven packages that bring Spring Data Redis (and with Spring Boot its
// auto-configuration): a project that names none has no Redis settings.
std::span<const std::string_view> spring_data_redis_packages();

}  // namespace slotlint::spring_config
