#include "analyzer/slot/slot_engine.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/slot/hash_slot.h"

namespace slotlint::slot {
namespace {

using ir::Token;

struct Cursor {
  std::size_t token = 0;
  std::size_t offset = 0;
};

// The first `ch` in a literal token at or after `from`.
std::optional<Cursor> find_literal(const std::vector<Token>& tokens, char ch, Cursor from) {
  for (std::size_t i = from.token; i < tokens.size(); ++i) {
    if (tokens[i].is_hole) continue;
    std::size_t start = i == from.token ? from.offset : 0;
    auto at = tokens[i].text.find(ch, start);
    if (at != std::string::npos) return Cursor{i, at};
  }
  return std::nullopt;
}

// Tokens strictly between two cursors.
std::vector<Token> slice(const std::vector<Token>& tokens, Cursor open, Cursor close) {
  std::vector<Token> out;
  for (std::size_t i = open.token; i <= close.token; ++i) {
    Token piece = tokens[i];
    if (!piece.is_hole) {
      std::size_t begin = i == open.token ? open.offset + 1 : 0;
      std::size_t end = i == close.token ? close.offset : piece.text.size();
      if (begin >= end) continue;
      piece.text = piece.text.substr(begin, end - begin);
    }
    out.push_back(std::move(piece));
  }
  return out;
}

std::optional<std::string> first_hole_name(const std::vector<Token>& tokens, std::size_t from,
                                           std::size_t to) {
  for (std::size_t i = from; i < to && i < tokens.size(); ++i) {
    if (tokens[i].is_hole) return tokens[i].display;
  }
  return std::nullopt;
}

bool all_holes(const std::vector<Token>& tokens) {
  return std::ranges::all_of(tokens, [](const Token& t) { return t.is_hole; });
}

bool all_literal(const std::vector<Token>& tokens) {
  return std::ranges::none_of(tokens, [](const Token& t) { return t.is_hole; });
}

std::string joined_text(const std::vector<Token>& tokens) {
  std::string text;
  for (const auto& t : tokens) text += t.is_hole ? "<" + t.display + ">" : t.text;
  return text;
}

// A key that is nothing but a variable: the value may carry its own hash tag,
// so nothing can be said about its slot.
bool only_a_variable(const KeyHash& key) {
  return !key.in_literal_tag && key.hashed.size() == 1 && key.hashed.front().is_hole;
}

// A hashed part that is one variable, beside one with fixed text: equal only
// if the variable holds that text, which is not unlikely enough to call.
bool one_variable(const std::vector<Token>& tokens) {
  return tokens.size() == 1 && tokens.front().is_hole;
}

// Two hashed parts with the same fixed text in the same places, differing only
// in which variables fill the holes (`user:<a>` vs `user:<b>`): the first pair
// that differs, as "`a` and `b`"; empty when none differs (only a per-element
// mark does); nullopt when the shapes differ.
std::optional<std::string> differing_variables(const std::vector<Token>& a,
                                               const std::vector<Token>& b) {
  if (a.size() != b.size()) return std::nullopt;
  std::string names;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_hole != b[i].is_hole) return std::nullopt;
    if (!a[i].is_hole) {
      if (a[i].text != b[i].text) return std::nullopt;
      continue;
    }
    if (a[i].text == b[i].text || !names.empty()) continue;
    // A name assigned again between the two keys is two values under one name.
    names = a[i].display == b[i].display
                ? fmt::format("two values of `{}`, which is assigned again", a[i].display)
                : fmt::format("`{}` and `{}`", a[i].display, b[i].display);
  }
  return names;
}

struct PairVerdict {
  Verdict verdict = Verdict::SameSlot;
  std::string reason;
};

std::string quoted(const ir::KeyExpr& key) { return "'" + key.display() + "'"; }

