#include "analyzer/config/config.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyzer/files/project_files.h"

namespace slotlint::config {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::json;

constexpr std::string_view kFileName = ".slotlint.json";
// Models for many wrappers included, a configuration is a few KiB.
constexpr std::uint64_t kMaxConfigBytes = 4u << 20;

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

struct DuplicateKey {
  std::string key;
  std::uint32_t line = 0;
};

// Walks the JSON text as events and remembers, per open object, the keys seen.
class DuplicateKeyFinder : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    objects_.emplace_back();
    return true;
  }
  bool end_object() override {
    objects_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool key(string_t& key) override {
    ++seen_[key];
    if (objects_.back().insert(key).second) return true;
    duplicate_ = key;
    return false;  // stop here
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;  // reported by the real parse
  }

  std::optional<std::string> duplicate_;
  std::map<std::string, int> seen_;  // how often each key came, in text order

 private:
  std::vector<std::set<std::string>> objects_;
};

std::optional<DuplicateKey> find_duplicate_key(std::string_view text) {
  DuplicateKeyFinder finder;
  try {
    Json::sax_parse(text, &finder);
  } catch (const Json::exception&) {
    return std::nullopt;  // not JSON: the real parse says where
  }
  if (!finder.duplicate_) return std::nullopt;
  // The duplicate is the n-th time its key appears as a key in the text.
  auto quoted = Json(*finder.duplicate_).dump();
  std::size_t at = 0;
  for (int n = finder.seen_[*finder.duplicate_]; n > 0; --n) {
    for (;; ++at) {
      at = text.find(quoted, at);
      if (at == std::string_view::npos) return DuplicateKey{*finder.duplicate_, 0};
      auto after = text.find_first_not_of(" \t\r\n", at + quoted.size());
      if (after != std::string_view::npos && text[after] == ':') break;
    }
    if (n > 1) at += quoted.size();
  }
  return DuplicateKey{*finder.duplicate_, line_at(text, at)};
}

class Reader {
 public:
  Reader(const fs::path& file, std::string text, const RuleNames& rules)
      : file_(file), text_(std::move(text)), rules_(rules) {}

