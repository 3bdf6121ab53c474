#include "analyzer/versions/manifests.h"

#include <array>

namespace slotlint::versions {

std::string normalise_pypi_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    bool separator = c == '-' || c == '_' || c == '.';
    if (separator) {
      if (out.empty() || out.back() != '-') out += '-';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return out;
}

std::optional<Dependency> make_dependency(std::string package, std::string_view spec,
                                          Grammar grammar) {
  spec = trim_text(spec);
  if (package.empty()) return std::nullopt;
  auto requirement = parse_requirement(grammar, spec);
  if (!requirement) return std::nullopt;
  return Dependency{std::move(package), std::string(spec), std::move(*requirement)};
}

void add_dependency(std::vector<Dependency>& out, std::string package, std::string_view spec,
                    Grammar grammar) {
  if (auto dependency = make_dependency(std::move(package), spec, grammar)) {
    out.push_back(std::move(*dependency));
  }
}

void add_unversioned(std::vector<Dependency>& out, std::string package) {
  if (!package.empty()) out.push_back({std::move(package), "", unversioned_requirement()});
}

void add_locked(std::vector<Dependency>& out, std::string package, std::string_view version) {
  version = trim_text(version);
  auto parsed = parse_version(version);
  if (!parsed || package.empty()) return;
  out.push_back({std::move(package), std::string(version), pinned_requirement(std::move(*parsed))});
}

std::vector<std::string_view> text_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return lines;
}

std::string_view trim_text(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::string_view unquote(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

std::span<const ManifestKind> manifest_kinds() {
  static const std::array kinds = {
      ManifestKind{"poetry.lock", "pypi", true, read_python_lock_toml},
      ManifestKind{"uv.lock", "pypi", true, read_python_lock_toml},
      ManifestKind{"Pipfile.lock", "pypi", true, read_pipfile_lock},
      ManifestKind{"package-lock.json", "npm", true, read_package_lock_json},
      ManifestKind{"npm-shrinkwrap.json", "npm", true, read_package_lock_json},
      ManifestKind{"yarn.lock", "npm", true, read_yarn_lock},
      ManifestKind{"pnpm-lock.yaml", "npm", true, read_pnpm_lock},
      ManifestKind{"go.mod", "go", true, read_go_mod},
      ManifestKind{"Gemfile.lock", "rubygems", true, read_gemfile_lock},
      ManifestKind{"composer.lock", "composer", true, read_composer_lock},
      ManifestKind{"requirements*.txt", "pypi", false, read_requirements_txt},
      ManifestKind{"pyproject.toml", "pypi", false, read_pyproject_toml},
      ManifestKind{"package.json", "npm", false, read_package_json},
      ManifestKind{"pom.xml", "maven", false, read_pom_xml},
      ManifestKind{"libs.versions.toml", "maven", false, read_gradle_version_catalog},
      // Any name: projects rename their build files (buildFileName).
      ManifestKind{"*.gradle", "maven", false, read_gradle_build},
      ManifestKind{"*.gradle.kts", "maven", false, read_gradle_build},
      ManifestKind{"vcpkg.json", "cpp", false, read_vcpkg_json},
      ManifestKind{"conanfile.txt", "cpp", false, read_conanfile},
      ManifestKind{"conanfile.py", "cpp", false, read_conanfile},
  };
  return kinds;
}

const ManifestKind* manifest_kind(std::string_view file_name) {
  for (const auto& kind : manifest_kinds()) {
    if (kind.file_name == file_name) return &kind;
    auto star = kind.file_name.find('*');
    if (star == std::string_view::npos) continue;
    auto head = kind.file_name.substr(0, star);
    auto tail = kind.file_name.substr(star + 1);
    if (file_name.size() >= head.size() + tail.size() && file_name.starts_with(head) &&
        file_name.ends_with(tail)) {
      return &kind;
    }
  }
  return nullptr;
}

}  // namespace slotlint::versions
