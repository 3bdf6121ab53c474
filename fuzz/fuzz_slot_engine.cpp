// Fuzzes the slot engine: random key expressions (literal pieces, holes,
// collections, unknowns) through judge(), the hash-tag suggestion and the
// CRC16 slot of every literal.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/ir/key_expr.h"
#include "analyzer/slot/hash_slot.h"
#include "analyzer/slot/hash_tag_suggestion.h"
#include "analyzer/slot/slot_engine.h"

using namespace slotlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<ir::KeyExpr> keys;
  ir::KeyExpr current;
  std::size_t at = 0;
  auto next = [&]() -> std::uint8_t { return at < size ? data[at++] : 0; };
  while (at < size && keys.size() < 64) {
    std::uint8_t op = next();
    std::size_t length = next() % 24;
    std::string text;
    for (std::size_t i = 0; i < length && at < size; ++i) text += static_cast<char>(next());
    ir::SourceSpan span{0, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + length)};
    switch (op % 7) {
      case 0: current.append(ir::KeyExpr::literal(text, span, (op & 8) != 0)); break;
      case 1: current.append(ir::KeyExpr::hole(text, text, span, (op & 8) != 0)); break;
      case 2: current.mark_collection(); break;
      case 3: current.forbid_edits(); break;
      case 4: current = ir::KeyExpr::unknown(text, span); break;
      default:
        keys.push_back(std::move(current));
        current = {};
    }
  }
  keys.push_back(std::move(current));
  for (bool assume : {false, true}) (void)slot::judge(keys, {assume});
  (void)slot::suggest_hash_tag(keys);
  for (const auto& key : keys) {
    (void)key.display();
    (void)ir::tokens(key);
    if (key.is_literal()) (void)slot::key_hash_slot(key.literal_text());
  }
  return 0;
}
