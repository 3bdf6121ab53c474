#!/usr/bin/env bash
# README's second command: set up, build, and run the whole test suite
# (unit, fixtures, SARIF schema, CLI, and the real Redis Cluster oracle).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
ctest --test-dir "${SLOTLINT_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
