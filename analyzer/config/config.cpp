#include "analyzer/config/config.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace slotlint::config {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::json;

constexpr std::string_view kFileName = ".slotlint.json";

std::uint32_t line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::uint32_t>(
                 std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// The line of the first `"key"` at or after `from`: where a person looks.
std::uint32_t line_of_key(std::string_view text, std::string_view key, std::size_t from = 0) {
  auto at = text.find(fmt::format("\"{}\"", key), from);
  return at == std::string_view::npos ? 0 : line_at(text, at);
}

std::string describe_json(const Json& value) {
  auto text = value.dump();
  return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

std::optional<ir::Level> parse_level(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  auto text = value.get<std::string>();
  if (text == "note") return ir::Level::Note;
  if (text == "warning") return ir::Level::Warning;
  if (text == "error") return ir::Level::Error;
  return std::nullopt;
}

class Reader {
 public:
  Reader(const fs::path& file, std::string text, const RuleNames& rules)
      : file_(file), text_(std::move(text)), rules_(rules) {}

  std::variant<Config, ConfigError> read() {
    Json doc;
    try {
      doc = Json::parse(text_);
    } catch (const Json::parse_error& e) {
      return error(line_at(text_, e.byte == 0 ? 0 : e.byte - 1),
                   fmt::format("not valid JSON: {}", e.what()));
    } catch (const Json::exception& e) {
      // A number JSON allows but a double cannot hold (1e999), found by fuzzing.
      return error(1, fmt::format("not valid JSON: {}", e.what()));
    }
    if (!doc.is_object()) return error(1, "the configuration must be a JSON object");
    Config config;
    config.file = file_;
    for (const auto& [key, value] : doc.items()) {
      std::optional<ConfigError> problem;
      if (key == "rules") {
        problem = read_rules(value, config);
      } else if (key == "exclude") {
        problem = read_exclude(value, config);
      } else if (key == "settings") {
        problem = read_settings(value, config);
      } else if (key == "models") {
        problem = read_models(value, config);
      } else if (key == "clients") {
        problem = read_clients(value, config);
      } else if (key != "$schema") {
        problem = error(line_of_key(text_, key),
                        fmt::format("unknown key \"{}\" (allowed: rules, exclude, settings, "
                                    "models, clients)",
                                    key));
      }
      if (problem) return *problem;
    }
    return config;
  }

 private:
  ConfigError error(std::uint32_t line, std::string message) const {
    return {file_.string(), line, std::move(message)};
  }

  std::optional<ConfigError> read_rules(const Json& value, Config& config) const {
    if (!value.is_object()) {
      return error(line_of_key(text_, "rules"),
                   "\"rules\" must be an object: {\"SL001\": {\"level\": \"warning\"}}");
    }
    for (const auto& [name, setting] : value.items()) {
      auto line = line_of_key(text_, name);
      auto code = rules_.code_of(name);
      if (!code) return error(line, fmt::format("no rule \"{}\" (known: {})", name, rules_.known));
      if (!setting.is_object()) {
        return error(
            line,
            fmt::format("rule \"{}\" takes an object with \"enabled\" and/or \"level\"", name));
      }
      RuleSetting rule;
      for (const auto& [key, field] : setting.items()) {
        if (key == "enabled") {
          if (!field.is_boolean())
            return error(line, fmt::format("\"enabled\" of \"{}\" must be true or false, not {}",
                                           name, describe_json(field)));
          rule.enabled = field.get<bool>();
        } else if (key == "level") {
          rule.level = parse_level(field);
          if (!rule.level)
            return error(
                line, fmt::format(
                          "\"level\" of \"{}\" must be \"note\", \"warning\" or \"error\", not {}",
                          name, describe_json(field)));
        } else {
          return error(line_of_key(text_, key),
                       fmt::format("unknown key \"{}\" for rule \"{}\" (allowed: enabled, level)",
                                   key, name));
        }
      }
      if (!config.rules.emplace(*code, rule).second) {
        return error(
            line,
            fmt::format("rule {} is configured twice (by code and by name); keep one", *code));
      }
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_exclude(const Json& value, Config& config) const {
    auto line = line_of_key(text_, "exclude");
    if (!value.is_array())
      return error(line, "\"exclude\" must be a list of glob patterns, e.g. [\"tests/**\"]");
    for (const auto& pattern : value) {
      if (!pattern.is_string() || pattern.get<std::string>().empty()) {
        return error(line,
                     fmt::format("\"exclude\" holds glob patterns (non-empty strings), not {}",
                                 describe_json(pattern)));
      }
      config.exclude.push_back(pattern.get<std::string>());
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_settings(const Json& value, Config& config) const {
    if (!value.is_object())
      return error(line_of_key(text_, "settings"), "\"settings\" must be an object");
    for (const auto& [key, field] : value.items()) {
      auto line = line_of_key(text_, key);
      if (key == "assume_brace_free_values") {
        if (!field.is_boolean())
          return error(
              line, fmt::format("\"{}\" must be true or false, not {}", key, describe_json(field)));
        config.assume_brace_free_values = field.get<bool>();
      } else {
        return error(
            line, fmt::format("unknown setting \"{}\" (allowed: assume_brace_free_values)", key));
      }
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_models(const Json& value, Config& config) const {
    auto line = line_of_key(text_, "models");
    if (!value.is_array()) return error(line, "\"models\" must be a list of API models");
    for (const auto& model : value) {
      if (!model.is_object())
        return error(line, "each entry of \"models\" must be an API model object");
      config.models.push_back(model.dump());
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_clients(const Json& value, Config& config) const {
    if (!value.is_object()) {
      return error(line_of_key(text_, "clients"),
                   "\"clients\" must be an object: {\"go-redis\": \"9.10.0\"}");
    }
    for (const auto& [library, version] : value.items()) {
      auto text = version.is_string() ? version.get<std::string>() : std::string();
      std::string_view digits = text;
      if (digits.starts_with('v')) digits.remove_prefix(1);
      bool numeric = !digits.empty() && std::isdigit(static_cast<unsigned char>(digits.front()));
      if (!numeric) {
        return error(line_of_key(text_, library),
                     fmt::format("the version of \"{}\" must be a version string such as "
                                 "\"9.10.0\", not {}",
                                 library, describe_json(version)));
      }
      config.client_versions[library] = {text, line_of_key(text_, library)};
    }
    return std::nullopt;
  }

  fs::path file_;
  std::string text_;
  const RuleNames& rules_;
};

}  // namespace

std::string ConfigError::describe() const {
  return line == 0 ? fmt::format("{}: {}", file, message)
                   : fmt::format("{}:{}: {}", file, line, message);
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.starts_with("**/")) {
    // Any number of leading segments, none included.
    if (glob_match(pattern.substr(3), path)) return true;
    for (auto slash = path.find('/'); slash != std::string_view::npos;
         slash = path.find('/', slash + 1)) {
      if (glob_match(pattern.substr(3), path.substr(slash + 1))) return true;
    }
    return false;
  }
  if (pattern == "**") return true;
  if (pattern.empty()) return path.empty();
  if (pattern.front() == '*') {
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') break;  // '*' stays within a segment
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern.front() == '?' ? path.front() != '/' : pattern.front() == path.front()) {
    return glob_match(pattern.substr(1), path.substr(1));
  }
  return false;
}

bool Config::excludes(const fs::path& path) const {
  if (exclude.empty()) return false;
  std::error_code ec;
  fs::path base = file.empty() ? fs::current_path(ec) : file.parent_path();
  auto relative = fs::absolute(path, ec).lexically_normal().lexically_relative(
      fs::absolute(base, ec).lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return false;
  auto text = relative.generic_string();
  return std::ranges::any_of(exclude, [&](const std::string& pattern) {
    // "dir/" and "dir" exclude what is under it as well.
    std::string trimmed = pattern.ends_with('/') ? pattern.substr(0, pattern.size() - 1) : pattern;
    return glob_match(trimmed, text) || glob_match(trimmed + "/**", text);
  });
}

std::variant<Config, ConfigError> load_config(const fs::path& file, const RuleNames& rules) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return ConfigError{file.string(), 0, "cannot read the configuration file"};
  std::ostringstream text;
  text << in.rdbuf();
  return Reader(file, std::move(text).str(), rules).read();
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (auto candidate = dir / kFileName; fs::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

}  // namespace slotlint::config
