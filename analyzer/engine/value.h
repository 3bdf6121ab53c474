// Abstract values of the value-flow engine.
//
// A Value is immutable and cheap to copy (a shared pointer to const data). Its
// signature() is a canonical serialisation of everything that can reach the
// engine's output (texts, spans, symbols, ids, reasons): two values with the
// same signature are interchangeable, which is what makes a summary memoised
// on its arguments' signatures a pure function.
//
// Strings are ir::KeyExpr templates (literal bytes and holes with symbols);
// "unknown, because ..." is a value of its own; Alternatives hold 2..N distinct
// members in signature order, and join() widens beyond N to a template.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/il/il.h"
#include "analyzer/ir/key_expr.h"

namespace slotlint::engine {

using ModuleId = std::uint32_t;

class Value;
using Env = std::map<std::string, Value, std::less<>>;

enum class ValueKind : std::uint8_t {
  Unknown,
  Null,
  Bool,
  String,
  Number,
  Sequence,
  Collection,
  Map,
  Alternatives,
  Client,
  Batch,
  Script,
  ClassRef,
  Instance,
  Function,
  BoundMethod,
  Module,
  External,
  Path,
};

struct UnknownData {
  std::string reason;
  // Identity when the value is bound to a name (a hole in a template then
  // names it); empty when nothing can tell two such values apart.
  std::string symbol;
  std::string display;
  // An element of a collection: each element differs (a loop's variable).
  bool varies_per_element = false;
};
struct BoolData {
  std::optional<bool> value;
};
struct StringData {
  ir::KeyExpr key;
  // The project file whose whole text this is (`open(p).read()`), as the host
  // resolved it; empty for text the code builds. A script run from it is
  // read, and its findings placed, in that file.
  std::string file;
};
struct NumberData {
  std::optional<std::int64_t> value;
  std::string text;             // a known non-integer as written; empty when unknown
  std::string symbol, display;  // unknown numbers: identity for templates
};
struct SequenceData {
  il::SequenceLiteral::Kind kind = il::SequenceLiteral::Kind::List;
  std::vector<Value> items;
};
// Zero or more elements, each shaped like `element` (a comprehension, a list
// grown in a loop, an unknown list): what varies per element is marked so.
struct CollectionData {
  std::vector<Value> element;  // exactly one
  std::string reason;          // why the items are not known one by one
};
struct MapData {
  std::vector<std::pair<Value, Value>> entries;  // insertion order, keys distinct
};
struct AlternativesData {
  std::vector<Value> members;  // 2..limit, distinct, in signature order
};
// A client object; what it is, is the host's business (API model, class).
struct ClientData {
  std::string library;
  std::string api_class;
  std::string id;  // identity in the run (where it was made)
  std::optional<ir::KeyExpr> key_prefix;
  std::vector<std::pair<std::string, Value>> options;
  // Taken for a client by its name alone (a parameter called `redis_client`).
  bool by_name = false;
};
struct BatchData {
  enum class Kind : std::uint8_t { Pipeline, Transaction, Watch } kind = Kind::Pipeline;
  std::string id;             // unique in the run; see Engine (instantiated per call path)
  std::vector<Value> client;  // zero or one: the client it was made from
  ir::SourceSpan origin;
};
struct ScriptData {
  std::vector<Value> body;  // exactly one: the Lua source (a String), or Unknown
  std::optional<std::int64_t> numkeys;
  std::string id;
  std::vector<Value> client;  // zero or one: the client it was registered on
  std::string name;           // the name its body was passed by (`RENEW`); may be empty
};
struct ClassRefData {
  ModuleId module = 0;
  il::ClassId cls = il::kNone;
};
struct InstanceData {
  ModuleId module = 0;
  il::ClassId cls = il::kNone;
  std::string id;
  Env fields;
};
struct FunctionData {
  ModuleId module = 0;
  il::FunctionId function = il::kNone;
  std::shared_ptr<const Env> closure;  // captured by value at definition
  std::vector<Value> self;             // zero or one: a bound method's receiver
};
// A method of a client, batch or builtin value taken without calling it.
struct BoundMethodData {
  std::vector<Value> receiver;  // exactly one
  std::string name;
};
struct ModuleData {
  ModuleId module = 0;
};
// A name from outside the program (a library): `redis.Redis`, `len`.
struct ExternalData {
  std::string qualified_name;
};
struct PathData {
  ir::KeyExpr path;
};

class Value {
 public:
  Value();  // unknown, "no value"

