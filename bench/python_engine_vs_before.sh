#!/usr/bin/env bash
# Times `slotlint check` on a Python tree against the last commit before
# Python moved onto the value-flow engine, built here in a temporary folder
# (the core only, without the C/C++ component): RUNS runs each, alternated,
# one job each. Prints each run's elapsed time and peak memory
# (/usr/bin/time -v), both medians and their ratios (engine / before).
#
#   bench/python_engine_vs_before.sh TREE [RUNS] [BEFORE_COMMIT]
#   SLOTLINT_BIN=build/slotlint bench/python_engine_vs_before.sh TREE   # an existing build
#
# TREE is any Python project (a checkout of redis-py, rq, ...); it is only
# read. A pre-commit run is `slotlint check FILE...` on a few files of it.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:?usage: bench/python_engine_vs_before.sh TREE [RUNS] [BEFORE_COMMIT]}
runs=${2:-5}
# The last commit whose Python frontend followed strings with its own evaluator.
before=${3:-1ba4c38bf07838bd6a497c0e5fb24f42fcdeb3d8}
[[ -d $tree ]] || { echo "no such folder: $tree" >&2; exit 2; }
if [[ -z "${SLOTLINT_BIN:-}" ]]; then
  scripts/bootstrap.sh >/dev/null
  SLOTLINT_BUILD_DIR=build-release SLOTLINT_BUILD_TYPE=Release scripts/build.sh >/dev/null
  SLOTLINT_BIN=build-release/slotlint
fi
SLOTLINT_BIN=$(realpath "$SLOTLINT_BIN")

work=$(mktemp -d /tmp/slotlint-python-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
git archive "$before" | tar -x -C "$work"
ln -s "$PWD/node_modules" "$work/node_modules"
cmake -S "$work" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSLOTLINT_CPP=OFF \
  -DSLOTLINT_BUILD_TESTS=OFF -DSLOTLINT_BUILD_BENCH=OFF >/dev/null
cmake --build "$work/build" --target slotlint >/dev/null
old_bin=$work/build/slotlint

measure() {  # BIN -> "seconds kib"
  /usr/bin/time -v -o "$work/time" "$1" check --jobs 1 "$tree" >/dev/null 2>&1 || true
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
                for (i = 1; i <= n; i++) s = s * 60 + t[i]; secs = s}
              /Maximum resident set size/ {kib = $2}
              END {print secs, kib}' "$work/time"
}

: >"$work/before"
: >"$work/engine"
for ((i = 1; i <= runs; i++)); do
  measure "$old_bin" >>"$work/before"
  measure "$SLOTLINT_BIN" >>"$work/engine"
done
python3 - "$work/before" "$work/engine" <<'PY'
import statistics, sys
rows = {name: [tuple(map(float, line.split())) for line in open(path)]
        for name, path in (("before", sys.argv[1]), ("engine", sys.argv[2]))}
for name, values in rows.items():
    for seconds, kib in values:
        print(f"{name:7} {seconds:8.2f} s {kib / 1024:9.1f} MiB")
med = {name: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
       for name, values in rows.items()}
print(f"median  before {med['before'][0]:.2f} s {med['before'][1] / 1024:.1f} MiB; "
      f"engine {med['engine'][0]:.2f} s {med['engine'][1] / 1024:.1f} MiB")
print(f"ratio   time {med['engine'][0] / med['before'][0]:.2f}x, "
      f"peak memory {med['engine'][1] / med['before'][1]:.2f}x")
PY
