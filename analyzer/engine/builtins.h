// Builtins as data: each language names its library functions and methods
// (`len`, `",".join`, `os.path.join`, `xs.push`) and the row says which of the
// engine's language-neutral operations the name performs. The operations
// themselves are written once, here; those that touch files go through Host.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine/host.h"
#include "analyzer/engine/value.h"

namespace slotlint::engine {

enum class BuiltinOp : std::uint8_t {
  Length,         // len(x), x.length: a number
  SeparatorJoin,  // sep.join(items)   (receiver: the separator)
  JoinItems,      // items.join(sep)   (receiver: the items)
  PathJoin,       // os.path.join(a, b, ...), path.join(...)
  ReadFile,       // fs.readFileSync(p), Path(p).read_text()
  ListDirectory,  // os.listdir(p), fs.readdirSync(p)
  // glob.glob("dir/*.lua"), Path(dir).glob("*.lua"): the files of the
  // folder whose names match (a pattern only in the last part).
  Glob,
  FileStem,    // Path(p).stem: the file's name without its last extension
  ToString,    // str(x), String(x)
  Append,      // xs.append(x), xs.push(x), s.add(x): mutates the receiver
  Extend,      // xs.extend(ys): mutates the receiver
  MapGet,      // d.get(k), m.get(k): the entry, or the default when given
  AsPath,      // Path(p), open(p), os.path.abspath(p): the path p
  PathParent,  // os.path.dirname(p), p.parent: the folder of p
  Same,        // b.decode(): the receiver itself
  // pkgutil.get_data(__name__, "x.lua"): a file beside the calling module
  // (the package named by a name the engine sees as the module's own).
  ModuleData,
  ClassOf,  // x.__class__, type(x): the class of an instance
  // fmt.format(args) on a string value: the language's format syntax,
  // through Host::format_string.
  Format,
  // uuid.uuid4(), secrets.token_hex(): a value nothing is known of but that
  // it is new at each call: a hole named by the call site, so that two
  // such calls are two values and one call's value is itself.
  Fresh,
  // MagicMock(), create_autospec(Redis), patch("app.r") (`with patch(...)
  // as m`): a mock, never a client whatever it is named, made from or
  // called with.
  Mock,
  // Object.entries(m), Object.keys(m), Object.values(m): the map's entries
  // as [key, value] pairs, its keys, its values.
  MapEntries,
  MapKeys,
  MapValues,
  // new Map(pairs), Object.fromEntries(pairs): a map of [key, value] pairs.
  MapFromPairs,
  // xs.forEach(f), xs.map(f), xs.flatMap(f), xs.filter(f): f called with
  // each element (a collection's once, with its per-element value, as a
  // loop's body); the engine runs these itself (they call functions).
  EachElement,
  MapElements,
  FlatMapElements,
  FilterElements,
  // path.basename(p, ext), os.path.basename(p), Path(p).name: the file
  // name, without `ext` when it ends so.
  Basename,
  // s.split(sep): the pieces of a known string.
  Split,
  // Number(s), parseInt(s): the integer a known string writes.
  ToNumber,
  // s.replace(pattern, ""), s.replaceAll(...): parts of a text deleted by a
  // pattern the engine does not read. A text of several lines (a script
  // body, `LUA.replace(/^\s+/gm, "")`) is kept as written, since what such a
  // cleanup deletes is layout; anything else is unknown.
  DeleteLayout,
};

// The operations that call a function the program passes (the interpreter
// runs them, not apply_builtin).
bool calls_back(BuiltinOp op);

struct BuiltinRow {
  std::string language;  // the language row's name: "python", "javascript"
  std::string name;      // a qualified function name, or a method name
  bool method = false;   // called on a receiver value
  BuiltinOp op = BuiltinOp::Length;
};

// A decorator that hands the function it decorates one more parameter, a
// mock (`@mock.patch("app.r")`), unless the replacement is passed to it
// (`patch(target, new)`: position 1 or keyword "new"). Stacked, the
// decorator nearest the function fills the first parameter.
struct MockPatcher {
  std::string language;
  std::string name;  // qualified: "unittest.mock.patch"
  std::size_t replacement_position = 0;
  std::string replacement_keyword;
};

// A test framework that hands a test function's parameters the values of
// provider functions named like them (pytest's fixtures), as data.
struct FixtureConvention {
  std::string language;
  std::vector<std::string> decorators;  // qualified: "pytest.fixture"
  std::string name_keyword;             // the decorator's argument renaming it: "name"
  std::string test_prefix;              // functions given fixtures: "test..."
  std::string test_class_prefix;        // ... and such methods of classes "Test..."
  // A file whose fixtures every module in its folder and below sees
  // without importing it: "conftest.py".
  std::string shared_file;
};

struct BuiltinResult {
  Value value;
  std::optional<Value> receiver_after;  // a mutated receiver, to rebind
};

class Builtins {
 public:
  explicit Builtins(std::vector<BuiltinRow> rows, std::vector<FixtureConvention> fixtures = {},
                    std::vector<MockPatcher> patchers = {});
  // A few rows per language; each lowering adds its own as it lands.
  static Builtins defaults();

  [[nodiscard]] const BuiltinRow* find(std::string_view language, std::string_view name,
                                       bool method) const;
  [[nodiscard]] const FixtureConvention* fixtures(std::string_view language) const;
  [[nodiscard]] const MockPatcher* patcher(std::string_view language, std::string_view name) const;

 private:
  std::vector<BuiltinRow> rows_;
  std::vector<FixtureConvention> fixtures_;
  std::vector<MockPatcher> patchers_;
};

// A mock: a library value (External) that no model constructs, so neither
// it nor what is read or called on it is ever a client. `origin` names
// where it was made.
Value mock_value(const std::string& origin);
bool is_mock(const Value& value);

// Applies `op`; `receiver` only for methods. `site` names values made here;
// `name` is the builtin's name as its row gives it (for displays).
BuiltinResult apply_builtin(BuiltinOp op, const std::optional<Value>& receiver,
                            const std::vector<ArgValue>& args, Host& host, const Limits& limits,
                            const CallSite& site, std::string_view name = {});

}  // namespace slotlint::engine
