#!/usr/bin/env bash
# Builds slotlint in Release and runs the benchmarks. items_per_second is
# files/s; bytes_per_second is source bytes/s.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
SLOTLINT_BUILD_DIR=build-release SLOTLINT_BUILD_TYPE=Release scripts/build.sh
build-release/bench/slotlint_bench "$@"
