#!/usr/bin/env bash
# Refreshes the data vendored in third_party/ from its upstream repositories:
#   third_party/redis-commands/  Valkey's command key specs (src/commands/*.json, COPYING)
#   third_party/sarif-schema/    the OASIS SARIF 2.1.0 schema (sarif-2.1/schema/, LICENSE.md)
# at the commits given (default: the ones each folder's README names), and
# rewrites the "commit:" line of each README. Review with `git diff`, then
# rebuild: a command the new table has that analyzer/commands/newer/ also
# defines stops the build ("defined twice"); delete the file in newer/.
#
#   scripts/update_third_party.sh [--valkey-commit SHA] [--sarif-commit SHA]
#                                 [--valkey REPO] [--sarif REPO] [--dest DIR]
#
# REPO is anything `git fetch` takes (default: the GitHub repositories; a local
# clone works offline). --dest is the third_party/ folder to write (default:
# this checkout's).
set -euo pipefail
cd "$(dirname "$0")/.."

valkey_repo=https://github.com/valkey-io/valkey.git
sarif_repo=https://github.com/oasis-tcs/sarif-spec.git
valkey_commit=
sarif_commit=
dest=third_party

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while (($#)); do
  case $1 in
    --valkey) valkey_repo=${2:?}; shift 2 ;;
    --valkey-commit) valkey_commit=${2:?}; shift 2 ;;
    --sarif) sarif_repo=${2:?}; shift 2 ;;
    --sarif-commit) sarif_commit=${2:?}; shift 2 ;;
    --dest) dest=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done

# The commit a README pins: its line "- commit: <40 hex digits> (<date>)".
pinned_commit() {
  local readme=$1
  local commit
  commit=$(sed -n 's/^- commit: \([0-9a-f]\{40\}\).*/\1/p' "$readme")
  if [[ -z $commit ]]; then
    echo "update_third_party: no '- commit: SHA' line in $readme" >&2
    exit 2
  fi
  echo "$commit"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch NAME REPO COMMIT PATH...: the PATHs of REPO at COMMIT, extracted into
# $work/NAME; prints the commit's date.
fetch() {
  local name=$1 repo=$2 commit=$3
  shift 3
  git init -q "$work/$name.git"
  git -C "$work/$name.git" fetch -q --depth 1 "$repo" "$commit"
  mkdir -p "$work/$name"
  git -C "$work/$name.git" archive FETCH_HEAD "$@" | tar -x -C "$work/$name"
  git -C "$work/$name.git" log -1 --format=%cs FETCH_HEAD
}

# record README COMMIT DATE: the README's commit line names COMMIT.
record() {
  sed -i "s/^- commit: .*/- commit: $2 ($3)/" "$1"
}

commands_dir=$dest/redis-commands
valkey_commit=${valkey_commit:-$(pinned_commit "$commands_dir/README.md")}
date=$(fetch valkey "$valkey_repo" "$valkey_commit" src/commands COPYING)
specs=("$work"/valkey/src/commands/*.json)
if [[ ! -f ${specs[0]} ]]; then
  echo "update_third_party: no src/commands/*.json in $valkey_repo at $valkey_commit" >&2
  exit 1
fi
rm -f "$commands_dir"/*.json
cp "${specs[@]}" "$commands_dir/"
cp "$work/valkey/COPYING" "$commands_dir/COPYING"
record "$commands_dir/README.md" "$valkey_commit" "$date"
echo "third_party/redis-commands: ${#specs[@]} command specs from $valkey_repo at $valkey_commit ($date)"

schema_dir=$dest/sarif-schema
sarif_commit=${sarif_commit:-$(pinned_commit "$schema_dir/README.md")}
date=$(fetch sarif "$sarif_repo" "$sarif_commit" sarif-2.1/schema/sarif-schema-2.1.0.json LICENSE.md)
cp "$work/sarif/sarif-2.1/schema/sarif-schema-2.1.0.json" "$schema_dir/"
cp "$work/sarif/LICENSE.md" "$schema_dir/LICENSE.md"
record "$schema_dir/README.md" "$sarif_commit" "$date"
echo "third_party/sarif-schema: sarif-schema-2.1.0.json from $sarif_repo at $sarif_commit ($date)"
