"""Fingerprints stay stable: a user's `--baseline` must not turn into "all new"
on upgrade.

tests/fingerprints/fixtures.json records every finding slotlint reported on
fixtures/ before the value-flow engine renamed any key, with its place and its
slotlint/v1 fingerprint (which hashes the keys as the engine shows them), and
its slotlint/v2 fingerprint (which hashes the flagged line's text instead).
From it the tests build baselines in the old form (v1 only, as slotlint wrote
them before v2) and in the new one, and check what `--baseline` hides.

A recorded finding may change its v1 when the engine names its keys better,
as long as it stays at its place (same rule, path and line); it may not
disappear or move. If a fixture changed on purpose, run
tests/fingerprints/update.py.
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

from slotlint_run import CPP_COMPONENT, SLOTLINT, SOURCE_DIR, require_environment, run

sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "fingerprints"))
import update  # noqa: E402

WRONG = "0123456789abcdef"  # a fingerprint no finding has


def sarif_result(row, line, v1=None, v2=None, column=True):
    region = {"startLine": line}
    if column:
        region["startColumn"] = row["column"]
    result = {"ruleId": row["code"], "level": "warning", "message": {"text": "recorded"},
              "locations": [{"physicalLocation": {
                  "artifactLocation": {"uri": row["path"], "uriBaseId": "%SRCROOT%"},
                  "region": region}}]}
    fingerprints = {name: value for name, value in (("slotlint/v1", v1), ("slotlint/v2", v2)) if value}
    if fingerprints:
        result["partialFingerprints"] = fingerprints
    return result


def key(row):
    return (row["path"], row["code"])


class FingerprintStability(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Without the C/C++ component (-DSLOTLINT_CPP=OFF) C and C++ files
        # are not analysed: their recorded findings are not expected.
        cls.recorded = [r for r in update.recorded()
                        if CPP_COMPONENT or not r["path"].startswith("fixtures/cpp/")]
        if SLOTLINT and os.path.exists(SLOTLINT):
            cls.now = update.findings(SLOTLINT)

    def setUp(self):
        require_environment(self)
        self.assertGreater(len(self.recorded), 700)
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def left_by(self, results):
        """The findings on fixtures/ that a baseline of these SARIF results
        does not hide."""
        path = os.path.join(self.tmp.name, "baseline.sarif")
        with open(path, "w") as f:
            json.dump({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "slotlint"}},
                                                     "results": results}]}, f)
        return update.findings(SLOTLINT, "--baseline", path)

    def still_at_their_place(self):
        """The recorded findings reported now at the same rule, path and line."""
        places = {key(r) + (r["line"],) for r in self.now}
        return [r for r in self.recorded if key(r) + (r["line"],) in places]

    def test_recorded_findings_are_still_reported(self):
        # Same v1, or at the same place when the engine renamed their keys.
        v1s = {key(r) + (r["v1"],) for r in self.now}
        places = {key(r) + (r["line"],) for r in self.now}
        missing = [r for r in self.recorded
                   if key(r) + (r["v1"],) not in v1s and key(r) + (r["line"],) not in places]
        self.assertEqual(missing, [], "recorded findings that are no longer reported, or moved "
                         "(if a fixture changed on purpose, run tests/fingerprints/update.py)")

    def test_an_old_baseline_hides_every_recorded_finding(self):
        # As slotlint wrote it before v2: v1 and the place.
        left = self.left_by([sarif_result(r, r["line"], v1=r["v1"]) for r in self.recorded])
        places = {key(r) + (r["line"], r["column"]) for r in self.recorded}
        v1s = {key(r) + (r["v1"],) for r in self.recorded}
        shown = [r for r in left
                 if key(r) + (r["line"], r["column"]) in places or key(r) + (r["v1"],) in v1s]
        self.assertEqual(shown, [], "recorded findings an old baseline does not hide")
        self.assertEqual(len(left), len(self.now) - len(self.now_hidden_by_place_or_v1()))

    def now_hidden_by_place_or_v1(self):
        places = {key(r) + (r["line"], r["column"]) for r in self.recorded}
        v1s = {key(r) + (r["v1"],) for r in self.recorded}
        return [r for r in self.now
                if key(r) + (r["line"], r["column"]) in places or key(r) + (r["v1"],) in v1s]

    def test_an_old_baseline_matches_by_place_when_v1_changed(self):
        # Every key display changed: only the place is left to match.
        left = self.left_by([sarif_result(r, r["line"], v1=WRONG) for r in self.recorded])
        places = {key(r) + (r["line"], r["column"]) for r in self.recorded}
        self.assertEqual([r for r in left if key(r) + (r["line"], r["column"]) in places], [])
        self.assertGreater(len(self.still_at_their_place()), 700)

    def test_an_old_baseline_without_columns_matches_by_line(self):
        left = self.left_by([sarif_result(r, r["line"], column=False) for r in self.recorded])
        places = {key(r) + (r["line"],) for r in self.recorded}
        self.assertEqual([r for r in left if key(r) + (r["line"],) in places], [])

    def test_an_old_baseline_matches_by_v1_when_lines_moved(self):
        left = self.left_by([sarif_result(r, r["line"] + 100000, v1=r["v1"]) for r in self.recorded])
        v1s = {key(r) + (r["v1"],) for r in self.recorded}
        self.assertEqual([r for r in left if key(r) + (r["v1"],) in v1s], [])

    def test_a_baseline_matching_nothing_hides_nothing(self):
        left = self.left_by([sarif_result(r, r["line"] + 100000, v1=WRONG) for r in self.recorded]
                            + [sarif_result(r, r["line"], v1=r["v1"], v2=r["v2"])
                               for r in self.recorded if r["path"] == "no/such/file.py"])
        self.assertEqual(len(left), len(self.now))

    def test_a_baseline_matches_by_v2_when_lines_moved_and_keys_renamed(self):
        left = self.left_by([sarif_result(r, r["line"] + 100000, v1=WRONG, v2=r["v2"])
                             for r in self.recorded])
        v2s = {key(r) + (r["v2"],) for r in self.recorded}
        self.assertEqual([r for r in left if key(r) + (r["v2"],) in v2s], [])
        self.assertLess(len(left), len(self.now) - 700)

    def test_a_result_with_v2_is_not_matched_by_its_place(self):
        # A v2 baseline knows each finding by its line's text: a changed line
        # at the same place is a new finding.
        left = self.left_by([sarif_result(r, r["line"], v1=WRONG, v2=WRONG) for r in self.recorded])
        self.assertEqual(len(left), len(self.now))

    def test_a_baseline_of_today_hides_every_finding_of_today(self):
        baseline = os.path.join(self.tmp.name, "today.sarif")
        run("check", "fixtures", "--no-config", "--format", "sarif", "--output", baseline)
        self.assertEqual(update.findings(SLOTLINT, "--baseline", baseline), [])

    def test_recorded_v2_is_unchanged(self):
        now = {key(r) + (r["line"],): r["v2"] for r in self.now}
        changed = [(r, now[key(r) + (r["line"],)]) for r in self.still_at_their_place()
                   if now[key(r) + (r["line"],)] != r["v2"]]
        self.assertEqual(changed, [], "findings at their recorded place whose v2 changed")

    def test_v2_is_unique(self):
        self.assertEqual(len({key(r) + (r["v2"],) for r in self.now}), len(self.now))

    def test_v2_survives_a_line_inserted_at_the_top(self):
        root = self.tmp.name
        shutil.copytree(os.path.join(SOURCE_DIR, "fixtures"), os.path.join(root, "fixtures"))
        before = update.findings(SLOTLINT, cwd=root)
        self.assertGreater(len(before), 700)
        for path in {r["path"] for r in before}:
            with open(os.path.join(root, path), "rb") as f:
                text = f.read()
            with open(os.path.join(root, path), "wb") as f:
                f.write(b"\n" + text)
        after = update.findings(SLOTLINT, cwd=root)
        self.assertEqual([(key(r), r["line"] + 1, r["v2"]) for r in before],
                         [(key(r), r["line"], r["v2"]) for r in after])
        # The recorded v2 does not depend on where the checkout is either.
        recorded = {key(r) + (r["line"], r["v2"]) for r in self.recorded}
        self.assertTrue(recorded.issuperset(key(r) + (r["line"], r["v2"]) for r in before))

    def test_two_findings_on_one_line_differ(self):
        root = self.tmp.name
        line = 'r.mget("a", "b"); r.mget("c", "d")\n'
        with open(os.path.join(root, "app.py"), "w") as f:
            f.write("import redis\nr = redis.Redis()\n" + line + "\n" + line)
        found = update.findings(SLOTLINT, cwd=root, paths=("app.py",))
        self.assertEqual([(r["code"], r["line"], r["column"]) for r in found],
                         [("SL001", 3, 3), ("SL001", 3, 21), ("SL001", 5, 3), ("SL001", 5, 21)])
        self.assertEqual(len({r["v2"] for r in found}), 4)

    def test_v2_does_not_depend_on_what_the_levels_leave_out(self):
        # Equal lines, a note and then an error: the error is the second
        # finding on such a line whether the note is reported or not.
        root = self.tmp.name
        with open(os.path.join(root, "app.py"), "w") as f:
            f.write("import redis\nr = redis.Redis()\n\n\ndef unknown(k1, k2):\n    r.mget(k1, k2)\n\n\n"
                    "def proven():\n    k1 = \"a\"\n    k2 = \"b\"\n    r.mget(k1, k2)\n")
        every = update.findings(SLOTLINT, cwd=root, paths=("app.py",))
        errors = update.findings(SLOTLINT, "--min-level", "error", cwd=root, paths=("app.py",))
        self.assertEqual([r["line"] for r in every], [6, 12])
        self.assertEqual([r["line"] for r in errors], [12])
        self.assertEqual(errors[0]["v2"], every[1]["v2"])


if __name__ == "__main__":
    unittest.main()
