#include "frontends/common/tree_sitter.h"

#include <chrono>

namespace slotlint::ts {

std::optional<Parser> Parser::create(const TSLanguage* language, std::string& error) {
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), language)) {
    error = "grammar ABI version " + std::to_string(ts_language_abi_version(language)) +
            " does not fit the tree-sitter runtime (supports " +
            std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) + " to " +
            std::to_string(TREE_SITTER_LANGUAGE_VERSION) + ")";
    return std::nullopt;
  }
  return Parser(std::move(parser));
}

namespace {
struct Deadline {
  std::chrono::steady_clock::time_point at;
};
bool past_deadline(TSParseState* state) {
  const auto* deadline = static_cast<const Deadline*>(state->payload);
  return std::chrono::steady_clock::now() > deadline->at;
}
}  // namespace

std::optional<Tree> Parser::parse(std::string_view source, std::uint64_t timeout_micros) {
  ts_parser_reset(parser_.get());
  Deadline deadline{std::chrono::steady_clock::now() + std::chrono::microseconds(timeout_micros)};
  TSParseOptions options{};
  if (timeout_micros != 0) {
    options.payload = &deadline;
    options.progress_callback = past_deadline;
  }
  TSInput input{};
  struct Buffer {
    std::string_view bytes;
  } buffer{source};
  input.payload = &buffer;
  input.read = [](void* payload, std::uint32_t byte, TSPoint, std::uint32_t* read) -> const char* {
    const auto* buf = static_cast<const Buffer*>(payload);
    if (byte >= buf->bytes.size()) {
      *read = 0;
      return "";
    }
    *read = static_cast<std::uint32_t>(buf->bytes.size() - byte);
    return buf->bytes.data() + byte;
  };
  input.encoding = TSInputEncodingUTF8;
  TSTree* tree = ts_parser_parse_with_options(parser_.get(), nullptr, input, options);
  if (tree == nullptr) return std::nullopt;
  return Tree(std::unique_ptr<TSTree, TreeDeleter>(tree), source);
}

}  // namespace slotlint::ts
