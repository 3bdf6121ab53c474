#!/usr/bin/env bash
# Configures and builds slotlint into build/ (after scripts/bootstrap.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${SLOTLINT_BUILD_DIR:-build}
# ccache, when installed (scripts/bootstrap.sh installs it): the second
# variant scripts/test.sh builds (no C/C++ component) reuses these objects.
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${SLOTLINT_BUILD_TYPE:-RelWithDebInfo}" \
  "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
