#include "analyzer/ir/script.h"

#include <algorithm>
#include <charconv>

#include "analyzer/ir/redis_op.h"

namespace slotlint::ir {
namespace {

// Not a byte any source text holds: frontends' symbols never start with it.
constexpr char kScriptMark = '\x01';

std::optional<std::size_t> literal_count(const Arg& arg) {
  if (arg.spread || !arg.value.is_literal()) return std::nullopt;
  auto text = arg.value.literal_text();
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string script_label(const ScriptUse& use) {
  return use.name.empty() ? "the inline script" : "script " + use.name;
}

std::string script_file_identity(std::string_view display_path) {
  return "file:" + std::string(display_path);
}

bool is_script_command(std::string_view command) {
  return command == "EVAL" || command == "EVALSHA" || command == "EVAL_RO" ||
         command == "EVALSHA_RO" || command == "FCALL" || command == "FCALL_RO";
}

int ScriptSummary::highest_key_read() const {
  int highest = 0;
  for (const auto& [index, offset] : keys_read) highest = std::max(highest, index);
  return highest;
}

std::string script_symbol(std::string_view table, int index) {
  return std::string(1, kScriptMark) + std::string(table) + ":" + std::to_string(index);
}

std::string script_reply_symbol(std::string_view local_name) {
  return std::string(1, kScriptMark) + "REPLY:" + std::string(local_name);
}

bool is_script_reply(std::string_view symbol) {
  return symbol.starts_with(std::string(1, kScriptMark) + "REPLY:");
}

std::optional<ScriptInput> parse_script_symbol(std::string_view symbol) {
  if (symbol.empty() || symbol.front() != kScriptMark) return std::nullopt;
  symbol.remove_prefix(1);
  ScriptInput input;
  if (symbol.starts_with("KEYS:")) {
    input.is_keys = true;
  } else if (!symbol.starts_with("ARGV:")) {
    return std::nullopt;
  }
  symbol.remove_prefix(5);
  auto [end, error] = std::from_chars(symbol.data(), symbol.data() + symbol.size(), input.index);
  if (error != std::errc{} || end != symbol.data() + symbol.size()) return std::nullopt;
  return input;
}

SourceSpan locate_in_script(const ScriptUse& use, std::uint32_t begin, std::uint32_t end) {
  for (const auto& piece : use.text) {
    if (begin < piece.body_begin || begin >= piece.body_begin + piece.length) continue;
    if (!piece.exact) return {piece.span.file, piece.span.begin, piece.span.begin};
    auto from = piece.span.begin + (begin - piece.body_begin);
    auto to =
        piece.span.begin + (std::min(end, piece.body_begin + piece.length) - piece.body_begin);
    return {piece.span.file, from, to};
  }
  return {use.origin.file, use.origin.begin, use.origin.begin};
}

std::optional<ScriptCallInputs> script_call_inputs(const RedisOp& op) {
  if (op.argv.size() < 2) return std::nullopt;
  auto numkeys = literal_count(op.argv[1]);
  if (!numkeys || op.argv.size() < 2 + *numkeys) return std::nullopt;
  ScriptCallInputs inputs;
  inputs.numkeys = *numkeys;
  inputs.numkeys_span = op.argv[1].value.span();
  for (std::size_t i = 2; i < op.argv.size(); ++i) {
    bool is_key = i < 2 + *numkeys;
    if (op.argv[i].spread) {
      if (is_key) return std::nullopt;
      break;  // the arguments after a spread are not at known positions
    }
    (is_key ? inputs.keys : inputs.args).push_back(op.argv[i].value);
  }
  return inputs;
}

KeyExpr instantiate(const KeyExpr& script_key, const ScriptUse& use,
                    const ScriptCallInputs& inputs) {
  auto where = locate_in_script(use, script_key.span().begin, script_key.span().end);
  if (script_key.is_unknown()) return KeyExpr::unknown(script_key.unknown_reason(), where);
  KeyExpr result;
  result.set_span(where);
  for (const auto& segment : script_key.segments()) {
    if (const auto* literal = std::get_if<LiteralSegment>(&segment)) {
      result.append(KeyExpr::literal(
          literal->text, locate_in_script(use, literal->span.begin, literal->span.end), false));
      continue;
    }
    const auto& hole = std::get<HoleSegment>(segment);
    auto input = parse_script_symbol(hole.symbol);
    const auto& values = input && input->is_keys ? inputs.keys : inputs.args;
    if (input && input->index >= 1 && static_cast<std::size_t>(input->index) <= values.size()) {
      KeyExpr value = values[static_cast<std::size_t>(input->index) - 1];
      value.forbid_edits();
      result.append(value);
      continue;
    }
    if (input && input->index >= 1) {
      // KEYS[3] with two keys passed: nil at run time; the count rule says so.
      return KeyExpr::unknown(hole.display + " is not passed", where);
    }
    HoleSegment copy = hole;
    copy.span = locate_in_script(use, hole.span.begin, hole.span.end);
    copy.in_string_literal = false;
    result.append(Segment{copy});
  }
  result.set_span(where);
  result.forbid_edits();
  return result;
}

}  // namespace slotlint::ir
