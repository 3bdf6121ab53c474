// Data files compiled into the binary (cmake/EmbedFiles.cmake).
#pragma once

#include <span>
#include <string_view>

namespace slotlint {

struct EmbeddedFile {
  std::string_view name;  // file name without folder
  std::string_view bytes;
};

std::span<const EmbeddedFile> embedded_api_models();

}  // namespace slotlint
