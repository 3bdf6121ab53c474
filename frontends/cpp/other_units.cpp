#include "frontends/cpp/other_units.h"

#include <algorithm>
#include <deque>

#include <fmt/format.h>

#include "analyzer/engine/engine.h"
#include "frontends/cpp/clang_lowering.h"
#include "frontends/cpp/compile_commands.h"
#include "frontends/cpp/cpp_engine_host.h"
#include "frontends/cpp/unit_program.h"

namespace slotlint::cpp {
namespace fs = std::filesystem;
namespace {

// A unit's source file, read as the driver reads one (inside the project).
constexpr std::uint64_t kMaxSource = 8 * 1024 * 1024;

bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Every identifier followed (after blanks) by '(', but member calls.
std::set<std::string, std::less<>> called_names(std::string_view text) {
  std::set<std::string, std::less<>> names;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!identifier_char(text[i]) || (i > 0 && identifier_char(text[i - 1]))) {
      ++i;
      continue;
    }
    auto begin = i;
    while (i < text.size() && identifier_char(text[i])) ++i;
    auto end = i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    // A member call (`p.get(`, `p->get(`) is no call of a free function.
    auto before = begin;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    bool member =
        before > 0 && (text[before - 1] == '.' ||
                       (before > 1 && text[before - 1] == '>' && text[before - 2] == '-'));
    if (i < text.size() && text[i] == '(' && !member && !(text[begin] >= '0' && text[begin] <= '9'))
      names.emplace(text.substr(begin, end - begin));
  }
  return names;
}

// Names a function definition gives: an identifier, its parenthesised
// parameters, then (after qualifiers and a trailing return type) its body.
// A superset (it is a prefilter): `if (x) {` is left out by keyword only.
std::set<std::string, std::less<>> defined_names(std::string_view text) {
  static const std::set<std::string_view> kStatements{"if",    "for",    "while",  "switch",
                                                      "catch", "return", "sizeof", "decltype"};
  std::set<std::string, std::less<>> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '(') continue;
    auto end = i;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    auto begin = end;
    while (begin > 0 && identifier_char(text[begin - 1])) --begin;
    if (begin == end || kStatements.contains(text.substr(begin, end - begin))) continue;
    // The matching ')' (bounded: a parameter list is not a page long).
    std::size_t depth = 0;
    std::size_t j = i;
    for (; j < text.size() && j < i + 4096; ++j) {
      if (text[j] == '(') ++depth;
      if (text[j] == ')' && --depth == 0) break;
    }
    if (j >= text.size() || text[j] != ')') continue;
    // Qualifiers, a trailing return type: anything up to '{' but ';' '(' '='.
    std::size_t k = j + 1;
    while (k < text.size() && k < j + 256 && text[k] != '{' && text[k] != ';' && text[k] != '(' &&
           text[k] != '=' && text[k] != '}')
      ++k;
    if (k < text.size() && text[k] == '{') names.emplace(text.substr(begin, end - begin));
  }
  return names;
}

std::string_view last_component(std::string_view name) {
  auto at = name.rfind("::");
  return at == std::string_view::npos ? name : name.substr(at + 2);
}

void shift(ir::SourceSpan& span) {
  if (span.begin != 0 || span.end != 0 || span.file != 0) span.file += kOtherUnits;
}

// Another unit's spans, moved out of the analysed unit's file indexes.
void shift_files(il::Module& module) {
  for (auto& e : module.exprs) {
    shift(e.span);
    if (auto* attribute = std::get_if<il::Attribute>(&e.kind)) shift(attribute->name_span);
    if (auto* parts = std::get_if<il::Template>(&e.kind)) {
      for (auto& part : parts->parts) shift(part.span);
    }
  }
  for (auto& s : module.stmts) {
    shift(s.span);
    if (auto* attempt = std::get_if<il::Try>(&s.kind)) {
      for (auto& handler : attempt->handlers) shift(handler.span);
    }
  }
  for (auto& p : module.patterns) shift(p.span);
  for (auto& f : module.functions) {
    shift(f.span);
    for (auto& param : f.params) shift(param.span);
  }
  for (auto& c : module.classes) {
    shift(c.span);
    for (auto& field : c.fields) shift(field.span);
  }
  for (auto& import : module.imports) shift(import.span);
}

bool from_other_unit(const ir::KeyExpr& key) {
  if (key.span().file >= kOtherUnits) return true;
  return std::ranges::any_of(key.segments(), [](const ir::Segment& segment) {
    return std::visit([](const auto& part) { return part.span.file >= kOtherUnits; }, segment);
  });
}

bool in_this_unit(const ir::SourceSpan& span) {
  bool none = span.file == 0 && span.begin == 0 && span.end == 0;
  return !none && span.file < kOtherUnits;
}

// Whether some of the key was written in the analysed unit.
bool given_in_this_unit(const ir::KeyExpr& key) {
  for (const auto& alternative : key.alternatives()) {
    if (given_in_this_unit(alternative.key)) return true;
  }
  return std::ranges::any_of(key.segments(), [](const ir::Segment& segment) {
    return std::visit([](const auto& part) { return in_this_unit(part.span); }, segment);
  });
}

