#include "analyzer/versions/requirement.h"

#include "analyzer/versions/grammars.h"
#include "analyzer/versions/version_set.h"

namespace slotlint::versions {
namespace {

class Pinned final : public Requirement::Impl {
 public:
  explicit Pinned(Version version) : version_(std::move(version)) {}
  [[nodiscard]] bool contains(std::string_view text) const override {
    auto version = parse_version(text);
    return version && *version == version_;
  }
  [[nodiscard]] std::optional<Version> pinned() const override { return version_; }
  [[nodiscard]] std::optional<NewestAllowed> newest_allowed(
      const std::optional<Version>&) const override {
    return NewestAllowed{version_, false};
  }

 private:
  Version version_;
};

class Unversioned final : public Requirement::Impl {
 public:
  [[nodiscard]] bool contains(std::string_view) const override { return false; }
  [[nodiscard]] std::optional<Version> pinned() const override { return std::nullopt; }
  [[nodiscard]] std::optional<NewestAllowed> newest_allowed(
      const std::optional<Version>&) const override {
    return std::nullopt;
  }
};

}  // namespace

std::string release_text(const Version& version, std::size_t parts) {
  std::string out;
  for (std::size_t i = 0; i < std::max(parts, version.numbers.size()); ++i) {
    out +=
        (i == 0 ? "" : ".") + std::to_string(i < version.numbers.size() ? version.numbers[i] : 0);
  }
  return out;
}

Requirement pinned_requirement(Version version) {
  return Requirement(std::make_shared<Pinned>(std::move(version)));
}

Requirement unversioned_requirement() { return Requirement(std::make_shared<Unversioned>()); }

std::optional<Requirement> parse_requirement(Grammar grammar, std::string_view spec) {
  switch (grammar) {
    case Grammar::Npm:
      return parse_npm_requirement(spec);
    case Grammar::Pep440:
      return parse_pep440_requirement(spec);
    case Grammar::Poetry:
      return parse_poetry_requirement(spec);
    case Grammar::Maven:
      return parse_maven_requirement(spec);
    case Grammar::Gradle:
      return parse_gradle_requirement(spec);
    case Grammar::Go:
      return parse_go_requirement(spec);
    case Grammar::Conan:
    case Grammar::Plain:
      return parse_dotted_requirement(spec);
  }
  return std::nullopt;
}

std::optional<std::weak_ordering> compare_versions(Grammar grammar, std::string_view a,
                                                   std::string_view b) {
  switch (grammar) {
    case Grammar::Npm:
      return compare_npm_versions(a, b);
    case Grammar::Pep440:
    case Grammar::Poetry:
      return compare_pep440_versions(a, b);
    case Grammar::Maven:
      return compare_maven_versions(a, b);
    case Grammar::Gradle:
      return compare_gradle_versions(a, b);
    case Grammar::Go:
      return compare_go_versions(a, b);
    case Grammar::Conan:
    case Grammar::Plain:
      return compare_dotted_versions(a, b);
  }
  return std::nullopt;
}

}  // namespace slotlint::versions
