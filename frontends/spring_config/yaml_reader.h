// YAML configuration files (application.yml), read with libyaml's event
// parser: nested mappings become dotted keys (`spring: data: redis:
// database: 3` is `spring.data.redis.database`, as is a dotted key written
// whole), list items `key[0]`, `key[1]`; each `---` starts another document.
// Anchors are kept, aliases and complex keys are passed over (no setting).
//
// libyaml parses without recursion; the nesting this reader follows is
// bounded (kMaxYamlNesting), and flow collections nested deeper than that
// are refused before libyaml sees them, so a hostile file costs memory in
// proportion to its size at most, never a deep stack.
#pragma once

#include <cstddef>
#include <string_view>

#include "frontends/spring_config/setting.h"

namespace slotlint::spring_config {

inline constexpr std::size_t kMaxYamlNesting = 64;

// On a syntax error, the settings read before it and the error ("line 4,
// column 3: mapping values are not allowed in this context").
ReadSettings read_yaml(std::string_view text);

}  // namespace slotlint::spring_config
