#!/usr/bin/env bash
# Configures and builds slotlint into build/ (after scripts/bootstrap.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${SLOTLINT_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${SLOTLINT_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
