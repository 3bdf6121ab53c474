// Ruby (Gemfile.lock), PHP (composer.lock), C and C++ (vcpkg.json,
// conanfile.txt, conanfile.py).
#include "analyzer/versions/manifest_json.h"
#include "analyzer/versions/manifests.h"

namespace slotlint::versions {
namespace {}  // namespace

std::vector<Dependency> read_gemfile_lock(std::string_view text, std::string&) {
  // In a `specs:` list, gems are indented four spaces: `    redis (5.0.8)`.
  std::vector<Dependency> out;
  for (auto line : text_lines(text)) {
    if (!line.starts_with("    ") || line.starts_with("     ")) continue;
    auto entry = trim_text(line);
    auto open = entry.find(" (");
    if (open == std::string_view::npos || !entry.ends_with(')')) continue;
    auto version = entry.substr(open + 2, entry.size() - open - 3);
    version = version.substr(0, version.find('-'));  // platform suffix
    add_locked(out, std::string(entry.substr(0, open)), version);
  }
  return out;
}

std::vector<Dependency> read_composer_lock(std::string_view text, std::string& error) {
  std::vector<Dependency> out;
  auto doc = parse_manifest_json(text, error);
  if (!doc || !doc->is_object()) return out;
  for (const char* section : {"packages", "packages-dev"}) {
    auto it = doc->find(section);
    if (it == doc->end() || !it->is_array()) continue;
    for (const auto& entry : *it) {
      add_locked(out, string_field(entry, "name"), string_field(entry, "version"));
    }
  }
  return out;
}

std::vector<Dependency> read_vcpkg_json(std::string_view text, std::string& error) {
  std::vector<Dependency> out;
  auto doc = parse_manifest_json(text, error);
  if (!doc || !doc->is_object()) return out;
  // An override pins the version; "version>=" is the lowest allowed.
  if (auto it = doc->find("overrides"); it != doc->end() && it->is_array()) {
    for (const auto& entry : *it) {
      auto version = string_field(entry, "version");
      if (version.empty()) version = string_field(entry, "version-semver");
      add_locked(out, string_field(entry, "name"), version);
    }
  }
  if (auto it = doc->find("dependencies"); it != doc->end() && it->is_array()) {
    for (const auto& entry : *it) {
      auto lowest = string_field(entry, "version>=");
      if (lowest.empty()) continue;
      add_dependency(out, string_field(entry, "name"), ">=" + lowest, Grammar::Plain);
    }
  }
  return out;
}

std::vector<Dependency> read_conanfile(std::string_view text, std::string&) {
  // "name/version" references, with an optional "@user/channel" or "#revision":
  // lines of a [requires] section (conanfile.txt), quoted strings (conanfile.py).
  std::vector<Dependency> out;
  auto add = [&](std::string_view reference) {
    reference = reference.substr(0, reference.find_first_of("@#"));
    auto slash = reference.find('/');
    if (slash == std::string_view::npos || slash == 0) return;
    auto name = reference.substr(0, slash);
    if (name.find_first_of(" \t=(") != std::string_view::npos) return;
    auto version = reference.substr(slash + 1);
    bool range = version.starts_with('[');  // a version range: "[>=1.1 <2]"
    if (range) version = version.substr(1, version.find(']') - 1);
    add_dependency(out, std::string(name), version, Grammar::Conan);
  };
  bool requires_section = false;
  for (auto raw : text_lines(text)) {
    auto line = trim_text(raw);
    if (line.starts_with('[') && line.ends_with(']')) {
      requires_section = line == "[requires]" || line == "[tool_requires]";
      continue;
    }
    if (requires_section && !line.starts_with('#')) {
      add(line);
      continue;
    }
    for (auto at = line.find_first_of("\"'"); at != std::string_view::npos;) {
      auto end = line.find(line[at], at + 1);
      if (end == std::string_view::npos) break;
      add(line.substr(at + 1, end - at - 1));
      at = line.find_first_of("\"'", end + 1);
    }
  }
  return out;
}

}  // namespace slotlint::versions
