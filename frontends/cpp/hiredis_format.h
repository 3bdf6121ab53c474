// A hiredis format string split into the arguments it sends, as hiredis's
// redisvFormatCommand does: spaces separate arguments (runs of them count as
// one); %s and %b put one value into the current argument, spaces and all
// (%b takes two varargs: the pointer and its length); the integer and
// floating conversions (%d, %lld, %x, %f, ...) put their formatted value
// there; %% is a '%'; anything else (%zu, %c, %p) makes hiredis refuse the
// call. Literal text next to a conversion is part of the same argument:
// "user:%d" is one argument.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace slotlint::cpp {

struct FormatPiece {
  enum class Kind : unsigned char { Literal, Value };
  Kind kind = Kind::Literal;
  std::string text;         // Literal: its bytes
  std::size_t vararg = 0;   // Value: which vararg (0 = the first after the format) holds it
  char conversion = 0;      // Value: 's', 'b', 'd', 'f', ...
  std::size_t offset = 0;   // where the piece starts in the format string
  std::size_t length = 0;   // and how many bytes of it it spans
  // Value: what is written is the value's own text (%s, %b, %d, %i, %u with
  // at most a length modifier); with flags, a width or a precision ("%05d"),
  // or in hexadecimal or floating point, it is not.
  bool plain = true;
};

struct FormatArgument {
  std::vector<FormatPiece> pieces;
};

struct SplitFormat {
  std::vector<FormatArgument> arguments;
  std::size_t varargs_used = 0;
  // hiredis rejects the format (an unknown conversion): nothing is sent.
  bool valid = true;
};

SplitFormat split_hiredis_format(std::string_view format);

// A printf format (snprintf into a key buffer) as pieces of one string:
// conversions are values, %% a '%'; `valid` is false for what printf would
// not take.
SplitFormat split_printf_format(std::string_view format);

}  // namespace slotlint::cpp
