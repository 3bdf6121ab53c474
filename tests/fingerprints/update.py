#!/usr/bin/env python3
"""Records the fingerprints of every finding slotlint reports on fixtures/
today, into tests/fingerprints/fixtures.json.

Users keep SARIF baselines (`--baseline`) whose partialFingerprints must keep
matching after an upgrade; tests/e2e/test_fingerprint_stability.py fails when a
finding recorded here is reported under another fingerprint. Run this only when
a fixture itself changed on purpose (say so in the commit):

    tests/fingerprints/update.py build/slotlint
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))


def fingerprints(slotlint):
    result = subprocess.run([slotlint, "check", "fixtures", "--no-config", "--format", "json"],
                            cwd=SOURCE_DIR, capture_output=True, check=False)
    if result.returncode not in (0, 1):
        raise SystemExit(f"slotlint exited {result.returncode}: {result.stderr.decode()[:2000]}")
    report = json.loads(result.stdout)
    return sorted({(f["path"], f["code"], f["fingerprint"]) for f in report["findings"]})


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    rows = [{"path": p, "code": c, "fingerprint": f} for p, c, f in fingerprints(sys.argv[1])]
    with open(os.path.join(HERE, "fixtures.json"), "w") as out:
        out.write("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
    print(f"{len(rows)} fingerprints recorded")


if __name__ == "__main__":
    main()
