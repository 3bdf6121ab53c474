// Version numbers, requirement specs, every manifest reader, and the search
// for the nearest manifest above a source file.
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include <gtest/gtest.h>

#include "analyzer/versions/client_versions.h"
#include "analyzer/versions/manifests.h"
#include "analyzer/versions/requirement.h"
#include "analyzer/versions/version.h"

namespace slotlint::versions {
namespace {
namespace fs = std::filesystem;

Version v(std::string_view text) { return *parse_version(text); }

// "9.10.0" from its numbers: what was parsed, not what was written.
std::string fmt_version(const Version& version) {
  std::string out;
  for (auto number : version.numbers) out += (out.empty() ? "" : ".") + std::to_string(number);
  return out;
}

// package → what a reader found: a pin's version (true), or the newest
// version a range allows when no latest version is known (false): "<5"
// is just below 5.0.0.
std::map<std::string, std::pair<std::string, bool>> read(
    std::vector<Dependency> (*reader)(std::string_view, std::string&), std::string_view text) {
  std::string error;
  std::map<std::string, std::pair<std::string, bool>> out;
  for (const auto& dependency : reader(text, error)) {
    if (auto pinned = dependency.requirement.pinned()) {
      out.emplace(dependency.package, std::pair{fmt_version(*pinned), true});
      continue;
    }
    auto newest = dependency.requirement.newest_allowed(std::nullopt);
    std::string found = newest ? (newest->below ? "<" : "") + fmt_version(newest->version) : "any";
    out.emplace(dependency.package, std::pair{found, false});
  }
  EXPECT_EQ(error, "");
  return out;
}

TEST(Version, ComparesNumbersNotText) {
  EXPECT_LT(v("9.9.0"), v("9.11.0"));
  EXPECT_EQ(v("9.11"), v("9.11.0"));
  EXPECT_EQ(v("v9.11.0"), v("9.11.0"));
  EXPECT_EQ(v("6.3.0.RELEASE"), v("6.3.0"));
  EXPECT_GT(v("10.0.0"), v("9.99.99"));
  EXPECT_FALSE(parse_version("latest"));
  EXPECT_FALSE(parse_version(""));
  EXPECT_EQ(v("v9.11.0-beta.1").text, "9.11.0-beta.1");
}

// What each grammar's spec allows, as the newest version allowed when the
// model knows `latest`: the latest when allowed, else the newest below it
// ("<6.2": just below 6.2), else the lowest above it.
std::string newest(Grammar grammar, std::string_view spec,
                   std::optional<std::string_view> latest = "6.3.1") {
  auto requirement = parse_requirement(grammar, spec);
  if (!requirement) return "unreadable";
  auto found = requirement->newest_allowed(latest ? parse_version(*latest) : std::nullopt);
  if (!found) return "none";
  return (found->below ? "<" : "") + found->version.text + (requirement->pinned() ? " pinned" : "");
}

TEST(Requirement, NpmNewestAllowedVersion) {
  // A hyphen range is inclusive at both ends: node-redis 6.1.9 (CROSSSLOT),
  // not the latest 6.3.1 (which splits the command).
  EXPECT_EQ(newest(Grammar::Npm, "1.2.3 - 6.1.9"), "6.1.9");
  EXPECT_EQ(newest(Grammar::Npm, "1.2 - 6.1"), "<6.2");
  EXPECT_EQ(newest(Grammar::Npm, "^6.0.0"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Npm, "~6.1.0"), "<6.2");
  EXPECT_EQ(newest(Grammar::Npm, "6.1.x"), "<6.2");
  EXPECT_EQ(newest(Grammar::Npm, "6.1"), "<6.2");
  EXPECT_EQ(newest(Grammar::Npm, "<=6.1.9"), "6.1.9");
  EXPECT_EQ(newest(Grammar::Npm, ">= 5 < 6.2"), "<6.2");
  EXPECT_EQ(newest(Grammar::Npm, "^4.0.0 || ^5.0.0"), "<6");
  EXPECT_EQ(newest(Grammar::Npm, "^4 || ^7"), "<5");  // the newest below the latest known
  EXPECT_EQ(newest(Grammar::Npm, ">=7"), "7.0.0");    // the lowest above it
  EXPECT_EQ(newest(Grammar::Npm, "^0.3.1"), "<0.4");
  EXPECT_EQ(newest(Grammar::Npm, "4.6.13"), "4.6.13 pinned");
  EXPECT_EQ(newest(Grammar::Npm, "v9.10.0"), "9.10.0 pinned");
  EXPECT_EQ(newest(Grammar::Npm, "*"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Npm, "*", std::nullopt), "none");
  EXPECT_EQ(newest(Grammar::Npm, "^6.0.0", std::nullopt), "<7");
  EXPECT_EQ(newest(Grammar::Npm, ">2 <1"), "none");
  EXPECT_EQ(newest(Grammar::Npm, "file:../redis"), "unreadable");
  EXPECT_EQ(newest(Grammar::Npm, "github:redis/node-redis"), "unreadable");
  EXPECT_EQ(newest(Grammar::Npm, "latest"), "unreadable");
}

TEST(Requirement, PythonNewestAllowedVersion) {
  EXPECT_EQ(newest(Grammar::Pep440, "==5.0.1"), "5.0.1 pinned");
  EXPECT_EQ(newest(Grammar::Pep440, ">=5,<6"), "<6");
  EXPECT_EQ(newest(Grammar::Pep440, "<6, >=5.2"), "<6");
  EXPECT_EQ(newest(Grammar::Pep440, "~=6.1"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Pep440, "~=6.1.0"), "<6.2");
  EXPECT_EQ(newest(Grammar::Pep440, "==6.2.*"), "<6.3");
  EXPECT_EQ(newest(Grammar::Pep440, "<=6.1.9"), "6.1.9");
  EXPECT_EQ(newest(Grammar::Pep440, ">=3.5,!=6.3.1"), "<6.3.1");
  EXPECT_EQ(newest(Grammar::Pep440, ">=7.0"), "7.0");
  EXPECT_EQ(newest(Grammar::Pep440, "===6.1.0"), "6.1.0 pinned");
  EXPECT_EQ(newest(Grammar::Pep440, "5.0"), "unreadable");  // no operator
  EXPECT_EQ(newest(Grammar::Poetry, "^6.1"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Poetry, "~6.1"), "<6.2");
  EXPECT_EQ(newest(Grammar::Poetry, "6.1.*"), "<6.2");
  EXPECT_EQ(newest(Grammar::Poetry, ">=5.0 <6.2"), "<6.2");
  EXPECT_EQ(newest(Grammar::Poetry, "^4.0 || ^5.0"), "<6");
  EXPECT_EQ(newest(Grammar::Poetry, "6.1.0"), "6.1.0 pinned");
  EXPECT_EQ(newest(Grammar::Poetry, "^0.3.1"), "<0.4");
  EXPECT_EQ(newest(Grammar::Poetry, "*"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Pep440, ""), "6.3.1");
}

TEST(Requirement, JavaNewestAllowedVersion) {
  EXPECT_EQ(newest(Grammar::Maven, "[6.0,6.2)"), "<6.2");
  EXPECT_EQ(newest(Grammar::Maven, "(,6.1.9]"), "6.1.9");
  EXPECT_EQ(newest(Grammar::Maven, "[1.0,2.0),[6.0,7.0)"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Maven, "[1.0,2.0),[3.0,4.0)"), "<4.0");
  EXPECT_EQ(newest(Grammar::Maven, "[6.3]"), "6.3 pinned");
  EXPECT_EQ(newest(Grammar::Maven, "6.3.2.RELEASE"), "6.3.2.RELEASE pinned");
  EXPECT_EQ(newest(Grammar::Maven, "[7.0,)"), "7.0");
  EXPECT_EQ(newest(Grammar::Maven, "RELEASE"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Maven, "[1.0,2.0),1.3"), "unreadable");
  EXPECT_EQ(newest(Grammar::Gradle, "6.1.+"), "<6.2");
  EXPECT_EQ(newest(Grammar::Gradle, "6.+"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Gradle, "latest.release"), "6.3.1");
  EXPECT_EQ(newest(Grammar::Gradle, "[6.0,6.2["), "<6.2");
  EXPECT_EQ(newest(Grammar::Gradle, "]6.0,6.2]"), "6.2");
  EXPECT_EQ(newest(Grammar::Gradle, "6.1.0!!"), "6.1.0 pinned");
  EXPECT_EQ(newest(Grammar::Gradle, "[6.0,7.0[!!6.1.5"), "6.1.5 pinned");
  EXPECT_EQ(newest(Grammar::Gradle, "6.1.5"), "6.1.5 pinned");
  // An exclusive upper bound also excludes what starts with it.
  auto below = parse_requirement(Grammar::Gradle, "[1.0,2.0)");
  EXPECT_TRUE(below->contains("1.9.9"));
  EXPECT_FALSE(below->contains("2.0-beta"));
  EXPECT_FALSE(below->contains("2.0"));
  auto prefix = parse_requirement(Grammar::Gradle, "1.2.+");
  EXPECT_TRUE(prefix->contains("1.2.7"));
  EXPECT_FALSE(prefix->contains("1.3.0"));
}

TEST(Requirement, GoAndCppVersions) {
  EXPECT_EQ(newest(Grammar::Go, "v9.10.0"), "9.10.0 pinned");
  EXPECT_EQ(newest(Grammar::Go, "v2.0.0+incompatible"), "2.0.0+incompatible pinned");
  // A pseudo-version is a pre-release of the version after its base: 9.11
  // behaviour, as for any pre-release of 9.11.
  auto pseudo = parse_requirement(Grammar::Go, "v9.11.0-0.20250101000000-abcdefabcdef");
  ASSERT_TRUE(pseudo);
  EXPECT_EQ(fmt_version(*pseudo->pinned()), "9.11.0");
  EXPECT_TRUE(*compare_versions(Grammar::Go, "v9.11.0-0.20250101000000-abcdefabcdef", "v9.11.0") <
              0);
  EXPECT_TRUE(*compare_versions(Grammar::Go, "v2.0.0+incompatible", "v2.0.0") == 0);
  EXPECT_EQ(newest(Grammar::Go, "9.10.0"), "unreadable");  // go.mod writes the 'v'
  EXPECT_EQ(newest(Grammar::Conan, ">=1.1 <2"), "<2");
  EXPECT_EQ(newest(Grammar::Conan, "~1.2"), "<1.3");
  EXPECT_EQ(newest(Grammar::Conan, "^1.2 || ^7"), "<2");
  EXPECT_EQ(newest(Grammar::Conan, "1.3.13"), "1.3.13 pinned");
  EXPECT_EQ(newest(Grammar::Conan, ">=1.1 <2, include_prerelease"), "<2");
  EXPECT_EQ(newest(Grammar::Plain, ">=1.3.10"), "6.3.1");
  EXPECT_EQ(just_below(v("7.0.0")).text, "<7.0.0");
  EXPECT_LT(just_below(v("7.0.0")), v("7.0.0"));
  EXPECT_GT(just_below(v("7.0.0")), v("6.99.0"));
}

// Specs of many clauses are read in n log n (version_set.h sweeps over every
// clause's bounds at once); intersected one by one, n "!=" clauses take n²
// steps.
TEST(Requirement, ManyClausesAndAlternatives) {
  std::string excluded = ">=1";
  for (int i = 2; i < 20'000; ++i) excluded += ",!=" + std::to_string(i) + ".0";
  auto pep440 = parse_requirement(Grammar::Pep440, excluded);
  ASSERT_TRUE(pep440);
  EXPECT_TRUE(pep440->contains("1.0"));
  EXPECT_FALSE(pep440->contains("7.0"));
  EXPECT_TRUE(pep440->contains("7.5"));
  EXPECT_TRUE(pep440->contains("20000.0"));
  EXPECT_FALSE(pep440->contains("19999.0"));
  EXPECT_EQ(pep440->newest_allowed(parse_version("6.0"))->version.text, "6.0");
  EXPECT_EQ(newest(Grammar::Pep440, excluded, "6.0"), "<6.0");
  std::string alternatives;
  for (int i = 0; i < 20'000; ++i)
    alternatives += (i == 0 ? "~" : " || ~") + std::to_string(i) + ".1.0";
  auto npm = parse_requirement(Grammar::Npm, alternatives);
  ASSERT_TRUE(npm);
  EXPECT_TRUE(npm->contains("19999.1.7"));
  EXPECT_FALSE(npm->contains("19999.2.0"));
  EXPECT_EQ(newest(Grammar::Npm, alternatives), "<6.2");
}

TEST(VersionRange, HalfOpen) {
  VersionRange before{std::nullopt, v("9.11.0")};
  EXPECT_TRUE(before.contains(v("9.10.3")));
  EXPECT_FALSE(before.contains(v("9.11.0")));
  VersionRange from{v("6.2.0"), std::nullopt};
  EXPECT_TRUE(from.contains(v("6.2")));
  EXPECT_FALSE(from.contains(v("6.1.9")));
  EXPECT_EQ(before.describe(), "before 9.11.0");
}

TEST(Manifests, PythonRequirementsAndPyproject) {
  auto requirements = read(read_requirements_txt,
                           "# pinned\n-r base.txt\nRedis[hiredis]==5.0.1 ; python_version>'3'\n"
                           "flask>=3  # web\n-e git+https://x/y.git#egg=z\n");
  EXPECT_EQ(requirements["redis"], std::pair(std::string("5.0.1"), true));
  EXPECT_EQ(requirements["flask"], std::pair(std::string("3"), false));
  EXPECT_EQ(requirements.size(), 2u);

  auto pep621 =
      read(read_pyproject_toml,
           "[project]\nname = \"x\"\ndependencies = [\n  \"redis[hiredis]>=6.1,<7\",\n"
           "  \"flask\",\n]\n[project.optional-dependencies]\ncluster = [\"valkey==6.0.2\"]\n");
  EXPECT_EQ(pep621["redis"], std::pair(std::string("<7"), false));
  EXPECT_EQ(pep621["valkey"], std::pair(std::string("6.0.2"), true));
  EXPECT_FALSE(pep621.contains("x"));

  auto poetry = read(read_pyproject_toml,
                     "[tool.poetry.dependencies]\npython = \"^3.11\"\n"
                     "redis = {version = \"^5.0\", extras = [\"hiredis\"]}\n"
                     "[tool.poetry.group.dev.dependencies]\npytest = \"8.1.1\"\n");
  EXPECT_EQ(poetry["redis"], std::pair(std::string("<6"), false));
  EXPECT_EQ(poetry["pytest"], std::pair(std::string("8.1.1"), true));
}

TEST(Manifests, PythonLockfiles) {
  auto poetry = read(read_python_lock_toml,
                     "[[package]]\nname = \"async-timeout\"\nversion = \"4.0.3\"\n\n"
                     "[[package]]\nname = \"redis\"\nversion = \"5.0.8\"\n[package.extras]\n"
                     "hiredis = [\"hiredis (>1.0.0)\"]\n");
  EXPECT_EQ(poetry["redis"], std::pair(std::string("5.0.8"), true));
  EXPECT_EQ(poetry["async-timeout"], std::pair(std::string("4.0.3"), true));
  auto pipfile = read(read_pipfile_lock,
                      R"({"_meta": {}, "default": {"redis": {"version": "==6.1.0"}},
                          "develop": {"pytest": {"version": "==8.0.0"}}})");
  EXPECT_EQ(pipfile["redis"], std::pair(std::string("6.1.0"), true));
  EXPECT_EQ(pipfile["pytest"], std::pair(std::string("8.0.0"), true));
}

TEST(Manifests, Npm) {
  auto package = read(read_package_json,
                      R"({"dependencies": {"redis": "^4.6.0", "local": "file:../x",
                          "rc": "npm:@redis/client@1.5.14"},
                          "devDependencies": {"ioredis": "5.4.1"}})");
  EXPECT_EQ(package["redis"], std::pair(std::string("<5"), false));
  EXPECT_EQ(package["ioredis"], std::pair(std::string("5.4.1"), true));
  EXPECT_EQ(package["@redis/client"], std::pair(std::string("1.5.14"), true));
  EXPECT_FALSE(package.contains("local"));

