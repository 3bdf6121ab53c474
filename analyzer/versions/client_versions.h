// Which version of a client library a source file is built against: the
// configuration's pin, else the nearest manifest or lockfile above the file
// that names one of the library's packages, else none (the model's latest
// known behaviour is assumed, and findings say so).
#pragma once

#include <filesystem>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "analyzer/files/project_files.h"

#include "analyzer/versions/manifests.h"
#include "analyzer/versions/version.h"

namespace slotlint::versions {

struct PackageRef {
  std::string ecosystem;  // "npm"
  std::string name;       // "@redis/client"
  // Majors of this package that stand for another major of the library's
  // own numbering (@redis/client 1.x is node-redis 4.x: {1: 4}).
  std::map<std::uint32_t, std::uint32_t> major_map;
};

struct ClientVersion {
  // Exact: a lockfile or a pin. Range: the newest version a range allows (the
  // model's latest known when the range allows it, else just below the
  // range's bound), as a package manager installing today would pick.
  enum class Origin : std::uint8_t { Assumed, Config, Exact, Range };
  Origin origin = Origin::Assumed;
  std::optional<Version> version;  // in the library's numbering; nullopt when assumed
  std::string source;              // the file it came from, as displayed
  std::string package;             // the package named there
  std::string spec;                // as written there: "^4.6.0"
  // "go-redis 9.10.0 (go.mod: github.com/redis/go-redis/v9 v9.10.0)"; when
  // assumed, "go-redis 9.22.0 assumed (...)" with the model's latest known.
  [[nodiscard]] std::string describe(std::string_view library,
                                     const std::optional<Version>& latest_known = {}) const;
};

// A manifest that could not be read: reported once per run as a notice.
struct ManifestProblem {
  std::string file;  // as displayed
  std::string message;
};

class VersionFinder {
 public:
  // `root` is where display paths start; `pins` maps a library to the
  // version the configuration fixes ("go-redis": "9.10.0"). Manifests are
  // read through `files`: only inside the project, and the search upwards
  // stops at the project's root.
  VersionFinder(const files::ProjectFiles& files, std::filesystem::path root,
                std::map<std::string, std::string> pins, std::filesystem::path config_file = {});

  // Safe to call from several threads.
  ClientVersion find(const std::filesystem::path& source_file, std::string_view library,
                     std::span<const PackageRef> packages,
                     const std::optional<Version>& latest_known = {}) const;

  // The nearest manifest above `file` (searched as `find` searches) that
  // names one of `packages`, with or without a version, as "pom.xml names
  // group:artifact"; nullopt when none does.
  std::optional<std::string> declaring_manifest(const std::filesystem::path& file,
                                                std::string_view ecosystem,
                                                std::span<const std::string_view> packages) const;

  [[nodiscard]] std::vector<ManifestProblem> problems() const;

 private:
  struct Manifest {
    std::filesystem::path file;
    const ManifestKind* kind = nullptr;
    std::vector<Dependency> dependencies;
  };
  struct Folder {
    std::vector<Manifest> manifests;  // in precedence order (lockfiles first)
    bool repository_top = false;      // it holds .git: the search stops here
  };
  std::shared_ptr<const Folder> folder(const std::filesystem::path& directory) const;
  // The folders from `file`'s up to where the search stops, nearest first,
  // until `visit` returns true.
  void walk_up(const std::filesystem::path& file,
               const std::function<bool(const Folder&)>& visit) const;
  std::string display(const std::filesystem::path& file) const;

  const files::ProjectFiles& files_;
  std::filesystem::path root_;
  std::map<std::string, std::string> pins_;
  std::filesystem::path config_file_;
  mutable std::mutex mutex_;
  mutable std::map<std::filesystem::path, std::shared_ptr<const Folder>> folders_;
  mutable std::vector<ManifestProblem> problems_;
};

}  // namespace slotlint::versions