  std::variant<Config, ConfigError> read() {
    if (auto nul = text_.find('\0'); nul != std::string::npos) {
      return error(line_at(text_, nul), "a NUL byte in the configuration: not a JSON text");
    }
    if (auto duplicate = find_duplicate_key(text_)) {
      return error(duplicate->line,
                   fmt::format("the key \"{}\" appears twice in one object; JSON readers "
                               "disagree on which one counts, so slotlint takes neither",
                               duplicate->key));
    }
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
      } else if (key == "include") {
        problem = read_include(value, config);
      } else if (key == "standalone") {
        problem = read_standalone(value, config);
      } else if (key != "$schema") {
        problem = error(line_of_key(text_, key),
                        fmt::format("unknown key \"{}\" (allowed: rules, exclude, settings, "
                                    "models, clients, include, standalone)",
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

  // `key`'s value: a list of non-empty strings (`what` says what they are,
  // `example` shows one), each passed to `add`.
  template <typename Add>
  std::optional<ConfigError> read_strings(const Json& value, std::string_view key,
                                          std::string_view what, std::string_view example,
                                          Add add) const {
    auto line = line_of_key(text_, key);
    if (!value.is_array())
      return error(line, fmt::format("\"{}\" must be a list of {}, e.g. [\"{}\"]", key, what,
                                     example));
    for (const auto& item : value) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        return error(line, fmt::format("\"{}\" holds {} (non-empty strings), not {}", key, what,
                                       describe_json(item)));
      }
      add(item.get_ref<const std::string&>());
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_exclude(const Json& value, Config& config) const {
    return read_strings(value, "exclude", "glob patterns", "tests/**", [&](std::string_view text) {
      config.exclude.push_back(exclude_pattern(text));
    });
  }

  // C and C++ include folders, relative to the configuration's folder.
  std::optional<ConfigError> read_include(const Json& value, Config& config) const {
    auto base = file_.empty() ? fs::current_path() : fs::absolute(file_).parent_path();
    return read_strings(
        value, "include", "folders", "third_party/hiredis", [&](const std::string& folder) {
          fs::path path(folder);
          config.include.push_back((path.is_absolute() ? path : base / path).lexically_normal());
        });
  }

  std::optional<ConfigError> read_standalone(const Json& value, Config& config) const {
    auto line = line_of_key(text_, "standalone");
    if (!value.is_object()) {
      return error(line,
                   "\"standalone\" must be an object: {\"paths\": [\"cache/**\"], "
                   "\"clients\": [\"redis-py:Redis\"]}");
    }
    auto from = std::min(text_.find("\"standalone\""), text_.size());
    for (const auto& [key, field] : value.items()) {
      if (key == "paths") {
        auto problem =
            read_strings(field, "paths", "glob patterns", "cache/**", [&](std::string_view text) {
              config.standalone.paths.push_back(exclude_pattern(text));
            });
        if (problem) return problem;
      } else if (key == "clients") {
        std::optional<ConfigError> bad;
        auto problem = read_strings(
            field, "clients", "client names", "redis-py:Redis", [&](const std::string& text) {
              auto colon = text.find(':');
              Config::StandaloneClient client{text, text.substr(0, colon), "",
                                              line_of_key(text_, text, from)};
              if (colon != std::string::npos) client.api_class = text.substr(colon + 1);
              if (client.library.empty() ||
                  (colon != std::string::npos && client.api_class.empty()))
                bad = error(client.line,
                            fmt::format("\"standalone\" client \"{}\" must be a library or "
                                        "library:Class, e.g. \"redis-py\" or \"redis-py:Redis\"",
                                        text));
              config.standalone.clients.push_back(std::move(client));
            });
        if (problem) return problem;
        if (bad) return bad;
      } else {
        return error(
            line_of_key(text_, key, from),
            fmt::format("unknown key \"{}\" in \"standalone\" (allowed: paths, clients)", key));
      }
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
      } else if (key == "deployed_on_cluster") {
        if (!field.is_boolean())
          return error(
              line, fmt::format("\"{}\" must be true or false, not {}", key, describe_json(field)));
        config.deployed_on_cluster = field.get<bool>();
      } else {
        return error(line, fmt::format("unknown setting \"{}\" (allowed: assume_brace_free_values, "
                                       "deployed_on_cluster)",
                                       key));
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

Glob exclude_pattern(std::string_view text) {
  // "dir/" is "dir": either covers what is under it.
  if (text.size() > 1 && text.ends_with('/')) text.remove_suffix(1);
  return Glob(text);
}

namespace {

// The first of `globs` that covers `path` relative to the folder of the
// configuration `file` (the current folder without one).
const Glob* covering_glob(const std::vector<Glob>& globs, const fs::path& file,
                          const fs::path& path) {
  if (globs.empty()) return nullptr;
  std::error_code ec;
  fs::path base = file.empty() ? fs::current_path(ec) : file.parent_path();
  auto relative = fs::absolute(path, ec).lexically_normal().lexically_relative(
      fs::absolute(base, ec).lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return nullptr;
  auto text = relative.generic_string();
  auto it = std::ranges::find_if(
      globs, [&](const Glob& glob) { return glob.match_path_or_folder(text).matched; });
  return it == globs.end() ? nullptr : &*it;
}

}  // namespace

bool Config::excludes(const fs::path& path) const {
  return covering_glob(exclude, file, path) != nullptr;
}

const Glob* Config::standalone_path(const fs::path& path) const {
  return covering_glob(standalone.paths, file, path);
}

const Config::StandaloneClient* Config::standalone_client(std::string_view library,
                                                          std::string_view api_class) const {
  auto it = std::ranges::find_if(standalone.clients, [&](const StandaloneClient& client) {
    return client.library == library && (client.api_class.empty() || client.api_class == api_class);
  });
  return it == standalone.clients.end() ? nullptr : &*it;
}

std::variant<Config, ConfigError> load_config(const fs::path& file, const RuleNames& rules) {
  auto read = files::read_input_file(file, kMaxConfigBytes);
  if (!read)
    return ConfigError{file.string(), 0, "cannot read the configuration file: it " + read.reason};
  return Reader(file, std::move(*read.bytes), rules).read();
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    // Whatever is there (a folder, a dangling link or a loop too) is the
    // configuration the user meant, and reading it says what is wrong with it.
    auto candidate = dir / kFileName;
    if (fs::exists(fs::symlink_status(candidate, ec))) return candidate;
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

}  // namespace slotlint::config
