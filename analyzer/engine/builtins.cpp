#include "analyzer/engine/builtins.h"

#include <fnmatch.h>

#include <algorithm>
#include <charconv>
#include <utility>

namespace slotlint::engine {

Builtins::Builtins(std::vector<BuiltinRow> rows, std::vector<FixtureConvention> fixtures,
                   std::vector<MockPatcher> patchers)
    : rows_(std::move(rows)), fixtures_(std::move(fixtures)), patchers_(std::move(patchers)) {}

namespace {

// unittest.mock (and `mock`, its backport on PyPI): what makes a mock, and
// the patchers that hand a decorated function one as a parameter.
void add_python_mocks(std::vector<BuiltinRow>& rows, std::vector<MockPatcher>& patchers) {
  for (std::string package : {"unittest.mock.", "mock."}) {
    for (const char* maker :
         {"Mock", "MagicMock", "AsyncMock", "NonCallableMock", "NonCallableMagicMock",
          "PropertyMock", "create_autospec", "patch", "patch.object"}) {
      rows.push_back({"python", package + maker, false, BuiltinOp::Mock});
    }
    patchers.push_back({"python", package + "patch", 1, "new"});
    patchers.push_back({"python", package + "patch.object", 2, "new"});
  }
}

}  // namespace

Builtins Builtins::defaults() {
  using enum BuiltinOp;
  std::vector<BuiltinRow> rows({
      {"python", "len", false, Length},
      {"python", "str", false, ToString},
      {"python", "join", true, SeparatorJoin},
      {"python", "os.path.join", false, PathJoin},
      {"python", "os.listdir", false, ListDirectory},
      {"python", "glob.glob", false, Glob},
      {"python", "glob.iglob", false, Glob},
      {"python", "glob", true, Glob},
      {"python", "stem", true, FileStem},
      {"python", "name", true, Basename},
      {"python", "os.path.basename", false, Basename},
      {"python", "read_text", true, ReadFile},
      {"python", "append", true, Append},
      {"python", "add", true, Append},
      {"python", "extend", true, Extend},
      {"python", "get", true, MapGet},
      {"python", "read", true, ReadFile},
      {"python", "open", false, AsPath},
      {"python", "pathlib.Path", false, AsPath},
      {"python", "os.path.abspath", false, AsPath},
      {"python", "os.path.realpath", false, AsPath},
      {"python", "os.path.dirname", false, PathParent},
      {"python", "parent", true, PathParent},
      {"python", "decode", true, Same},
      {"python", "encode", true, Same},
      {"python", "strip", true, Same},
      {"python", "pkgutil.get_data", false, ModuleData},
      {"python", "__class__", true, ClassOf},
      {"python", "type", false, ClassOf},
      {"python", "format", true, Format},
      {"python", "uuid.uuid1", false, Fresh},
      {"python", "uuid.uuid4", false, Fresh},
      {"python", "secrets.token_hex", false, Fresh},
      {"python", "secrets.token_urlsafe", false, Fresh},
      {"javascript", "String", false, ToString},
      {"javascript", "length", true, Length},
      {"javascript", "join", true, JoinItems},
      {"javascript", "push", true, Append},
      {"javascript", "get", true, MapGet},
      {"javascript", "path.join", false, PathJoin},
      {"javascript", "fs.readFileSync", false, ReadFile},
      {"javascript", "fs.readdirSync", false, ListDirectory},
      {"cpp", "std::to_string", false, ToString},
      {"cpp", "push_back", true, Append},
      {"cpp", "emplace_back", true, Append},
      {"cpp", "insert", true, Append},
      {"cpp", "size", true, Length},
      {"cpp", "std::basic_ifstream<char>", false, AsPath},
      {"cpp", "rdbuf", true, ReadFile},
      {"javascript", "fs.readFile", false, ReadFile},
      {"javascript", "fs.promises.readFile", false, ReadFile},
      {"javascript", "fs/promises.readFile", false, ReadFile},
      {"javascript", "path.dirname", false, PathParent},
      {"javascript", "path.resolve", false, PathJoin},
      {"javascript", "path.posix.join", false, PathJoin},
      {"javascript", "toString", true, ToString},
      {"javascript", "trim", true, Same},
      {"javascript", "crypto.randomUUID", false, Fresh},
      {"javascript", "node:crypto.randomUUID", false, Fresh},
      {"javascript", "uuid.v4", false, Fresh},
      {"javascript", "uuid.v1", false, Fresh},
      {"javascript", "redis.defineScript", false, Same},
      {"javascript", "@redis/client.defineScript", false, Same},
      {"javascript", "replace", true, DeleteLayout},
      {"javascript", "replaceAll", true, DeleteLayout},
      {"javascript", "trimStart", true, Same},
      {"javascript", "trimEnd", true, Same},
      {"javascript", "path.basename", false, Basename},
      {"javascript", "split", true, Split},
      {"javascript", "Number", false, ToNumber},
      {"javascript", "parseInt", false, ToNumber},
      {"javascript", "Object.entries", false, MapEntries},
      {"javascript", "Object.keys", false, MapKeys},
      {"javascript", "Object.values", false, MapValues},
      {"javascript", "Object.fromEntries", false, MapFromPairs},
      {"javascript", "Map", false, MapFromPairs},
      {"javascript", "Array.from", false, Same},
      {"javascript", "concat", true, Extend},
      {"javascript", "forEach", true, EachElement},
      {"javascript", "map", true, MapElements},
      {"javascript", "flatMap", true, FlatMapElements},
      {"javascript", "filter", true, FilterElements},
  });
  std::vector<MockPatcher> patchers;
  add_python_mocks(rows, patchers);
  // pytest (and pytest-asyncio's async fixtures): test_* functions and
  // Test* classes' test* methods take fixtures by parameter name, from their
  // module, their class, and every conftest.py from their folder up.
  std::vector<FixtureConvention> fixtures{
      {"python",
       {"pytest.fixture", "pytest_asyncio.fixture"},
       "name",
       "test",
       "Test",
       "conftest.py"},
  };
  return Builtins(std::move(rows), std::move(fixtures), std::move(patchers));
}

const FixtureConvention* Builtins::fixtures(std::string_view language) const {
  auto found = std::ranges::find_if(
      fixtures_, [&](const FixtureConvention& row) { return row.language == language; });
  return found == fixtures_.end() ? nullptr : &*found;
}

const MockPatcher* Builtins::patcher(std::string_view language, std::string_view name) const {
  auto found = std::ranges::find_if(patchers_, [&](const MockPatcher& row) {
    return row.language == language && row.name == name;
  });
  return found == patchers_.end() ? nullptr : &*found;
}

bool calls_back(BuiltinOp op) {
  return op == BuiltinOp::EachElement || op == BuiltinOp::MapElements ||
         op == BuiltinOp::FlatMapElements || op == BuiltinOp::FilterElements;
}

Value mock_value(const std::string& origin) { return Value::external("mock:" + origin); }

bool is_mock(const Value& value) {
  return value.is(ValueKind::External) && value.as_external().qualified_name.starts_with("mock:");
}

const BuiltinRow* Builtins::find(std::string_view language, std::string_view name,
                                 bool method) const {
  auto found = std::ranges::find_if(rows_, [&](const BuiltinRow& row) {
    return row.method == method && row.language == language && row.name == name;
  });
  return found == rows_.end() ? nullptr : &*found;
}

namespace {

std::vector<Value> positional(const std::vector<ArgValue>& args) {
  std::vector<Value> values;
  for (const auto& arg : args) {
    if (arg.kind == il::Argument::Kind::Positional) values.push_back(arg.value);
  }
  return values;
}

std::string symbol_at(const CallSite& site, std::string_view what) {
  return std::string(what) + ":" + site.id();
}

Value length(const Value& value, const CallSite& site) {
  switch (value.kind()) {
    case ValueKind::Sequence:
      return Value::number(static_cast<std::int64_t>(value.as_sequence().items.size()));
    case ValueKind::Map:
      return Value::number(static_cast<std::int64_t>(value.as_map().entries.size()));
    case ValueKind::String:
      if (value.as_string().key.is_literal()) {
        return Value::number(
            static_cast<std::int64_t>(value.as_string().key.literal_text().size()));
      }
      break;
    default:
      break;
  }
  return Value::unknown_number(symbol_at(site, "len"), "the length of " + value.describe());
}

// The items of a sequence, or of a collection as one per-element item.
std::optional<std::vector<Value>> items_of(const Value& value) {
  if (value.is(ValueKind::Sequence)) return value.as_sequence().items;
  return std::nullopt;
}

Value join_items(const Value& items, const Value& separator, const Limits& limits) {
  auto known = items_of(items);
  if (!known) {
    if (items.is(ValueKind::Collection)) {
      return Value::unknown("a join of a collection: how many items is not known");
    }
    return Value::unknown("a join of " + items.describe());
  }
  if (known->empty()) return Value::string(ir::KeyExpr{});
  Value result = known->front();
  for (std::size_t i = 1; i < known->size(); ++i) {
    result = concat(concat(result, separator, limits), (*known)[i], limits);
  }
  return concat(Value::string(ir::KeyExpr{}), result, limits);
}

Value appended(const Value& receiver, const std::vector<Value>& items, const Limits& limits) {
  if (receiver.is(ValueKind::Sequence)) {
    auto all = receiver.as_sequence().items;
    all.insert(all.end(), items.begin(), items.end());
    return Value::sequence(std::move(all), receiver.as_sequence().kind);
  }
  if (receiver.is(ValueKind::Collection)) {
    Value element = receiver.as_collection().element.front();
    for (const auto& item : items) element = join(element, item, limits);
    return Value::collection(element, receiver.as_collection().reason);
  }
  return receiver;
}

// A folder's entries when the host cannot list them (or there are more
// than a folder of scripts holds: each becomes a value the analysis
// carries): each a file name nothing is known of.
constexpr std::size_t kListedFiles = 256;

Value unknown_entries(const CallSite& site) {
  return Value::collection(
      Value::element_of_unknown("a file name", symbol_at(site, "entry"), "file name"),
      "the folder's entries are not known");
}

// A path or string value's text, when it is known.
std::optional<std::string> path_text(const Value& value, const CallSite& site,
                                     const Limits& limits) {
  if (!value.is(ValueKind::Path) && !value.is(ValueKind::String)) return std::nullopt;
  auto key = value.is(ValueKind::Path) ? value.as_path().path : key_of(value, site.span, limits);
  if (!key.is_literal()) return std::nullopt;
  return key.literal_text();
}

}  // namespace

namespace {

// The operations on one path or string that apply to each of several: a
// file read of `dir/<a or b>` reads both.
bool distributes(BuiltinOp op) {
  return op == BuiltinOp::ReadFile || op == BuiltinOp::AsPath || op == BuiltinOp::PathParent ||
         op == BuiltinOp::Basename || op == BuiltinOp::Split || op == BuiltinOp::ToNumber;
}

std::optional<std::string> literal_string_of(const Value& value) {
  if (!value.is(ValueKind::String) || !value.as_string().key.is_literal()) return std::nullopt;
  return value.as_string().key.literal_text();
}

BuiltinResult apply_one(BuiltinOp op, const std::optional<Value>& receiver,
                        const std::vector<ArgValue>& args, Host& host, const Limits& limits,
                        const CallSite& site, std::string_view name);

}  // namespace

BuiltinResult apply_builtin(BuiltinOp op, const std::optional<Value>& receiver,
                            const std::vector<ArgValue>& args, Host& host, const Limits& limits,
                            const CallSite& site, std::string_view name) {
  if (distributes(op)) {
    auto each = [&](const std::vector<Value>& members, auto&& apply) {
      std::optional<Value> out;
      for (const auto& member : members) {
        Value one = apply(member);
        out = out ? join(*out, one, limits) : one;
      }
      return BuiltinResult{*out, std::nullopt};
    };
    if (receiver && receiver->is(ValueKind::Alternatives)) {
      return each(receiver->as_alternatives().members, [&](const Value& member) {
        return apply_one(op, member, args, host, limits, site, name).value;
      });
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (!args[i].value.is(ValueKind::Alternatives)) continue;
      return each(args[i].value.as_alternatives().members, [&](const Value& member) {
        auto one = args;
        one[i].value = member;
        return apply_builtin(op, receiver, one, host, limits, site, name).value;
      });
    }
  }
  return apply_one(op, receiver, args, host, limits, site, name);
}

namespace {

BuiltinResult apply_one(BuiltinOp op, const std::optional<Value>& receiver,
                        const std::vector<ArgValue>& args, Host& host, const Limits& limits,
                        const CallSite& site, std::string_view name) {
  auto values = positional(args);
  auto arg = [&](std::size_t i) {
    return i < values.size() ? values[i] : Value::unknown("argument not passed");
  };
  switch (op) {
    case BuiltinOp::Length:
      return {length(receiver ? *receiver : arg(0), site), std::nullopt};
    case BuiltinOp::SeparatorJoin:
      return {join_items(arg(0), receiver ? *receiver : Value(), limits), std::nullopt};
    case BuiltinOp::JoinItems: {
      Value separator =
          values.empty() ? Value::string(ir::KeyExpr::literal(",", {}, false)) : arg(0);
      return {join_items(receiver ? *receiver : Value(), separator, limits), std::nullopt};
    }
    case BuiltinOp::PathJoin: {
      if (values.empty()) return {Value::unknown("a path join of nothing"), std::nullopt};
      Value path = values.front();
      for (std::size_t i = 1; i < values.size(); ++i) {
        path = concat(concat(path, Value::string(ir::KeyExpr::literal("/", {}, false)), limits),
                      values[i], limits);
      }
      if (path.is(ValueKind::String)) return {Value::path(path.as_string().key), std::nullopt};
      return {path, std::nullopt};
    }
    case BuiltinOp::AsPath:
    case BuiltinOp::PathParent: {
      Value path = receiver ? *receiver : arg(0);
      auto key = path.is(ValueKind::Path) ? path.as_path().path : key_of(path, site.span, limits);
      if (op == BuiltinOp::AsPath) return {Value::path(std::move(key)), std::nullopt};
      if (!key.is_literal())
        return {Value::unknown("the folder of " + key.display()), std::nullopt};
      auto text = key.literal_text();
      auto slash = text.rfind('/');
      text = slash == std::string::npos ? std::string() : text.substr(0, slash);
      return {Value::path(ir::KeyExpr::literal(text, site.span, false)), std::nullopt};
    }
    case BuiltinOp::ClassOf: {
      Value object = receiver ? *receiver : arg(0);
      if (!object.is(ValueKind::Instance))
        return {Value::unknown("the class of a value"), std::nullopt};
      const auto& data = object.as_instance();
      return {Value::class_ref(data.module, data.cls), std::nullopt};
    }
    case BuiltinOp::ModuleData: {
      Value package = arg(0);
      bool own =
          package.is(ValueKind::External) && package.as_external().qualified_name == "__name__";
      auto resource = key_of(arg(1), site.span, limits);
      if (!own || !resource.is_literal())
        return {Value::unknown("data of a package the engine does not locate"), std::nullopt};
      auto slash = site.module_path.rfind('/');
      std::string folder = slash == std::string::npos ? "" : site.module_path.substr(0, slash + 1);
      auto read = host.read_file(
          ir::KeyExpr::literal(folder + resource.literal_text(), site.span, false), site);
      if (!read)
        return {Value::unknown("the file " + resource.literal_text() + " could not be read"),
                std::nullopt};
      return {Value::file_text(ir::KeyExpr::literal(read->text, site.span, false), read->file),
              std::nullopt};
    }
    case BuiltinOp::Same:
      return {receiver ? *receiver : arg(0), std::nullopt};
    case BuiltinOp::ReadFile: {
      Value path = receiver ? *receiver : arg(0);
      auto key = key_of(path, site.span, limits);
      if (!key.is_literal()) {
        return {Value::unknown("the file's name is not known: " + key.display()), std::nullopt};
      }
      auto read = host.read_file(key, site);
      if (!read)
        return {Value::unknown("the file " + key.literal_text() + " could not be read"),
                std::nullopt};
      return {Value::file_text(ir::KeyExpr::literal(read->text, site.span, false), read->file),
              std::nullopt};
    }
    case BuiltinOp::Glob: {
      // A method: the receiver is the folder and the pattern is relative.
      auto pattern = key_of(arg(0), site.span, limits);
      auto folder = receiver ? path_text(*receiver, site, limits) : std::optional<std::string>();
      if (!pattern.is_literal() || (receiver && !folder))
        return {unknown_entries(site), std::nullopt};
      std::string text = pattern.literal_text();
      if (folder) text = *folder + "/" + text;
      auto slash = text.rfind('/');
      std::string dir = slash == std::string::npos ? "." : text.substr(0, slash);
      std::string wanted = text.substr(slash == std::string::npos ? 0 : slash + 1);
      auto names = dir.find_first_of("*?[") == std::string::npos
                       ? host.list_directory(ir::KeyExpr::literal(dir, site.span, false), site)
                       : std::nullopt;
      if (!names) return {unknown_entries(site), std::nullopt};
      std::vector<Value> items;
      for (const auto& name : *names) {
        if (fnmatch(wanted.c_str(), name.c_str(), FNM_PERIOD) != 0) continue;
        auto path = slash == std::string::npos ? name : dir + "/" + name;
        items.push_back(Value::path(ir::KeyExpr::literal(path, site.span, false)));
      }
      if (items.size() > kListedFiles) return {unknown_entries(site), std::nullopt};
      return {Value::sequence(std::move(items)), std::nullopt};
    }
    case BuiltinOp::FileStem: {
      auto text = path_text(receiver ? *receiver : arg(0), site, limits);
      if (!text) break;
      auto name = text->substr(text->rfind('/') == std::string::npos ? 0 : text->rfind('/') + 1);
      if (auto dot = name.rfind('.'); dot != std::string::npos && dot > 0) name.resize(dot);
      return {Value::string(ir::KeyExpr::literal(name, site.span, false)), std::nullopt};
    }
    case BuiltinOp::ListDirectory: {
      Value path = receiver ? *receiver : arg(0);
      auto key = key_of(path, site.span, limits);
      auto names = key.is_literal() ? host.list_directory(key, site) : std::nullopt;
      if (!names || names->size() > kListedFiles) return {unknown_entries(site), std::nullopt};
      std::vector<Value> items;
      for (auto& name : *names)
        items.push_back(Value::string(ir::KeyExpr::literal(name, site.span, false)));
      return {Value::sequence(std::move(items)), std::nullopt};
    }
    case BuiltinOp::ToString: {
      Value value = receiver ? *receiver : arg(0);
      if (value.is(ValueKind::String)) return {value, std::nullopt};
      auto key = key_of(value, site.span, limits);
      if (key.is_unknown()) {
        return {
            Value::unknown("the string of " + value.describe(), symbol_at(site, "str"), "str(...)"),
            std::nullopt};
      }
      return {Value::string(std::move(key)), std::nullopt};
    }
    case BuiltinOp::Fresh: {
      auto shown = std::string(name.substr(name.rfind('.') + 1)) + "()";
      return {Value::unknown("`" + shown + "` makes a new value at each call",
                             symbol_at(site, "fresh"), shown),
              std::nullopt};
    }
    case BuiltinOp::Format: {
      if (!receiver || !receiver->is(ValueKind::String)) break;
      std::vector<ir::KeyExpr> positional;
      std::vector<std::pair<std::string, ir::KeyExpr>> named;
      for (const auto& a : args) {
        if (a.kind == il::Argument::Kind::Positional) {
          positional.push_back(key_of(a.value, a.span, limits));
        } else if (a.kind == il::Argument::Kind::Keyword) {
          named.emplace_back(a.keyword, key_of(a.value, a.span, limits));
        } else {
          return {Value::unknown("a format with arguments spread from a collection"), std::nullopt};
        }
      }
      if (auto made = host.format_string(receiver->as_string().key, positional, named, site.span)) {
        return {Value::string(std::move(*made)), std::nullopt};
      }
      return {Value::unknown("a format string the engine cannot read", symbol_at(site, "format"),
                             "format(...)"),
              std::nullopt};
    }
    case BuiltinOp::Mock:
      return {mock_value(site.id()), std::nullopt};
    case BuiltinOp::MapEntries:
    case BuiltinOp::MapKeys:
    case BuiltinOp::MapValues: {
      Value map = arg(0);
      if (!map.is(ValueKind::Map)) {
        return {Value::collection(Value::element_of_unknown("an entry of " + map.describe(),
                                                            symbol_at(site, "entry"), "entry"),
                                  "the entries of a value the engine does not know"),
                std::nullopt};
      }
      std::vector<Value> items;
      for (const auto& [key, value] : map.as_map().entries) {
        if (op == BuiltinOp::MapKeys) {
          items.push_back(key);
        } else if (op == BuiltinOp::MapValues) {
          items.push_back(value);
        } else {
          items.push_back(Value::sequence({key, value}, il::SequenceLiteral::Kind::Tuple));
        }
      }
      return {Value::sequence(std::move(items)), std::nullopt};
    }
    case BuiltinOp::MapFromPairs: {
      Value pairs = arg(0);
      if (values.empty()) return {Value::map({}), std::nullopt};
      if (pairs.is(ValueKind::Map)) return {pairs, std::nullopt};
      if (!pairs.is(ValueKind::Sequence))
        return {Value::unknown("a map made from " + pairs.describe()), std::nullopt};
      std::vector<std::pair<Value, Value>> entries;
      for (const auto& pair : pairs.as_sequence().items) {
        if (!pair.is(ValueKind::Sequence) || pair.as_sequence().items.size() != 2)
          return {Value::unknown("a map made from pairs the engine does not know"), std::nullopt};
        const auto& kv = pair.as_sequence().items;
        entries.emplace_back(kv[0], kv[1]);
      }
      return {Value::map(std::move(entries)), std::nullopt};
    }
    case BuiltinOp::Basename: {
      // path.basename(p, ext), os.path.basename(p); Path(p).name (the receiver).
      Value of = receiver ? *receiver : arg(0);
      auto path = path_text(of, site, limits);
      if (!path) return {Value::unknown("the file name of " + of.describe()), std::nullopt};
      auto file = path->substr(path->rfind('/') == std::string::npos ? 0 : path->rfind('/') + 1);
      if (auto ext = !receiver && values.size() > 1 ? literal_string_of(values[1]) : std::nullopt;
          ext && file.size() > ext->size() && file.ends_with(*ext))
        file.resize(file.size() - ext->size());
      return {Value::string(ir::KeyExpr::literal(file, site.span, false)), std::nullopt};
    }
    case BuiltinOp::Split: {
      auto text = receiver ? literal_string_of(*receiver) : std::nullopt;
      auto separator = literal_string_of(arg(0));
      if (!text || !separator || separator->empty()) {
        return {Value::collection(Value::element_of_unknown("a piece of a split string",
                                                            symbol_at(site, "piece"), "piece"),
                                  "the pieces of a string the engine does not know"),
                std::nullopt};
      }
      std::vector<Value> pieces;
      std::size_t from = 0;
      for (auto at = text->find(*separator); at != std::string::npos;
           at = text->find(*separator, from)) {
        pieces.push_back(
            Value::string(ir::KeyExpr::literal(text->substr(from, at - from), site.span, false)));
        from = at + separator->size();
      }
      pieces.push_back(Value::string(ir::KeyExpr::literal(text->substr(from), site.span, false)));
      return {Value::sequence(std::move(pieces)), std::nullopt};
    }
    case BuiltinOp::DeleteLayout: {
      auto text = receiver ? literal_string_of(*receiver) : std::nullopt;
      auto replacement = values.size() == 2 ? literal_string_of(values[1]) : std::nullopt;
      if (text && text->find('\n') != std::string::npos && replacement && replacement->empty())
        return {*receiver, std::nullopt};
      return {
          Value::unknown("a text edited by a pattern", symbol_at(site, "replace"), "replace(...)"),
          std::nullopt};
    }
    case BuiltinOp::ToNumber: {
      Value value = arg(0);
      if (value.is(ValueKind::Number)) return {value, std::nullopt};
      auto text = literal_string_of(value);
      std::int64_t number = 0;
      if (text && !text->empty() &&
          std::from_chars(text->data(), text->data() + text->size(), number).ptr ==
              text->data() + text->size())
        return {Value::number(number), std::nullopt};
      return {Value::unknown_number(symbol_at(site, "number"), "Number(...)"), std::nullopt};
    }
    case BuiltinOp::EachElement:
    case BuiltinOp::MapElements:
    case BuiltinOp::FlatMapElements:
    case BuiltinOp::FilterElements:
      break;  // the interpreter's (calls_back)
    case BuiltinOp::Append:
      if (!receiver) break;
      return {Value::null(), appended(*receiver, values, limits)};
    case BuiltinOp::Extend: {
      if (!receiver) break;
      Value other = arg(0);
      if (other.is(ValueKind::Sequence)) {
        return {Value::null(), appended(*receiver, other.as_sequence().items, limits)};
      }
      Value element = other.is(ValueKind::Collection)
                          ? other.as_collection().element.front()
                          : Value::unknown("an item of " + other.describe());
      Value base = receiver->is(ValueKind::Sequence) || receiver->is(ValueKind::Collection)
                       ? widen({*receiver}, "extended by a collection", limits)
                       : *receiver;
      return {Value::null(), appended(base, {element}, limits)};
    }
    case BuiltinOp::MapGet: {
      if (!receiver || !receiver->is(ValueKind::Map)) {
        return {Value::unknown("an entry of " + (receiver ? receiver->describe() : "nothing")),
                std::nullopt};
      }
      Value entry = map_entry(*receiver, arg(0), limits);
      // A missing entry gives the default (None when there is none).
      if (entry.is(ValueKind::Unknown) && literal_key(arg(0)) &&
          entry.as_unknown().reason.starts_with("no entry")) {
        return {values.size() > 1 ? values[1] : Value::null(), std::nullopt};
      }
      return {values.size() > 1 ? join(entry, values[1], limits) : entry, std::nullopt};
    }
  }
  return {Value::unknown("a builtin without its receiver"), std::nullopt};
}

}  // namespace

}  // namespace slotlint::engine
