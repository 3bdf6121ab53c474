// The dependency manifests and lockfiles slotlint reads to learn which version
// of a client library a project uses. Each reader takes the file's text and
// returns what it declares; none of them runs a package manager.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/versions/requirement.h"
#include "analyzer/versions/version.h"

namespace slotlint::versions {

// Where package names live: "pypi", "npm", "go", "maven" (group:artifact),
// "rubygems", "composer", "cpp" (vcpkg and Conan).
using Ecosystem = std::string_view;

struct Dependency {
  std::string package;      // as the ecosystem names it (PyPI names normalised)
  std::string spec;         // as written: "^4.6.0", "==5.0.1", "v9.11.0"; "": no version
  Requirement requirement;  // what it allows; a lockfile's entry: that version
};

struct ManifestKind {
  std::string_view file_name;  // "go.mod"; "requirements*.txt" matches by pattern
  Ecosystem ecosystem;
  bool lockfile = false;  // records the version installed, not a requirement
  std::vector<Dependency> (*read)(std::string_view text, std::string& error);
};

// Every kind slotlint reads, lockfiles first: within one folder the installed
// version wins over a requirement.
std::span<const ManifestKind> manifest_kinds();
// The kind of a manifest file by its name; nullptr when it is none.
const ManifestKind* manifest_kind(std::string_view file_name);

// PEP 503: "Redis_Py.Cluster" and "redis-py-cluster" are one project.
std::string normalise_pypi_name(std::string_view name);

// The readers, by ecosystem (manifests_<ecosystem>.cpp). On text they cannot
// read they return what they found so far and set `error`.
std::vector<Dependency> read_requirements_txt(std::string_view text, std::string& error);
std::vector<Dependency> read_pyproject_toml(std::string_view text, std::string& error);
std::vector<Dependency> read_python_lock_toml(std::string_view text, std::string& error);
std::vector<Dependency> read_pipfile_lock(std::string_view text, std::string& error);
std::vector<Dependency> read_package_json(std::string_view text, std::string& error);
std::vector<Dependency> read_package_lock_json(std::string_view text, std::string& error);
std::vector<Dependency> read_yarn_lock(std::string_view text, std::string& error);
std::vector<Dependency> read_pnpm_lock(std::string_view text, std::string& error);
std::vector<Dependency> read_go_mod(std::string_view text, std::string& error);
std::vector<Dependency> read_pom_xml(std::string_view text, std::string& error);
std::vector<Dependency> read_gradle_build(std::string_view text, std::string& error);
std::vector<Dependency> read_gradle_version_catalog(std::string_view text, std::string& error);
std::vector<Dependency> read_gemfile_lock(std::string_view text, std::string& error);
std::vector<Dependency> read_composer_lock(std::string_view text, std::string& error);
std::vector<Dependency> read_vcpkg_json(std::string_view text, std::string& error);
std::vector<Dependency> read_conanfile(std::string_view text, std::string& error);

// Shared by the readers: a dependency from a name and a version spec in the
// package manager's grammar; nullopt when the spec names no version (a path,
// a URL, a tag).
std::optional<Dependency> make_dependency(std::string package, std::string_view spec,
                                          Grammar grammar);
// ...added to `out` when there is one.
void add_dependency(std::vector<Dependency>& out, std::string package, std::string_view spec,
                    Grammar grammar);
// A dependency named without a version (Maven and Gradle: the parent or a
// BOM manages it): it tells that the project uses the package, not which version.
void add_unversioned(std::vector<Dependency>& out, std::string package);
// A lockfile's entry: the version installed.
void add_locked(std::vector<Dependency>& out, std::string package, std::string_view version);

// Lines of a text, without their line ending.
std::vector<std::string_view> text_lines(std::string_view text);
std::string_view trim_text(std::string_view text);
// "\"x\"" or "'x'" → "x"; anything else unchanged.
std::string_view unquote(std::string_view text);

}  // namespace slotlint::versions
