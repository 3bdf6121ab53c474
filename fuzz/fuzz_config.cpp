// Fuzzes the configuration loader (.slotlint.json: rules, excludes, settings,
// user API models) with any bytes as the file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "analyzer/config/config.h"
#include "rules/rule_metadata.h"

using namespace slotlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto path = std::filesystem::temp_directory_path() /
                           ("slotlint-fuzz-config-" + std::to_string(getpid()) + ".json");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  config::RuleNames names{[](std::string_view code_or_name) -> std::optional<std::string> {
                            const auto* rule = rules::find_rule(code_or_name);
                            return rule == nullptr ? std::nullopt
                                                   : std::optional<std::string>(rule->code);
                          },
                          "SL001..SL012"};
  (void)config::load_config(path, names);
  return 0;
}
