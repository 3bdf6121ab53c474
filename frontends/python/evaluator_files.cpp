// The part of the evaluator that follows filesystem paths and file reads, so
// that a Lua script loaded from a `.lua` file (open(...).read(),
// Path(...).read_text(), pkgutil.get_data, importlib.resources) is found.
// Paths are literal text; a path with a hole cannot be read and stays so.
#include <array>
#include <string_view>

#include "frontends/python/evaluator.h"
#include "frontends/python/module_loader.h"

namespace slotlint::python {
namespace {

template <std::size_t N>
bool one_of(std::string_view text, const std::array<std::string_view, N>& names) {
  for (auto name : names) {
    if (text == name) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 3> kOpen{"open", "io.open", "codecs.open"};
constexpr std::array<std::string_view, 6> kPathTypes{
    "Path", "pathlib.Path", "PurePath", "pathlib.PurePath", "PosixPath", "pathlib.PosixPath"};
constexpr std::array<std::string_view, 5> kPackageData{
    "pkgutil.get_data", "importlib.resources.read_text", "importlib.resources.read_binary",
    "resources.read_text", "resources.read_binary"};
constexpr std::array<std::string_view, 4> kPackageFiles{
    "importlib.resources.files", "resources.files", "importlib_resources.files", "files"};
constexpr std::array<std::string_view, 5> kSamePath{
    "os.path.abspath", "os.path.realpath", "os.path.normpath", "os.path.expanduser", "os.fspath"};
constexpr std::array<std::string_view, 4> kSamePathMethods{"resolve", "absolute", "expanduser",
                                                           "as_posix"};
constexpr std::array<std::string_view, 3> kContentMethods{"decode", "strip", "encode"};

std::string dirname(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  auto slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  return slash == 0 ? "/" : std::string(path.substr(0, slash));
}

std::vector<ts::Node> positional(ts::Node arguments) {
  std::vector<ts::Node> args;
  for (std::uint32_t i = 0; i < arguments.named_child_count(); ++i) {
    auto arg = arguments.named_child(i);
    if (arg.type() != "keyword_argument" && arg.type() != "comment") args.push_back(arg);
  }
  return args;
}

}  // namespace

Value Evaluator::module_file() const {
  auto path = path_.empty() ? std::string("__file__") : path_.generic_string();
  auto text = ir::KeyExpr::literal(path, {file_, 0, 0}, false);
  if (path_.empty()) text = ir::KeyExpr::hole("__file__", "__file__", {file_, 0, 0});
  return Value::file(Value::Kind::Path, std::move(text));
}

Value Evaluator::package_dir(ts::Node package, const Context& ctx) const {
  if (package.type() == "identifier" &&
      (package.text() == "__name__" || package.text() == "__package__")) {
    return Value::file(
        Value::Kind::Path,
        ir::KeyExpr::literal(dirname(module_file().text.literal_text()), span(package), false));
  }
  Value name = eval(package, ctx);
  if (name.kind == Value::Kind::String && name.text.is_literal() && loader_ != nullptr) {
    if (auto found = loader_->locate(path_, {0, name.text.literal_text()})) {
      return Value::file(
          Value::Kind::Path,
          ir::KeyExpr::literal(found->parent_path().generic_string(), span(package), false));
    }
  }
  return Value::file(Value::Kind::Path,
                     ir::KeyExpr::unknown("a package slotlint cannot find", span(package)));
}

std::optional<Value> Evaluator::eval_path_attribute(ts::Node attribute, const Context& ctx) const {
  auto field = attribute.field("attribute").text();
  if (field != "parent") return std::nullopt;
  Context inner = ctx;
  ++inner.depth;
  Value object = eval(attribute.field("object"), inner);
  if (object.kind != Value::Kind::Path) return std::nullopt;
  if (!object.text.is_literal()) return object;
  return Value::file(Value::Kind::Path, ir::KeyExpr::literal(dirname(object.text.literal_text()),
                                                             span(attribute), false));
}

std::optional<Value> Evaluator::eval_file_call(ts::Node call, const Context& ctx) const {
  auto function = call.field("function");
  auto arguments = call.field("arguments");
  auto args = positional(arguments);
  Context inner = ctx;
  ++inner.depth;
  auto join = [&](Value::Kind kind, std::span<const ts::Node> parts) {
    ir::KeyExpr path;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      Value part = eval(parts[i], inner);
      if (part.is_text() && part.text.is_literal() && part.text.literal_text().starts_with('/')) {
        path = ir::KeyExpr{};  // os.path.join drops what comes before an absolute part
      } else if (i > 0) {
        path.append(ir::KeyExpr::literal("/", span(call), false));
      }
      path.append(part.text);
    }
    path.set_span(span(call));
    return Value::file(kind, std::move(path));
  };

  if (function.type() == "identifier" || function.type() == "attribute") {
    auto callee = function.text();
    if (one_of(callee, kOpen) && !args.empty()) {
      Value path = eval(args[0], inner);
      return Value::file(Value::Kind::OpenFile, path.text);
    }
    if (one_of(callee, kPathTypes)) return join(Value::Kind::Path, args);
    if (callee == "os.path.join") return join(Value::Kind::Path, args);
    if (callee == "os.path.dirname" && args.size() == 1) {
      Value path = eval(args[0], inner);
      if (!path.text.is_literal()) return Value::file(Value::Kind::Path, path.text);
      return Value::file(Value::Kind::Path, ir::KeyExpr::literal(dirname(path.text.literal_text()),
                                                                 span(call), false));
    }
    if (one_of(callee, kSamePath) && args.size() == 1) {
      Value path = eval(args[0], inner);
      return Value::file(Value::Kind::Path, path.text);
    }
    if (one_of(callee, kPackageData) && args.size() == 2) {
      Value dir = package_dir(args[0], inner);
      ir::KeyExpr path = dir.text;
      path.append(ir::KeyExpr::literal("/", span(call), false));
      path.append(eval(args[1], inner).text);
      return Value::file(Value::Kind::FileContents, std::move(path));
    }
    if (one_of(callee, kPackageFiles) && args.size() == 1) return package_dir(args[0], inner);
  }
  if (function.type() != "attribute") return std::nullopt;
  auto method = function.field("attribute").text();
  bool reads = method == "read" || method == "read_text" || method == "read_bytes";
  bool path_method = method == "joinpath" || method == "open" || one_of(method, kSamePathMethods);
  if (!reads && !path_method && !one_of(method, kContentMethods)) return std::nullopt;
  Value object = eval(function.field("object"), inner);
  if (object.kind == Value::Kind::FileContents && one_of(method, kContentMethods)) return object;
  if (object.kind == Value::Kind::OpenFile && method == "read") {
    return Value::file(Value::Kind::FileContents, object.text);
  }
  if (object.kind != Value::Kind::Path) return std::nullopt;
  if (method == "read_text" || method == "read_bytes") {
    return Value::file(Value::Kind::FileContents, object.text);
  }
  if (method == "open") return Value::file(Value::Kind::OpenFile, object.text);
  if (method == "joinpath") {
    ir::KeyExpr path = object.text;
    for (auto arg : args) {
      path.append(ir::KeyExpr::literal("/", span(call), false));
      path.append(eval(arg, inner).text);
    }
    return Value::file(Value::Kind::Path, std::move(path));
  }
  if (one_of(method, kSamePathMethods)) return object;
  return std::nullopt;
}

}  // namespace slotlint::python