  auto lock3 = read(read_package_lock_json,
                    R"({"lockfileVersion": 3, "packages": {"": {},
                        "node_modules/redis": {"version": "6.2.0"},
                        "node_modules/@redis/client": {"version": "6.2.0"},
                        "node_modules/x/node_modules/redis": {"version": "3.1.2"}}})");
  EXPECT_EQ(lock3["redis"], std::pair(std::string("6.2.0"), true));
  EXPECT_EQ(lock3["@redis/client"], std::pair(std::string("6.2.0"), true));
  EXPECT_EQ(lock3.size(), 2u);
  auto lock1 =
      read(read_package_lock_json,
           R"({"lockfileVersion": 1, "dependencies": {"ioredis": {"version": "4.28.5"}}})");
  EXPECT_EQ(lock1["ioredis"], std::pair(std::string("4.28.5"), true));

  auto yarn1 = read(read_yarn_lock,
                    "# yarn lockfile v1\n\n\"@redis/client@^1.5.0\", \"@redis/client@^1.5.14\":\n"
                    "  version \"1.5.14\"\n  resolved \"https://x\"\n\nredis@^4.6.0:\n"
                    "  version \"4.6.13\"\n");
  EXPECT_EQ(yarn1["@redis/client"], std::pair(std::string("1.5.14"), true));
  EXPECT_EQ(yarn1["redis"], std::pair(std::string("4.6.13"), true));
  auto berry = read(read_yarn_lock,
                    "__metadata:\n  version: 6\n\n\"ioredis@npm:^5.3.0\":\n  version: 5.3.2\n"
                    "  resolution: \"ioredis@npm:5.3.2\"\n");
  EXPECT_EQ(berry["ioredis"], std::pair(std::string("5.3.2"), true));

  auto pnpm = read(read_pnpm_lock,
                   "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      redis:\n"
                   "        specifier: ^4.6.0\n        version: 4.6.13\npackages:\n"
                   "  redis@4.6.13:\n    resolution: {integrity: x}\n"
                   "  '@redis/client@1.5.14':\n    resolution: {integrity: y}\n"
                   "snapshots:\n  ioredis@5.3.2(supports-color@8.1.1):\n    dependencies: {}\n");
  EXPECT_EQ(pnpm["redis"], std::pair(std::string("4.6.13"), true));
  EXPECT_EQ(pnpm["@redis/client"], std::pair(std::string("1.5.14"), true));
  EXPECT_EQ(pnpm["ioredis"], std::pair(std::string("5.3.2"), true));
  auto pnpm5 = read(read_pnpm_lock,
                    "lockfileVersion: 5.4\npackages:\n  /@redis/client/1.5.6:\n"
                    "    resolution: {integrity: x}\n");
  EXPECT_EQ(pnpm5["@redis/client"], std::pair(std::string("1.5.6"), true));
}

