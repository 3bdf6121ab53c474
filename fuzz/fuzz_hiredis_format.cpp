// Fuzzes the hiredis and printf format splitters: any bytes, and checks
// that every piece stays inside the format and varargs are counted in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "frontends/cpp/hiredis_format.h"

using namespace slotlint::cpp;

namespace {

void check(const SplitFormat& split, std::string_view format) {
  if (!split.valid) return;
  std::size_t next_vararg = 0;
  for (const auto& argument : split.arguments) {
    for (const auto& piece : argument.pieces) {
      if (piece.offset + piece.length > format.size()) std::abort();
      if (piece.kind == FormatPiece::Kind::Value) {
        if (piece.vararg < next_vararg) std::abort();
        next_vararg = piece.vararg + 1;
      }
    }
  }
  if (next_vararg > split.varargs_used) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view format(reinterpret_cast<const char*>(data), size);
  check(split_hiredis_format(format), format);
  check(split_printf_format(format), format);
  return 0;
}
