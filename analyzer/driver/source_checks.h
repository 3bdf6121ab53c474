// Checks that a file's bytes are text slotlint can read: no NUL bytes (binary),
// valid UTF-8. A failed check becomes a notification, never a crash.
#pragma once

#include <optional>
#include <string_view>

#include "frontends/common/frontend.h"

namespace slotlint::driver {

std::optional<frontend::Notice> check_source_text(std::string_view bytes);

// The text after a UTF-8 byte order mark, if any. Offsets in the IR are
// relative to this view, which is also how editors count columns.
std::string_view without_bom(std::string_view bytes);

}  // namespace slotlint::driver
