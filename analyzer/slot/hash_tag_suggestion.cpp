#include "analyzer/slot/hash_tag_suggestion.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace slotlint::slot {
namespace {

constexpr std::string_view kSeparators = ":./_-|#";

// A key as a list of bytes and holes, each knowing where it was written.
struct Unit {
  bool is_hole = false;
  char byte = 0;
  std::string symbol;                           // holes
  std::string display;                          // holes
  const ir::LiteralSegment* literal = nullptr;  // bytes: their segment
  const ir::HoleSegment* hole = nullptr;        // holes: their segment
  std::size_t offset = 0;                       // bytes: index in the segment
  [[nodiscard]] bool varies() const { return is_hole && hole->varies_per_element; }
  // A hole that differs from element to element equals nothing, itself included.
  bool operator==(const Unit& other) const {
    if (varies() || other.varies()) return false;
    return is_hole == other.is_hole && (is_hole ? symbol == other.symbol : byte == other.byte);
  }
};

std::vector<Unit> units_of(const ir::KeyExpr& key) {
  std::vector<Unit> units;
  for (const auto& segment : key.segments()) {
    if (const auto* literal = std::get_if<ir::LiteralSegment>(&segment)) {
      for (std::size_t i = 0; i < literal->text.size(); ++i) {
        units.push_back({false, literal->text[i], {}, {}, literal, nullptr, i});
      }
    } else {
      const auto& hole = std::get<ir::HoleSegment>(segment);
      units.push_back({true, 0, hole.symbol, hole.display, nullptr, &hole, 0});
    }
  }
  return units;
}

bool is_separator(const Unit& unit) {
  return !unit.is_hole && kSeparators.find(unit.byte) != std::string_view::npos;
}

std::string render(const std::vector<Unit>& units, std::size_t open, std::size_t close) {
  std::string text;
  for (std::size_t i = 0; i <= units.size(); ++i) {
    if (i == open) text += '{';
    if (i == close) text += '}';
    if (i == units.size()) break;
    text += units[i].is_hole ? "<" + units[i].display + ">" : std::string(1, units[i].byte);
  }
  return text;
}

struct Insertion {
  ir::FileIndex file;
  std::uint32_t offset;
  std::string text;
  auto operator<=>(const Insertion&) const = default;
};

std::string brace(ir::BraceEscaping escaping, char c) {
  return escaping == ir::BraceEscaping::Doubled ? std::string(2, c) : std::string(1, c);
}

// Where text can be inserted right before units[at] (or at the end when at ==
// size): inside or at the end of a literal that maps onto the source, or next
// to a field of a string literal (an f-string's `{uid}`).
//
// An opening brace is anchored to the unit after it and a closing brace to the
// unit before it, so keys built from one shared prefix (`base` and
// `base + ":old"`) receive the very same edit.
std::optional<Insertion> insertion_at(const std::vector<Unit>& units, std::size_t at, char c) {
  auto mapped = [](const Unit& u) { return !u.is_hole && u.literal->maps_to_source; };
  auto field = [](const Unit& u) { return u.is_hole && u.hole->in_string_literal; };
  auto offset_of = [](const Unit& u) {
    return u.literal->span.begin + static_cast<std::uint32_t>(u.offset);
  };
  auto before = [&](const Unit& u) -> std::optional<Insertion> {
    if (mapped(u))
      return Insertion{u.literal->span.file, offset_of(u), brace(u.literal->escaping, c)};
    if (field(u))
      return Insertion{u.hole->span.file, u.hole->span.begin, brace(u.hole->escaping, c)};
    return std::nullopt;
  };
  auto after = [&](const Unit& u) -> std::optional<Insertion> {
    if (mapped(u))
      return Insertion{u.literal->span.file, offset_of(u) + 1, brace(u.literal->escaping, c)};
    if (field(u)) return Insertion{u.hole->span.file, u.hole->span.end, brace(u.hole->escaping, c)};
    return std::nullopt;
  };
  std::optional<Insertion> preferred = c == '{'
                                           ? (at < units.size() ? before(units[at]) : std::nullopt)
                                           : (at > 0 ? after(units[at - 1]) : std::nullopt);
  if (preferred) return preferred;
  return c == '{' ? (at > 0 ? after(units[at - 1]) : std::nullopt)
                  : (at < units.size() ? before(units[at]) : std::nullopt);
}

struct Placement {
  std::size_t open = 0;   // unit index where '{' goes
  std::size_t close = 0;  // unit index where '}' goes
};

// The longest leading part all keys share, ending at a separator (or a key's
// end). A collection's elements share only what comes before their first
// varying part, so one comprehension on its own can be tagged too.
std::optional<std::size_t> common_prefix_end(const std::vector<std::vector<Unit>>& keys) {
  std::size_t common = keys.front().size();
  for (const auto& key : keys) {
    std::size_t n = 0;
    while (n < common && n < key.size() && key[n] == keys.front()[n]) ++n;
    common = n;
  }
  auto clean_boundary = [&](std::size_t at) {
    return std::ranges::all_of(
        keys, [&](const auto& key) { return at == key.size() || is_separator(key[at]); });
  };
  for (std::size_t end = common; end > 0; --end) {
    if (clean_boundary(end)) return end;
  }
  return std::nullopt;
}

std::optional<Placement> shared_prefix(const std::vector<std::vector<Unit>>& keys) {
  auto end = common_prefix_end(keys);
  if (!end) return std::nullopt;
  const auto& first = keys.front();
  bool identifying = std::ranges::any_of(first.begin(), first.begin() + static_cast<long>(*end),
                                         [](const Unit& u) { return u.is_hole; }) ||
                     std::ranges::none_of(keys, [](const auto& key) {
                       return std::ranges::any_of(key, [](const Unit& u) { return u.is_hole; });
                     });
  if (!identifying) return std::nullopt;  // a namespace only: one hot slot
  if (std::ranges::all_of(first.begin(), first.begin() + static_cast<long>(*end), is_separator)) {
    return std::nullopt;
  }
  return Placement{0, *end};
}

}  // namespace