TEST(Manifests, GoMod) {
  auto go = read(read_go_mod,
                 "module example.com/x\n\ngo 1.22\n\nrequire github.com/redis/rueidis v1.0.40\n"
                 "require (\n\tgithub.com/redis/go-redis/v9 v9.10.0 // indirect\n"
                 "\tgolang.org/x/sync v0.7.0\n)\nreplace github.com/a/b => ../b\n");
  EXPECT_EQ(go["github.com/redis/go-redis/v9"], std::pair(std::string("9.10.0"), true));
  EXPECT_EQ(go["github.com/redis/rueidis"], std::pair(std::string("1.0.40"), true));
  EXPECT_EQ(go.size(), 3u);
}

TEST(Manifests, MavenAndGradle) {
  auto pom = read(read_pom_xml,
                  "<project><parent><groupId>org.springframework.boot</groupId>"
                  "<artifactId>spring-boot-starter-parent</artifactId><version>3.3.1</version>"
                  "</parent><properties><jedis.version>7.2.0</jedis.version></properties>"
                  "<dependencies><!-- <dependency><groupId>redis.clients</groupId>"
                  "<artifactId>jedis</artifactId><version>1.0</version></dependency> -->"
                  "<dependency><groupId>redis.clients</groupId><artifactId>jedis</artifactId>"
                  "<version>${jedis.version}</version></dependency>"
                  "<dependency><groupId>io.lettuce</groupId><artifactId>lettuce-core</artifactId>"
                  "<version>6.3.2.RELEASE</version></dependency>"
                  "<dependency><groupId>org.redisson</groupId><artifactId>redisson</artifactId>"
                  "<version>[3.20,4.0)</version></dependency>"
                  "<dependency><groupId>org.springframework.boot</groupId>"
                  "<artifactId>spring-boot-starter-data-redis</artifactId></dependency>"
                  "</dependencies></project>");
  EXPECT_EQ(pom["redis.clients:jedis"], std::pair(std::string("7.2.0"), true));
  EXPECT_EQ(pom["io.lettuce:lettuce-core"], std::pair(std::string("6.3.2"), true));
  EXPECT_EQ(pom["org.springframework.boot:spring-boot-starter-parent"],
            std::pair(std::string("3.3.1"), true));
  EXPECT_EQ(pom["org.redisson:redisson"], std::pair(std::string("<4.0"), false));  // a range
  // The parent manages its version: named, with no version slotlint can tell.
  EXPECT_EQ(pom["org.springframework.boot:spring-boot-starter-data-redis"],
            std::pair(std::string("any"), false));
  EXPECT_EQ(pom.size(), 5u);

  auto gradle =
      read(read_gradle_build,
           "dependencies {\n  implementation(\"redis.clients:jedis:8.0.1\")\n"
           "  implementation 'org.redisson:redisson:3.27.0'\n"
           "  // implementation 'io.lettuce:lettuce-core:5.0.0'\n"
           "  implementation group: 'io.lettuce', name: 'lettuce-core', version: '6.1.5'\n"
           "  implementation \"x:y:$ver\"\n"
           "  implementation 'org.springframework.boot:spring-boot-starter-data-redis'\n"
           "  maven { url 'https://repo.example:8443/releases' }\n}\n");
  EXPECT_EQ(gradle["redis.clients:jedis"], std::pair(std::string("8.0.1"), true));
  auto plugins = read(read_gradle_build,
                      "plugins {\n  id(\"org.springframework.boot\") version \"3.2.0\"\n"
                      "  id 'io.spring.dependency-management' version '1.1.4'\n  java\n}\n");
  EXPECT_EQ(plugins["org.springframework.boot"], std::pair(std::string("3.2.0"), true));
  EXPECT_EQ(plugins["io.spring.dependency-management"], std::pair(std::string("1.1.4"), true));
  auto catalog =
      read(read_gradle_version_catalog,
           "[versions]\nlettuce = \"6.8.2\"\nboot = { strictly = \"3.5.0\" }\n\n"
           "[libraries]\nlettuce-core = { module = \"io.lettuce:lettuce-core\", "
           "version.ref = \"lettuce\" }\njedis = \"redis.clients:jedis:5.1.0\"\n"
           "redisson = { group = \"org.redisson\", name = \"redisson\", version = "
           "\"3.27.0\" }\nnone = { module = \"x:y\", version.ref = \"missing\" }\n"
           "starter = { module = \"org.springframework.boot:spring-boot-starter-data-redis\" }\n"
           "[plugins]\nboot = { id = \"org.springframework.boot\", version.ref = "
           "\"boot\" }\n");
  EXPECT_EQ(catalog["io.lettuce:lettuce-core"], std::pair(std::string("6.8.2"), true));
  EXPECT_EQ(catalog["redis.clients:jedis"], std::pair(std::string("5.1.0"), true));
  EXPECT_EQ(catalog["org.redisson:redisson"], std::pair(std::string("3.27.0"), true));
  EXPECT_EQ(catalog["org.springframework.boot"], std::pair(std::string("3.5.0"), true));
  EXPECT_FALSE(catalog.contains("x:y"));
  EXPECT_EQ(catalog["org.springframework.boot:spring-boot-starter-data-redis"],
            std::pair(std::string("any"), false));
  EXPECT_EQ(gradle["org.redisson:redisson"], std::pair(std::string("3.27.0"), true));
  EXPECT_EQ(gradle["io.lettuce:lettuce-core"], std::pair(std::string("6.1.5"), true));
  EXPECT_FALSE(gradle.contains("x:y"));
  EXPECT_EQ(gradle["org.springframework.boot:spring-boot-starter-data-redis"],
            std::pair(std::string("any"), false));
  EXPECT_EQ(gradle.size(), 4u);  // no URL taken for a coordinate
}