bool defines(const il::Module& module, std::string_view name) {
  return std::ranges::any_of(module.functions, [&](const il::Function& f) {
    return f.owner == il::kNone && f.name == name;
  });
}

}  // namespace

void OtherUnits::index(const CompileCommands& commands, const files::ProjectFiles& files,
                       const NamesAClient& names_a_client) {
  std::call_once(indexed_, [&] {
    for (const auto& file : commands.files()) {
      auto read = files.read(file, kMaxSource, false);
      if (!read) continue;
      for (const auto& name : called_names(*read.bytes)) called_[name].emplace_back(file);
      if (names_a_client(read.resolved, *read.bytes)) {
        for (auto& name : defined_names(*read.bytes)) wrappers_.insert(std::move(name));
      }
    }
  });
}

std::vector<fs::path> OtherUnits::candidates(std::string_view function) const {
  auto found = called_.find(last_component(function));
  return found == called_.end() ? std::vector<fs::path>{} : found->second;
}

bool OtherUnits::calls_a_wrapper(std::string_view source) const {
  // A name the unit defines itself (each unit's own `tally`) is its own.
  auto own = defined_names(source);
  return std::ranges::any_of(called_names(source), [&](const std::string& name) {
    return wrappers_.contains(name) && !own.contains(name);
  });
}

std::shared_ptr<const il::Module> OtherUnits::module(const fs::path& file, const Lower& lower) {
  std::lock_guard lock(mutex_);
  auto key = file.lexically_normal().string();
  if (auto found = modules_.find(key); found != modules_.end()) return found->second;
  std::shared_ptr<const il::Module> lowered;
  if (auto module = lower(file)) {
    shift_files(*module);
    lowered = std::make_shared<const il::Module>(std::move(*module));
  }
  modules_.emplace(key, lowered);
  return lowered;
}

void OtherUnits::remember(const fs::path& file, il::Module module) {
  shift_files(module);
  std::lock_guard lock(mutex_);
  modules_.try_emplace(file.lexically_normal().string(),
                       std::make_shared<const il::Module>(std::move(module)));
}

std::vector<ir::RedisOp> through_other_units(const il::Module& unit, OtherUnits& others,
                                             frontend::Models models,
                                             const OtherUnits::Lower& lower,
                                             std::size_t max_units) {
  if (unit.imports.empty()) return {};
  UnitProgram program;
  program.add(std::make_shared<const il::Module>(unit));
  std::set<std::string> added;
  std::set<std::string> asked;
  std::deque<const il::Module*> pending{&program.module(0)};
  while (!pending.empty() && added.size() < max_units) {
    const auto* from = pending.front();
    pending.pop_front();
    for (const auto& import : from->imports) {
      if (import.module != kOtherUnit || import.names.size() != 1) continue;
      const auto& name = import.names.front().first;
      if (!asked.insert(name).second) continue;
      for (const auto& file : others.candidates(name)) {
        auto key = fs::path(file).lexically_normal().string();
        if (added.contains(key) || added.size() >= max_units) continue;
        auto module = others.module(file, lower);
        if (module == nullptr || !defines(*module, name) || module->path == unit.path) continue;
        added.insert(key);
        auto id = program.add(module);
        pending.push_back(&program.module(id));
      }
    }
  }
  if (program.size() == 1) return {};
  CppEngineHost host(models);
  engine::Engine engine(program, host, engine::Builtins::defaults());
  engine.analyse(0);
  std::vector<ir::RedisOp> ops;
  for (const auto& emitted : host.ops()) {
    const auto& op = emitted.op;
    const auto& via = emitted.via;
    // The last call of the chain made in this unit: where the op is shown.
    auto here = std::ranges::find_if(via.rbegin(), via.rend(),
                                     [](const engine::CallSite& site) { return site.module == 0; });
    if (here == via.rend() || here == via.rbegin()) continue;  // made here, or never from here
    auto inside = std::prev(here.base());
    // A command whose keys the caller gives none of is its own unit's
    // finding, reported there once, not at every caller.
    bool given_here = std::ranges::any_of(op.keys, given_in_this_unit);
    if (!given_here) continue;
    ir::RedisOp moved = op;
    moved.call = here->span;
    moved.callee = here->callee;
    auto relocate = [&](ir::KeyExpr& key) {
      if (from_other_unit(key)) key.relocate_to(moved.call);
    };
    for (auto& arg : moved.argv) relocate(arg.value);
    for (auto& key : moved.keys) relocate(key);
    if (moved.key_prefix) relocate(*moved.key_prefix);
    if (moved.group && moved.group->origin.file >= kOtherUnits) moved.group->origin = moved.call;
    // The handlers around the chain count; those in the other unit are
    // shown at the call here.
    auto& handling = moved.error_handling;
    for (auto* at : {&handling.raised_at, &handling.handler, &handling.retry_loop}) {
      if (at->file >= kOtherUnits) *at = moved.call;
    }
    moved.caveats.push_back(fmt::format("The command is sent in {}, which this call reaches.",
                                        std::next(inside)->module_path));
    ops.push_back(std::move(moved));
  }
  return ops;
}

}  // namespace slotlint::cpp
