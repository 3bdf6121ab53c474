#!/usr/bin/env python3
"""Records every finding slotlint reports on fixtures/, with its place and
fingerprints, into tests/fingerprints/fixtures.json:

    {"path", "code", "line", "column", "v1", "v2"}

Users keep SARIF baselines (`--baseline`) that must keep matching after an
upgrade; tests/e2e/test_fingerprint_stability.py builds such baselines from
this record. The v1 fingerprints were recorded before the value-flow engine
replaced any language's key display, so they are what an earlier baseline
holds; re-recording keeps the recorded v1 of every finding whose v2 is
unchanged, and takes the current one only for new findings. Run this only
when a fixture itself changed on purpose, or when findings were added or moved
on purpose (say so in the commit):

    tests/fingerprints/update.py build/slotlint
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
RECORD = os.path.join(HERE, "fixtures.json")


def findings(slotlint, *args, cwd=SOURCE_DIR, paths=("fixtures",)):
    """The findings of `slotlint check` (suppressed ones included), as records
    sorted by path, line, column and rule."""
    result = subprocess.run([slotlint, "check", *paths, "--no-config", "--format", "sarif", *args],
                            cwd=cwd, capture_output=True, check=False)
    if result.returncode not in (0, 1):
        raise SystemExit(f"slotlint exited {result.returncode}: {result.stderr.decode()[:2000]}")
    rows = []
    for run in json.loads(result.stdout)["runs"]:
        for sarif_result in run["results"]:
            location = sarif_result["locations"][0]["physicalLocation"]
            fingerprints = sarif_result.get("partialFingerprints", {})
            rows.append({"path": location["artifactLocation"]["uri"], "code": sarif_result["ruleId"],
                         "line": location["region"]["startLine"],
                         "column": location["region"]["startColumn"],
                         "v1": fingerprints.get("slotlint/v1"), "v2": fingerprints.get("slotlint/v2")})
    return sorted(rows, key=lambda r: (r["path"], r["line"], r["column"], r["code"]))


def recorded():
    with open(RECORD) as f:
        return json.load(f)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    earlier = {(r["path"], r["code"], r["v2"]): r["v1"] for r in recorded() if r.get("v2")}
    rows = findings(sys.argv[1])
    for row in rows:
        row["v1"] = earlier.get((row["path"], row["code"], row["v2"]), row["v1"])
    with open(RECORD, "w") as out:
        out.write("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
    print(f"{len(rows)} findings recorded")


if __name__ == "__main__":
    main()