TEST(Manifests, RubyPhpAndCpp) {
  auto gems = read(read_gemfile_lock,
                   "GEM\n  remote: https://rubygems.org/\n  specs:\n    redis (5.0.8)\n"
                   "      redis-client (>= 0.17.0)\n    redis-client (0.22.2)\n"
                   "    nokogiri (1.16.0-x86_64-linux)\n");
  EXPECT_EQ(gems["redis"], std::pair(std::string("5.0.8"), true));
  EXPECT_EQ(gems["redis-client"], std::pair(std::string("0.22.2"), true));
  EXPECT_EQ(gems["nokogiri"], std::pair(std::string("1.16.0"), true));
  auto composer = read(read_composer_lock,
                       R"({"packages": [{"name": "predis/predis", "version": "v2.2.2"}],
                           "packages-dev": [{"name": "x/y", "version": "dev-main"}]})");
  EXPECT_EQ(composer["predis/predis"], std::pair(std::string("2.2.2"), true));
  EXPECT_FALSE(composer.contains("x/y"));
  auto vcpkg =
      read(read_vcpkg_json,
           R"({"dependencies": ["hiredis", {"name": "redis-plus-plus", "version>=": "1.3.10"}],
                        "overrides": [{"name": "hiredis", "version": "1.2.0"}]})");
  EXPECT_EQ(vcpkg["redis-plus-plus"], std::pair(std::string("1.3.10"), false));
  EXPECT_EQ(vcpkg["hiredis"], std::pair(std::string("1.2.0"), true));
  auto conan_txt = read(read_conanfile,
                        "[requires]\nredis-plus-plus/1.3.13\nhiredis/1.2.0@user/stable\n"
                        "[generators]\nCMakeDeps\n");
  EXPECT_EQ(conan_txt["redis-plus-plus"], std::pair(std::string("1.3.13"), true));
  EXPECT_EQ(conan_txt["hiredis"], std::pair(std::string("1.2.0"), true));
  auto conan_py = read(read_conanfile,
                       "class App(ConanFile):\n    def requirements(self):\n"
                       "        self.requires(\"hiredis/[>=1.1 <2]\")\n");
  EXPECT_EQ(conan_py["hiredis"], std::pair(std::string("<2"), false));
}

