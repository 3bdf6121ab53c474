// Dotted versions compared by their numbers (vcpkg, Conan, Gemfile.lock,
// composer.lock: "1.3.10", "v2.2.2"), and Conan 2's ranges over them:
// ">=1.1 <2", "~1.2", "^1.2", "1.2", "a || b", "*"; options after a comma
// ("include_prerelease") are ignored, as are pre-release tags.
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/versions/grammars.h"
#include "analyzer/versions/version_set.h"

namespace slotlint::versions {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct DottedKey {
  Version version;
  friend std::weak_ordering operator<=>(const DottedKey& a, const DottedKey& b) {
    return a.version <=> b.version;
  }
};

using Set = VersionSet<DottedKey>;

std::optional<Bound<DottedKey>> bound_of(std::string_view text, bool inclusive) {
  auto version = parse_version(text);
  if (!version || version->text.size() != text.size() - (text.front() == 'v' ? 1 : 0)) {
    return std::nullopt;
  }
  return Bound<DottedKey>{{*version}, inclusive, version->text};
}

// The next release at `level` (0: major): 1.2.3 at 1 is 1.3.
std::optional<Bound<DottedKey>> bumped(const Version& version, std::size_t level) {
  auto numbers = version.numbers;
  numbers.resize(std::max(numbers.size(), level + 1), 0);
  numbers[level] += 1;
  numbers.resize(level + 1);
  std::string text;
  for (auto number : numbers) text += (text.empty() ? "" : ".") + std::to_string(number);
  return bound_of(text, false);
}

std::optional<Set> parse_condition(std::string_view word) {
  if (word == "*") return Set::everything();
  std::string_view op;
  for (std::string_view candidate : {">=", "<=", ">", "<", "=", "~", "^"}) {
    if (word.starts_with(candidate)) {
      op = candidate;
      break;
    }
  }
  auto bound = bound_of(word.substr(op.size()), op != ">" && op != "<");
  if (!bound) return std::nullopt;
  const auto& numbers = bound->key.version.numbers;
  if (op == ">=" || op == ">") return Set::of({bound, std::nullopt});
  if (op == "<=" || op == "<") return Set::of({std::nullopt, bound});
  if (op == "~" || op == "^") {
    std::size_t level = 0;
    if (op == "~") {
      level = numbers.size() >= 2 ? 1 : 0;
    } else {
      while (level + 1 < numbers.size() && numbers[level] == 0) ++level;
    }
    return Set::of({bound, bumped(bound->key.version, level)});
  }
  return Set::of({bound, bound});
}

class DottedRequirement final : public SetRequirement<DottedKey> {
 public:
  using SetRequirement::SetRequirement;
  [[nodiscard]] bool contains(std::string_view text) const override {
    auto version = parse_version(text);
    return version && set_.contains({*version});
  }

 private:
  [[nodiscard]] std::optional<DottedKey> key_of_release(const Version& version) const override {
    return DottedKey{version};
  }
};

}  // namespace

std::optional<Requirement> parse_dotted_requirement(std::string_view spec) {
  spec = spec.substr(0, spec.find(','));  // options
  std::vector<Set> alternatives;
  std::size_t conditions = 0;
  std::optional<Version> single;
  for (std::size_t start = 0; start <= spec.size();) {
    auto bar = spec.find("||", start);
    auto text = spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start);
    start = bar == std::string_view::npos ? spec.size() + 1 : bar + 2;
    std::vector<Set> all_of;
    for (std::size_t at = 0; at < text.size();) {
      while (at < text.size() && is_space(text[at])) ++at;
      auto end = at;
      while (end < text.size() && !is_space(text[end])) ++end;
      if (end == at) break;
      auto word = text.substr(at, end - at);
      auto condition = parse_condition(word);
      if (!condition) return std::nullopt;
      ++conditions;
      single = word.find_first_of("<>~^*") == std::string_view::npos
                   ? parse_version(word.substr(word.starts_with('=') ? 1 : 0))
                   : std::nullopt;
      all_of.push_back(std::move(*condition));
      at = end;
    }
    alternatives.push_back(Set::intersection(std::move(all_of)));
  }
  if (conditions == 0) return std::nullopt;
  if (conditions != 1) single.reset();
  auto all = Set::union_of(alternatives);
  return Requirement(std::make_shared<DottedRequirement>(std::move(all), single));
}

std::optional<std::weak_ordering> compare_dotted_versions(std::string_view a, std::string_view b) {
  return compare_parsed(parse_version, a, b);
}

}  // namespace slotlint::versions
