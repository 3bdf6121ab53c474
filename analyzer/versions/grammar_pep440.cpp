// PEP 440 versions and specifiers (pip, requirements.txt, PEP 621), and
// Poetry's constraints over the same versions (^, ~, wildcards, ||).
//
// Versions order by epoch, release (1.0 == 1.0.0), pre-release (a < b < rc;
// a dev release of a final sorts before its pre-releases), post-release, dev
// release, local label. Specifiers follow the PEP's exclusive comparisons:
// `>V` allows no post-release and no local version of V, `<V` no
// pre-release of V unless V is one, and `==V` any local version of V unless
// it names one. Pip's policy of skipping pre-releases unless asked is an
// installer's choice, not what a specifier allows: it is not modelled (the
// newest version allowed is only ever asked about releases).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/versions/grammars.h"
#include "analyzer/versions/version_set.h"

namespace slotlint::versions {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }
bool is_separator(char c) { return c == '-' || c == '_' || c == '.'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// One part of a local label ("ubuntu.1"): numbers sort after words.
struct LocalPart {
  bool number = false;
  std::uint64_t value = 0;
  std::string word;
  friend std::weak_ordering operator<=>(const LocalPart& a, const LocalPart& b) {
    if (a.number != b.number) return a.number <=> b.number;
    if (a.number) return a.value <=> b.value;
    return a.word.compare(b.word) <=> 0;
  }
  friend bool operator==(const LocalPart& a, const LocalPart& b) { return (a <=> b) == 0; }
};

// A version, or a point between versions that a specifier's bound needs:
// just after every post-release of V (`>V`), or just after every local
// version of V (`<=V`, `==V`).
struct Pep440Key {
  std::uint64_t epoch = 0;
  std::vector<std::uint64_t> release;
  std::optional<std::pair<int, std::uint64_t>> pre;  // a: 0, b: 1, rc: 2
  std::optional<std::uint64_t> post;
  std::optional<std::uint64_t> dev;
  std::optional<std::vector<LocalPart>> local;
  bool after_posts = false;
  bool after_locals = false;

  [[nodiscard]] bool is_prerelease() const { return pre || dev; }

  friend std::weak_ordering operator<=>(const Pep440Key& a, const Pep440Key& b) {
    if (auto order = a.epoch <=> b.epoch; order != 0) return order;
    for (std::size_t i = 0; i < std::max(a.release.size(), b.release.size()); ++i) {
      auto x = i < a.release.size() ? a.release[i] : 0;
      auto y = i < b.release.size() ? b.release[i] : 0;
      if (x != y) return x <=> y;
    }
    if (auto order = a.pre_rank() <=> b.pre_rank(); order != 0) return order;
    if (auto order = a.post_rank() <=> b.post_rank(); order != 0) return order;
    if (auto order = a.dev_rank() <=> b.dev_rank(); order != 0) return order;
    return a.local_rank(b);
  }
  friend bool operator==(const Pep440Key& a, const Pep440Key& b) { return (a <=> b) == 0; }

 private:
  // (-1, 0): a dev release of a final, before its pre-releases; (3, 0): none.
  [[nodiscard]] std::pair<int, std::uint64_t> pre_rank() const {
    if (!pre && !post && dev && !after_posts) return {-1, 0};
    return pre ? *pre : std::pair<int, std::uint64_t>{3, 0};
  }
  [[nodiscard]] std::pair<int, std::uint64_t> post_rank() const {
    if (after_posts) return {2, 0};
    return post ? std::pair<int, std::uint64_t>{1, *post} : std::pair<int, std::uint64_t>{0, 0};
  }
  [[nodiscard]] std::pair<int, std::uint64_t> dev_rank() const {
    return dev ? std::pair<int, std::uint64_t>{0, *dev} : std::pair<int, std::uint64_t>{1, 0};
  }
  [[nodiscard]] std::weak_ordering local_rank(const Pep440Key& other) const {
    auto rank = [](const Pep440Key& key) { return key.after_locals ? 2 : key.local ? 1 : 0; };
    if (auto order = rank(*this) <=> rank(other); order != 0) return order;
    if (rank(*this) != 1) return std::weak_ordering::equivalent;
    return std::lexicographical_compare_three_way(local->begin(), local->end(),
                                                  other.local->begin(), other.local->end());
  }
};

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  [[nodiscard]] bool done() const { return at_ >= text_.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
  }
  bool take(char c) {
    if (peek() != c) return false;
    ++at_;
    return true;
  }
  bool take(std::string_view word) {
    if (!text_.substr(at_).starts_with(word)) return false;
    at_ += word.size();
    return true;
  }
  std::optional<std::uint64_t> number() {
    if (!is_digit(peek())) return std::nullopt;
    std::uint64_t value = 0;
    while (is_digit(peek())) {
      if (value > (UINT64_MAX - 9) / 10) return std::nullopt;
      value = value * 10 + static_cast<std::uint64_t>(text_[at_++] - '0');
    }
    return value;
  }
  // An optional separator, then a number; 0 when there is none.
  std::uint64_t optional_number(bool& ok) {
    auto save = at_;
    if (is_separator(peek()) && is_digit(peek(1))) ++at_;
    if (!is_digit(peek())) {
      at_ = save;
      return 0;
    }
    auto value = number();
    ok = ok && value.has_value();
    return value.value_or(0);
  }
  [[nodiscard]] std::size_t position() const { return at_; }
  void reset(std::size_t at) { at_ = at; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// A keyword among `words` (longest first), after an optional separator.
std::optional<std::size_t> keyword(Cursor& cursor, std::initializer_list<std::string_view> words) {
  auto save = cursor.position();
  if (is_separator(cursor.peek())) cursor.take(cursor.peek());
  std::size_t index = 0;
  for (auto word : words) {
    if (cursor.take(word)) return index;
    ++index;
  }
  cursor.reset(save);
  return std::nullopt;
}

std::optional<Pep440Key> parse_key(std::string_view raw) {
  auto text = lower(trim(raw));
  Cursor cursor(text);
  cursor.take('v');
  Pep440Key key;
  bool ok = true;
  auto first = cursor.number();
  if (!first) return std::nullopt;
  if (cursor.take('!')) {
    key.epoch = *first;
    first = cursor.number();
    if (!first) return std::nullopt;
  }
  key.release.push_back(*first);
  while (cursor.peek() == '.' && is_digit(cursor.peek(1))) {
    cursor.take('.');
    auto part = cursor.number();
    if (!part) return std::nullopt;
    key.release.push_back(*part);
  }
  // Longest spelling first: "preview" before "pre", "alpha" before "a".
  if (auto pre = keyword(cursor, {"preview", "alpha", "beta", "pre", "rc", "a", "b", "c"})) {
    static constexpr std::array<int, 8> kRank = {2, 0, 1, 2, 2, 0, 1, 2};
    key.pre = std::pair{kRank[*pre], cursor.optional_number(ok)};
  }
  if (cursor.peek() == '-' && is_digit(cursor.peek(1))) {  // "1.0-1": a post-release
    cursor.take('-');
    key.post = cursor.number();
    ok = ok && key.post.has_value();
  } else if (keyword(cursor, {"post", "rev", "r"})) {
    key.post = cursor.optional_number(ok);
  }
  if (keyword(cursor, {"dev"})) key.dev = cursor.optional_number(ok);
  if (cursor.take('+')) {
    std::vector<LocalPart> parts;
    std::string part;
    auto flush = [&] {
      if (part.empty()) return false;
      bool number = std::ranges::all_of(part, is_digit) && part.size() <= 18;
      parts.push_back({number, number ? std::stoull(part) : 0, number ? std::string() : part});
      part.clear();
      return true;
    };
    while (!cursor.done()) {
      char c = cursor.peek();
      if (is_separator(c)) {
        if (!flush()) return std::nullopt;
      } else if (is_alnum(c)) {
        part += c;
      } else {
        return std::nullopt;
      }
      cursor.take(c);
    }
    if (!flush()) return std::nullopt;
    key.local = std::move(parts);
  }
  if (!ok || !cursor.done()) return std::nullopt;
  return key;
}

// The release part of a key as text ("1.2"), for results.
std::string release_of(const Pep440Key& key) {
  std::string out;
  for (auto part : key.release) out += (out.empty() ? "" : ".") + std::to_string(part);
  return out;
}

Pep440Key with_dev0(Pep440Key key) {
  key.dev = 0;
  key.local.reset();
  return key;
}
Pep440Key base_dev0(const Pep440Key& key) {
  Pep440Key out;
  out.epoch = key.epoch;
  out.release = key.release;
  out.dev = 0;
  return out;
}
// 1.2 → 1.3.dev0: the first version past every "1.2.*".
Pep440Key next_prefix_dev0(const Pep440Key& key) {
  auto out = base_dev0(key);
  out.release.back() += 1;
  return out;
}
Pep440Key after_locals(Pep440Key key) {
  key.local.reset();
  key.after_locals = true;
  return key;
}
Pep440Key after_posts(Pep440Key key) {
  key.post.reset();
  key.dev.reset();
  key.local.reset();
  key.after_posts = true;
  return key;
}

using Set = VersionSet<Pep440Key>;
using Bound440 = Bound<Pep440Key>;

Set at_least(Pep440Key key, bool inclusive, std::string text) {
  return Set::of({Bound440{std::move(key), inclusive, std::move(text)}, std::nullopt});
}
Set at_most(Pep440Key key, bool inclusive, std::string text) {
  return Set::of({std::nullopt, Bound440{std::move(key), inclusive, std::move(text)}});
}
Set between(Pep440Key low, std::string low_text, Pep440Key high, bool high_inclusive,
            std::string high_text) {
  return Set::of({Bound440{std::move(low), true, std::move(low_text)},
                  Bound440{std::move(high), high_inclusive, std::move(high_text)}});
}

// What one specifier clause (">=1.0", "==1.2.*") allows.
struct Clause {
  Set set = Set::everything();
  std::optional<std::string> arbitrary;  // ===: compared as a string
  std::optional<Version> pinned;         // ==V
};

std::optional<Clause> parse_clause(std::string_view text) {
  text = trim(text);
  static constexpr std::array<std::string_view, 8> kOperators = {
      "===", "~=", "==", "!=", "<=", ">=", "<", ">"};
  std::string_view op;
  for (auto candidate : kOperators) {
    if (text.starts_with(candidate)) {
      op = candidate;
      break;
    }
  }
  if (op.empty()) return std::nullopt;
  auto written = trim(text.substr(op.size()));
  Clause clause;
  if (op == "===") {
    if (written.empty() || written.find_first_of(" \t\n\r\f\v;)") != std::string_view::npos) {
      return std::nullopt;
    }
    clause.arbitrary = lower(written);
    clause.pinned = parse_version(written);
    return clause;
  }
  bool prefix = written.ends_with(".*");
  if (prefix && op != "==" && op != "!=") return std::nullopt;
  auto key = parse_key(prefix ? written.substr(0, written.size() - 2) : written);
  if (!key) return std::nullopt;
  if (prefix && (key->pre || key->post || key->dev || key->local)) return std::nullopt;
  if (key->local && op != "==" && op != "!=") return std::nullopt;
  if (op == "~=" && key->release.size() < 2) return std::nullopt;
  // Results show the version without its epoch, as parse_version reads it.
  std::string shown(written.substr(0, prefix ? written.size() - 2 : written.npos));
  if (auto bang = shown.find('!'); bang != std::string::npos) shown.erase(0, bang + 1);
  if (prefix) {
    auto low = base_dev0(*key);
    auto high = next_prefix_dev0(*key);
    auto inside = between(low, release_of(low), high, false, release_of(high));
    clause.set =
        op == "=="
            ? inside
            : at_most(low, false, release_of(low)).unite(at_least(high, true, release_of(high)));
    return clause;
  }
  if (op == ">=") {
    clause.set = at_least(*key, true, shown);
  } else if (op == "<=") {
    clause.set = at_most(after_locals(*key), true, shown);
  } else if (op == ">") {
    if (key->dev) {
      auto next = *key;
      next.dev = *key->dev + 1;
      next.local.reset();
      clause.set = at_least(next, true, shown);
    } else if (key->post) {
      auto next = *key;
      next.post = *key->post + 1;
      next.dev = 0;
      next.local.reset();
      clause.set = at_least(next, true, shown);
    } else {
      clause.set = at_least(after_posts(*key), false, shown);
    }
  } else if (op == "<") {
    auto bound = key->is_prerelease() ? *key : with_dev0(*key);
    clause.set = at_most(bound, false, shown);
  } else if (op == "==" || op == "!=") {
    // Without a local label, every local version of V is V.
    auto high = key->local ? *key : after_locals(*key);
    if (op == "==") {
      clause.set = between(*key, shown, high, true, shown);
      clause.pinned = parse_version(shown);
    } else {
      clause.set = at_most(*key, false, shown).unite(at_least(high, false, shown));
    }
  } else {  // ~=
    auto prefix_key = *key;
    prefix_key.release.pop_back();
    auto high = next_prefix_dev0(prefix_key);
    clause.set = between(*key, shown, high, false, release_of(high));
  }
  return clause;
}

// What a comma-separated specifier set allows.
struct Specifiers {
  Set set = Set::everything();
  std::vector<std::string> arbitrary;
  bool versions = false;  // a clause other than === needs a version
  std::optional<Version> pinned;
};

class Pep440Requirement final : public SetRequirement<Pep440Key> {
 public:
  Pep440Requirement(Set set, std::optional<Version> pinned, std::vector<std::string> arbitrary,
                    bool versions)
      : SetRequirement(std::move(set), std::move(pinned)),
        arbitrary_(std::move(arbitrary)),
        versions_(versions) {}

  [[nodiscard]] bool contains(std::string_view text) const override {
    auto folded = lower(trim(text));
    if (!std::ranges::all_of(arbitrary_, [&](const auto& spec) { return spec == folded; })) {
      return false;
    }
    if (!versions_ && !arbitrary_.empty()) return true;
    auto key = parse_key(text);
    return key && set_.contains(*key);
  }

 private:
  [[nodiscard]] std::optional<Pep440Key> key_of_release(const Version& version) const override {
    return parse_key(release_text(version, 1));
  }
  std::vector<std::string> arbitrary_;
  bool versions_;
};

std::optional<Specifiers> parse_specifiers(std::string_view spec) {
  Specifiers out;
  std::vector<Set> sets;
  for (std::size_t at = 0; at <= spec.size();) {
    auto comma = spec.find(',', at);
    auto piece = trim(spec.substr(at, comma == std::string_view::npos ? spec.npos : comma - at));
    at = comma == std::string_view::npos ? spec.size() + 1 : comma + 1;
    if (piece.empty()) continue;
    auto clause = parse_clause(piece);
    if (!clause) return std::nullopt;
    sets.push_back(std::move(clause->set));
    if (clause->arbitrary) {
      out.arbitrary.push_back(*clause->arbitrary);
    } else {
      out.versions = true;
    }
    out.pinned = clause->pinned;
  }
  if (sets.size() != 1) out.pinned.reset();
  out.set = Set::intersection(std::move(sets));
  return out;
}

Requirement make(Specifiers specifiers) {
  return Requirement(
      std::make_shared<Pep440Requirement>(std::move(specifiers.set), std::move(specifiers.pinned),
                                          std::move(specifiers.arbitrary), specifiers.versions));
}

// Poetry: one constraint ("^1.2", "~1.2", "1.2.*", ">=1.2", "1.2") as PEP
// 440 clauses.
std::optional<std::string> poetry_clause(std::string_view text) {
  if (text == "*") return std::string();
  auto bump = [](std::string_view version, bool caret) -> std::optional<std::string> {
    auto key = parse_key(version);
    if (!key) return std::nullopt;
    auto parts = key->release;
    std::size_t level = 0;  // the part that may not change
    if (caret) {
      while (level + 1 < parts.size() && parts[level] == 0) ++level;
    } else {
      level = parts.size() == 1 ? 0 : 1;
    }
    parts.resize(level + 1);
    parts[level] += 1;
    std::string out;
    for (auto part : parts) out += (out.empty() ? "" : ".") + std::to_string(part);
    return ">=" + std::string(version) + ",<" + out;
  };
  if (text.starts_with("~=")) return std::string(text);
  if (text.starts_with('^')) return bump(trim(text.substr(1)), true);
  if (text.starts_with('~')) return bump(trim(text.substr(1)), false);
  for (std::string_view op : {"==", "!=", "<=", ">=", "<", ">"}) {
    if (text.starts_with(op)) return std::string(text);
  }
  if (text.starts_with('=')) return "=" + std::string(text);
  return "==" + std::string(text);
}

}  // namespace

std::optional<Requirement> parse_pep440_requirement(std::string_view spec) {
  auto specifiers = parse_specifiers(spec);
  if (!specifiers) return std::nullopt;
  return make(std::move(*specifiers));
}

std::optional<Requirement> parse_poetry_requirement(std::string_view spec) {
  // Alternatives split by "||" (or "|"); constraints by commas or spaces.
  std::optional<Specifiers> all;
  std::vector<Set> alternatives;
  for (std::size_t start = 0; start <= spec.size();) {
    auto bar = spec.find('|', start);
    auto text = spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start);
    start = bar == std::string_view::npos ? spec.size() + 1
                                          : bar + (spec.substr(bar).starts_with("||") ? 2 : 1);
    std::string clauses;
    std::string pending;  // an operator written apart from its version
    for (std::size_t at = 0; at < text.size();) {
      while (at < text.size() && (is_space(text[at]) || text[at] == ',')) ++at;
      auto end = at;
      while (end < text.size() && !is_space(text[end]) && text[end] != ',') ++end;
      if (end == at) break;
      auto word = pending + std::string(text.substr(at, end - at));
      at = end;
      if (word.find_first_not_of("<>=!~^") == std::string::npos) {
        pending = word;
        continue;
      }
      pending.clear();
      auto clause = poetry_clause(word);
      if (!clause) return std::nullopt;
      if (!clause->empty()) clauses += (clauses.empty() ? "" : ",") + *clause;
    }
    if (!pending.empty()) return std::nullopt;
    auto specifiers = parse_specifiers(clauses);
    if (!specifiers) return std::nullopt;
    alternatives.push_back(specifiers->set);
    if (!all) all = std::move(specifiers);
  }
  if (!all) return std::nullopt;
  if (alternatives.size() != 1) all->pinned.reset();
  all->set = Set::union_of(alternatives);
  return make(std::move(*all));
}

std::optional<std::weak_ordering> compare_pep440_versions(std::string_view a, std::string_view b) {
  return compare_parsed(parse_key, a, b);
}

}  // namespace slotlint::versions
