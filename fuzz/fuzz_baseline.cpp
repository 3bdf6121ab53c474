// Fuzzes the SARIF baseline reader (--baseline FILE.sarif) with any bytes.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "analyzer/cli/baseline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto path = std::filesystem::temp_directory_path() /
                           ("slotlint-fuzz-baseline-" + std::to_string(getpid()) + ".sarif");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  std::string error;
  (void)slotlint::cli::read_baseline(path, error);
  return 0;
}
