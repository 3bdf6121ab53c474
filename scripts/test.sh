#!/usr/bin/env bash
# README's second command: set up, build, and run the whole test suite
# (unit, fixtures, SARIF schema, CLI, hostile inputs, C++ projects, install and
# packages, and the real Redis Cluster oracle); then the build without the
# C/C++ component (-DSLOTLINT_CPP=OFF: no LLVM) and its suite; then the same
# suite again in the AddressSanitizer + UndefinedBehaviorSanitizer build
# (CMakePresets.json "asan"; set SLOTLINT_SKIP_SANITIZERS=1 to leave it out).
set -euo pipefail
cd "$(dirname "$0")/.."
# One compiler cache for every build folder of this checkout: objects that
# are the same in two builds are compiled once.
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
scripts/bootstrap.sh
scripts/build.sh
ctest --test-dir "${SLOTLINT_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
if [[ -z "${SLOTLINT_SKIP_NO_CPP:-}" ]]; then
  # Every test that needs no C/C++ (the cluster oracle, which checks the
  # clients' behaviour rather than the build, runs once, above).
  cmake --preset no-cpp -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
  cmake --build build-no-cpp -j "$(nproc)"
  ctest --test-dir build-no-cpp --output-on-failure -j "$(nproc)" -E '^e2e\.cluster_oracle$'
  # A variant built only to be tested: its folder goes once its suite passed,
  # before the sanitizer build needs the disk (SLOTLINT_KEEP_BUILDS=1 keeps
  # it; ccache keeps its objects either way).
  [[ -n "${SLOTLINT_KEEP_BUILDS:-}" ]] || rm -rf build-no-cpp
fi
if [[ -z "${SLOTLINT_SKIP_SANITIZERS:-}" ]]; then
  cmake --preset asan >/dev/null
  cmake --build build-asan -j "$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
fi
