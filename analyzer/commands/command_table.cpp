#include "analyzer/commands/command_table.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <iterator>
#include <string>
#include <system_error>

#include "analyzer/commands/command_data.h"

// Key extraction mirrors getKeysUsingKeySpecs() in valkey src/db.c, with
// GET_KEYSPEC_INCLUDE_NOT_KEYS and GET_KEYSPEC_RETURN_PARTIAL semantics:
//
// - NOT_KEY specs (SSUBSCRIBE/SUNSUBSCRIBE/SPUBLISH shard channels) are
//   included: cluster routing hashes shard channels to slots exactly like
//   keys, so for slot analysis they are keys.
// - A spec the server would reject as invalid (keyword not found, window out
//   of range, bad key count) contributes nothing, and the other specs still
//   count. The server would answer such a call with a syntax error anyway.
//
// Positions: the server counts argv[0] = command name; `args` starts at
// argv[1] (for a subcommand, args[0] is the subcommand name, i.e. argv[1]).
// So argv position p is args index p - 1, as long as no spread comes first.
//
// Unknown and spread arguments. A spread stands for zero or more arguments,
// so an argument's index is only a true position while no spread precedes
// it (counting from the start) or follows it (counting from the end). Each
// find_keys window is placed relative to its first key; keys before the first
// spread inside the window are exact, spreads the window may reach are
// reported in mixed_spread_indices, and complete becomes false. The one case
// that stays exact is a step-1 range anchored at both ends (DEL a *rest,
// BLPOP *lists 0): everything between the ends is a key, spreads included.
//
// Known differences from the server, which routes these commands with its
// custom getkeys functions rather than the key specs:
// - SORT/SORT_RO: the BY/GET and STORE specs are "unknown" in the data, so
//   SORT src STORE dst yields only src, with complete = false.
// - MIGRATE ... "" ... KEYS k1 k2: the spec for position 3 reports the empty
//   placeholder as a key; migrateGetKeys() skips it. The KEYS spec is
//   INCOMPLETE (searched backwards from the end, so a key named "keys" can
//   cut the list short), hence complete = false.
// - GEORADIUS with both STORE and STOREDIST: both targets are reported; the
//   server keeps only the last one.
namespace slotlint::commands {
namespace {

using Index = std::ptrdiff_t;

std::string to_upper_ascii(std::string_view text) {
  std::string upper(text);
  std::ranges::transform(upper, upper.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(
      a, b, [](unsigned char x, unsigned char y) { return std::toupper(x) == std::toupper(y); });
}

// The server's string2ll() plus its "numkeys < 0" check: digits only, no sign
// or leading zeros. Anything else makes the server reject the call.
std::optional<long long> parse_key_count(std::string_view text) {
  if (text == "0") return 0;
  if (text.empty() || text.front() < '1' || text.front() > '9') return std::nullopt;
  long long count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return count;
}

const CommandInfo* find_by_upper_name(std::string_view upper_name) {
  const std::span<const CommandInfo> table = detail::generated_commands();
  const auto found = std::ranges::lower_bound(table, upper_name, {}, &CommandInfo::name);
  return found != table.end() && found->name == upper_name ? &*found : nullptr;
}

bool has_subcommands(std::string_view upper_name) {
  const std::string prefix = std::string(upper_name) + '|';
  const std::span<const CommandInfo> table = detail::generated_commands();
  const auto found = std::ranges::lower_bound(table, prefix, {}, &CommandInfo::name);
  return found != table.end() && found->name.starts_with(prefix);
}

// The call's arguments (argv[1..]) with the position questions spreads raise.
class Arguments {
 public:
  explicit Arguments(std::span<const ArgValue> values) : values_(values) {}

  Index size() const { return std::ssize(values_); }
  bool is_spread(Index i) const { return values_[i].spread; }
  // nullptr for an unknown value and for a spread.
  const std::string* literal(Index i) const {
    return is_spread(i) || !values_[i].literal ? nullptr : &*values_[i].literal;
  }

  // The first spread at or after `from`, or size() if there is none.
  Index first_spread_from(Index from) const {
    for (Index i = std::max<Index>(from, 0); i < size(); ++i) {
      if (is_spread(i)) return i;
    }
    return size();
  }

  // The last spread, or -1 if there is none.
  Index last_spread() const {
    for (Index i = size() - 1; i >= 0; --i) {
      if (is_spread(i)) return i;
    }
    return -1;
  }

  // Arguments from `from` to the end that are not spreads: the fewest argv
  // elements that can follow position `from`, itself included.
  Index plain_count_from(Index from) const {
    Index count = 0;
    for (Index i = std::max<Index>(from, 0); i < size(); ++i) count += is_spread(i) ? 0 : 1;
    return count;
  }

 private:
  std::span<const ArgValue> values_;
};

class KeyCollector {
 public:
  explicit KeyCollector(const Arguments& args)
      : args_(args), is_key_(static_cast<std::size_t>(args.size())), is_mixed_(is_key_.size()) {}

  void add_key(Index i) { is_key_[static_cast<std::size_t>(i)] = true; }
  void mark_incomplete() { complete_ = false; }

  // Key positions from `from` on depend on how long the spreads there are:
  // any of them may hold keys among other arguments, and the plain
  // arguments after the first of them cannot be placed.
  void give_up_from(Index from) {
    mark_incomplete();
    for (Index i = args_.first_spread_from(from); i < args_.size();
         i = args_.first_spread_from(i + 1)) {
      is_mixed_[static_cast<std::size_t>(i)] = true;
    }
  }

  bool every_argument_is_key() const {
    for (std::size_t i = 0; i < is_key_.size(); ++i) {
      if (!is_key_[i] || is_mixed_[i]) return false;
    }
    return true;
  }

  KeyExtraction finish() const {
    KeyExtraction result;
    for (std::size_t i = 0; i < is_key_.size(); ++i) {
      if (is_mixed_[i]) {
        result.mixed_spread_indices.push_back(i);
      } else if (is_key_[i]) {
        result.key_indices.push_back(i);
      }
    }
    result.complete = complete_;
    return result;
  }

 private:
  const Arguments& args_;
  std::vector<bool> is_key_;
  std::vector<bool> is_mixed_;
  bool complete_ = true;
};

// begin_search: the args index where find_keys starts, or nullopt when this
// spec names no key in the call.
std::optional<Index> begin_at_index(int pos, const Arguments& args, KeyCollector& out) {
  const Index first = pos - 1;
  const Index spread = args.first_spread_from(0);
  if (spread < first) {
    out.give_up_from(spread);
    return std::nullopt;
  }
  if (first >= args.size()) return std::nullopt;
  return first;
}

bool is_keyword(const Arguments& args, Index i, std::string_view keyword) {
  const std::string* literal = args.literal(i);
  return literal != nullptr && equals_ignoring_case(*literal, keyword);
}

// An unknown value or a spread could be the keyword: the first literal match
// after it may not be the one the server takes.
bool could_hide_keyword(const Arguments& args, Index i) { return args.literal(i) == nullptr; }

std::optional<Index> begin_after_keyword_forward(const BeginSearch& search, const Arguments& args,
                                                 KeyCollector& out) {
  if (args.size() == 0) return std::nullopt;
  Index start = search.startfrom - 1;
  if (const Index spread = args.first_spread_from(0); spread < start) {
    // startfrom lands somewhere in or after that spread: search from there.
    out.mark_incomplete();
    start = spread;
  }
  // The server never tests the last argument (no key could follow it),
  // unless it is a spread, which may hide more arguments.
  const Index end = args.is_spread(args.size() - 1) ? args.size() : args.size() - 1;
  for (Index i = start; i < end; ++i) {
    if (is_keyword(args, i, search.keyword)) return i + 1;
    if (could_hide_keyword(args, i)) out.mark_incomplete();
  }
  return std::nullopt;
}

std::optional<Index> begin_after_keyword_backward(const BeginSearch& search, const Arguments& args,
                                                  KeyCollector& out) {
  if (args.size() == 0) return std::nullopt;
  Index start = args.size() + search.startfrom;
  if (const Index spread = args.last_spread(); spread > start) {
    // Counting from the end crosses that spread: start the search there.
    out.mark_incomplete();
    start = spread;
  }
  // The server stops before argv[1] (args[0]); a spread there still hides
  // arguments it does test.
  const Index stop = args.is_spread(0) ? 0 : 1;
  for (Index i = start; i >= stop; --i) {
    if (is_keyword(args, i, search.keyword)) return i + 1;
    if (could_hide_keyword(args, i)) out.mark_incomplete();
  }
  return std::nullopt;
}

std::optional<Index> begin_search(const BeginSearch& search, const Arguments& args,
                                  KeyCollector& out) {
  switch (search.kind) {
    case BeginSearch::Kind::Index:
      return begin_at_index(search.pos, args, out);
    case BeginSearch::Kind::Keyword:
      return search.startfrom > 0 ? begin_after_keyword_forward(search, args, out)
                                  : begin_after_keyword_backward(search, args, out);
    case BeginSearch::Kind::Unknown:
      break;
  }
  return std::nullopt;
}

// The last key's offset from the first, given `tail` = argc - first (the argv
// elements from the first key to the end), as getKeysUsingKeySpecs computes it.
Index last_key_offset(const FindKeys& range, Index tail) {
  if (range.lastkey >= 0) return range.lastkey;
  if (range.limit == 0) return tail + range.lastkey;
  return tail / range.limit + range.lastkey;
}

void add_range_without_spreads(const FindKeys& range, Index first, const Arguments& args,
                               KeyCollector& out) {
  const Index tail = args.size() - first;
  const Index last_offset = last_key_offset(range, tail);
  if (tail <= 0 || last_offset < 0 || last_offset >= tail) return;  // the server rejects the window
  for (Index offset = 0; offset <= last_offset; offset += range.step) out.add_key(first + offset);
}

// lastkey >= 0: the window has a fixed length from the first key; keys before
// the first spread are exact.
void add_fixed_range(const FindKeys& range, Index first, Index spread, KeyCollector& out) {
  for (Index offset = 0; offset <= range.lastkey; offset += range.step) {
    if (first + offset >= spread) {
      out.give_up_from(spread);
      return;
    }
    out.add_key(first + offset);
  }
}

// A step-1 range from `first` to a last key counted from the end covers
// everything between, spreads included, when no spread follows its end.
bool range_spans_spreads_exactly(const FindKeys& range, Index first, const Arguments& args) {
  const Index end = args.size() + range.lastkey;
  return range.step == 1 && range.limit == 0 && range.lastkey < 0 && end >= first &&
         args.first_spread_from(end + 1) == args.size();
}

// The window's end depends on argc, which the spreads leave open: only the
// keys that every expansion has are exact.
void add_range_lower_bound(const FindKeys& range, Index first, Index spread, const Arguments& args,
                           KeyCollector& out) {
  const Index fewest_last_offset = last_key_offset(range, args.plain_count_from(first));
  for (Index offset = 0; offset <= fewest_last_offset && first + offset < spread;
       offset += range.step) {
    out.add_key(first + offset);
  }
  out.give_up_from(first);
}

void find_range(const FindKeys& range, Index first, const Arguments& args, KeyCollector& out) {
  const Index spread = args.first_spread_from(first);
  if (spread == args.size()) {
    add_range_without_spreads(range, first, args, out);
  } else if (range.lastkey >= 0) {
    add_fixed_range(range, first, spread, out);
  } else if (range_spans_spreads_exactly(range, first, args)) {
    for (Index i = first; i <= args.size() + range.lastkey; ++i) out.add_key(i);
  } else {
    add_range_lower_bound(range, first, spread, args, out);
  }
}

void find_keynum(const FindKeys& keynum, Index first, const Arguments& args, KeyCollector& out) {
  const Index spread = args.first_spread_from(first);
  const Index count_at = first + keynum.keynumidx;
  if (count_at >= spread) {
    if (spread < args.size()) out.give_up_from(first);  // the count is hidden in or behind a spread
    return;
  }
  const std::string* count_text = args.literal(count_at);
  if (count_text == nullptr) {
    // An unknown count right before a spread (`EVAL script <len(keys)>
    // keys... args...`): the spread is the keys; what follows is not.
    const Index key_first = first + keynum.firstkey;
    if (key_first < args.size() && args.is_spread(key_first) && keynum.keystep == 1) {
      out.add_key(key_first);
      out.mark_incomplete();
      return;
    }
    out.give_up_from(first);
    return;
  }
  const std::optional<long long> count = parse_key_count(*count_text);
  if (!count || *count == 0) return;
  // Any count past the end of the arguments behaves the same; clamping keeps
  // the arithmetic in range.
  const Index key_count = static_cast<Index>(std::min<long long>(*count, args.size() + 1));
  const Index key_first = first + keynum.firstkey;
  // `count` keys, `keystep` apart (MSETEX's key/value pairs): the servers
  // count the step since redis#14659 and valkey#3197; before, every keynum
  // command had step 1.
  const Index key_last = key_first + (key_count - 1) * keynum.keystep;
  if (spread == args.size() && key_last >= args.size()) return;  // more keys than arguments
  for (Index i = key_first; i <= key_last; i += keynum.keystep) {
    if (i >= spread) {
      out.give_up_from(spread);
      return;
    }
    out.add_key(i);
  }
}

bool is_unknown(const KeySpec& spec) {
  return spec.begin_search.kind == BeginSearch::Kind::Unknown ||
         spec.find_keys.kind == FindKeys::Kind::Unknown;
}

}  // namespace

const CommandInfo* find_command(std::string_view name, std::string_view subcommand) {
  const std::string upper_name = to_upper_ascii(name);
  const CommandInfo* command = find_by_upper_name(upper_name);
  if (command == nullptr || subcommand.empty() || !has_subcommands(upper_name)) return command;
  // A container with a subcommand it does not have is an unknown command,
  // as the server answers it.
  return find_by_upper_name(upper_name + '|' + to_upper_ascii(subcommand));
}

std::span<const CommandInfo> all_commands() { return detail::generated_commands(); }

KeyExtraction extract_keys(const CommandInfo& command, std::span<const ArgValue> arg_values) {
  const Arguments args(arg_values);
  KeyCollector out(args);
  bool has_unknown_spec = false;
  for (const KeySpec& spec : command.key_specs) {
    if (is_unknown(spec)) {
      has_unknown_spec = true;
      continue;
    }
    const std::optional<Index> first = begin_search(spec.begin_search, args, out);
    if (!first) continue;
    // The server falls back to the command's own getkeys function here:
    // what the spec found may miss keys or take wrong ones.
    if (spec.incomplete) out.mark_incomplete();
    if (spec.find_keys.kind == FindKeys::Kind::Range) {
      find_range(spec.find_keys, *first, args, out);
    } else {
      find_keynum(spec.find_keys, *first, args, out);
    }
  }
  // An unknown spec (SORT's BY/GET/STORE) can only add a key if some
  // argument is not one already.
  if (has_unknown_spec && !out.every_argument_is_key()) out.mark_incomplete();
  return out.finish();
}

}  // namespace slotlint::commands
