// Sets of versions as unions of intervals, in the order one grammar gives
// versions (Key: its parsed version, with `<=>` giving a weak order). The
// grammars (grammar_*.cpp) turn a spec into such a set; what is generic lives
// here: intersection and union, membership, and the newest version a set
// allows.
#pragma once

#include <algorithm>
#include <compare>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/versions/requirement.h"
#include "analyzer/versions/version.h"

namespace slotlint::versions {

template <class Key>
struct Bound {
  Key key;
  bool inclusive = true;
  std::string text;  // the version it stands for, as a result ("7.0.0" for <7.0.0-0)
};

template <class Key>
struct Interval {
  std::optional<Bound<Key>> lower;  // nullopt: unbounded
  std::optional<Bound<Key>> upper;

  [[nodiscard]] bool above_lower(const Key& key) const {
    if (!lower) return true;
    auto order = key <=> lower->key;
    return order > 0 || (order == 0 && lower->inclusive);
  }
  [[nodiscard]] bool below_upper(const Key& key) const {
    if (!upper) return true;
    auto order = key <=> upper->key;
    return order < 0 || (order == 0 && upper->inclusive);
  }
  [[nodiscard]] bool contains(const Key& key) const { return above_lower(key) && below_upper(key); }
  [[nodiscard]] bool empty() const {
    if (!lower || !upper) return false;
    auto order = lower->key <=> upper->key;
    return order > 0 || (order == 0 && !(lower->inclusive && upper->inclusive));
  }
};

// The tighter of two bounds on one side: the higher of two lower bounds, the
// lower of two upper bounds, the exclusive one of two at one version.
template <class Key>
const std::optional<Bound<Key>>& tighter(const std::optional<Bound<Key>>& a,
                                         const std::optional<Bound<Key>>& b, bool lower) {
  if (!a) return b;
  if (!b) return a;
  auto order = a->key <=> b->key;
  if (order != 0) return (order > 0) == lower ? a : b;
  return a->inclusive ? b : a;
}
template <class Key>
const std::optional<Bound<Key>>& tighter_lower(const std::optional<Bound<Key>>& a,
                                               const std::optional<Bound<Key>>& b) {
  return tighter(a, b, true);
}
template <class Key>
const std::optional<Bound<Key>>& tighter_upper(const std::optional<Bound<Key>>& a,
                                               const std::optional<Bound<Key>>& b) {
  return tighter(a, b, false);
}

template <class Key>
class VersionSet {
 public:
  static VersionSet everything() { return VersionSet({Interval<Key>{}}); }
  static VersionSet of(Interval<Key> interval) { return VersionSet({std::move(interval)}); }

  explicit VersionSet(std::vector<Interval<Key>> intervals) : intervals_(std::move(intervals)) {
    normalise();
  }

  [[nodiscard]] const std::vector<Interval<Key>>& intervals() const { return intervals_; }
  [[nodiscard]] bool empty() const { return intervals_.empty(); }
  [[nodiscard]] bool contains(const Key& key) const {
    return std::ranges::any_of(intervals_,
                               [&](const auto& interval) { return interval.contains(key); });
  }

  [[nodiscard]] VersionSet intersect(const VersionSet& other) const {
    return intersection({*this, other});
  }
  [[nodiscard]] VersionSet unite(const VersionSet& other) const { return union_of({*this, other}); }

  // What every set allows, in one sweep over all their bounds in order,
  // counting how many sets cover each point: n log n for a spec of n clauses
  // (one by one, 50,000 "!=" clauses would take 50,000² steps).
  static VersionSet intersection(const std::vector<VersionSet>& sets) {
    if (sets.empty()) return everything();
    struct Event {
      const Bound<Key>* bound;  // nullptr: -infinity for a start, +infinity for an end
      bool start;
      // At one version: ends before it, starts at it, ends after it, starts after it.
      [[nodiscard]] int phase() const {
        return start ? (bound->inclusive ? 1 : 3) : (bound->inclusive ? 2 : 0);
      }
    };
    std::vector<Event> events;
    for (const auto& set : sets) {
      for (const auto& interval : set.intervals_) {
        events.push_back({interval.lower ? &*interval.lower : nullptr, true});
        events.push_back({interval.upper ? &*interval.upper : nullptr, false});
      }
    }
    std::ranges::stable_sort(events, [](const Event& a, const Event& b) {
      auto rank = [](const Event& e) { return e.bound != nullptr ? 1 : e.start ? 0 : 2; };
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      if (a.bound == nullptr) return false;
      auto order = a.bound->key <=> b.bound->key;
      return order != 0 ? order < 0 : a.phase() < b.phase();
    });
    std::vector<Interval<Key>> out;
    std::size_t covering = 0;
    for (const auto& event : events) {
      std::optional<Bound<Key>> bound;
      if (event.bound != nullptr) bound = *event.bound;
      if (event.start && ++covering == sets.size()) out.push_back({std::move(bound), std::nullopt});
      if (!event.start && covering-- == sets.size()) out.back().upper = std::move(bound);
    }
    return VersionSet(std::move(out));
  }
  // What any of the sets allows: sorted and merged once.
  static VersionSet union_of(const std::vector<VersionSet>& sets) {
    std::vector<Interval<Key>> all;
    for (const auto& set : sets)
      all.insert(all.end(), set.intervals_.begin(), set.intervals_.end());
    return VersionSet(std::move(all));
  }

