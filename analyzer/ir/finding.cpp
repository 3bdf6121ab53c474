#include "analyzer/ir/finding.h"

namespace slotlint::ir {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::Note:
      return "note";
    case Level::Warning:
      return "warning";
    case Level::Error:
      return "error";
  }
  return "note";
}

}  // namespace slotlint::ir
