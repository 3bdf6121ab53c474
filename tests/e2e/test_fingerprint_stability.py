"""Fingerprints stay stable: every finding recorded in
tests/fingerprints/fixtures.json (what slotlint reported on fixtures/ when the
value-flow engine work began) is still reported under the same
partialFingerprint, so a user's `--baseline` does not turn into "all new" on
upgrade. New findings may appear; a recorded one may not change its identity.
"""
import json
import os
import sys
import unittest

from slotlint_run import CPP_COMPONENT, SLOTLINT, SOURCE_DIR, require_environment

sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "fingerprints"))
import update  # noqa: E402


class FingerprintStability(unittest.TestCase):
    def setUp(self):
        require_environment(self)

    def test_recorded_fingerprints_are_still_reported(self):
        with open(os.path.join(SOURCE_DIR, "tests", "fingerprints", "fixtures.json")) as f:
            recorded = {(r["path"], r["code"], r["fingerprint"]) for r in json.load(f)
                        if CPP_COMPONENT or not r["path"].startswith("fixtures/cpp/")}
        self.assertGreater(len(recorded), 100)
        now = set(update.fingerprints(SLOTLINT))
        missing = sorted(recorded - now)
        self.assertEqual(missing, [], "findings whose fingerprint changed or that are no longer "
                         "reported (if a fixture changed on purpose, run tests/fingerprints/update.py)")

    def test_a_baseline_from_today_hides_every_finding_of_today(self):
        # The same check through the user's path: today's SARIF as a baseline.
        import subprocess
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            baseline = os.path.join(tmp, "baseline.sarif")
            subprocess.run([SLOTLINT, "check", "fixtures", "--no-config", "--format", "sarif",
                            "--output", baseline], cwd=SOURCE_DIR, check=False)
            again = subprocess.run([SLOTLINT, "check", "fixtures", "--no-config", "--format", "json",
                                    "--baseline", baseline], cwd=SOURCE_DIR, capture_output=True)
            self.assertEqual(json.loads(again.stdout)["findings"], [])


if __name__ == "__main__":
    unittest.main()