  // The newest version the set allows, as a package manager installing
  // today would pick it: `latest` (the newest the model knows, here in this
  // grammar's order) when allowed; else the top of the highest interval
  // below it; else, when every interval is above it, the lowest allowed.
  // Without `latest`, the top of the highest interval.
  [[nodiscard]] std::optional<NewestAllowed> newest(
      const std::optional<Key>& latest, const std::optional<Version>& latest_version) const {
    if (intervals_.empty()) return std::nullopt;
    if (latest && latest_version && contains(*latest)) return NewestAllowed{*latest_version, false};
    const Interval<Key>* top = &intervals_.back();
    if (latest) {
      top = nullptr;
      for (const auto& interval : intervals_) {
        if (interval.below_upper(*latest)) break;
        top = &interval;
      }
      if (top == nullptr) return from(intervals_.front().lower, false);
    }
    if (top->upper) return from(top->upper, !top->upper->inclusive);
    return from(top->lower, false);
  }

 private:
  static std::optional<NewestAllowed> from(const std::optional<Bound<Key>>& bound, bool below) {
    if (!bound) return std::nullopt;
    auto version = parse_version(bound->text);
    if (!version) return std::nullopt;
    return NewestAllowed{*version, below};
  }

  // Sorted by lower bound, overlapping and touching intervals merged.
  void normalise() {
    std::erase_if(intervals_, [](const Interval<Key>& interval) { return interval.empty(); });
    std::ranges::sort(intervals_, [](const Interval<Key>& a, const Interval<Key>& b) {
      if (!a.lower || !b.lower) return !a.lower && b.lower;
      auto order = a.lower->key <=> b.lower->key;
      return order != 0 ? order < 0 : a.lower->inclusive && !b.lower->inclusive;
    });
    std::vector<Interval<Key>> merged;
    for (auto& interval : intervals_) {
      if (!merged.empty() && reaches(merged.back(), interval)) {
        auto& last = merged.back();
        if (last.upper &&
            (!interval.upper || &tighter_upper(last.upper, interval.upper) == &last.upper))
          last.upper = interval.upper;
        continue;
      }
      merged.push_back(std::move(interval));
    }
    intervals_ = std::move(merged);
  }
  // Whether `next` (not starting before `last`) overlaps or touches it.
  static bool reaches(const Interval<Key>& last, const Interval<Key>& next) {
    if (!last.upper || !next.lower) return true;
    auto order = next.lower->key <=> last.upper->key;
    return order < 0 || (order == 0 && (next.lower->inclusive || last.upper->inclusive));
  }

  std::vector<Interval<Key>> intervals_;
};

// A requirement that is a version set in one grammar's order; grammars with
// rules beyond the order (npm's pre-releases) override contains().
template <class Key>
class SetRequirement : public Requirement::Impl {
 public:
  SetRequirement(VersionSet<Key> set, std::optional<Version> pinned)
      : set_(std::move(set)), pinned_(std::move(pinned)) {}

  [[nodiscard]] std::optional<Version> pinned() const override { return pinned_; }
  [[nodiscard]] std::optional<NewestAllowed> newest_allowed(
      const std::optional<Version>& latest_known) const override {
    if (pinned_) return NewestAllowed{*pinned_, false};
    std::optional<Key> latest;
    if (latest_known) latest = key_of_release(*latest_known);
    return set_.newest(latest, latest_known);
  }

 protected:
  // A release the models name ("6.3.1") in this grammar's order.
  [[nodiscard]] virtual std::optional<Key> key_of_release(const Version& version) const = 0;
  VersionSet<Key> set_;
  std::optional<Version> pinned_;
};

// "6.3.1" from a version's numbers, at least `parts` of them.
std::string release_text(const Version& version, std::size_t parts);

// Two versions in the order of the keys `parse` gives; nullopt when either
// is not one.
template <class Parse>
std::optional<std::weak_ordering> compare_parsed(Parse parse, std::string_view a,
                                                 std::string_view b) {
  auto x = parse(a);
  auto y = parse(b);
  if (!x || !y) return std::nullopt;
  return *x <=> *y;
}

}  // namespace slotlint::versions
