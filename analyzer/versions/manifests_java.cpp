// Maven and Gradle: pom.xml <dependency> and <parent> elements (with
// ${property} versions from <properties>), Gradle build files'
// "group:artifact:version" coordinates, `group: 'g', name: 'a', version: 'v'`
// maps and `id("plugin") version "v"` plugins, and Gradle version catalogs
// (gradle/libs.versions.toml, with rich versions). Packages are
// "group:artifact" (plugins: their id). Versions are read with Maven's and
// Gradle's own grammars (requirement.h): a plain version is a pin, a range a
// range.
#include <algorithm>
#include <map>

#include "analyzer/versions/manifests.h"

namespace slotlint::versions {
namespace {

// The text of the first <tag>...</tag> in `xml`, trimmed; empty when absent.
std::string_view element(std::string_view xml, std::string_view tag) {
  auto open = "<" + std::string(tag) + ">";
  auto close = "</" + std::string(tag) + ">";
  auto start = xml.find(open);
  if (start == std::string_view::npos) return {};
  start += open.size();
  auto end = xml.find(close, start);
  if (end == std::string_view::npos) return {};
  return trim_text(xml.substr(start, end - start));
}

std::string strip_comments(std::string_view xml) {
  std::string out;
  while (!xml.empty()) {
    auto open = xml.find("<!--");
    out += xml.substr(0, open);
    if (open == std::string_view::npos) break;
    auto close = xml.find("-->", open);
    xml.remove_prefix(close == std::string_view::npos ? xml.size() : close + 3);
  }
  return out;
}

std::map<std::string, std::string, std::less<>> pom_properties(std::string_view xml) {
  std::map<std::string, std::string, std::less<>> properties;
  auto block = element(xml, "properties");
  while (!block.empty()) {
    auto open = block.find('<');
    if (open == std::string_view::npos) break;
    auto close = block.find('>', open);
    if (close == std::string_view::npos) break;
    auto name = block.substr(open + 1, close - open - 1);
    auto end = block.find("</" + std::string(name) + ">", close);
    if (name.empty() || name.front() == '/' || end == std::string_view::npos) {
      block.remove_prefix(close + 1);
      continue;
    }
    properties.emplace(std::string(name),
                       std::string(trim_text(block.substr(close + 1, end - close - 1))));
    block.remove_prefix(end);
  }
  return properties;
}

// "group:artifact" and nothing else: no URL, path, blank or interpolation.
bool is_coordinate(std::string_view text) {
  auto colon = text.find(':');
  if (colon == 0 || colon + 1 >= text.size()) return false;
  return std::ranges::all_of(text, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == ':';
  });
}

}  // namespace

std::vector<Dependency> read_pom_xml(std::string_view text, std::string&) {
  std::vector<Dependency> out;
  auto xml = strip_comments(text);
  auto properties = pom_properties(xml);
  // The parent (spring-boot-starter-parent) manages versions the same way.
  if (auto parent = element(xml, "parent"); !parent.empty()) {
    auto group = element(parent, "groupId");
    auto artifact = element(parent, "artifactId");
    if (!group.empty() && !artifact.empty()) {
      add_dependency(out, std::string(group) + ":" + std::string(artifact),
                     element(parent, "version"), Grammar::Maven);
    }
  }
  std::string_view rest = xml;
  for (auto at = rest.find("<dependency>"); at != std::string_view::npos;
       at = rest.find("<dependency>")) {
    auto end = rest.find("</dependency>", at);
    if (end == std::string_view::npos) break;
    auto block = rest.substr(at, end - at);
    rest.remove_prefix(end);
    auto group = element(block, "groupId");
    auto artifact = element(block, "artifactId");
    std::string version(element(block, "version"));
    // ${jedis.version}: one level of property, as almost every pom uses it.
    if (version.starts_with("${") && version.ends_with("}")) {
      auto it = properties.find(std::string_view(version).substr(2, version.size() - 3));
      version = it == properties.end() ? std::string() : it->second;
    }
    if (group.empty() || artifact.empty()) continue;
    auto package = std::string(group) + ":" + std::string(artifact);
    if (version.empty()) {
      add_unversioned(out, std::move(package));
    } else {
      add_dependency(out, std::move(package), version, Grammar::Maven);
    }
  }
  return out;
}