std::optional<TagSuggestion> suggest_hash_tag(std::span<const ir::KeyExpr> keys) {
  bool any_collection =
      std::ranges::any_of(keys, [](const ir::KeyExpr& k) { return k.is_collection(); });
  if (keys.size() < 2 && !any_collection) return std::nullopt;
  std::vector<std::vector<Unit>> units;
  for (const auto& key : keys) {
    // A key chosen on a branch: no one edit tags every alternative (yet).
    if (key.is_unknown() || !key.alternatives().empty()) return std::nullopt;
    units.push_back(units_of(key));
    if (std::ranges::any_of(units.back(), [](const Unit& u) {
          return !u.is_hole && (u.byte == '{' || u.byte == '}');
        })) {
      return std::nullopt;  // tags already there: that needs a person
    }
  }

  std::vector<Placement> placements;
  if (auto prefix = shared_prefix(units)) {
    placements.assign(units.size(), *prefix);
  } else if (!any_collection) {
    // The first variable that every key contains.
    for (const auto& candidate : units.front()) {
      if (!candidate.is_hole) continue;
      placements.clear();
      for (const auto& key : units) {
        auto it = std::ranges::find(key, candidate);
        if (it == key.end()) break;
        auto at = static_cast<std::size_t>(it - key.begin());
        placements.push_back({at, at + 1});
      }
      if (placements.size() == units.size()) break;
      placements.clear();
    }
  }
  if (placements.empty()) return std::nullopt;

  TagSuggestion suggestion;
  const auto& first = placements.front();
  auto tagged = std::span(units.front()).subspan(first.open, first.close - first.open);
  suggestion.tag = "{";
  for (const auto& unit : tagged) {
    suggestion.tag += unit.is_hole ? "<" + unit.display + ">" : std::string(1, unit.byte);
  }
  suggestion.tag += "}";
  suggestion.whole_family =
      std::ranges::none_of(tagged, [](const Unit& u) { return u.is_hole || is_separator(u); });

  std::set<Insertion> insertions;
  bool complete = true;
  for (std::size_t i = 0; i < units.size(); ++i) {
    suggestion.tagged_keys.push_back(render(units[i], placements[i].open, placements[i].close));
    auto open = insertion_at(units[i], placements[i].open, '{');
    auto close = insertion_at(units[i], placements[i].close, '}');
    if (!open || !close) {
      complete = false;
      continue;
    }
    insertions.insert(*open);
    insertions.insert(*close);
  }
  if (complete && !suggestion.whole_family) {
    ir::Fix fix;
    fix.description = fmt::format(
        "Put the keys under the hash tag {} (existing data stays under the old key names)",
        suggestion.tag);
    for (const auto& insertion : insertions) {
      fix.replacements.push_back(
          {{insertion.file, insertion.offset, insertion.offset}, insertion.text});
    }
    suggestion.fix = std::move(fix);
  }
  return suggestion;
}

}  // namespace slotlint::slot
