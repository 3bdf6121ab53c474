#include "frontends/spring_config/yaml_reader.h"

#include <yaml.h>

#include <memory>
#include <optional>

#include <fmt/format.h>

namespace slotlint::spring_config {
namespace {

// Owns a libyaml parser.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (ok_) {
      yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                   text.size());
    }
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  ~Parser() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  [[nodiscard]] bool ok() const { return ok_; }
  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_{};
  bool ok_ = false;
};

// Owns one event.
class Event {
 public:
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event() {
    if (filled_) yaml_event_delete(&event_);
  }
  bool next(Parser& parser) {
    if (filled_) yaml_event_delete(&event_);
    filled_ = yaml_parser_parse(parser.get(), &event_) != 0;
    return filled_;
  }
  const yaml_event_t& operator*() const { return event_; }
  const yaml_event_t* operator->() const { return &event_; }

 private:
  yaml_event_t event_{};
  bool filled_ = false;
};

// Byte offsets of libyaml's marks, which count lines and characters.
class Offsets {
 public:
  explicit Offsets(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      // libyaml breaks lines at \n, \r\n and a lone \r.
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
        line_starts_.push_back(i + 1);
    }
  }
  [[nodiscard]] std::uint32_t at(const yaml_mark_t& mark) const {
    if (mark.line >= line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
    auto offset = line_starts_[mark.line];
    for (std::size_t column = 0; column < mark.column && offset < text_.size(); ++column) {
      ++offset;
      while (offset < text_.size() && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80)
        ++offset;
    }
    return static_cast<std::uint32_t>(offset);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

// The deepest nesting of flow collections (`[`, `{`), counted without regard
// to quotes: an over-estimate, which only ever refuses early.
std::size_t flow_nesting(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  for (char c : text) {
    if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

struct Frame {
  std::string prefix;  // the dotted key of the collection itself
  bool sequence = false;
  std::size_t items = 0;           // sequence: items so far
  std::optional<std::string> key;  // mapping: the key waiting for its value
  bool skip_value = false;         // mapping: the key was no scalar
  bool as_key = false;             // the collection is a mapping's key
};

}  // namespace

ReadSettings read_yaml(std::string_view text) {
  ReadSettings result;
  if (auto nesting = flow_nesting(text); nesting > kMaxYamlNesting) {
    result.error = fmt::format(
        "flow collections ([...], {{...}}) nested {} deep, over the {} "
        "levels read; not read",
        nesting, kMaxYamlNesting);
    return result;
  }
  Parser parser(text);
  if (!parser.ok()) {
    result.error = "the YAML parser could not be set up";
    return result;
  }
  Offsets offsets(text);
  std::vector<Frame> stack;
  std::uint32_t document = 0;
  bool documents_started = false;
  // The dotted key a value in the current collection gets; nullopt when the
  // value is no setting (under a complex key).
  auto value_key = [&]() -> std::optional<std::string> {
    if (stack.empty()) return std::nullopt;
    auto& top = stack.back();
    auto join = [&](const std::string& part) {
      return top.prefix.empty() ? part : top.prefix + "." + part;
    };
    if (top.sequence) return top.prefix + "[" + std::to_string(top.items++) + "]";
    if (top.skip_value || !top.key) return std::nullopt;
    return join(*top.key);
  };
  // After a value, the mapping waits for its next key.
  auto value_done = [&]() {
    if (!stack.empty() && !stack.back().sequence) {
      stack.back().key.reset();
      stack.back().skip_value = false;
    }
  };
  auto expecting_key = [&]() {
    return !stack.empty() && !stack.back().sequence && !stack.back().key &&
           !stack.back().skip_value;
  };
  Event event;
  for (;;) {
    if (!event.next(parser)) {
      const auto* raw = parser.get();
      result.error = fmt::format("line {}, column {}: {}", raw->problem_mark.line + 1,
                                 raw->problem_mark.column + 1,
                                 raw->problem != nullptr ? raw->problem : "invalid YAML");
      if (raw->context != nullptr) result.error += fmt::format(" ({})", raw->context);
      return result;
    }
    switch (event->type) {
      case YAML_STREAM_END_EVENT:
        return result;
      case YAML_DOCUMENT_START_EVENT:
        if (documents_started) ++document;
        documents_started = true;
        stack.clear();
        break;
      case YAML_MAPPING_START_EVENT:
      case YAML_SEQUENCE_START_EVENT: {
        bool sequence = event->type == YAML_SEQUENCE_START_EVENT;
        if (stack.size() >= kMaxYamlNesting) {
          result.error =
              fmt::format("line {}: nested over the {} levels read; the rest is not read",
                          event->start_mark.line + 1, kMaxYamlNesting);
          return result;
        }
        if (expecting_key()) {
          // A collection as a key (`? [a, b]: 1`): its value is no setting.
          stack.back().skip_value = true;
          stack.push_back({"?", sequence, 0, std::nullopt, true, true});
          break;
        }
        std::string prefix;
        if (!stack.empty()) {
          auto key = value_key();
          prefix = key ? *key : "?";
        }
        stack.push_back({std::move(prefix), sequence, 0, std::nullopt, false, false});
        break;
      }
      case YAML_MAPPING_END_EVENT:
      case YAML_SEQUENCE_END_EVENT: {
        bool as_key = !stack.empty() && stack.back().as_key;
        if (!stack.empty()) stack.pop_back();
        if (!as_key) value_done();  // a key's value is still to come
        break;
      }
      case YAML_ALIAS_EVENT:
        if (expecting_key()) {
          stack.back().skip_value = true;
        } else {
          value_key();  // counts a list item
          value_done();
        }
        break;
      case YAML_SCALAR_EVENT: {
        std::string value(reinterpret_cast<const char*>(event->data.scalar.value),
                          event->data.scalar.length);
        if (expecting_key()) {
          stack.back().key = std::move(value);
          break;
        }
        auto key = value_key();
        value_done();
        if (!key || key->starts_with('?')) break;
        Setting setting;
        setting.key = std::move(*key);
        setting.value_span.begin = offsets.at(event->start_mark);
        setting.value_span.end = offsets.at(event->end_mark);
        setting.verbatim = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                           text.substr(setting.value_span.begin,
                                       setting.value_span.end - setting.value_span.begin) == value;
        setting.value = std::move(value);
        setting.document = document;
        result.settings.push_back(std::move(setting));
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace slotlint::spring_config
