#include "frontends/cpp/model_headers.h"

#include <stdexcept>
#include <vector>

#include "analyzer/embedded_file.h"

namespace slotlint {
std::span<const EmbeddedFile> embedded_cpp_model_headers();
}  // namespace slotlint

namespace slotlint::cpp {
namespace {

std::string_view between(std::string_view text, std::string_view open, std::string_view close,
                         std::string_view file) {
  auto begin = text.find(open);
  auto end = begin == std::string_view::npos ? begin : text.find(close, begin + open.size());
  if (end == std::string_view::npos)
    throw std::logic_error("model header " + std::string(file) + ": bad first line");
  return text.substr(begin + open.size(), end - begin - open.size());
}

std::vector<ModelHeader> read_all() {
  std::vector<ModelHeader> headers;
  for (const auto& file : embedded_cpp_model_headers()) {
    auto first = file.bytes.substr(0, file.bytes.find('\n'));
    ModelHeader header;
    header.include = between(first, "slotlint model header <", ">", file.name);
    header.api = between(first, ": the API of ", " (library ", file.name);
    header.library = between(first, "(library ", ")", file.name);
    header.text = file.bytes;
    headers.push_back(std::move(header));
  }
  return headers;
}

}  // namespace

std::span<const ModelHeader> model_headers() {
  static const std::vector<ModelHeader> kHeaders = read_all();
  return kHeaders;
}

}  // namespace slotlint::cpp
