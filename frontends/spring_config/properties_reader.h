// Java's .properties syntax, as java.util.Properties.load reads it (and Spring
// Boot with it): `key=value`, `key: value` or `key value`; `#` and `!` start a
// comment line; a line ending in an odd number of backslashes continues on the
// next (its leading blanks dropped); `\t \n \r \f \uXXXX` are escapes and a
// backslash before any other character is that character. Spring Boot's `#---`
// (or `!---`) line starts another document.
#pragma once

#include <string_view>

#include "frontends/spring_config/setting.h"

namespace slotlint::spring_config {

// Never fails: every line is some setting or a comment, as Java reads it.
ReadSettings read_properties(std::string_view text);

}  // namespace slotlint::spring_config
