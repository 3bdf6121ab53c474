// Fuzzes key extraction: a command picked from the whole table (every
// command and subcommand gets its turn) with random arguments — literals that
// may be counts or keywords, unknown values, spreads — and checks that the
// indices it returns are in range, ascending and unique.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "analyzer/commands/command_table.h"

using namespace slotlint::commands;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  auto commands = all_commands();
  const auto& command = commands[(data[0] | (data[1] << 8)) % commands.size()];
  std::vector<ArgValue> args;
  std::size_t at = 2;
  while (at < size && args.size() < 256) {
    std::uint8_t kind = data[at++];
    ArgValue arg;
    if (kind % 4 == 0) {
      arg.spread = true;
    } else if (kind % 4 == 1) {
      // nullopt: a value we cannot see
    } else if (kind % 4 == 2 && at < size) {
      arg.literal = std::to_string(static_cast<int>(data[at++]) - 8);  // counts, negative too
    } else {
      std::size_t length = at < size ? data[at++] % 12 : 0;
      std::string text;
      for (std::size_t i = 0; i < length && at < size; ++i) text += static_cast<char>(data[at++]);
      arg.literal = text;
    }
    args.push_back(std::move(arg));
  }
  auto found = extract_keys(command, args);
  for (std::size_t i = 0; i < found.key_indices.size(); ++i) {
    if (found.key_indices[i] >= args.size()) std::abort();
    if (i > 0 && found.key_indices[i] <= found.key_indices[i - 1]) std::abort();
  }
  for (auto index : found.mixed_spread_indices) {
    if (index >= args.size() || !args[index].spread) std::abort();
  }
  (void)find_command(command.name);
  return 0;
}
