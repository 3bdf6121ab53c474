// The grammars behind parse_requirement() and compare_versions(), one file
// each (grammar_<name>.cpp).
#pragma once

#include <compare>
#include <optional>
#include <string_view>

#include "analyzer/versions/requirement.h"

namespace slotlint::versions {

std::optional<Requirement> parse_npm_requirement(std::string_view spec);
std::optional<std::weak_ordering> compare_npm_versions(std::string_view a, std::string_view b);
std::optional<Requirement> parse_go_requirement(std::string_view spec);
std::optional<std::weak_ordering> compare_go_versions(std::string_view a, std::string_view b);
std::optional<Requirement> parse_pep440_requirement(std::string_view spec);
std::optional<Requirement> parse_poetry_requirement(std::string_view spec);
std::optional<std::weak_ordering> compare_pep440_versions(std::string_view a, std::string_view b);
std::optional<Requirement> parse_maven_requirement(std::string_view spec);
std::optional<std::weak_ordering> compare_maven_versions(std::string_view a, std::string_view b);
std::optional<Requirement> parse_gradle_requirement(std::string_view spec);
std::optional<std::weak_ordering> compare_gradle_versions(std::string_view a, std::string_view b);
std::optional<Requirement> parse_dotted_requirement(std::string_view spec);
std::optional<std::weak_ordering> compare_dotted_versions(std::string_view a, std::string_view b);

}  // namespace slotlint::versions
