// The project configuration: `.slotlint.json`, found by walking up from the
// analysed paths (or named with --config).
//
//   {
//     "rules":    { "SL001": { "enabled": true, "level": "warning" } },
//     "exclude":  [ "tests/**", "legacy/*.py" ],
//     "settings": { "assume_brace_free_values": true },
//     "models":   [ { ...an API model, in the format of frontends/*/models/*.json } ],
//     "clients":  { "go-redis": "9.10.0" },
//     "standalone": { "paths": [ "cache/**" ], "clients": [ "redis-py:Redis" ] }
//   }
//
// "clients" pins the version of a client library whose behaviour is assumed,
// over what the project's manifests and lockfiles say. "standalone" names the
// code that talks to a single Redis server, not a cluster: files (globs, as
// "exclude") and client classes ("library" or "library:Class", the names
// `slotlint explain FILE:LINE` prints); cluster-only findings there are
// reported as suppressed.
//
// Rules are named by code or name. Exclude patterns are globs relative to the
// config file's folder (glob.h: `*` within a path segment, `**` across
// segments); one that matches a folder excludes what is under it.
// Every unknown key and bad value is an error naming the file, the line and
// what is allowed; nothing is silently ignored.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analyzer/config/glob.h"
#include "analyzer/ir/finding.h"

namespace slotlint::config {

struct RuleSetting {
  std::optional<bool> enabled;
  std::optional<ir::Level> level;
};

struct Config {
  std::filesystem::path file;                // empty: no config file, defaults
  std::map<std::string, RuleSetting> rules;  // by rule code
  std::vector<Glob> exclude;
  // Treat values in keys as holding no '{' or '}': verdicts that rest only on
  // that assumption become proven.
  bool assume_brace_free_values = false;
  // Every connection of the project reaches a Redis Cluster, standalone
  // clients included (each talks to one of its nodes).
  bool deployed_on_cluster = false;
  std::vector<std::string> models;  // each an API model as JSON text
  struct ClientPin {
    std::string version;
    std::uint32_t line = 0;  // where, for an error about the library's name
  };
  std::map<std::string, ClientPin> client_versions;  // by library ("go-redis")
  // C and C++: folders searched for headers the compile command does not
  // find (absolute).
  std::vector<std::filesystem::path> include;
  // Code that talks to one Redis server, not a cluster.
  struct StandaloneClient {
    std::string text;       // as written: "redis-py:Redis"
    std::string library;    // "redis-py"
    std::string api_class;  // "Redis"; empty: every class of the library
    std::uint32_t line = 0;
  };
  struct Standalone {
    std::vector<Glob> paths;  // relative to the config file's folder
    std::vector<StandaloneClient> clients;
  } standalone;

  // Whether `path` (absolute or relative to the current folder) is excluded.
  [[nodiscard]] bool excludes(const std::filesystem::path& path) const;
  // The `standalone.paths` pattern that covers `path`, if any.
  [[nodiscard]] const Glob* standalone_path(const std::filesystem::path& path) const;
  // The `standalone.clients` entry that names a client of `library`'s class
  // `api_class`, if any.
  [[nodiscard]] const StandaloneClient* standalone_client(std::string_view library,
                                                          std::string_view api_class) const;
};

struct ConfigError {
  std::string file;
  std::uint32_t line = 0;  // 1-based; 0 when not about one line
  std::string message;
  [[nodiscard]] std::string describe() const;  // "file:line: message"
};

// `known_rule` maps a code or name to the rule's code, nullopt when unknown;
// `known_rules` lists them for the error message.
struct RuleNames {
  std::optional<std::string> (*code_of)(std::string_view code_or_name);
  std::string known;
};

std::variant<Config, ConfigError> load_config(const std::filesystem::path& file,
                                              const RuleNames& rules);

// An exclude pattern (the configuration's `exclude`, `--exclude`): a glob
// matched with Glob::match_path_or_folder; "dir/" is "dir".
Glob exclude_pattern(std::string_view text);

// The nearest `.slotlint.json` in `start` (a folder or file) or its parents.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

}  // namespace slotlint::config
