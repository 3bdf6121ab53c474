// A parameter's declared type read through its module's imports: the names
// in `conn: AsyncRedis`, `"Optional[RedisClient]"` or `Pipeline | None`
// are what the module binds them to (`from redis.asyncio import Redis as
// AsyncRedis`, also under `if TYPE_CHECKING:`, or an alias another module
// of the project defines), and the host is asked about those qualified
// names when the text as written told it nothing.
#include <cctype>

#include "analyzer/engine/frame.h"

namespace slotlint::engine {
namespace {

// The dotted names in a type's text, in order, at most `limit`.
std::vector<std::string> dotted_names(std::string_view type, std::size_t limit) {
  std::vector<std::string> names;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && std::isalpha(static_cast<unsigned char>(current.front())) != 0 &&
        names.size() < limit)
      names.push_back(current);
    current.clear();
  };
  for (char c : type) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.') {
      current += c;
    } else {
      flush();
    }
  }
  flush();
  return names;
}

}  // namespace

std::optional<Value> Engine::Impl::declared_through_imports(ModuleId module,
                                                            const std::string& type,
                                                            const std::string& symbol) {
  constexpr std::size_t kNamesInAType = 16;
  const auto& mod = program.module(module);
  for (const auto& name : dotted_names(type, kNamesInAType)) {
    auto dot = name.find('.');
    auto head = name.substr(0, dot);
    auto value = resolve_name(module, head, budgets.globals_levels - 1, true);
    if (!value || !value->is(ValueKind::External)) continue;
    auto qualified = value->as_external().qualified_name +
                     (dot == std::string::npos ? std::string() : name.substr(dot));
    if (qualified == name) continue;  // asked already, as written
    if (auto typed = host.declared(qualified, mod.language, symbol)) return typed;
  }
  return std::nullopt;
}

}  // namespace slotlint::engine
