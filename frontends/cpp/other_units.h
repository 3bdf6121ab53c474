// Wrappers across units: a unit that calls a project function it does not
// define (app::drop(cluster, "cart:" + user, ...)) reaches the client calls
// inside that function's unit. With a compilation database, the units that
// may define it (their text names it before a parenthesis) are lowered once
// per run and run with the calling unit through the engine; each client call
// the unit reaches in another unit becomes an op at the call in this unit,
// with the caller's keys.
//
// Invariants: what a unit gets depends only on the database's files, never
// on which units other threads analysed first (the cache only memoises).
// Spans of other units never reach an op: they point at the call here.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzer/il/il.h"
#include "analyzer/ir/redis_op.h"
#include "frontends/common/frontend.h"

namespace slotlint::cpp {

class CompileCommands;

// File indexes of other units' spans start here (far above the analysed
// unit's project headers).
inline constexpr ir::FileIndex kOtherUnits = 0x40000000;

class OtherUnits {
 public:
  // Lowers a database file (nullopt when it cannot be parsed at all).
  using Lower = std::function<std::optional<il::Module>(const std::filesystem::path&)>;

  // Whether a unit (its path and text) names a client (the prefilter).
  using NamesAClient = std::function<bool(const std::filesystem::path&, std::string_view)>;

  // Reads the database's files once per run (safe from any thread; the
  // first call builds, the others wait): which names each calls, and the
  // functions the units that name a client define.
  void index(const CompileCommands& commands, const files::ProjectFiles& files,
             const NamesAClient& names_a_client);
  // The database files whose text names `function` (its last component)
  // before a '(' — those that may define it. After index().
  [[nodiscard]] std::vector<std::filesystem::path> candidates(std::string_view function) const;
  // Whether `source` calls a function defined in a unit that names a
  // client: the wrappers' names are prefilter words for units that name no
  // client themselves. After index().
  [[nodiscard]] bool calls_a_wrapper(std::string_view source) const;
  // `file` lowered (once per run), its spans moved to kOtherUnits.
  std::shared_ptr<const il::Module> module(const std::filesystem::path& file, const Lower& lower);
  // `file` as its own analysis lowered it: not lowered again for its callers.
  void remember(const std::filesystem::path& file, il::Module module);

 private:
  std::once_flag indexed_;
  // Identifier → the database files where it is followed by '('.
  std::map<std::string, std::vector<std::filesystem::path>, std::less<>> called_;
  std::set<std::string, std::less<>> wrappers_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const il::Module>> modules_;
};

// The ops `unit` reaches through functions other units define; `unit`'s own
// calls are not among them. At most `max_units` other units are looked at.
// `others` indexed.
std::vector<ir::RedisOp> through_other_units(const il::Module& unit, OtherUnits& others,
                                             frontend::Models models,
                                             const OtherUnits::Lower& lower,
                                             std::size_t max_units = 32);

}  // namespace slotlint::cpp