  static Value unknown(std::string reason, std::string symbol = {}, std::string display = {});
  // A per-element value of a collection nothing more is known of.
  static Value element_of_unknown(std::string reason, std::string symbol, std::string display);
  static Value null();
  static Value boolean(std::optional<bool> value);
  static Value string(ir::KeyExpr key);
  static Value file_text(ir::KeyExpr text, std::string file);
  static Value number(std::int64_t value);
  static Value number_text(std::string text);
  static Value unknown_number(std::string symbol, std::string display);
  static Value sequence(std::vector<Value> items,
                        il::SequenceLiteral::Kind kind = il::SequenceLiteral::Kind::List);
  static Value collection(Value element, std::string reason);
  static Value map(std::vector<std::pair<Value, Value>> entries);
  static Value client(ClientData data);
  static Value batch(BatchData data);
  static Value script(ScriptData data);
  static Value class_ref(ModuleId module, il::ClassId cls);
  static Value instance(InstanceData data);
  static Value function(FunctionData data);
  static Value bound_method(Value receiver, std::string name);
  static Value module(ModuleId module);
  static Value external(std::string qualified_name);
  static Value path(ir::KeyExpr path);
  // Members are flattened, deduplicated and sorted; one member is itself.
  // Use join() to stay within a limit.
  static Value alternatives(std::vector<Value> members);

  [[nodiscard]] ValueKind kind() const;
  [[nodiscard]] const std::string& signature() const;
  // 128 bits of the signature (16 bytes, not text): what a containing
  // value's signature and memo keys embed, and what equality compares.
  [[nodiscard]] const std::string& digest() const;
  // Nesting: a value holding values nested deeper than kMaxDepth is unknown
  // (so that neither signatures nor destruction recurse without bound).
  [[nodiscard]] std::uint32_t depth() const;
  static constexpr std::uint32_t kMaxDepth = 64;
  [[nodiscard]] bool is(ValueKind kind) const { return this->kind() == kind; }
  friend bool operator==(const Value& a, const Value& b) { return a.digest() == b.digest(); }

  [[nodiscard]] const UnknownData& as_unknown() const;
  [[nodiscard]] const BoolData& as_bool() const;
  [[nodiscard]] const StringData& as_string() const;
  [[nodiscard]] const NumberData& as_number() const;
  [[nodiscard]] const SequenceData& as_sequence() const;
  [[nodiscard]] const CollectionData& as_collection() const;
  [[nodiscard]] const MapData& as_map() const;
  [[nodiscard]] const AlternativesData& as_alternatives() const;
  [[nodiscard]] const ClientData& as_client() const;
  [[nodiscard]] const BatchData& as_batch() const;
  [[nodiscard]] const ScriptData& as_script() const;
  [[nodiscard]] const ClassRefData& as_class_ref() const;
  [[nodiscard]] const InstanceData& as_instance() const;
  [[nodiscard]] const FunctionData& as_function() const;
  [[nodiscard]] const BoundMethodData& as_bound_method() const;
  [[nodiscard]] const ModuleData& as_module() const;
  [[nodiscard]] const ExternalData& as_external() const;
  [[nodiscard]] const PathData& as_path() const;

  // The members of an Alternatives value, or the value itself.
  [[nodiscard]] std::vector<Value> members() const;
  // A short text for messages and test failures (not an identity).
  [[nodiscard]] std::string describe() const;

  struct Data;

 private:
  explicit Value(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
  static Value make(Data data);
  std::shared_ptr<const Data> data_;
};

struct Limits {
  std::size_t alternatives = 8;
};

// The least value covering both: equal values give themselves; distinct ones
// give Alternatives up to `limits.alternatives` members, beyond that a
// template widened to a hole ("one of N values") or an unknown.
Value join(const Value& a, const Value& b, const Limits& limits);

// Several members folded into one value that covers them all, without a
// bound on members: strings give their common literal prefix and suffix around
// a hole, numbers an unknown number, sequences a collection of their items'
// join, anything else an unknown. `why` is the hole's display / the reason.
Value widen(const std::vector<Value>& members, const std::string& why, const Limits& limits);

// The string a value gives where it is used as one (a key, a template field):
// strings as they are, numbers as their digits, unknowns as a hole named by
// their symbol (or unknown keys), alternatives widened to one template.
ir::KeyExpr key_of(const Value& value, ir::SourceSpan at, const Limits& limits);
// Each alternative's key (one for any other value).
std::vector<ir::KeyExpr> alternative_keys(const Value& value, ir::SourceSpan at,
                                          const Limits& limits);

// String-ish concatenation (templates, `+` on strings), with alternatives
// combined member by member and widened past the limit.
Value concat(const Value& left, const Value& right, const Limits& limits);

// Map keys: literal strings and integers compare by their text or value
// (where they are written does not matter).
bool literal_key(const Value& value);
bool literal_equal(const Value& a, const Value& b);
// The entry of `map` (a Map value) under `key`: the equal literal key's; for
// a key not known, any entry's (joined); an unknown with a reason when none.
Value map_entry(const Value& map, const Value& key, const Limits& limits);

}  // namespace slotlint::engine
