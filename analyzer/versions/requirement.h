// What a dependency's version spec allows, read with the grammar of the
// package manager that reads it: npm's `1.2.3 - 6.1.9` and `^6.1`, PEP 440's
// `~=6.1` and `==6.*`, Maven's `[6.0,7.0)`, ... Each grammar orders versions
// its own way (pre-releases, qualifiers, epochs), so a requirement answers in
// that order whether it allows a version, and which is the newest it allows:
// what a package manager installing today would pick, given the newest
// version a client model knows.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "analyzer/versions/version.h"

namespace slotlint::versions {

enum class Grammar : std::uint8_t {
  Npm,     // node-semver: 1.2.3 - 2.3.4, 1.x, ~1.2, ^1.2.3, >=1 <2, a || b
  Pep440,  // PEP 440: ~=1.2, ==1.2.*, !=1.3, >=1,<2, ===1.2
  Poetry,  // Poetry: ^1.2, ~1.2, 1.2.*, >=1,<2, a || b, over PEP 440 versions
  Maven,   // [1.0,2.0), (,1.0], [1.2], [1,2),[3,4); a plain version is a soft pin
  Gradle,  // Maven's ranges and ]1,2[, 1.+, latest.release, 1.2.3!!; a plain version is a pin
  Go,      // go.mod versions: v1.2.3, v1.2.3-pre, +incompatible, pseudo-versions
  Conan,   // Conan 2: >=1.1 <2, ~1.2, ^1.2, a || b
  Plain,   // one dotted version, or a minimum (vcpkg's "version>=": >=1.3.10)
};

// The newest version a requirement allows: `version` itself, or (below) the
// versions just under it, which it excludes ("<7.0.0").
struct NewestAllowed {
  Version version;
  bool below = false;
};

class Requirement {
 public:
  class Impl {
   public:
    virtual ~Impl() = default;
    [[nodiscard]] virtual bool contains(std::string_view version) const = 0;
    [[nodiscard]] virtual std::optional<Version> pinned() const = 0;
    [[nodiscard]] virtual std::optional<NewestAllowed> newest_allowed(
        const std::optional<Version>& latest_known) const = 0;
  };
  explicit Requirement(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

  // Whether the version (as the grammar writes versions) is allowed; text
  // that is no version is not.
  [[nodiscard]] bool contains(std::string_view version) const { return impl_->contains(version); }
  // The one version a pin (==5.0.1, [1.2], a lockfile's entry) allows.
  [[nodiscard]] std::optional<Version> pinned() const { return impl_->pinned(); }
  // `latest_known`, when allowed; else the newest version allowed below it,
  // else the lowest above it. nullopt when that is no version: the spec
  // allows none (`>2 <1`), or every one (`*`) and no latest is known.
  [[nodiscard]] std::optional<NewestAllowed> newest_allowed(
      const std::optional<Version>& latest_known) const {
    return impl_->newest_allowed(latest_known);
  }

 private:
  std::shared_ptr<const Impl> impl_;
};

// nullopt when the spec is not one of the grammar (a path, a URL, a tag).
std::optional<Requirement> parse_requirement(Grammar grammar, std::string_view spec);
// A lockfile's entry: that version.
Requirement pinned_requirement(Version version);
// A dependency written without a version (a BOM or parent manages it): it
// allows no version slotlint can name.
Requirement unversioned_requirement();
// Two versions in the grammar's order; nullopt when either is none in it.
std::optional<std::weak_ordering> compare_versions(Grammar grammar, std::string_view a,
                                                   std::string_view b);

}  // namespace slotlint::versions
