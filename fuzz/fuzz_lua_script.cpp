// Fuzzes the Lua script reader (what a script does with KEYS and which keys
// its redis.call()s touch) with any bytes as a script body.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "frontends/common/tree_sitter.h"
#include "frontends/lua/script_reader.h"

extern "C" const TSLanguage* tree_sitter_lua();

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::optional<slotlint::ts::Parser> parser = [] {
    std::string error;
    return slotlint::ts::Parser::create(tree_sitter_lua(), error);
  }();
  if (!parser) return 0;
  std::string body(reinterpret_cast<const char*>(data), size);
  (void)slotlint::lua::read_script(body, *parser);
  return 0;
}
