#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-19, ASan + UBSan) and runs each for
# SECONDS (default 600), two at a time, from seed corpora made of the
# fixtures. Crashes land in fuzz/artifacts/<target>/ (kept out of git); each
# one found gets a regression test under tests/ before it is fixed.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
scripts/bootstrap.sh >/dev/null
CC=clang-19 CXX=clang++-19 cmake -S . -B build-fuzz -G Ninja -DSLOTLINT_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz >/dev/null

work=build-fuzz/corpora
mkdir -p "$work"
seed() {  # seed TARGET FILES...
  local target=$1
  shift
  mkdir -p "$work/$target"
  for file in "$@"; do [[ -f "$file" ]] && cp "$file" "$work/$target/" || true; done
}
seed fuzz_frontend_python fixtures/python/*.py
seed fuzz_frontend_javascript fixtures/javascript/*.js fixtures/javascript/*.mjs
seed fuzz_frontend_typescript fixtures/typescript/*.ts
seed fuzz_frontend_tsx fixtures/typescript/*.tsx
seed fuzz_frontend_go fixtures/go/*.go
seed fuzz_frontend_java fixtures/java/*.java fixtures/java/support/*.java
seed fuzz_lua_script $(find fixtures -name '*.lua')
seed fuzz_frontend_lua $(find fixtures -name '*.lua')
seed fuzz_slot_engine
seed fuzz_command_table
mkdir -p "$work/fuzz_hiredis_format"
printf 'MSET %%s %%s user:%%d %%b' >"$work/fuzz_hiredis_format/mset"
printf 'EVAL %%s 2 {a}:%%lld {a}:%%-08.3f 100%%%%' >"$work/fuzz_hiredis_format/eval"
mkdir -p "$work/fuzz_config"
printf '{"rules": {"SL001": {"level": "error"}}, "exclude": ["vendor/**"], "settings": {"assume_brace_free_values": true}}' \
  >"$work/fuzz_config/basic.json"
printf '{"models": [{"library": "w", "language": "python", "default_class": "C", "classes": [{"name": "C"}], "methods": {"m": {"signature": "*k", "argv": ["MGET", "...k"]}}}]}' \
  >"$work/fuzz_config/model.json"
mkdir -p "$work/fuzz_manifests"
# One seed per manifest of the fixtures, its first byte choosing the reader.
index=0
for name in poetry.lock uv.lock Pipfile.lock package-lock.json npm-shrinkwrap.json yarn.lock \
            pnpm-lock.yaml go.mod Gemfile.lock composer.lock requirements.txt pyproject.toml \
            package.json pom.xml libs.versions.toml build.gradle build.gradle.kts vcpkg.json \
            conanfile.txt conanfile.py; do  # the order of versions::manifest_kinds()
  find fixtures examples -name "$name" | while read -r file; do
    { printf "\\$(printf '%03o' "$index")"; cat "$file"; } >"$work/fuzz_manifests/$index-$(basename "$file")"
  done
  index=$((index + 1))
done
mkdir -p "$work/fuzz_baseline"
build-fuzz/slotlint check examples --format sarif --output "$work/fuzz_baseline/examples.sarif" \
  --no-config >/dev/null 2>&1 || true

targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(fuzz_slot_engine fuzz_hiredis_format fuzz_command_table fuzz_lua_script fuzz_config
           fuzz_manifests
           fuzz_baseline fuzz_frontend_python fuzz_frontend_javascript fuzz_frontend_typescript
           fuzz_frontend_tsx fuzz_frontend_go fuzz_frontend_java)
fi
run_one() {
  local target=$1
  mkdir -p "fuzz/artifacts/$target"
  local log="build-fuzz/$target.log"
  if "build-fuzz/fuzz/$target" "$work/$target" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/" \
      >"$log" 2>&1; then
    echo "$target: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds}s, no crash"
  else
    echo "$target: CRASH, see $log and fuzz/artifacts/$target/"
  fi
}
export -f run_one
export seconds work
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} bash -c 'run_one {}'
