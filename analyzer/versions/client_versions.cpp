#include "analyzer/versions/client_versions.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace slotlint::versions {
namespace fs = std::filesystem;
namespace {

// Manifests bigger than this are lockfiles of huge monorepos at most; past
// it, the file is reported and skipped rather than read into memory.
constexpr std::uintmax_t kMaxManifestBytes = 32u << 20;

bool same_package(std::string_view ecosystem, std::string_view a, std::string_view b) {
  if (ecosystem == "pypi") return normalise_pypi_name(a) == normalise_pypi_name(b);
  return a == b;
}

std::string joined(const std::vector<std::uint32_t>& numbers) {
  return fmt::format("{}", fmt::join(numbers, "."));
}

Version in_library_numbering(Version version, const PackageRef& package) {
  if (version.numbers.empty()) return version;
  auto it = package.major_map.find(version.numbers.front());
  if (it == package.major_map.end()) return version;
  version.numbers.front() = it->second;
  version.text = joined(version.numbers);
  return version;
}

// Just below a package's `bound`, in the library's numbering:
// @redis/client <1.6.0 is node-redis <4.6.0, and <2.0.0 is <5.
Version below_in_library_numbering(const Version& bound, const PackageRef& package) {
  auto under = in_library_numbering(just_below(bound), package);
  auto mapped_bound = in_library_numbering(bound, package);
  if (!bound.numbers.empty() && mapped_bound.numbers.front() != bound.numbers.front()) {
    under.text = "<" + mapped_bound.text;
  } else if (!under.numbers.empty() && under.text.front() != '<') {
    under.text = fmt::format("<{}", under.numbers.front() + 1);
  }
  return under;
}

// The other way: nullopt when no major of the package stands for it.
std::optional<Version> in_package_numbering(Version version, const PackageRef& package) {
  if (version.numbers.empty()) return version;
  auto major = version.numbers.front();
  for (const auto& [package_major, library_major] : package.major_map) {
    if (library_major != major) continue;
    version.numbers.front() = package_major;
    version.text = joined(version.numbers);
    return version;
  }
  if (package.major_map.contains(major)) return std::nullopt;
  return version;
}

}  // namespace

std::string ClientVersion::describe(std::string_view library,
                                    const std::optional<Version>& latest_known) const {
  switch (origin) {
    case Origin::Assumed:
      if (latest_known) {
        return fmt::format("{} {} assumed (no version found in the manifests slotlint reads)",
                           library, latest_known->text);
      }
      return fmt::format(
          "{}, latest known behaviour assumed (no version found in the "
          "manifests slotlint reads)",
          library);
    case Origin::Config:
      return fmt::format("{} {} (pinned in {})", library, version ? version->text : "?", source);
    case Origin::Exact:
    case Origin::Range:
      break;
  }
  std::string how = origin == Origin::Exact ? "" : "; the newest version it allows is assumed";
  return fmt::format("{} {} ({}: {} {}{})", library, version ? version->text : "?", source, package,
                     spec, how);
}

VersionFinder::VersionFinder(const files::ProjectFiles& files, fs::path root,
                             std::map<std::string, std::string> pins, fs::path config_file)
    : files_(files),
      root_(std::move(root)),
      pins_(std::move(pins)),
      config_file_(std::move(config_file)) {}

std::string VersionFinder::display(const fs::path& file) const {
  std::error_code ec;
  auto relative = fs::relative(file, root_, ec);
  if (!ec && !relative.empty()) return relative.generic_string();
  return file.generic_string();
}

std::shared_ptr<const VersionFinder::Folder> VersionFinder::folder(
    const fs::path& directory) const {
  {
    std::scoped_lock lock(mutex_);
    if (auto it = folders_.find(directory); it != folders_.end()) return it->second;
  }
  auto found = std::make_shared<Folder>();
  std::vector<ManifestProblem> problems;
  std::error_code ec;
  std::string unlisted;
  auto candidates = files_.list_directory(directory, unlisted);
  found->repository_top = fs::exists(directory / ".git", ec);
  // A Gradle version catalog sits in the project's gradle/ folder.
  if (auto catalog = directory / "gradle" / "libs.versions.toml"; files_.is_file(catalog)) {
    candidates.push_back(catalog);
  }
  for (const auto& path : candidates) {
    const auto* kind = manifest_kind(path.filename().string());
    if (kind == nullptr) continue;
    auto read = files_.read(path, kMaxManifestBytes, /*log_refusal=*/false);
    if (!read) {
      problems.push_back({display(path), read.reason});
      continue;
    }
    Manifest manifest{path, kind, {}};
    std::string error;
    manifest.dependencies = kind->read(*read.bytes, error);
    if (!error.empty()) problems.push_back({display(path), error});
    found->manifests.push_back(std::move(manifest));
  }
  auto order = [](const Manifest& m) { return m.kind - manifest_kinds().data(); };
  std::ranges::sort(found->manifests, [&](const Manifest& a, const Manifest& b) {
    return order(a) != order(b) ? order(a) < order(b) : a.file < b.file;
  });
  std::scoped_lock lock(mutex_);
  auto [it, inserted] = folders_.try_emplace(directory, std::move(found));
  if (inserted) std::ranges::move(problems, std::back_inserter(problems_));
  return it->second;
}

