// npm: package.json, package-lock.json / npm-shrinkwrap.json, yarn.lock
// (classic and Berry), pnpm-lock.yaml.
#include <algorithm>

#include "analyzer/versions/manifest_json.h"
#include "analyzer/versions/manifests.h"

namespace slotlint::versions {
namespace {

// "redis@^4.6.0" → ("redis", "^4.6.0"); "@redis/client@npm:^1.5" → ("@redis/client", "^1.5").
std::pair<std::string_view, std::string_view> split_descriptor(std::string_view text) {
  auto at = text.find('@', 1);
  if (at == std::string_view::npos) return {text, {}};
  auto spec = text.substr(at + 1);
  if (spec.starts_with("npm:")) spec.remove_prefix(4);
  return {text.substr(0, at), spec};
}

}  // namespace

std::vector<Dependency> read_package_json(std::string_view text, std::string& error) {
  std::vector<Dependency> out;
  auto doc = parse_manifest_json(text, error);
  if (!doc || !doc->is_object()) return out;
  for (const char* section :
       {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}) {
    auto it = doc->find(section);
    if (it == doc->end() || !it->is_object()) continue;
    for (const auto& [name, spec] : it->items()) {
      if (!spec.is_string()) continue;
      std::string_view value = spec.get_ref<const std::string&>();
      // An alias ("npm:@redis/client@1.5.0") names another package.
      std::string package = name;
      if (value.starts_with("npm:")) {
        auto [aliased, aliased_spec] = split_descriptor(value.substr(4));
        package = std::string(aliased);
        value = aliased_spec;
      }
      add_dependency(out, package, value, Grammar::Npm);
    }
  }
  return out;
}

std::vector<Dependency> read_package_lock_json(std::string_view text, std::string& error) {
  std::vector<Dependency> out;
  auto doc = parse_manifest_json(text, error);
  if (!doc || !doc->is_object()) return out;
  // lockfileVersion 2 and 3: "packages": {"node_modules/redis": {"version": ...}};
  // only the top-level install is what the project's own code imports.
  if (auto packages = doc->find("packages"); packages != doc->end() && packages->is_object()) {
    for (const auto& [path, entry] : packages->items()) {
      constexpr std::string_view prefix = "node_modules/";
      std::string_view name = path;
      if (!name.starts_with(prefix)) continue;
      name.remove_prefix(prefix.size());
      if (name.find("node_modules/") != std::string_view::npos) continue;
      auto package = string_field(entry, "name");
      if (package.empty()) package = std::string(name);
      add_locked(out, package, string_field(entry, "version"));
    }
    return out;
  }
  // lockfileVersion 1: "dependencies": {"redis": {"version": ...}}.
  if (auto deps = doc->find("dependencies"); deps != doc->end() && deps->is_object()) {
    for (const auto& [name, entry] : deps->items()) {
      add_locked(out, name, string_field(entry, "version"));
    }
  }
  return out;
}

std::vector<Dependency> read_yarn_lock(std::string_view text, std::string&) {
  // An entry: `redis@^4.6.0, redis@^4.0.0:` (Berry: `"redis@npm:^4.6.0":`),
  // then an indented `version "4.6.13"` (Berry: `version: 4.6.13`).
  std::vector<Dependency> out;
  std::vector<std::string> names;
  for (auto line : text_lines(text)) {
    if (line.empty() || line.starts_with('#')) continue;
    if (line.front() != ' ') {
      names.clear();
      if (!line.ends_with(':')) continue;
      auto header = line.substr(0, line.size() - 1);
      while (!header.empty()) {
        auto comma = header.find(',');
        auto descriptor = unquote(trim_text(header.substr(0, comma)));
        auto name = split_descriptor(descriptor).first;
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
          names.emplace_back(name);
        }
        header.remove_prefix(comma == std::string_view::npos ? header.size() : comma + 1);
      }
      continue;
    }
    auto field = trim_text(line);
    if (names.empty() || !field.starts_with("version")) continue;
    auto value = trim_text(field.substr(7));
    if (value.starts_with(':')) value = trim_text(value.substr(1));
    for (const auto& name : names) {
      add_locked(out, name, unquote(value));
    }
    names.clear();
  }
  return out;
}

std::vector<Dependency> read_pnpm_lock(std::string_view text, std::string&) {
  // The `packages:` (v5-v8) and `snapshots:` (v9) sections list every
  // installed package as a key: `/redis@4.6.13:`, `/@redis/client/1.5.14:`
  // (v5), `redis@4.6.13(peer@1.0.0):`.
  std::vector<Dependency> out;
  bool in_packages = false;
  for (auto line : text_lines(text)) {
    if (line.empty()) continue;
    if (line.front() != ' ') {
      in_packages = line.starts_with("packages:") || line.starts_with("snapshots:");
      continue;
    }
    if (!in_packages || line.size() < 3 || !line.starts_with("  ") || line[2] == ' ' ||
        !line.ends_with(':')) {
      continue;
    }
    auto key = unquote(trim_text(line.substr(0, line.size() - 1)));
    if (key.starts_with('/')) key.remove_prefix(1);
    key = key.substr(0, key.find('('));
    std::string_view name, version;
    if (auto at = key.find('@', 1); at != std::string_view::npos) {
      name = key.substr(0, at);
      version = key.substr(at + 1);
    } else if (auto slash = key.rfind('/'); slash != std::string_view::npos) {
      name = key.substr(0, slash);
      version = key.substr(slash + 1);
    }
    add_locked(out, std::string(name), version);
  }
  return out;
}

}  // namespace slotlint::versions
