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

// Two hashed parts that differ only in which variables fill the same template
// (`user:<a>` vs `user:<b>`), or where one is nothing but a variable, may well
// be equal: we cannot tell. Templates that differ in their fixed text name
// different things and are likely in different slots.
bool same_shape_or_opaque(const std::vector<Token>& a, const std::vector<Token>& b) {
  auto opaque = [](const std::vector<Token>& t) { return t.size() == 1 && t.front().is_hole; };
  if (opaque(a) || opaque(b)) return true;
  return std::ranges::equal(a, b, [](const Token& x, const Token& y) {
    return x.is_hole == y.is_hole && (x.is_hole || x.text == y.text);
  });
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
  if (same_shape_or_opaque(a.hashed, b.hashed)) {
    return {Verdict::Unknown,
            fmt::format("{} and {} share a slot only if their variable parts are equal", quoted(ka),
                        quoted(kb))};
  }
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

SlotVerdict judge(std::span<const ir::KeyExpr> keys, const JudgeOptions& options) {
  SlotVerdict result;
  result.keys.reserve(keys.size());
  for (const auto& key : keys) {
    result.keys.push_back(analyse_key(key));
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
    const auto& hash = result.keys[i];
    if (keys[i].is_collection() && hash.unknown) {
      std::string what =
          keys[i].is_unknown() ? "`" + keys[i].unknown_reason() + "`" : quoted(keys[i]);
      consider(Verdict::Unknown,
               fmt::format("the keys in {} cannot be known before run time", what), i, i);
    } else if (hash.varies_per_element && all_holes(hash.hashed)) {
      consider(Verdict::Unknown,
               fmt::format("the elements of {} are computed at run time", quoted(keys[i])), i, i);
    } else if (hash.varies_per_element) {
      consider(Verdict::LikelyCrossSlot,
               fmt::format("the elements of {} differ in a hashed part ({})", quoted(keys[i]),
                           joined_text(hash.hashed)),
               i, i);
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (std::size_t j = i + 1; j < keys.size(); ++j) {
      auto pair = compare(result.keys[i], result.keys[j], keys[i], keys[j]);
      consider(pair.verdict, std::move(pair.reason), i, j);
      if (result.verdict == Verdict::CrossSlot) return result;
    }
  }
  return result;
}

}  // namespace slotlint::slot