ClientVersion VersionFinder::find(const fs::path& source_file, std::string_view library,
                                  std::span<const PackageRef> packages,
                                  const std::optional<Version>& latest_known) const {
  ClientVersion result;
  if (auto pin = pins_.find(std::string(library)); pin != pins_.end()) {
    if (auto version = parse_version(pin->second)) {
      result.origin = ClientVersion::Origin::Config;
      result.version = version;
      result.source = config_file_.empty() ? "the configuration" : display(config_file_);
      result.spec = pin->second;
      return result;
    }
  }
  if (packages.empty()) return result;
  // A pin is that version; a range the newest version it allows, in the
  // package's own numbering.
  auto take = [&](const Manifest& manifest, const Dependency& dependency,
                  const PackageRef& package) -> std::optional<ClientVersion> {
    ClientVersion found;
    found.source = display(manifest.file);
    found.package = dependency.package;
    found.spec = dependency.spec;
    if (auto pinned = dependency.requirement.pinned()) {
      found.origin = ClientVersion::Origin::Exact;
      found.version = in_library_numbering(*pinned, package);
      return found;
    }
    std::optional<Version> latest;
    if (latest_known) latest = in_package_numbering(*latest_known, package);
    auto newest = dependency.requirement.newest_allowed(latest);
    if (!newest) return std::nullopt;
    found.origin = ClientVersion::Origin::Range;
    found.version = newest->below ? below_in_library_numbering(newest->version, package)
                                  : in_library_numbering(newest->version, package);
    return found;
  };
  // The nearest manifest that names the library; when it only gives a range,
  // a lockfile further up (a workspace's root) that pins the package wins.
  std::optional<ClientVersion> range;
  std::optional<ClientVersion> exact;
  walk_up(source_file, [&](const Folder& found) {
    for (const auto& manifest : found.manifests) {
      if (range && !manifest.kind->lockfile) continue;
      for (const auto& package : packages) {
        if (package.ecosystem != manifest.kind->ecosystem) continue;
        // One named without a version tells nothing about the version.
        auto it = std::ranges::find_if(manifest.dependencies, [&](const Dependency& dependency) {
          return !dependency.spec.empty() &&
                 same_package(package.ecosystem, dependency.package, package.name);
        });
        if (it == manifest.dependencies.end()) continue;
        auto found = take(manifest, *it, package);
        if (!found) continue;
        if (found->origin == ClientVersion::Origin::Exact) {
          exact = std::move(found);
          return true;
        }
        if (!range) range = std::move(found);
        break;
      }
    }
    return false;
  });
  return exact ? *exact : range ? *range : result;
}

std::optional<std::string> VersionFinder::declaring_manifest(
    const fs::path& file, std::string_view ecosystem,
    std::span<const std::string_view> packages) const {
  std::optional<std::string> declared;
  walk_up(file, [&](const Folder& found) {
    for (const auto& manifest : found.manifests) {
      if (manifest.kind->ecosystem != ecosystem) continue;
      for (const auto& dependency : manifest.dependencies) {
        if (std::ranges::find(packages, dependency.package) == packages.end()) continue;
        declared = fmt::format("{} names {}", display(manifest.file), dependency.package);
        return true;
      }
    }
    return false;
  });
  return declared;
}

void VersionFinder::walk_up(const fs::path& file,
                            const std::function<bool(const Folder&)>& visit) const {
  std::error_code ec;
  auto directory = fs::absolute(file, ec).parent_path();
  // Up to the repository's top (the folder with .git) or the project's root.
  for (int depth = 0; !directory.empty() && depth < 64 && files_.root_of(directory); ++depth) {
    auto found = folder(directory);
    if (visit(*found)) return;
    if (found->repository_top) return;
    auto parent = directory.parent_path();
    if (parent == directory) return;
    directory = parent;
  }
}

std::vector<ManifestProblem> VersionFinder::problems() const {
  std::scoped_lock lock(mutex_);
  auto sorted = problems_;
  std::ranges::sort(sorted, {}, &ManifestProblem::file);
  return sorted;
}

}  // namespace slotlint::versions
