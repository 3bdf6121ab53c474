#!/usr/bin/env bash
# README's second command: set up, build, and run the whole test suite
# (unit, fixtures, SARIF schema, CLI, hostile inputs, C++ projects, and the
# real Redis Cluster oracle), then the same suite again in the AddressSanitizer
# + UndefinedBehaviorSanitizer build (CMakePresets.json "asan"; set
# SLOTLINT_SKIP_SANITIZERS=1 to leave it out).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
ctest --test-dir "${SLOTLINT_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
if [[ -z "${SLOTLINT_SKIP_SANITIZERS:-}" ]]; then
  cmake --preset asan >/dev/null
  cmake --build build-asan -j "$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
fi
