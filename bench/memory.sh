#!/usr/bin/env bash
# Peak memory of `slotlint check` on a generated tree of FILES source files
# (default 50,000: Python, JavaScript, Go and Java, 5% of them calling
# Redis, in packages of 50 files that import each other), at --jobs 1 and 2,
# and on a tenth of the tree to show how it scales. README states the bound.
#
#   bench/memory.sh [FILES]
#   SLOTLINT_BIN=build/slotlint bench/memory.sh   # an existing build
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-50000}
if [[ -z "${SLOTLINT_BIN:-}" ]]; then
  scripts/bootstrap.sh >/dev/null
  SLOTLINT_BUILD_DIR=build-release SLOTLINT_BUILD_TYPE=Release scripts/build.sh >/dev/null
  SLOTLINT_BIN=build-release/slotlint
fi
tree=$(mktemp -d /tmp/slotlint-memory.XXXXXX)
trap 'rm -rf "$tree"' EXIT
python3 - "$tree" "$files" <<'PY'
import os, sys
tree, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    package = f"{tree}/pkg{i // 50}"
    os.makedirs(package, exist_ok=True)
    redis = i % 20 == 0
    kind = i % 20 % 4 if not redis else (i // 20) % 4
    body = "\n".join(f"    total += {j} * len(items)" for j in range(20))
    if kind == 0:
        text = ("import redis\nr = redis.Redis()\n" if redis else "") + \
               f"from .helpers{i % 50} import helper\n\ndef work{i}(items):\n    total = 0\n{body}\n    return total\n" + \
               (f"\nr.mget('user:{i}', 'order:{i}')\n" if redis else "")
        name = f"m{i}.py"
    elif kind == 1:
        text = ("const Redis = require('ioredis');\nconst r = new Redis();\n" if redis else "") + \
               f"const {{ helper }} = require('./m{(i + 1) % count}');\nfunction work{i}(items) {{\n  let total = 0;\n" + \
               "\n".join(f"  total += {j} * items.length;" for j in range(20)) + "\n  return total;\n}\n" + \
               (f"r.mget('user:{i}', 'order:{i}');\n" if redis else "") + f"module.exports = {{ work{i} }};\n"
        name = f"m{i}.js"
    elif kind == 2:
        text = "package p\n\n" + ('import "github.com/redis/go-redis/v9"\n\nvar rdb = redis.NewClient(nil)\n' if redis else "") + \
               f"func Work{i}(items []int) int {{\n\ttotal := 0\n" + \
               "\n".join(f"\ttotal += {j} * len(items)" for j in range(20)) + "\n\treturn total\n}\n"
        name = f"m{i}.go"
    else:
        text = ("import redis.clients.jedis.JedisCluster;\n" if redis else "") + \
               f"class M{i} {{\n  int work(int[] items) {{\n    int total = 0;\n" + \
               "\n".join(f"    total += {j} * items.length;" for j in range(20)) + "\n    return total;\n  }\n" + \
               (f"  void r(JedisCluster c) {{ c.del(\"user:{i}\", \"order:{i}\"); }}\n" if redis else "") + "}\n"
        name = f"M{i}.java"
    with open(f"{package}/{name}", "w") as f:
        f.write(text)
PY
peak() {  # peak RSS (MiB) and seconds of one check
  python3 -c 'import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB peak RSS, {time.monotonic() - start:.1f} s")' "$@"
}
echo "files: $files"
echo "--jobs 1: $(peak "$SLOTLINT_BIN" check "$tree" --root "$tree" --jobs 1 --format json --no-config)"
echo "--jobs 2: $(peak "$SLOTLINT_BIN" check "$tree" --root "$tree" --jobs 2 --format json --no-config)"
mkdir "$tree/tenth"
for ((i = 0; i < (files / 50 + 9) / 10; i++)); do mv "$tree/pkg$i" "$tree/tenth/"; done
echo "a tenth of the tree, --jobs 2: $(peak "$SLOTLINT_BIN" check "$tree/tenth" --root "$tree" --jobs 2 --format json --no-config)"