PairVerdict compare(const KeyHash& a, const KeyHash& b, const ir::KeyExpr& ka,
                    const ir::KeyExpr& kb) {
  if (a.unknown || b.unknown) {
    const auto& hidden = a.unknown ? ka : kb;
    return {Verdict::Unknown,
            fmt::format(
                "the key {} cannot be known before run time",
                hidden.is_unknown() ? "from `" + hidden.unknown_reason() + "`" : quoted(hidden))};
  }
  if (a.slot && b.slot) {
    if (*a.slot == *b.slot) return {};
    std::string slots = fmt::format("{} hashes to slot {} and {} to slot {}", quoted(ka), *a.slot,
                                    quoted(kb), *b.slot);
    if (a.provable() && b.provable()) return {Verdict::CrossSlot, slots};
    return {Verdict::LikelyCrossSlot,
            fmt::format("{} (unless {})", slots, a.assumption ? *a.assumption : *b.assumption)};
  }
  if (a.hashed == b.hashed && !a.varies_per_element && !b.varies_per_element) return {};
  auto may_be_equal = [&] {
    return PairVerdict{Verdict::Unknown,
                       fmt::format("{} and {} share a slot only if their variable parts are equal",
                                   quoted(ka), quoted(kb))};
  };
  if (only_a_variable(a) || only_a_variable(b)) return may_be_equal();
  if (auto variables = differing_variables(a.hashed, b.hashed)) {
    // The same variables, one of them differing per element of a collection.
    if (variables->empty()) return may_be_equal();
    return {Verdict::LikelyCrossSlot,
            fmt::format("{} and {} fill the same template with different values ({}): they "
                        "share a slot only when those are equal",
                        quoted(ka), quoted(kb), *variables)};
  }
  if (one_variable(a.hashed) || one_variable(b.hashed)) return may_be_equal();
  return {Verdict::LikelyCrossSlot,
          fmt::format("{} and {} hash different strings ({} vs {}) and share no hash tag",
                      quoted(ka), quoted(kb), joined_text(a.hashed), joined_text(b.hashed))};
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::SameSlot:
      return "same-slot";
    case Verdict::Unknown:
      return "unknown";
    case Verdict::LikelyCrossSlot:
      return "likely-cross-slot";
    case Verdict::CrossSlot:
      return "cross-slot";
  }
  return "unknown";
}

KeyHash analyse_key(const ir::KeyExpr& key) {
  KeyHash hash;
  if (key.is_unknown()) {
    hash.unknown = true;
    return hash;
  }
  auto tokens = ir::tokens(key);
  hash.hashed = tokens;
  auto open = find_literal(tokens, '{', {});
  if (open) {
    if (auto hole = first_hole_name(tokens, 0, open->token)) {
      hash.assumption = fmt::format("`{}` contains a brace and moves the hash tag", *hole);
    }
    auto close = find_literal(tokens, '}', {open->token, open->offset + 1});
    if (close) {
      auto content = slice(tokens, *open, *close);
      if (!content.empty()) {
        hash.hashed = std::move(content);
        hash.in_literal_tag = true;
      }
    } else if (auto hole = first_hole_name(tokens, open->token, tokens.size())) {
      hash.assumption = fmt::format("`{}` contains '}}' and closes a hash tag", *hole);
    }
  } else if (auto hole = first_hole_name(tokens, 0, tokens.size())) {
    hash.assumption = fmt::format("`{}` contains a hash tag", *hole);
  }
  if (all_literal(hash.hashed)) {
    std::string bytes = joined_text(hash.hashed);
    hash.slot = static_cast<std::uint16_t>(crc16_xmodem(bytes) % kSlotCount);
  }
  if (key.is_collection()) {
    hash.varies_per_element = std::ranges::any_of(
        hash.hashed, [](const Token& t) { return t.is_hole && t.varies_per_element; });
  }
  return hash;
}

