#!/usr/bin/env bash
# The steps of the GitHub code scanning workflow (docs/workflows/slotlint.yml),
# so that slotlint's suite runs them as the workflow does, without GitHub
# (tests/e2e/test_code_scanning_workflow.py):
#
#   code_scanning.sh build                  install what the build needs, build
#                                           slotlint with ccache (CCACHE_DIR is
#                                           the workflow's cache) into build/
#   code_scanning.sh analyse SARIF [PATH...]
#                                           run slotlint on PATHs (default .)
#                                           from the current folder, the
#                                           repository root, writing SARIF
#
# `analyse` uses $SLOTLINT_BIN when set, else the build/slotlint `build`
# made. Exit code 1 (findings) is success here: the report must still be
# uploaded; 2 (usage or I/O error) and 3 or more fail the step.
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)

case "${1:-}" in
  build)
    "$checkout/scripts/bootstrap.sh"
    launcher=()
    if command -v ccache >/dev/null; then
      launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S "$checkout" -B "$checkout/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSLOTLINT_BUILD_TESTS=OFF -DSLOTLINT_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
    cmake --build "$checkout/build" -j "$(nproc)" --target slotlint slotlint-cpp
    ;;
  analyse)
    sarif=${2:?usage: code_scanning.sh analyse SARIF [PATH...]}
    shift 2
    (($#)) || set -- .
    slotlint=${SLOTLINT_BIN:-$checkout/build/slotlint}
    code=0
    "$slotlint" check "$@" --format sarif --output "$sarif" --automation-id slotlint/ || code=$?
    if ((code > 1)); then
      echo "code_scanning.sh: slotlint failed (exit code $code); no report to upload" >&2
      exit "$code"
    fi
    ;;
  *)
    echo "usage: code_scanning.sh build | analyse SARIF [PATH...]" >&2
    exit 2
    ;;
esac
