// Maven versions and version ranges (pom.xml). Versions order the way
// Maven's ComparableVersion does: a version is a list of items (numbers,
// qualifiers, and sub-lists after '-' or a digit-letter change); trailing
// zeros and release qualifiers ("", ga, final, release) are dropped; known
// qualifiers order alpha < beta < milestone < rc (= cr) < snapshot <
// release < sp, other words after them alphabetically; a number is newer
// than a qualifier. Ranges: [1.0,2.0), (,1.0], [1.2], unions "[1,2),[3,4)";
// a plain version is a soft requirement: Maven uses it unless a conflict
// says otherwise, so it is taken as a pin.
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/versions/grammars.h"
#include "analyzer/versions/version_set.h"

namespace slotlint::versions {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

struct Item;
using Items = std::vector<Item>;

// One item of a version; a missing item (the shorter list's end) compares
// as "null", which each kind of item places differently.
struct Item {
  enum class Kind : std::uint8_t { Number, Qualifier, Combination, List };
  Kind kind = Kind::Number;
  std::string text;    // Number: digits without leading zeros; Qualifier: the word (aliased)
  std::string digits;  // Combination ("alpha2"): the number after its word
  Items list;

  [[nodiscard]] bool is_null() const {
    switch (kind) {
      case Kind::Number:
        return text == "0";
      case Kind::Qualifier:
        return text.empty();
      case Kind::Combination:
        return false;
      case Kind::List:
        return list.empty();
    }
    return false;
  }
};

// "alpha" → "0", "" → "5", "sp" → "6", "foo" → "7-foo": compared as strings.
std::string qualifier_rank(const std::string& word) {
  static constexpr std::array<std::string_view, 7> kKnown = {"alpha",    "beta", "milestone", "rc",
                                                             "snapshot", "",     "sp"};
  if (word == "ga" || word == "final" || word == "release") return "5";
  for (std::size_t i = 0; i < kKnown.size(); ++i) {
    if (word == kKnown[i]) return std::to_string(i);
  }
  return "7-" + word;
}

int sign(int value) { return (value > 0) - (value < 0); }
int compare_numbers(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return sign(a.compare(b));
}
int compare_qualifiers(const std::string& a, const std::string& b) {
  return sign(qualifier_rank(a).compare(qualifier_rank(b)));
}

int compare(const Item& a, const Item* b);

// `a` against a missing item.
int compare_to_null(const Item& a) {
  switch (a.kind) {
    case Item::Kind::Number:
      return a.text == "0" ? 0 : 1;
    case Item::Kind::Qualifier:
    case Item::Kind::Combination:
      return compare_qualifiers(a.text, "");
    case Item::Kind::List:
      for (const auto& item : a.list) {
        if (int result = compare_to_null(item); result != 0) return result;
      }
      return 0;
  }
  return 0;
}

int compare(const Item& a, const Item* b) {
  if (b == nullptr) return compare_to_null(a);
  using Kind = Item::Kind;
  switch (a.kind) {
    case Kind::Number:
      return b->kind == Kind::Number ? compare_numbers(a.text, b->text) : 1;
    case Kind::Qualifier:
      if (b->kind == Kind::Qualifier) return compare_qualifiers(a.text, b->text);
      if (b->kind == Kind::Combination) {
        int result = compare_qualifiers(a.text, b->text);
        return result == 0 ? -1 : result;
      }
      return -1;
    case Kind::Combination:
      if (b->kind == Kind::Qualifier) {
        int result = compare_qualifiers(a.text, b->text);
        return result == 0 ? 1 : result;  // "rc1" is newer than "rc"
      }
      if (b->kind == Kind::Combination) {
        int result = compare_qualifiers(a.text, b->text);
        return result != 0 ? result : compare_numbers(a.digits, b->digits);
      }
      return -1;
    case Kind::List:
      if (b->kind != Kind::List) return b->kind == Kind::Number ? -1 : 1;
      for (std::size_t i = 0; i < std::max(a.list.size(), b->list.size()); ++i) {
        const Item* left = i < a.list.size() ? &a.list[i] : nullptr;
        const Item* right = i < b->list.size() ? &b->list[i] : nullptr;
        int result = left == nullptr ? (right == nullptr ? 0 : -compare_to_null(*right))
                                     : compare(*left, right);
        if (result != 0) return result;
      }
      return 0;
  }
  return 0;
}

std::string without_leading_zeros(std::string_view digits) {
  auto first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
}

// A qualifier word; a single letter before a number abbreviates one
// ("a1" is alpha-1), "cr" is "rc".
std::string qualifier_word(std::string_view word, bool before_number) {
  if (before_number && word.size() == 1) {
    if (word == "a") return "alpha";
    if (word == "b") return "beta";
    if (word == "m") return "milestone";
  }
  if (word == "cr") return "rc";
  return std::string(word);
}

Item make_item(bool combination, bool digits, std::string_view text) {
  Item item;
  if (combination) {
    std::string joined;
    for (char c : text) {
      if (c != '-') joined += c;
    }
    auto first_digit = std::ranges::find_if(joined, is_digit) - joined.begin();
    item.kind = Item::Kind::Combination;
    item.text = qualifier_word(std::string_view(joined).substr(0, first_digit), true);
    item.digits = without_leading_zeros(std::string_view(joined).substr(first_digit));
  } else if (digits) {
    item.kind = Item::Kind::Number;
    item.text = without_leading_zeros(text);
  } else {
    item.kind = Item::Kind::Qualifier;
    item.text = qualifier_word(text, false);
  }
  return item;
}

// Drops trailing null items, and null items before a qualifier.
void normalise(Items& list) {
  for (std::size_t n = list.size(); n-- > 0;) {
    if (list[n].kind == Item::Kind::List) normalise(list[n].list);
  }
  for (std::size_t n = list.size(); n-- > 0;) {
    if (!list[n].is_null()) continue;
    bool last = n + 1 == list.size();
    const Item* next = last ? nullptr : &list[n + 1];
    bool before_word = next != nullptr && (next->kind == Item::Kind::Qualifier ||
                                           (next->kind == Item::Kind::List && !next->list.empty() &&
                                            (next->list.front().kind == Item::Kind::Qualifier ||
                                             next->list.front().kind == Item::Kind::Combination)));
    if (last || before_word) list.erase(list.begin() + static_cast<std::ptrdiff_t>(n));
  }
}

struct MavenKey {
  Item items;  // a list
  friend std::weak_ordering operator<=>(const MavenKey& a, const MavenKey& b) {
    int result = compare(a.items, &b.items);
    return result < 0   ? std::weak_ordering::less
           : result > 0 ? std::weak_ordering::greater
                        : std::weak_ordering::equivalent;
  }
};

MavenKey parse_key(std::string_view written) {
  std::string text(written);
  for (auto& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  MavenKey key;
  key.items.kind = Item::Kind::List;
  // The list being filled: a path of indices from the root, each the last
  // item of its parent.
  Items* list = &key.items.list;
  auto open_list = [&] {
    Item sub;
    sub.kind = Item::Kind::List;
    list->push_back(std::move(sub));
    list = &list->back().list;
  };
  bool digit = false;
  bool combination = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      if (i == start) {
        list->push_back(make_item(false, true, "0"));
      } else {
        list->push_back(
            make_item(combination, digit, std::string_view(text).substr(start, i - start)));
      }
      combination = false;
      start = i + 1;
    } else if (c == '-') {
      if (i == start) {
        list->push_back(make_item(false, true, "0"));
      } else {
        // "X-1" is "X1".
        if (!digit && i + 1 < text.size() && is_digit(text[i + 1])) {
          combination = true;
          continue;
        }
        list->push_back(
            make_item(combination, digit, std::string_view(text).substr(start, i - start)));
      }
      start = i + 1;
      if (!list->empty()) open_list();
      combination = false;
    } else if (is_digit(c)) {
      if (!digit && i > start) {  // "X1"
        combination = true;
        if (!list->empty()) open_list();
      }
      digit = true;
    } else {
      if (digit && i > start) {
        list->push_back(
            make_item(combination, true, std::string_view(text).substr(start, i - start)));
        start = i;
        open_list();
        combination = false;
      }
      digit = false;
    }
  }
  if (text.size() > start) {
    // "1.0.0.X1" is "1.0.0-X1".
    if (!digit && !list->empty()) open_list();
    list->push_back(make_item(combination, digit, std::string_view(text).substr(start)));
  }
  normalise(key.items.list);
  return key;
}