namespace {

// The keys of one combination, each with no alternatives of its own.
SlotVerdict judge_plain(std::span<const ir::KeyExpr* const> keys, const JudgeOptions& options) {
  SlotVerdict result;
  result.keys.reserve(keys.size());
  for (const auto* key : keys) {
    result.keys.push_back(analyse_key(*key));
    if (options.assume_brace_free_values) result.keys.back().assumption.reset();
  }

  auto consider = [&](Verdict verdict, std::string reason, std::size_t i, std::size_t j) {
    if (verdict <= result.verdict) return;
    result.verdict = verdict;
    result.reason = std::move(reason);
    result.first = i;
    result.second = j;
  };
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto& key = *keys[i];
    const auto& hash = result.keys[i];
    if (key.is_collection() && hash.unknown) {
      std::string what = key.is_unknown() ? "`" + key.unknown_reason() + "`" : quoted(key);
      consider(Verdict::Unknown,
               fmt::format("the keys in {} cannot be known before run time", what), i, i);
    } else if (hash.varies_per_element && all_holes(hash.hashed)) {
      consider(Verdict::Unknown,
               fmt::format("the elements of {} are computed at run time", quoted(key)), i, i);
    } else if (hash.varies_per_element) {
      consider(Verdict::LikelyCrossSlot,
               fmt::format("the elements of {} differ in a hashed part ({})", quoted(key),
                           joined_text(hash.hashed)),
               i, i);
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (std::size_t j = i + 1; j < keys.size(); ++j) {
      auto pair = compare(result.keys[i], result.keys[j], *keys[i], *keys[j]);
      consider(pair.verdict, std::move(pair.reason), i, j);
      if (result.verdict == Verdict::CrossSlot) return result;
    }
  }
  return result;
}

std::optional<std::size_t> count_combinations(const std::vector<std::vector<ir::KeyChoice>>& each) {
  std::size_t count = 1;
  for (const auto& choices : each) {
    count *= choices.size();
    if (count > kMaxCombinations) return std::nullopt;
  }
  return count;
}

// "when `delayed` is false", or "when key 2 is ''" for an alternative whose
// condition is not known: the alternatives the verdict's two keys take.
std::string branch_of(const std::vector<std::vector<ir::KeyChoice>>& each,
                      const std::vector<std::size_t>& choice, std::size_t first,
                      std::size_t second) {
  std::vector<std::string> parts;
  for (auto i : {first, second}) {
    if (each[i].size() < 2 || (i == second && second == first)) continue;
    const auto& picked = each[i][choice[i]];
    std::string part = picked.condition.empty()
                           ? fmt::format("when key {} is {}", i + 1, quoted(*picked.key))
                           : std::string(picked.condition);
    if (std::ranges::find(parts, part) == parts.end()) parts.push_back(std::move(part));
  }
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : " and ") + part;
  return text;
}

}  // namespace

std::optional<std::vector<CombinationVerdict>> judge_each_combination(
    std::span<const ir::KeyExpr> keys, const JudgeOptions& options) {
  std::vector<std::vector<ir::KeyChoice>> each;
  each.reserve(keys.size());
  for (const auto& key : keys) each.push_back(ir::choices(key));
  auto count = count_combinations(each);
  if (!count) return std::nullopt;

  std::vector<CombinationVerdict> out;
  out.reserve(*count);
  std::vector<std::size_t> choice(keys.size(), 0);
  std::vector<const ir::KeyExpr*> picked(keys.size());
  for (std::size_t n = 0; n < *count; ++n) {
    for (std::size_t i = 0; i < keys.size(); ++i) picked[i] = each[i][choice[i]].key;
    auto verdict = judge_plain(picked, options);
    verdict.choice = choice;
    if (verdict.verdict != Verdict::SameSlot) {
      verdict.branch = branch_of(each, choice, verdict.first, verdict.second);
      if (!verdict.branch.empty()) verdict.reason = verdict.branch + ", " + verdict.reason;
    }
    out.push_back({choice, std::move(verdict)});
    // The next combination: the last key's alternative changes fastest.
    for (std::size_t i = keys.size(); i-- > 0;) {
      if (++choice[i] < each[i].size()) break;
      choice[i] = 0;
    }
  }
  return out;
}

SlotVerdict judge(std::span<const ir::KeyExpr> keys, const JudgeOptions& options) {
  auto each = judge_each_combination(keys, options);
  if (!each) {
    // Each key with alternatives as one value we cannot see: what is proven
    // without them still is, and the rest is unknown, because of how many.
    std::vector<const ir::KeyExpr*> whole;
    for (const auto& key : keys) whole.push_back(&key);
    auto result = judge_plain(whole, options);
    result.combinations = 0;
    if (result.verdict <= Verdict::Unknown) {
      result.verdict = Verdict::Unknown;
      result.reason = fmt::format(
          "the keys can be chosen in more than {} combinations of their alternatives, too many "
          "to judge one by one",
          kMaxCombinations);
    }
    return result;
  }
  // The first of the worst: the order of the alternatives decides ties.
  std::size_t worst = 0;
  for (std::size_t n = 1; n < each->size(); ++n) {
    if ((*each)[n].verdict.verdict > (*each)[worst].verdict.verdict) worst = n;
  }
  auto result = std::move((*each)[worst].verdict);
  result.combinations = each->size();
  return result;
}

}  // namespace slotlint::slot
