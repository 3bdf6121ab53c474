#include "analyzer/engine/value.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <variant>

#include "analyzer/ir/stable_hash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace slotlint::engine {

struct NullData {};

struct Value::Data {
  template <class Payload>
  explicit Data(Payload p) : payload(std::move(p)) {}
  // In ValueKind order: the variant's index is the kind.
  std::variant<UnknownData, NullData, BoolData, StringData, NumberData, SequenceData,
               CollectionData, MapData, AlternativesData, ClientData, BatchData, ScriptData,
               ClassRefData, InstanceData, FunctionData, BoundMethodData, ModuleData, ExternalData,
               PathData>
      payload;
  std::string signature;
  std::string digest;       // 128 bits of the signature (16 bytes): what parents embed
  std::uint32_t depth = 1;  // of nesting, counting this value
};

namespace {

// Length-prefixed, so that no text can forge a structure.
void put(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

void put(std::string& out, const ir::SourceSpan& span) {
  out += '@';
  out += std::to_string(span.file);
  out += '.';
  out += std::to_string(span.begin);
  out += '.';
  out += std::to_string(span.end);
}

void put(std::string& out, const ir::KeyExpr& key) {
  out += 'K';
  put(out, key.span());
  if (key.is_unknown()) {
    out += 'U';
    put(out, key.unknown_reason());
    return;
  }
  if (key.is_collection()) out += 'C';
  for (const auto& segment : key.segments()) {
    if (const auto* literal = std::get_if<ir::LiteralSegment>(&segment)) {
      out += 'L';
      put(out, literal->text);
      put(out, literal->span);
      out += literal->maps_to_source ? 'm' : '-';
      out += literal->escaping == ir::BraceEscaping::Doubled ? 'd' : '-';
    } else {
      const auto& hole = std::get<ir::HoleSegment>(segment);
      out += 'H';
      put(out, hole.symbol);
      put(out, hole.display);
      put(out, hole.span);
      out += hole.varies_per_element ? 'v' : '-';
      out += hole.in_string_literal ? 'i' : '-';
      out += hole.over_budget ? 'b' : '-';
      out += hole.escaping == ir::BraceEscaping::Doubled ? 'd' : '-';
    }
  }
  out += ';';
}

struct Signer {
  std::string& out;
  std::uint32_t depth = 0;  // the deepest child's

  // A child is embedded by its digest: a parent's signature does not grow
  // with its children's, however they nest or repeat.
  void child(const Value& value) {
    out += value.digest();
    depth = std::max(depth, value.depth());
  }
  void put(std::string_view text) { engine::put(out, text); }
  void put(const ir::SourceSpan& span) { engine::put(out, span); }
  void put(const ir::KeyExpr& key) { engine::put(out, key); }
  void put(const std::vector<Value>& values) {
    out += '(';
    for (const auto& value : values) {
      child(value);
      out += ',';
    }
    out += ')';
  }
  void put(const Env& env) {
    out += '{';
    for (const auto& [name, value] : env) {
      put(name);
      child(value);
      out += ',';
    }
    out += '}';
  }

  void operator()(const UnknownData& d) {
    out += '?';
    put(d.reason);
    put(d.symbol);
    put(d.display);
    out += d.varies_per_element ? 'v' : '-';
  }
  void operator()(const NullData&) { out += "null"; }
  void operator()(const BoolData& d) { out += !d.value ? "bool?" : (*d.value ? "true" : "false"); }
  void operator()(const StringData& d) {
    // A file's text is named by its file: the same file, the same text.
    if (!d.file.empty()) {
      out += 'f';
      put(d.file);
      return;
    }
    out += 's';
    put(d.key);
  }
  void operator()(const NumberData& d) {
    out += 'n';
    if (d.value) {
      out += std::to_string(*d.value);
    } else {
      put(d.text);
      put(d.symbol);
      put(d.display);
    }
  }
  void operator()(const SequenceData& d) {
    out += "seq";
    out += std::to_string(static_cast<int>(d.kind));
    put(d.items);
  }
  void operator()(const CollectionData& d) {
    out += "coll";
    put(d.element);
    put(d.reason);
  }
  void operator()(const MapData& d) {
    out += "map{";
    for (const auto& [key, value] : d.entries) {
      child(key);
      out += '=';
      child(value);
      out += ',';
    }
    out += '}';
  }
  void operator()(const AlternativesData& d) {
    out += "alt";
    put(d.members);
  }
  void operator()(const ClientData& d) {
    out += "client";
    put(d.library);
    put(d.api_class);
    put(d.id);
    if (d.by_name) out += "~name";
    if (d.key_prefix) put(*d.key_prefix);
    out += '{';
    for (const auto& [name, value] : d.options) {
      put(name);
      child(value);
    }
    out += '}';
  }
  void operator()(const BatchData& d) {
    out += "batch";
    out += std::to_string(static_cast<int>(d.kind));
    put(d.id);
    put(d.client);
    put(d.origin);
  }
  void operator()(const ScriptData& d) {
    out += "script";
    put(d.body);
    out += d.numkeys ? std::to_string(*d.numkeys) : "?";
    put(d.id);
    put(d.client);
  }
  void operator()(const ClassRefData& d) {
    out += "class" + std::to_string(d.module) + "." + std::to_string(d.cls);
  }
  void operator()(const InstanceData& d) {
    out += "inst" + std::to_string(d.module) + "." + std::to_string(d.cls);
    put(d.id);
    put(d.fields);
  }
  void operator()(const FunctionData& d) {
    out += "fn" + std::to_string(d.module) + "." + std::to_string(d.function);
    if (d.closure) put(*d.closure);
    put(d.self);
  }
  void operator()(const BoundMethodData& d) {
    out += "method";
    put(d.receiver);
    put(d.name);
  }
  void operator()(const ModuleData& d) { out += "module" + std::to_string(d.module); }
  void operator()(const ExternalData& d) {
    out += "ext";
    put(d.qualified_name);
  }
  void operator()(const PathData& d) {
    out += "path";
    put(d.path);
  }
};

const Value& no_value() {
  static const Value value = Value::unknown("no value");
  return value;
}

std::string hex(std::uint64_t hash) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

// XXH3's 128 bits, big-endian: a fixed length, so a parent embedding it needs
// no length prefix. The seed is fixed: the same value, the same digest in
// every run.
std::string digest_of(std::string_view signature) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits(signature.data(), signature.size()));
  return {reinterpret_cast<const char*>(canonical.digest), sizeof canonical.digest};
}

}  // namespace