using Set = VersionSet<MavenKey>;

std::optional<Interval<MavenKey>> parse_restriction(std::string_view spec) {
  bool lower_inclusive = spec.starts_with('[');
  bool upper_inclusive = spec.ends_with(']');
  auto inside = trim(spec.substr(1, spec.size() - 2));
  auto comma = inside.find(',');
  if (comma == std::string_view::npos) {
    if (!lower_inclusive || !upper_inclusive || inside.empty()) return std::nullopt;
    Bound<MavenKey> bound{parse_key(inside), true, std::string(inside)};
    return Interval<MavenKey>{bound, bound};
  }
  auto low = trim(inside.substr(0, comma));
  auto high = trim(inside.substr(comma + 1));
  Interval<MavenKey> interval;
  if (!low.empty())
    interval.lower = Bound<MavenKey>{parse_key(low), lower_inclusive, std::string(low)};
  if (!high.empty()) {
    interval.upper = Bound<MavenKey>{parse_key(high), upper_inclusive, std::string(high)};
  }
  if (interval.lower && interval.upper) {
    auto order = interval.upper->key <=> interval.lower->key;
    if (order < 0 || (order == 0 && !(lower_inclusive && upper_inclusive))) return std::nullopt;
  }
  return interval;
}

class MavenRequirement final : public SetRequirement<MavenKey> {
 public:
  using SetRequirement::SetRequirement;
  [[nodiscard]] bool contains(std::string_view text) const override {
    return set_.contains(parse_key(trim(text)));
  }