TEST(Manifests, BrokenJsonIsAnErrorNotACrash) {
  std::string error;
  EXPECT_TRUE(read_package_json("{\"dependencies\": ", error).empty());
  EXPECT_NE(error.find("not valid JSON"), std::string::npos);
  error.clear();
  EXPECT_TRUE(read_composer_lock("{\"packages\": [1e99999]}", error).empty());
  EXPECT_NE(error, "");
  error.clear();
  // Right JSON, wrong shapes: nothing found, nothing thrown.
  EXPECT_TRUE(read_package_lock_json(R"({"packages": {"node_modules/redis": 7}})", error).empty());
  EXPECT_TRUE(read_vcpkg_json(R"({"dependencies": [1, null, {"name": 2}]})", error).empty());
  EXPECT_EQ(error, "");
  // Found by fuzzing: a packages section ending in a line of two spaces was
  // read one byte past the end.
  // (An exact-size buffer, so that the ASan build sees a read past it.)
  std::string_view text = "packages:\n  ";
  std::vector<char> bytes(text.begin(), text.end());
  EXPECT_TRUE(read_pnpm_lock(std::string_view(bytes.data(), bytes.size()), error).empty());
}

TEST(Manifests, KindsByFileName) {
  EXPECT_EQ(manifest_kind("requirements-dev.txt")->ecosystem, "pypi");
  EXPECT_EQ(manifest_kind("requirements.txt")->ecosystem, "pypi");
  EXPECT_TRUE(manifest_kind("go.mod")->lockfile);
  EXPECT_FALSE(manifest_kind("package.json")->lockfile);
  EXPECT_EQ(manifest_kind("main.go"), nullptr);
  EXPECT_EQ(manifest_kind("requirements.in"), nullptr);
  EXPECT_EQ(manifest_kind("spring-session-data-redis.gradle")->ecosystem, "maven");
  EXPECT_EQ(manifest_kind("app.gradle.kts")->ecosystem, "maven");
  EXPECT_EQ(manifest_kind("libs.versions.toml")->ecosystem, "maven");
}

class VersionFinderTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("slotlint-versions-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "repo" / ".git");
    fs::create_directories(root_ / "repo" / "services" / "api" / "src");
    files_.emplace(std::vector<fs::path>{root_ / "repo"});
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const fs::path& relative, std::string_view text) {
    std::ofstream(root_ / relative) << text;
  }
  fs::path root_;
  std::optional<files::ProjectFiles> files_;
  std::vector<PackageRef> node_redis_{{"npm", "redis", {}}, {"npm", "@redis/client", {{1, 4}}}};
};

TEST_F(VersionFinderTest, NearestManifestNamingThePackageWins) {
  write("repo/package.json", R"({"dependencies": {"redis": "^6.2.0"}})");
  // Nearer, but it does not name the library: the search goes on upwards.
  write("repo/services/package.json", R"({"dependencies": {"express": "4"}})");
  write("repo/services/api/package.json", R"({"dependencies": {"redis": "~6.1.0"}})");
  VersionFinder finder(*files_, root_ / "repo", {});
  auto latest = parse_version("6.3.1");
  auto found =
      finder.find(root_ / "repo/services/api/src/app.js", "node-redis", node_redis_, latest);
  EXPECT_EQ(found.origin, ClientVersion::Origin::Range);
  EXPECT_EQ(found.version->text, "<6.2");  // the newest ~6.1.0 allows
  EXPECT_EQ(found.source, "services/api/package.json");
  EXPECT_EQ(found.describe("node-redis"),
            "node-redis <6.2 (services/api/package.json: redis ~6.1.0; the newest version it "
            "allows is assumed)");
  // ^6.2.0 allows the latest known version: that one.
  auto other = finder.find(root_ / "repo/services/worker.js", "node-redis", node_redis_, latest);
  EXPECT_EQ(other.version->text, "6.3.1");
}

