// The rule docs (docs/rules/*.md) compiled into the binary by docs/CMakeLists.txt,
// through the same embedding as the API models (cmake/EmbedFiles.cmake).
#pragma once

#include <span>

#include "analyzer/embedded_file.h"

namespace slotlint {

// Every docs/rules/*.md file: name is "<rule-name>.md", bytes its Markdown.
// Sorted by file name.
std::span<const EmbeddedFile> embedded_rule_docs();

}  // namespace slotlint