 private:
  [[nodiscard]] std::optional<MavenKey> key_of_release(const Version& version) const override {
    return parse_key(release_text(version, 1));
  }
};

}  // namespace

std::optional<Requirement> parse_maven_requirement(std::string_view spec) {
  auto rest = trim(spec);
  if (rest.empty()) return std::nullopt;
  std::vector<Interval<MavenKey>> restrictions;
  while (rest.starts_with('[') || rest.starts_with('(')) {
    auto end = rest.find_first_of(")]");
    if (end == std::string_view::npos) return std::nullopt;
    auto restriction = parse_restriction(rest.substr(0, end + 1));
    if (!restriction) return std::nullopt;
    // Restrictions in order, none overlapping the one before.
    if (!restrictions.empty() && restrictions.back().upper &&
        (!restriction->lower || (restriction->lower->key <=> restrictions.back().upper->key) < 0)) {
      return std::nullopt;
    }
    restrictions.push_back(std::move(*restriction));
    rest = trim(rest.substr(end + 1));
    if (rest.starts_with(',')) rest = trim(rest.substr(1));
  }
  if (!rest.empty()) {
    if (!restrictions.empty()) return std::nullopt;  // "[1,2),1.3"
    // A soft requirement: any version, this one unless a conflict decides.
    // RELEASE and LATEST (Maven 2) name the newest.
    return Requirement(std::make_shared<MavenRequirement>(Set::everything(), parse_version(rest)));
  }
  std::optional<Version> pinned;
  if (restrictions.size() == 1 && restrictions.front().lower && restrictions.front().upper &&
      restrictions.front().lower->text == restrictions.front().upper->text) {
    pinned = parse_version(restrictions.front().lower->text);
  }
  return Requirement(std::make_shared<MavenRequirement>(Set(std::move(restrictions)), pinned));
}

std::optional<std::weak_ordering> compare_maven_versions(std::string_view a, std::string_view b) {
  return parse_key(a) <=> parse_key(b);
}

}  // namespace slotlint::versions
