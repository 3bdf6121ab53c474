// PyPI: requirements*.txt, pyproject.toml (PEP 621 and Poetry tables),
// poetry.lock / uv.lock, Pipfile.lock.
#include "analyzer/versions/manifest_json.h"
#include "analyzer/versions/manifests.h"

namespace slotlint::versions {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// PEP 508: "redis[hiredis]>=5.0,<6 ; python_version >= '3.8'".
std::optional<Dependency> pep508(std::string_view text) {
  text = trim_text(text.substr(0, text.find(';')));
  std::size_t at = 0;
  while (at < text.size() && is_name_char(text[at])) ++at;
  auto name = text.substr(0, at);
  auto rest = trim_text(text.substr(at));
  if (rest.starts_with('['))
    rest = trim_text(rest.substr(std::min(rest.size(), rest.find(']') + 1)));
  if (rest.starts_with('(') && rest.ends_with(')')) rest = rest.substr(1, rest.size() - 2);
  if (name.empty() || rest.empty() || rest.starts_with('@')) return std::nullopt;
  return make_dependency(normalise_pypi_name(name), rest, Grammar::Pep440);
}

}  // namespace

std::vector<Dependency> read_requirements_txt(std::string_view text, std::string&) {
  std::vector<Dependency> out;
  for (auto line : text_lines(text)) {
    auto comment = line.find(" #");
    if (line.starts_with('#')) continue;
    line = trim_text(line.substr(0, comment));
    if (line.empty() || line.starts_with('-')) continue;  // -r, -e, --hash options
    if (auto dependency = pep508(line)) out.push_back(std::move(*dependency));
  }
  return out;
}

std::vector<Dependency> read_pyproject_toml(std::string_view text, std::string&) {
  std::vector<Dependency> out;
  std::string_view table;
  bool in_array = false;  // inside `dependencies = [` (or optional-dependencies lists)
  for (auto raw : text_lines(text)) {
    auto line = trim_text(raw);
    if (line.starts_with('#') || line.empty()) continue;
    if (line.starts_with('[') && !in_array) {
      table = line;
      continue;
    }
    // PEP 621: strings in dependency arrays (which may span lines).
    bool dependency_list = line.starts_with("dependencies") ||
                           table.find("optional-dependencies") != std::string_view::npos ||
                           table.find("dependency-groups") != std::string_view::npos;
    auto equals_at = line.find('=');
    auto bracket = line.find('[');
    bool opens = !in_array && dependency_list && equals_at != std::string_view::npos &&
                 bracket != std::string_view::npos && bracket > equals_at;
    if (opens || in_array) {
      in_array = true;
      for (std::size_t at = opens ? bracket + 1 : 0; at < line.size(); ++at) {
        if (line[at] == ']') {
          in_array = false;
          break;
        }
        if (line[at] == '#') break;
        if (line[at] != '"' && line[at] != '\'') continue;
        auto end = line.find(line[at], at + 1);
        if (end == std::string_view::npos) break;
        if (auto dependency = pep508(line.substr(at + 1, end - at - 1))) {
          out.push_back(std::move(*dependency));
        }
        at = end;
      }
      continue;
    }
    // Poetry: `redis = "^5.0"` or `redis = { version = "^5.0", extras = [...] }`.
    if (table.find("dependencies") == std::string_view::npos || !table.starts_with("[tool.poetry"))
      continue;
    auto equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    auto name = unquote(trim_text(line.substr(0, equals)));
    auto value = trim_text(line.substr(equals + 1));
    if (value.starts_with('{')) {
      auto version = value.find("version");
      if (version == std::string_view::npos) continue;
      auto quote = value.find_first_of("\"'", version);
      if (quote == std::string_view::npos) continue;
      auto end = value.find(value[quote], quote + 1);
      if (end == std::string_view::npos) continue;
      value = value.substr(quote, end - quote + 1);
    }
    add_dependency(out, normalise_pypi_name(name), unquote(value), Grammar::Poetry);
  }
  return out;
}

std::vector<Dependency> read_python_lock_toml(std::string_view text, std::string&) {
  std::vector<Dependency> out;
  std::string name;
  for (auto raw : text_lines(text)) {
    auto line = trim_text(raw);
    if (line.starts_with('[')) {
      name.clear();
      continue;
    }
    auto equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    auto key = trim_text(line.substr(0, equals));
    auto value = unquote(trim_text(line.substr(equals + 1)));
    if (key == "name") name = normalise_pypi_name(value);
    if (key == "version" && !name.empty()) {
      add_locked(out, name, value);
      name.clear();
    }
  }
  return out;
}

std::vector<Dependency> read_pipfile_lock(std::string_view text, std::string& error) {
  std::vector<Dependency> out;
  auto doc = parse_manifest_json(text, error);
  if (!doc || !doc->is_object()) return out;
  for (const char* section : {"default", "develop"}) {
    auto it = doc->find(section);
    if (it == doc->end() || !it->is_object()) continue;
    for (const auto& [name, entry] : it->items()) {
      // "==6.1.0"
      add_dependency(out, normalise_pypi_name(name), string_field(entry, "version"),
                     Grammar::Pep440);
    }
  }
  return out;
}

}  // namespace slotlint::versions
