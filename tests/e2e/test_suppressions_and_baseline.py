"""Inline suppressions and --baseline: the happy paths and bad input."""
import json
import os
import tempfile
import unittest

from slotlint_run import require_environment, run

HEADER = "import redis\nr = redis.Redis()\n"


class SuppressionsAndBaseline(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, body):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(HEADER + body)
        return path

    def check(self, *extra, fmt="json", codes=(0, 1)):
        result = run("check", self.dir, "--root", self.dir, "--format", fmt, *extra, check_codes=codes)
        return result

    def test_suppressed_findings_stay_in_sarif_only(self):
        self.write("app.py", 'r.mget("foo", "bar")  # slotlint: ignore[SL001] reviewed\n')
        result = self.check()
        self.assertEqual(result.returncode, 0, "a suppressed finding must not fail the run")
        self.assertTrue(json.loads(result.stdout)["findings"][0]["suppressed"])
        text = self.check(fmt="text").stdout.decode()
        self.assertNotIn("MGET", text)
        self.assertIn("(1 suppressed)", text)
        sarif = json.loads(self.check(fmt="sarif").stdout)
        suppressions = sarif["runs"][0]["results"][0]["suppressions"]
        self.assertEqual(suppressions[0]["kind"], "inSource")
        self.assertIn("slotlint: ignore[SL001]", suppressions[0]["justification"])

    def test_bare_ignore_is_reported_and_silences_nothing(self):
        self.write("app.py", 'r.mget("foo", "bar")  # slotlint: ignore\n')
        result = self.check()
        self.assertEqual(result.returncode, 1)
        report = json.loads(result.stdout)
        self.assertFalse(report["findings"][0]["suppressed"])
        self.assertTrue(any(n["id"] == "bare-suppression" and "line 3" in n["message"]
                            for n in report["notifications"]))

    def test_ignore_naming_no_rule_is_reported_and_silences_nothing(self):
        self.write("app.py", 'r.mget("foo", "bar")  # slotlint: ignore[SL01]\n')
        result = self.check()
        self.assertEqual(result.returncode, 1)
        report = json.loads(result.stdout)
        self.assertFalse(report["findings"][0]["suppressed"])
        self.assertTrue(any(n["id"] == "unknown-suppression-rule" and "SL01" in n["message"]
                            for n in report["notifications"]))

    def test_bare_ignore_in_a_clean_file_is_reported_too(self):
        self.write("clean.py", 'r.get("foo")  # slotlint: ignore\n')
        report = json.loads(self.check().stdout)
        self.assertTrue(any(n["id"] == "bare-suppression" and n["path"] == "clean.py"
                            for n in report["notifications"]))

    def test_baseline_reports_only_new_findings(self):
        path = self.write("app.py", 'r.mget("foo", "bar")\n')
        baseline = os.path.join(self.dir, "baseline.sarif")
        with open(baseline, "wb") as f:
            f.write(self.check(fmt="sarif").stdout)
        # The old finding moves down two lines: still known. A new one appears.
        with open(path, "w") as f:
            f.write(HEADER + "\n\nr.mget(\"foo\", \"bar\")\nr.rename(\"foo\", \"bar\")\n")
        result = self.check("--baseline", baseline)
        report = json.loads(result.stdout)
        self.assertEqual([f["code"] for f in report["findings"]], ["SL001"])
        self.assertIn("RENAME", report["findings"][0]["message"])
        self.assertEqual(result.returncode, 1)
        # Fixing the new one leaves nothing to report.
        with open(path, "w") as f:
            f.write(HEADER + "\n\nr.mget(\"foo\", \"bar\")\n")
        self.assertEqual(self.check("--baseline", baseline).returncode, 0)

    def test_bad_baselines_are_usage_errors(self):
        self.write("app.py", 'r.mget("foo", "bar")\n')
        cases = {"missing.sarif": None, "garbage.sarif": "{not json", "not_sarif.sarif": '{"version": "2.1.0"}',
                 # A number no double holds: out of range, not a parse error (found by fuzzing).
                 "huge_number.sarif": '{"version": "2.1.0", "runs": [], "x": 1e99999}'}
        for name, content in cases.items():
            path = os.path.join(self.dir, name)
            if content is not None:
                with open(path, "w") as f:
                    f.write(content)
            result = self.check("--baseline", path, codes=(2,))
            self.assertIn(b"baseline", result.stderr, name)


if __name__ == "__main__":
    unittest.main()
