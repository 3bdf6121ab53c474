#!/usr/bin/env bash
# Installs, idempotently, everything slotlint's build and tests need on a fresh
# Debian 12 machine as root: Debian packages through apt-get, tree-sitter runtime
# and grammars plus test tools through npm (pinned by package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  build-essential cmake ninja-build git pkg-config
  clang-19 libclang-19-dev libclang-cpp19-dev llvm-19-dev clang-tidy-19 libclang-rt-19-dev
  libfmt-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  redis-server redis-tools python3 python3-redis pre-commit libxml2-utils
  libhiredis-dev  # the real hiredis header, which a test compares slotlint's model header with
  file  # CPack's .deb generator finds the binaries whose libraries it turns into Depends with it
  libxxhash-dev  # XXH3, header only: the engine's 128-bit value digests
  libyaml-dev  # libyaml, linked statically: Spring Boot's application.yml files
  ccache  # scripts/test.sh's second build (no C/C++ component) reuses the first one's objects
  nodejs
)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$pkg")
done
# npm ships inside nodesource's nodejs; Debian's nodejs needs the npm package.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --ignore-scripts: we compile the grammars' C sources from CMake; the packages'
# own install scripts would try to build Node bindings we do not use.
lock_stamp=node_modules/.slotlint-lock
if [[ ! -f $lock_stamp ]] || ! cmp -s package-lock.json "$lock_stamp"; then
  echo "bootstrap: installing npm packages from package-lock.json"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$lock_stamp"
fi