TEST_F(VersionFinderTest, LockfileBeatsManifestInOneFolder) {
  write("repo/package.json", R"({"dependencies": {"redis": "^6.0.0"}})");
  write("repo/package-lock.json",
        R"({"lockfileVersion": 3, "packages": {"node_modules/redis": {"version": "6.2.1"}}})");
  VersionFinder finder(*files_, root_ / "repo", {});
  auto found = finder.find(root_ / "repo/app.js", "node-redis", node_redis_);
  EXPECT_EQ(found.origin, ClientVersion::Origin::Exact);
  EXPECT_EQ(found.version->text, "6.2.1");
  EXPECT_EQ(found.source, "package-lock.json");
}

TEST_F(VersionFinderTest, WorkspaceRootLockfilePinsANearerRange) {
  write("repo/package-lock.json",
        R"({"lockfileVersion": 3, "packages": {"node_modules/redis": {"version": "6.1.2"}}})");
  write("repo/services/api/package.json", R"({"dependencies": {"redis": "^6.0.0"}})");
  VersionFinder finder(*files_, root_ / "repo", {});
  auto found = finder.find(root_ / "repo/services/api/src/app.js", "node-redis", node_redis_,
                           parse_version("6.3.1"));
  EXPECT_EQ(found.origin, ClientVersion::Origin::Exact);
  EXPECT_EQ(found.version->text, "6.1.2");
  EXPECT_EQ(found.source, "package-lock.json");
  // Without the lockfile, the range: the newest version it allows.
  fs::remove(root_ / "repo/package-lock.json");
  VersionFinder fresh(*files_, root_ / "repo", {});
  auto ranged = fresh.find(root_ / "repo/services/api/src/app.js", "node-redis", node_redis_,
                           parse_version("6.3.1"));
  EXPECT_EQ(ranged.origin, ClientVersion::Origin::Range);
  EXPECT_EQ(ranged.version->text, "6.3.1");
}

TEST_F(VersionFinderTest, PackageMajorsMapToTheLibrarysNumbering) {
  write("repo/yarn.lock", "\"@redis/client@^1.5.0\":\n  version \"1.5.14\"\n");
  VersionFinder finder(*files_, root_ / "repo", {});
  auto found = finder.find(root_ / "repo/app.js", "node-redis", node_redis_);
  EXPECT_EQ(found.version->text, "4.5.14");
}

TEST_F(VersionFinderTest, RangesAreReadInThePackagesNumbering) {
  // @redis/client 1.x is node-redis 4.x: ^1.5.0 allows up to node-redis 4.x.
  write("repo/package.json", R"({"dependencies": {"@redis/client": "^1.5.0"}})");
  VersionFinder finder(*files_, root_ / "repo", {});
  auto found =
      finder.find(root_ / "repo/app.js", "node-redis", node_redis_, parse_version("4.7.0"));
  EXPECT_EQ(found.version->text, "4.7.0");
  found = finder.find(root_ / "repo/b.js", "node-redis", node_redis_, parse_version("6.3.1"));
  EXPECT_EQ(found.version->text, "<5");
  EXPECT_EQ(found.version->numbers.front(), 4u);
  write("repo/services/package.json", R"({"dependencies": {"@redis/client": "~1.5.0"}})");
  found =
      finder.find(root_ / "repo/services/c.js", "node-redis", node_redis_, parse_version("6.3.1"));
  EXPECT_EQ(found.version->text, "<4.6");
}

