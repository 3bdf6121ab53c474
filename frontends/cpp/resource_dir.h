// Where Clang's resource directory (its builtin headers: stddef.h,
// stdarg.h, ...) is on this machine, found when slotlint-cpp starts rather
// than written in at build time, so an installed or packaged slotlint-cpp
// works wherever the Clang it links is installed.
#pragma once

#include <filesystem>
#include <vector>

namespace slotlint::cpp {

// The folders tried, in order: beside the libclang-cpp this process loaded
// (`<lib>/clang/<major>`, Debian's /usr/lib/llvm-19/lib/clang/19, and
// `<lib>/../clang/<major>`, /usr/lib/clang/19, also for the library's real
// path), then beside the executable (`<bin>/../lib/clang/<major>`, as clang
// itself looks).
std::vector<std::filesystem::path> resource_dir_candidates();

// The first candidate holding include/stddef.h; empty when none does.
std::filesystem::path find_resource_dir();

}  // namespace slotlint::cpp
