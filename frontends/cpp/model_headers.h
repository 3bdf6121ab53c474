// slotlint's own headers for the clients it models (frontends/cpp/
// model_headers/, compiled into the binary): declarations written from each
// library's documented API, so that a unit whose client header is not on the
// include path (no compilation database, a library not installed) is still
// analysed. They sit in a folder of Clang's in-memory file system searched
// after every other (-idirafter): the real header, wherever the include path
// finds it, always wins. A finding from a unit that used one says so.
//
// Each file's first line names what it stands for:
//   <comment> slotlint model header <hiredis/hiredis.h>: the API of hiredis 1.2.0 (library hiredis)
//   <end>
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace slotlint::cpp {

struct ModelHeader {
  std::string include;  // as code includes it: "hiredis/hiredis.h"
  std::string api;      // "hiredis 1.2.0"
  std::string library;  // the API model's library: "hiredis"
  std::string_view text;
};

// Every model header (read once, from the binary).
std::span<const ModelHeader> model_headers();

// The folder Clang sees them in; no real folder has this name.
inline constexpr std::string_view kModelHeaderFolder = "/<slotlint-model-headers>";

}  // namespace slotlint::cpp
