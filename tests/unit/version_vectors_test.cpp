// The package managers' own test vectors (third_party/version-range-vectors/,
// transcribed from node-semver, packaging, Maven, Gradle and golang.org/x/mod):
// each grammar must answer as its upstream implementation does.
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analyzer/versions/requirement.h"

namespace slotlint::versions {
namespace {

nlohmann::json vectors(const std::string& name) {
  std::ifstream in(std::string(SLOTLINT_VERSION_VECTORS_DIR) + "/" + name);
  EXPECT_TRUE(in) << name;
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

bool satisfies(Grammar grammar, const std::string& spec, const std::string& version) {
  auto requirement = parse_requirement(grammar, spec);
  return requirement && requirement->contains(version);
}

// How many vectors were checked and skipped, so that a file that loses its
// vectors fails too.
struct Counts {
  int checked = 0;
  int skipped = 0;
};

Counts check_satisfies(Grammar grammar, const nlohmann::json& list, const char* spec_key) {
  Counts counts;
  for (const auto& vector : list) {
    if (vector.contains("skip")) {
      ++counts.skipped;
      continue;
    }
    auto spec = vector.at(spec_key).get<std::string>();
    auto version = vector.at("version").get<std::string>();
    EXPECT_EQ(satisfies(grammar, spec, version), vector.at("satisfies").get<bool>())
        << "\"" << version << "\" in \"" << spec << "\"";
    ++counts.checked;
  }
  return counts;
}

TEST(VersionVectors, NodeSemverRanges) {
  auto counts = check_satisfies(Grammar::Npm, vectors("npm.json").at("vectors"), "range");
  EXPECT_EQ(counts.checked, 177);
  EXPECT_EQ(counts.skipped, 47);
}

TEST(VersionVectors, PackagingSpecifiers) {
  auto doc = vectors("pep440.json");
  auto counts = check_satisfies(Grammar::Pep440, doc.at("vectors"), "spec");
  EXPECT_EQ(counts.checked, 319);
  EXPECT_EQ(counts.skipped, 23);
  for (const auto& invalid : doc.at("invalid")) {
    auto spec = invalid.at("spec").get<std::string>();
    EXPECT_FALSE(parse_requirement(Grammar::Pep440, spec)) << spec;
  }
  EXPECT_EQ(doc.at("invalid").size(), 31u);
}

void expect_order(Grammar grammar, const std::string& a, const std::string& b,
                  std::weak_ordering expected) {
  auto order = compare_versions(grammar, a, b);
  ASSERT_TRUE(order) << a << " " << b;
  EXPECT_TRUE(*order == expected) << a << " against " << b;
  auto reverse = compare_versions(grammar, b, a);
  EXPECT_TRUE(reverse && *reverse == (0 <=> expected)) << b << " against " << a;
}

TEST(VersionVectors, MavenComparableVersion) {
  auto doc = vectors("maven.json");
  for (const auto& list : doc.at("ascending")) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      for (std::size_t j = i + 1; j < list.size(); ++j) {
        expect_order(Grammar::Maven, list[i], list[j], std::weak_ordering::less);
      }
    }
  }
  for (const char* key : {"equal", "same_order"}) {
    for (const auto& pair : doc.at(key)) {
      expect_order(Grammar::Maven, pair[0], pair[1], std::weak_ordering::equivalent);
    }
  }
  for (const auto& group : doc.at("equal_groups")) {
    for (const auto& other : group) {
      expect_order(Grammar::Maven, group[0], other, std::weak_ordering::equivalent);
    }
  }
  for (const auto& pair : doc.at("less")) {
    expect_order(Grammar::Maven, pair[0], pair[1], std::weak_ordering::less);
  }
  EXPECT_EQ(doc.at("less").size(), 56u);
  EXPECT_EQ(doc.at("skipped").size(), 1u);
}

TEST(VersionVectors, MavenVersionRanges) {
  auto doc = vectors("maven.json");
  for (const auto& vector : doc.at("ranges")) {
    EXPECT_EQ(satisfies(Grammar::Maven, vector[0], vector[1]), vector[2].get<bool>())
        << vector[1] << " in " << vector[0];
  }
  for (const auto& invalid : doc.at("invalid")) {
    EXPECT_FALSE(parse_requirement(Grammar::Maven, invalid.get<std::string>())) << invalid;
  }
  EXPECT_EQ(doc.at("ranges").size(), 20u);
}

TEST(VersionVectors, GradleVersionOrder) {
  auto doc = vectors("gradle.json");
  for (const auto& pair : doc.at("less")) {
    expect_order(Grammar::Gradle, pair[0], pair[1], std::weak_ordering::less);
  }
  for (const auto& pair : doc.at("equal")) {
    expect_order(Grammar::Gradle, pair[0], pair[1], std::weak_ordering::equivalent);
  }
}

TEST(VersionVectors, GoModuleVersions) {
  auto doc = vectors("go.json");
  const auto& rows = doc.at("versions");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string version = rows[i][0];
    std::string canonical = rows[i][1];
    EXPECT_EQ(compare_versions(Grammar::Go, version, version).has_value(), !canonical.empty())
        << version;
    if (canonical.empty()) continue;
    for (std::size_t j = 0; j < rows.size(); ++j) {
      std::string other = rows[j][1];
      if (other.empty()) continue;
      auto expected = other == canonical ? std::weak_ordering::equivalent
                      : i < j            ? std::weak_ordering::less
                                         : std::weak_ordering::greater;
      auto order = compare_versions(Grammar::Go, version, rows[j][0].get<std::string>());
      EXPECT_TRUE(order && *order == expected) << version << " against " << rows[j][0];
    }
  }
  EXPECT_EQ(rows.size(), 32u);
}

}  // namespace
}  // namespace slotlint::versions