Value Value::make(Data data) {
  Signer signer{data.signature};
  std::visit(signer, data.payload);
  data.depth = signer.depth + 1;
  if (data.depth > kMaxDepth) {
    return unknown("a value nested deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  data.digest = digest_of(data.signature);
  return Value(std::make_shared<const Data>(std::move(data)));
}

Value::Value() : data_(no_value().data_) {}

Value Value::unknown(std::string reason, std::string symbol, std::string display) {
  return make(Data(UnknownData{std::move(reason), std::move(symbol), std::move(display), false}));
}
Value Value::element_of_unknown(std::string reason, std::string symbol, std::string display) {
  return make(Data(UnknownData{std::move(reason), std::move(symbol), std::move(display), true}));
}
Value Value::null() { return make(Data(NullData{})); }
Value Value::boolean(std::optional<bool> value) { return make(Data(BoolData{value})); }
Value Value::string(ir::KeyExpr key) { return make(Data(StringData{std::move(key), {}})); }
Value Value::file_text(ir::KeyExpr text, std::string file) {
  return make(Data(StringData{std::move(text), std::move(file)}));
}
Value Value::number(std::int64_t value) { return make(Data(NumberData{value, {}, {}, {}})); }
Value Value::number_text(std::string text) {
  return make(Data(NumberData{std::nullopt, std::move(text), {}, {}}));
}
Value Value::unknown_number(std::string symbol, std::string display) {
  return make(Data(NumberData{std::nullopt, {}, std::move(symbol), std::move(display)}));
}
Value Value::sequence(std::vector<Value> items, il::SequenceLiteral::Kind kind) {
  return make(Data(SequenceData{kind, std::move(items)}));
}
Value Value::collection(Value element, std::string reason) {
  return make(Data(CollectionData{{std::move(element)}, std::move(reason)}));
}
Value Value::map(std::vector<std::pair<Value, Value>> entries) {
  return make(Data(MapData{std::move(entries)}));
}
Value Value::client(ClientData data) { return make(Data(std::move(data))); }
Value Value::batch(BatchData data) { return make(Data(std::move(data))); }
Value Value::script(ScriptData data) { return make(Data(std::move(data))); }
Value Value::class_ref(ModuleId module, il::ClassId cls) {
  return make(Data(ClassRefData{module, cls}));
}
Value Value::instance(InstanceData data) { return make(Data(std::move(data))); }
Value Value::function(FunctionData data) { return make(Data(std::move(data))); }
Value Value::bound_method(Value receiver, std::string name) {
  return make(Data(BoundMethodData{{std::move(receiver)}, std::move(name)}));
}
Value Value::module(ModuleId module) { return make(Data(ModuleData{module})); }
Value Value::external(std::string qualified_name) {
  return make(Data(ExternalData{std::move(qualified_name)}));
}
Value Value::path(ir::KeyExpr path) { return make(Data(PathData{std::move(path)})); }

Value Value::alternatives(std::vector<Value> members) {
  std::vector<Value> flat;
  for (auto& member : members) {
    if (member.is(ValueKind::Alternatives)) {
      for (const auto& inner : member.as_alternatives().members) flat.push_back(inner);
    } else {
      flat.push_back(std::move(member));
    }
  }
  std::ranges::sort(flat, {}, [](const Value& v) -> const std::string& { return v.signature(); });
  auto duplicates = std::ranges::unique(
      flat, {}, [](const Value& v) -> const std::string& { return v.signature(); });
  flat.erase(duplicates.begin(), duplicates.end());
  if (flat.empty()) return Value::unknown("no alternative");
  if (flat.size() == 1) return flat.front();
  return make(Data(AlternativesData{std::move(flat)}));
}

ValueKind Value::kind() const { return static_cast<ValueKind>(data_->payload.index()); }
const std::string& Value::signature() const { return data_->signature; }
const std::string& Value::digest() const { return data_->digest; }
std::uint32_t Value::depth() const { return data_->depth; }

#define SLOTLINT_VALUE_ACCESSOR(method, type)                                  \
  const type& Value::method() const {                                          \
    if (const auto* data = std::get_if<type>(&data_->payload)) return *data;   \
    throw std::logic_error("engine value is not a " #type ": " + signature()); \
  }
SLOTLINT_VALUE_ACCESSOR(as_unknown, UnknownData)
SLOTLINT_VALUE_ACCESSOR(as_bool, BoolData)
SLOTLINT_VALUE_ACCESSOR(as_string, StringData)
SLOTLINT_VALUE_ACCESSOR(as_number, NumberData)
SLOTLINT_VALUE_ACCESSOR(as_sequence, SequenceData)
SLOTLINT_VALUE_ACCESSOR(as_collection, CollectionData)
SLOTLINT_VALUE_ACCESSOR(as_map, MapData)
SLOTLINT_VALUE_ACCESSOR(as_alternatives, AlternativesData)
SLOTLINT_VALUE_ACCESSOR(as_client, ClientData)
SLOTLINT_VALUE_ACCESSOR(as_batch, BatchData)
SLOTLINT_VALUE_ACCESSOR(as_script, ScriptData)
SLOTLINT_VALUE_ACCESSOR(as_class_ref, ClassRefData)
SLOTLINT_VALUE_ACCESSOR(as_instance, InstanceData)
SLOTLINT_VALUE_ACCESSOR(as_function, FunctionData)
SLOTLINT_VALUE_ACCESSOR(as_bound_method, BoundMethodData)
SLOTLINT_VALUE_ACCESSOR(as_module, ModuleData)
SLOTLINT_VALUE_ACCESSOR(as_external, ExternalData)
SLOTLINT_VALUE_ACCESSOR(as_path, PathData)
#undef SLOTLINT_VALUE_ACCESSOR

std::vector<Value> Value::members() const {
  if (is(ValueKind::Alternatives)) return as_alternatives().members;
  return {*this};
}

std::string Value::describe() const {
  switch (kind()) {
    case ValueKind::Unknown:
      return "<unknown: " + as_unknown().reason + ">";
    case ValueKind::Null:
      return "null";
    case ValueKind::Bool:
      return signature();
    case ValueKind::String:
      return "'" + as_string().key.display() + "'";
    case ValueKind::Number: {
      const auto& number = as_number();
      if (number.value) return std::to_string(*number.value);
      return number.text.empty() ? "<number " + number.display + ">" : number.text;
    }
    case ValueKind::Sequence: {
      std::string text = "[";
      for (const auto& item : as_sequence().items) text += item.describe() + ", ";
      return text + "]";
    }
    case ValueKind::Collection:
      return "[" + as_collection().element.front().describe() + ", ...]";
    case ValueKind::Alternatives: {
      std::string text = "one of (";
      for (const auto& member : as_alternatives().members) text += member.describe() + " | ";
      return text + ")";
    }
    case ValueKind::Client:
      return "client " + as_client().library + " " + as_client().api_class;
    case ValueKind::Batch:
      return "batch " + as_batch().id;
    case ValueKind::External:
      return "external " + as_external().qualified_name;
    default:
      return signature();
  }
}

// ---- join and widening ----------------------------------------------------

namespace {

// The leading (or trailing) literal bytes of a key.
std::string edge_literal(const ir::KeyExpr& key, bool leading) {
  std::string text;
  const auto& segments = key.segments();
  if (leading) {
    for (const auto& segment : segments) {
      const auto* literal = std::get_if<ir::LiteralSegment>(&segment);
      if (literal == nullptr) break;
      text += literal->text;
    }
  } else {
    for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
      const auto* literal = std::get_if<ir::LiteralSegment>(&*it);
      if (literal == nullptr) break;
      text.insert(0, literal->text);
    }
  }
  return text;
}

bool stringish(const Value& value) {
  return value.is(ValueKind::String) || value.is(ValueKind::Number);
}

Value widen_strings(const std::vector<Value>& members, const std::string& why, const Limits& limits,
                    const std::string& symbol) {
  std::vector<ir::KeyExpr> keys;
  bool collection = false;
  for (const auto& member : members) {
    keys.push_back(key_of(member, {}, limits));
    if (keys.back().is_unknown()) return Value::unknown(why + ", " + keys.back().unknown_reason());
    collection = collection || keys.back().is_collection();
  }
  std::string prefix = edge_literal(keys.front(), true);
  std::string suffix = edge_literal(keys.front(), false);
  bool all_literal = true;
  for (const auto& key : keys) {
    all_literal = all_literal && key.is_literal();
    auto lead = edge_literal(key, true);
    auto trail = edge_literal(key, false);
    auto common = std::ranges::mismatch(prefix, lead).in1 - prefix.begin();
    prefix.resize(static_cast<std::size_t>(common));
    std::size_t same = 0;
    while (same < suffix.size() && same < trail.size() &&
           suffix[suffix.size() - 1 - same] == trail[trail.size() - 1 - same]) {
      ++same;
    }
    suffix.erase(0, suffix.size() - same);
  }
  // Literal members: the prefix and suffix must not overlap in the shortest.
  std::size_t shortest = keys.front().literal_text().size();
  for (const auto& key : keys) shortest = std::min(shortest, key.literal_text().size());
  if (all_literal && prefix.size() + suffix.size() > shortest) {
    suffix.erase(0, prefix.size() + suffix.size() - shortest);
  }
  ir::SourceSpan span = keys.front().span();
  ir::KeyExpr result;
  result.append(ir::KeyExpr::literal(prefix, span, false));
  result.append(ir::KeyExpr::hole(symbol, why, span));
  result.append(ir::KeyExpr::literal(suffix, span, false));
  result.set_span(span);
  if (collection) result.mark_collection();
  return Value::string(std::move(result));
}

}  // namespace

Value widen(const std::vector<Value>& members, const std::string& why, const Limits& limits) {
  if (members.empty()) return Value::unknown(why);
  std::string joined;
  for (const auto& member : members) joined += member.digest();
  const std::string symbol = "widened:" + hex(ir::stable_hash(joined));
  auto all = [&](auto predicate) { return std::ranges::all_of(members, predicate); };
  if (all([](const Value& v) { return v.is(ValueKind::Number); })) {
    return Value::unknown_number(symbol, why);
  }
  if (all(stringish)) return widen_strings(members, why, limits, symbol);
  if (all([](const Value& v) {
        return v.is(ValueKind::Sequence) || v.is(ValueKind::Collection);
      })) {
    std::vector<Value> elements;
    for (const auto& member : members) {
      if (member.is(ValueKind::Sequence)) {
        for (const auto& item : member.as_sequence().items) elements.push_back(item);
      } else {
        elements.push_back(member.as_collection().element.front());
      }
    }
    if (elements.empty()) return Value::collection(Value::unknown("no element"), why);
    Value element = Value::alternatives(elements);
    if (element.members().size() > limits.alternatives)
      element = widen(element.members(), why, limits);
    return Value::collection(element, why);
  }
  if (all([&](const Value& v) {
        return v.is(ValueKind::Instance) && v.as_instance().id == members.front().as_instance().id;
      })) {
    // One object whose fields differ: join field by field.
    InstanceData data = members.front().as_instance();
    for (std::size_t i = 1; i < members.size(); ++i) {
      const auto& fields = members[i].as_instance().fields;
      for (const auto& [name, value] : fields) {
        auto found = data.fields.find(name);
        data.fields[name] = found == data.fields.end() ? value : join(found->second, value, limits);
      }
    }
    return Value::instance(std::move(data));
  }
  if (all([](const Value& v) { return v.is(ValueKind::Unknown); })) {
    return members.front();
  }
  return Value::unknown(why);
}

Value join(const Value& a, const Value& b, const Limits& limits) {
  if (a == b) return a;
  // The same object (collection, instance) on both paths: join what is inside.
  if (a.is(ValueKind::Collection) && b.is(ValueKind::Collection)) {
    const auto& left = a.as_collection();
    const auto& right = b.as_collection();
    return Value::collection(join(left.element.front(), right.element.front(), limits),
                             std::min(left.reason, right.reason));
  }
  if (a.is(ValueKind::Instance) && b.is(ValueKind::Instance) &&
      a.as_instance().id == b.as_instance().id) {
    return widen({a, b}, "differs between paths", limits);
  }
  if (a.is(ValueKind::Unknown) && b.is(ValueKind::Unknown)) {
    // Either of two unknowns is neither: named by one of them, a key built
    // from it would be proven equal to a key built from that one alone
    // (`name or uuid4().hex` is not `name`). Named by both when both have a
    // name; nameless (no key is proven equal to it) otherwise.
    const auto& left = a.signature() < b.signature() ? a.as_unknown() : b.as_unknown();
    const auto& right = a.signature() < b.signature() ? b.as_unknown() : a.as_unknown();
    if (left.symbol.empty() || right.symbol.empty()) {
      const auto& nameless = left.symbol.empty() ? left : right;
      if (left.varies_per_element || right.varies_per_element)
        return Value::element_of_unknown(nameless.reason, {}, {});
      return Value::unknown(nameless.reason);
    }
    std::string symbol = "either(" + left.symbol + "|" + right.symbol + ")";
    // Shown as each distinct part once (`id or uuid4()`, not `_id or _id`).
    std::vector<std::string_view> parts;
    for (const auto* side : {&left.display, &right.display}) {
      std::string_view rest = *side;
      while (true) {
        auto cut = rest.find(" or ");
        auto part = rest.substr(0, cut);
        if (!part.empty() && std::ranges::find(parts, part) == parts.end()) parts.push_back(part);
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + 4);
      }
    }
    std::ranges::sort(parts);
    std::string display;
    for (auto part : parts) display += (display.empty() ? "" : " or ") + std::string(part);
    std::string reason = "one of " + left.reason + " and " + right.reason;
    if (left.varies_per_element || right.varies_per_element)
      return Value::element_of_unknown(std::move(reason), std::move(symbol), std::move(display));
    return Value::unknown(std::move(reason), std::move(symbol), std::move(display));
  }
  Value members = Value::alternatives({a, b});
  auto count = members.members().size();
  if (count <= limits.alternatives) return members;
  return widen(members.members(), "one of " + std::to_string(count) + " values", limits);
}

// ---- strings --------------------------------------------------------------

ir::KeyExpr key_of(const Value& value, ir::SourceSpan at, const Limits& limits) {
  switch (value.kind()) {
    case ValueKind::String:
      return value.as_string().key;
    case ValueKind::Path:
      return value.as_path().path;
    case ValueKind::Number: {
      const auto& number = value.as_number();
      if (number.value) return ir::KeyExpr::literal(std::to_string(*number.value), at, false);
      if (!number.text.empty()) return ir::KeyExpr::literal(number.text, at, false);
      if (number.symbol.empty()) return ir::KeyExpr::unknown("a number not known", at);
      return ir::KeyExpr::hole(number.symbol, number.display, at);
    }
    case ValueKind::Unknown: {
      const auto& unknown = value.as_unknown();
      if (unknown.symbol.empty()) return ir::KeyExpr::unknown(unknown.reason, at);
      return ir::KeyExpr::hole(unknown.symbol,
                               unknown.display.empty() ? unknown.symbol : unknown.display, at,
                               unknown.varies_per_element);
    }
    case ValueKind::Alternatives: {
      const auto& members = value.as_alternatives().members;
      Value widened =
          widen(members, "one of " + std::to_string(members.size()) + " values", limits);
      if (widened.is(ValueKind::Alternatives)) return ir::KeyExpr::unknown("alternatives", at);
      return key_of(widened, at, limits);
    }
    case ValueKind::Collection: {
      auto key = key_of(value.as_collection().element.front(), at, limits);
      key.mark_collection();
      return key;
    }
    default:
      return ir::KeyExpr::unknown("not a string: " + value.describe(), at);
  }
}

std::vector<ir::KeyExpr> alternative_keys(const Value& value, ir::SourceSpan at,
                                          const Limits& limits) {
  std::vector<ir::KeyExpr> keys;
  for (const auto& member : value.members()) keys.push_back(key_of(member, at, limits));
  return keys;
}

Value concat(const Value& left, const Value& right, const Limits& limits) {
  if (left.is(ValueKind::Alternatives) || right.is(ValueKind::Alternatives)) {
    std::vector<Value> results;
    for (const auto& l : left.members()) {
      for (const auto& r : right.members()) results.push_back(concat(l, r, limits));
    }
    Value all = Value::alternatives(results);
    auto count = all.members().size();
    if (count <= limits.alternatives) return all;
    return widen(all.members(), "one of " + std::to_string(count) + " values", limits);
  }
  ir::KeyExpr key = key_of(left, {}, limits);
  key.append(key_of(right, {}, limits));
  if (key.is_unknown()) return Value::unknown(key.unknown_reason());
  return Value::string(std::move(key));
}

// ---- maps -----------------------------------------------------------------

bool literal_equal(const Value& a, const Value& b) {
  if (a.is(ValueKind::String) && b.is(ValueKind::String)) {
    const auto& x = a.as_string().key;
    const auto& y = b.as_string().key;
    return x.is_literal() && y.is_literal() && x.literal_text() == y.literal_text();
  }
  if (a.is(ValueKind::Number) && b.is(ValueKind::Number)) {
    return a.as_number().value && a.as_number().value == b.as_number().value;
  }
  return false;
}

bool literal_key(const Value& value) {
  return (value.is(ValueKind::String) && value.as_string().key.is_literal()) ||
         (value.is(ValueKind::Number) && value.as_number().value);
}

Value map_entry(const Value& map, const Value& key, const Limits& limits) {
  const auto& entries = map.as_map().entries;
  if (literal_key(key)) {
    for (const auto& [k, v] : entries) {
      if (literal_equal(k, key)) return v;
    }
    bool all_literal =
        std::ranges::all_of(entries, [](const auto& e) { return literal_key(e.first); });
    if (all_literal) return Value::unknown("no entry " + key.describe() + " in the map");
  }
  if (entries.empty()) return Value::unknown("an entry of an empty map");
  std::optional<Value> out;
  for (const auto& [k, v] : entries) out = out ? join(*out, v, limits) : v;
  return *out;
}

}  // namespace slotlint::engine