// Found when npm's hyphen range "1.2.3 - 6.1.9" was read as allowing 6.3.1,
// which turned a proven CROSSSLOT error into a note.
TEST_F(VersionFinderTest, HyphenRangeIsInclusiveAtBothEnds) {
  write("repo/package.json", R"({"dependencies": {"redis": "1.2.3 - 6.1.9"}})");
  VersionFinder finder(*files_, root_ / "repo", {});
  auto found =
      finder.find(root_ / "repo/app.js", "node-redis", node_redis_, parse_version("6.3.1"));
  EXPECT_EQ(found.origin, ClientVersion::Origin::Range);
  EXPECT_EQ(found.version->text, "6.1.9");
}

TEST_F(VersionFinderTest, GradleVersionCatalogBesideTheBuild) {
  fs::create_directories(root_ / "repo" / "gradle");
  write("repo/settings.gradle", "rootProject.name = 'x'\n");
  write("repo/gradle/libs.versions.toml",
        "[versions]\nlettuce = \"6.8.2\"\n[libraries]\n"
        "lettuce = { module = \"io.lettuce:lettuce-core\", version.ref = \"lettuce\" }\n");
  VersionFinder finder(*files_, root_ / "repo", {});
  std::vector<PackageRef> lettuce{{"maven", "io.lettuce:lettuce-core", {}}};
  auto found = finder.find(root_ / "repo/services/api/src/App.java", "lettuce", lettuce);
  EXPECT_EQ(found.version->text, "6.8.2");
  EXPECT_EQ(found.source, "gradle/libs.versions.toml");
}

TEST_F(VersionFinderTest, DependencyWithoutVersionNamesThePackageOnly) {
  // <dependencyManagement> pins it, <dependencies> names it without a version.
  write("repo/pom.xml",
        "<project><dependencies><dependency><groupId>io.lettuce</groupId>"
        "<artifactId>lettuce-core</artifactId></dependency></dependencies>"
        "<dependencyManagement><dependencies><dependency><groupId>io.lettuce</groupId>"
        "<artifactId>lettuce-core</artifactId><version>6.3.2.RELEASE</version></dependency>"
        "</dependencies></dependencyManagement></project>");
  write("repo/services/build.gradle",
        "dependencies { implementation 'org.springframework.boot:spring-boot-starter-data-redis' "
        "}\n");
  VersionFinder finder(*files_, root_ / "repo", {});
  std::vector<PackageRef> lettuce{{"maven", "io.lettuce:lettuce-core", {}}};
  auto found = finder.find(root_ / "repo/src/App.java", "lettuce", lettuce);
  EXPECT_EQ(found.origin, ClientVersion::Origin::Exact);
  EXPECT_EQ(found.version->text, "6.3.2.RELEASE");
  std::array<std::string_view, 1> starter{
      "org.springframework.boot:spring-boot-starter-data-redis"};
  EXPECT_EQ(
      finder.declaring_manifest(root_ / "repo/services/api/src/application.yml", "maven", starter),
      "services/build.gradle names org.springframework.boot:spring-boot-starter-data-redis");
  EXPECT_EQ(finder.declaring_manifest(root_ / "repo/src/application.yml", "maven", starter),
            std::nullopt);
}

TEST_F(VersionFinderTest, StopsAtTheRepositoryTop) {
  write("package.json", R"({"dependencies": {"redis": "6.2.0"}})");  // above repo/.git
  VersionFinder finder(*files_, root_ / "repo", {});
  auto found = finder.find(root_ / "repo/app.js", "node-redis", node_redis_);
  EXPECT_EQ(found.origin, ClientVersion::Origin::Assumed);
  EXPECT_FALSE(found.version);
}

TEST_F(VersionFinderTest, ConfigurationPinWins) {
  write("repo/package.json", R"({"dependencies": {"redis": "6.2.0"}})");
  VersionFinder finder(*files_, root_ / "repo", {{"node-redis", "6.1.0"}},
                       root_ / "repo/.slotlint.json");
  auto found = finder.find(root_ / "repo/app.js", "node-redis", node_redis_);
  EXPECT_EQ(found.origin, ClientVersion::Origin::Config);
  EXPECT_EQ(found.version->text, "6.1.0");
  EXPECT_EQ(found.describe("node-redis"), "node-redis 6.1.0 (pinned in .slotlint.json)");
}

TEST_F(VersionFinderTest, UnreadableManifestIsReportedOnce) {
  write("repo/package.json", "{ not json");
  VersionFinder finder(*files_, root_ / "repo", {});
  finder.find(root_ / "repo/a.js", "node-redis", node_redis_);
  finder.find(root_ / "repo/b.js", "node-redis", node_redis_);
  auto problems = finder.problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().file, "package.json");
}

}  // namespace
}  // namespace slotlint::versions
