// A client library's API model, loaded from data (frontends/<lang>/models/*.json,
// embedded at build time; users may add their own). It says how calls become
// Redis commands and what the client does with them on a cluster, so that no
// frontend or rule hard-codes a library's behaviour.
//
// A method maps to an argv template. Elements:
//   "WORD"        a literal argument (the first element is the command name)
//   "$p"          parameter p as one argument (its default when not passed)
//   "...p"        parameter p spread: list/tuple/set elements, dict keys, a
//                 single value as one argument, an unknown value as a spread
//   "#p"          the number of arguments "...p" gives
//   "keys(p)" / "values(p)" / "items(p)"   a mapping's keys, values, or
//                 key/value pairs flattened
// When "command_from_first_arg" is set (execute_command), the first argument is
// the command name and the rest are passed through.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/redis_op.h"

namespace slotlint::model {

struct Parameter {
  enum class Kind : std::uint8_t { Positional, VarArgs, KeywordOnly, VarKeywords };
  std::string name;
  Kind kind = Kind::Positional;
  std::optional<std::string> default_value;  // literal text; nullopt = required or None
};

struct TemplateElement {
  enum class Kind : std::uint8_t { Word, Param, Spread, Count, MapKeys, MapValues, MapItems };
  Kind kind = Kind::Word;
  std::string text;  // the word, or the parameter name
};

struct Method {
  std::string name;
  std::vector<Parameter> signature;
  std::vector<TemplateElement> argv;  // argv[0] is the command name (a Word)
  bool command_from_first_arg = false;
  bool splits_by_slot = false;       // the method itself splits by slot (mget_nonatomic)
  std::vector<std::string> only_on;  // client classes that have it; empty = all
  [[nodiscard]] std::string command() const;
};

struct ClientClass {
  std::string name;  // "RedisCluster"
  bool cluster = false;
  std::vector<std::string> constructors;  // dotted callee texts that create one
  ir::CrossSlotHandling cross_slot = ir::CrossSlotHandling::SentAsIs;
  std::string cross_slot_note;
  std::vector<std::string> splits;  // commands split by slot
  std::string split_note;
};

struct ApiModel {
  std::string library;
  std::string language;
  std::vector<std::string> prefilter;  // a file mentioning none of these is skipped
  std::vector<ClientClass> classes;
  std::string default_class;                         // assumed for clients recognised by name only
  std::vector<std::string> conventional_receivers;   // exact names
  std::vector<std::string> receiver_name_fragments;  // case-insensitive substrings
  std::vector<std::string> same_client_methods;      // return an object with the same API
  // ...of another class when called on `from` (RedisCluster.pipeline() gives a
  // ClusterPipeline, which behaves differently).
  struct DerivedClass {
    std::string method, from, to;
  };
  std::vector<DerivedClass> derived_classes;
  std::map<std::string, Method, std::less<>> methods;

  [[nodiscard]] const ClientClass* find_class(std::string_view name) const;
  [[nodiscard]] const ClientClass* class_for_constructor(std::string_view callee) const;
  [[nodiscard]] const Method* find_method(std::string_view name) const;
  // The class that `method` on a `from` client returns (`from` itself unless
  // the model says otherwise).
  [[nodiscard]] const ClientClass* derived_class(std::string_view method,
                                                 const ClientClass& from) const;
  [[nodiscard]] bool conventional_receiver(std::string_view name) const;
};

// Parses a model; nullopt with `error` naming the problem (and where).
std::optional<ApiModel> parse_api_model(std::string_view json_text, std::string& error);

// Parses "keys, *args, timeout=0" (Python-style) into parameters.
std::vector<Parameter> parse_signature(std::string_view signature);

}  // namespace slotlint::model