std::vector<Dependency> read_gradle_build(std::string_view text, std::string&) {
  std::vector<Dependency> out;
  for (auto raw : text_lines(text)) {
    auto line = trim_text(raw);
    if (line.starts_with("//")) continue;
    // "group:artifact:version" in quotes.
    for (auto at = line.find_first_of("\"'"); at != std::string_view::npos;) {
      auto end = line.find(line[at], at + 1);
      if (end == std::string_view::npos) break;
      auto coordinate = line.substr(at + 1, end - at - 1);
      auto first = coordinate.find(':');
      auto second = first == std::string_view::npos ? first : coordinate.find(':', first + 1);
      if (second != std::string_view::npos && coordinate.find('$') == std::string_view::npos &&
          is_coordinate(coordinate.substr(0, second))) {
        auto version = coordinate.substr(second + 1);
        version = version.substr(0, version.find(':'));  // a classifier after it
        add_dependency(out, std::string(coordinate.substr(0, second)), version, Grammar::Gradle);
      } else if (first != std::string_view::npos && second == std::string_view::npos &&
                 is_coordinate(coordinate)) {
        // "group:artifact": the version comes from a platform or Spring's plugin.
        add_unversioned(out, std::string(coordinate));
      }
      at = line.find_first_of("\"'", end + 1);
    }
    // group: 'g', name: 'a', version: 'v'
    auto value_of = [&](std::string_view key) -> std::string_view {
      auto at = line.find(key);
      if (at == std::string_view::npos) return {};
      auto quote = line.find_first_of("\"'", at + key.size());
      if (quote == std::string_view::npos) return {};
      auto end = line.find(line[quote], quote + 1);
      return end == std::string_view::npos ? std::string_view{}
                                           : line.substr(quote + 1, end - quote - 1);
    };
    auto group = value_of("group:");
    auto name = value_of("name:");
    auto version = value_of("version:");
    if (!group.empty() && !name.empty() && !version.empty()) {
      add_dependency(out, std::string(group) + ":" + std::string(name), version, Grammar::Gradle);
    }
    // id("org.springframework.boot") version "3.2.0" / id 'x' version 'v'
    if (line.starts_with("id") && line.find(" version ") != std::string_view::npos) {
      auto quoted = [&](std::size_t from) -> std::pair<std::string_view, std::size_t> {
        auto open = line.find_first_of("\"'", from);
        if (open == std::string_view::npos) return {{}, std::string_view::npos};
        auto close = line.find(line[open], open + 1);
        if (close == std::string_view::npos) return {{}, std::string_view::npos};
        return {line.substr(open + 1, close - open - 1), close + 1};
      };
      auto [plugin, after] = quoted(2);
      if (after != std::string_view::npos && !plugin.empty()) {
        auto version_at = line.find(" version ", after);
        if (version_at != std::string_view::npos) {
          auto [plugin_version, end] = quoted(version_at + 9);
          add_dependency(out, std::string(plugin), plugin_version, Grammar::Gradle);
        }
      }
    }
  }
  return out;
}

std::vector<Dependency> read_gradle_version_catalog(std::string_view text, std::string&) {
  // [versions]  lettuce = "6.8.2"
  // [libraries] lettuce = { module = "io.lettuce:lettuce-core", version.ref = "lettuce" }
  //             jedis = "redis.clients:jedis:5.1.0"
  // [plugins]   boot = { id = "org.springframework.boot", version.ref = "boot" }
  std::map<std::string, std::string, std::less<>> versions;
  struct Entry {
    std::string package, version, version_ref;
  };
  std::vector<Entry> entries;
  std::string_view table;
  auto field = [](std::string_view value, std::string_view key) -> std::string_view {
    for (auto at = value.find(key); at != std::string_view::npos; at = value.find(key, at + 1)) {
      bool starts = at == 0 || value[at - 1] == ' ' || value[at - 1] == '{' || value[at - 1] == ',';
      auto rest = trim_text(value.substr(at + key.size()));
      if (!starts || !rest.starts_with('=')) continue;
      rest = trim_text(rest.substr(1));
      if (rest.empty() || (rest.front() != '"' && rest.front() != '\'')) return {};
      auto close = rest.find(rest.front(), 1);
      return close == std::string_view::npos ? std::string_view{} : rest.substr(1, close - 1);
    }
    return {};
  };
  for (auto raw : text_lines(text)) {
    auto line = trim_text(raw.substr(0, raw.find('#')));
    if (line.starts_with('[')) {
      table = line;
      continue;
    }
    auto equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    auto key = unquote(trim_text(line.substr(0, equals)));
    auto value = trim_text(line.substr(equals + 1));
    if (table == "[versions]") {
      // A rich version: { strictly = "[3.0,4.0[", prefer = "3.1" } is Gradle's
      // "[3.0,4.0[!!3.1"; a preferred version wins over a required range.
      std::string version(unquote(value));
      if (value.starts_with('{')) {
        auto strictly = field(value, "strictly");
        auto prefer = field(value, "prefer");
        auto require = field(value, "require");
        version = !strictly.empty() ? std::string(strictly) + "!!" + std::string(prefer)
                  : !prefer.empty() ? std::string(prefer)
                                    : std::string(require);
      }
      versions.emplace(std::string(key), std::move(version));
    } else if (table == "[libraries]" || table == "[plugins]") {
      Entry entry;
      if (!value.starts_with('{')) {  // "group:artifact:version"
        auto coordinate = unquote(value);
        auto last = coordinate.rfind(':');
        if (last == std::string_view::npos || coordinate.find(':') == last) continue;
        entries.push_back({std::string(coordinate.substr(0, last)),
                           std::string(coordinate.substr(last + 1)),
                           {}});
        continue;
      }
      auto module = field(value, "module");
      auto id = field(value, "id");
      auto group = field(value, "group");
      auto name = field(value, "name");
      entry.package = !module.empty() ? std::string(module)
                      : !id.empty()   ? std::string(id)
                      : !group.empty() && !name.empty()
                          ? std::string(group) + ":" + std::string(name)
                          : std::string();
      entry.version = std::string(field(value, "version"));
      entry.version_ref = std::string(field(value, "version.ref"));
      if (!entry.package.empty()) entries.push_back(std::move(entry));
    }
  }
  std::vector<Dependency> out;
  for (const auto& entry : entries) {
    std::string version = entry.version;
    if (version.empty() && entry.version_ref.empty()) {
      add_unversioned(out, entry.package);  // a platform manages it
      continue;
    }
    if (version.empty()) {
      auto it = versions.find(entry.version_ref);
      if (it == versions.end()) continue;
      version = it->second;
    }
    add_dependency(out, entry.package, version, Grammar::Gradle);
  }
  return out;
}

}  // namespace slotlint::versions
