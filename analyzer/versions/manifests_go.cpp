// Go: go.mod `require` lines (one or a block). The versions there are the
// ones the build uses (minimal version selection), so they count as locked.
#include "analyzer/versions/manifests.h"

namespace slotlint::versions {

std::vector<Dependency> read_go_mod(std::string_view text, std::string&) {
  std::vector<Dependency> out;
  bool in_require = false;
  for (auto raw : text_lines(text)) {
    auto line = trim_text(raw.substr(0, raw.find("//")));
    if (line.empty()) continue;
    if (in_require) {
      if (line == ")") {
        in_require = false;
        continue;
      }
    } else if (line.starts_with("require")) {
      line = trim_text(line.substr(7));
      if (line == "(") {
        in_require = true;
        continue;
      }
    } else {
      continue;
    }
    auto space = line.find_first_of(" \t");
    if (space == std::string_view::npos) continue;
    auto module = line.substr(0, space);
    add_dependency(out, std::string(module), line.substr(space + 1), Grammar::Go);
  }
  return out;
}

}  // namespace slotlint::versions
