#!/usr/bin/env bash
# README's first command: set up, build, and run slotlint on examples/, printing
# findings and writing slotlint.sarif.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
status=0
build/slotlint check examples/ || status=$?
build/slotlint check examples/ --format sarif --output slotlint.sarif 2>/dev/null || true
echo "SARIF written to $(pwd)/slotlint.sarif"
# Findings are the point of the demo: exit 1 there is success.
[[ $status -le 1 ]]
