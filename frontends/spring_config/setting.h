// One setting of an application's configuration file, as Spring Boot reads
// it: a dotted key and its text value, located in the file. The readers
// (properties_reader.h, yaml_reader.h) give the same records, so what a
// setting means is decided once (spring_redis.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/ir/source_span.h"

namespace slotlint::spring_config {

struct Setting {
  std::string key;            // "spring.data.redis.database"; a list item: "...nodes[0]"
  std::string value;          // escapes and quotes decoded
  ir::SourceSpan value_span;  // the value's bytes in the file (quotes included)
  // The value's bytes in the file are the value itself (no escape, quote or
  // folded line), so a position in `value` is one in the file.
  bool verbatim = false;
  // Which document of a multi-document file (`#---`, YAML's `---`) holds it.
  std::uint32_t document = 0;
};

struct ReadSettings {
  std::vector<Setting> settings;  // in file order; what was read before an error too
  std::string error;              // why the rest was not read; empty: all of it
};

}  // namespace slotlint::spring_config
