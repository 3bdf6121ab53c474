#!/usr/bin/env bash
# Times `slotlint check -p` against clang-tidy-19 running one AST-matcher
# check (bugprone-string-constructor) over the same compile_commands.json: a
# generated tree of 500 C++ translation units, 5% of them using a Redis
# client (redis-plus-plus, through the fixtures' stub headers). Both run on
# one core. Prints both times and their ratio; then, over the units that use
# the client alone (a database of just those), `slotlint check -p` against
# `clang-19 -fsyntax-only` with the same arguments, and that ratio.
#
#   bench/cpp_vs_clang_tidy.sh [UNITS] [PERCENT_WITH_REDIS]
#   SLOTLINT_BIN=build/slotlint bench/cpp_vs_clang_tidy.sh   # an existing build
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-500}
percent=${2:-5}
if [[ -z "${SLOTLINT_BIN:-}" ]]; then
  scripts/bootstrap.sh >/dev/null
  SLOTLINT_BUILD_DIR=build-release SLOTLINT_BUILD_TYPE=Release scripts/build.sh >/dev/null
  SLOTLINT_BIN=build-release/slotlint
fi
command -v clang-tidy-19 >/dev/null || { echo "clang-tidy-19 is missing: run scripts/bootstrap.sh" >&2; exit 2; }

tree=$(mktemp -d /tmp/slotlint-cpp-bench.XXXXXX)
trap 'rm -rf "$tree"' EXIT
python3 - "$tree" "$units" "$percent" "$PWD/fixtures/cpp/include" <<'PY'
import json, os, sys
tree, units, percent, stubs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
os.makedirs(f"{tree}/src")
every = max(1, round(100 / percent)) if percent else units + 1
entries = []
for i in range(units):
    redis = i % every == 0
    lines = ["#include <map>", "#include <string>", "#include <vector>", "#include <algorithm>"]
    if redis:
        lines.append("#include <sw/redis++/redis++.h>")
    lines.append(f"namespace unit{i} {{")
    lines.append("struct Record { std::string name; int count = 0; };")
    lines.append("std::map<std::string, int> tally(const std::vector<Record>& records) {")
    lines.append("  std::map<std::string, int> out;")
    lines.append("  for (const auto& r : records) out[r.name + \":\" + std::to_string(r.count)] += r.count;")
    lines.append("  return out;")
    lines.append("}")
    if redis:
        lines.append("void store(sw::redis::RedisCluster& cluster, const std::string& id) {")
        lines.append("  cluster.del({\"user:\" + id, \"order:\" + id});")
        lines.append("  cluster.rename(\"{u:\" + id + \"}:a\", \"{u:\" + id + \"}:b\");")
        lines.append("}")
    lines.append("}")
    path = f"{tree}/src/unit{i}.cpp"
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    entries.append({"directory": tree, "file": path,
                    "arguments": ["clang++", "-std=c++20", f"-I{stubs}", "-c", path, "-o", f"unit{i}.o"]})
os.makedirs(f"{tree}/build")
with open(f"{tree}/build/compile_commands.json", "w") as f:
    json.dump(entries, f)
os.makedirs(f"{tree}/redis-build")
with open(f"{tree}/redis-build/compile_commands.json", "w") as f:
    json.dump([e for i, e in enumerate(entries) if i % every == 0], f)
PY

files=("$tree"/src/*.cpp)
# Wall-clock seconds of a command (its exit code does not matter: findings are expected).
seconds() {
  python3 -c 'import subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{time.monotonic() - start:.2f}")' "$@"
}
slotlint_time=$(seconds "$SLOTLINT_BIN" check -p "$tree/build" --root "$tree" --jobs 1 --format json --no-config)
tidy_time=$(seconds clang-tidy-19 -p "$tree/build" --checks='-*,bugprone-string-constructor' --quiet "${files[@]}")
echo "translation units: ${#files[@]} (${percent}% using redis-plus-plus)"
echo "slotlint check -p (1 job):              ${slotlint_time} s"
echo "clang-tidy-19, one AST-matcher check:   ${tidy_time} s"
python3 -c "import sys; print(f'ratio (clang-tidy / slotlint):          {float(sys.argv[2]) / float(sys.argv[1]):.1f}x')" \
  "$slotlint_time" "$tidy_time"

# The units that use the client: slotlint against the compiler's front end.
redis_only=$(seconds "$SLOTLINT_BIN" check -p "$tree/redis-build" --root "$tree" --jobs 1 --format json --no-config)
syntax_only=$(python3 -c 'import json, subprocess, sys, time
entries = json.load(open(sys.argv[1]))
start = time.monotonic()
for e in entries:
    args = [a for a in e["arguments"][1:] if a not in ("-c", "-o") and not a.endswith(".o")]
    subprocess.run(["clang-19", "-fsyntax-only", *args], cwd=e["directory"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{time.monotonic() - start:.2f}")' "$tree/redis-build/compile_commands.json")
echo "units using the client: slotlint check -p ${redis_only} s, clang-19 -fsyntax-only ${syntax_only} s"
python3 -c "import sys; print(f'ratio (slotlint / clang -fsyntax-only):  {float(sys.argv[1]) / float(sys.argv[2]):.2f}x')" \
  "$redis_only" "$syntax_only"
