"""The hostile input corpus (tests/hostile/generate.py): every case gives the
notification it should (or none), nothing crashes or hangs, and the control
files' findings are the same as when they are checked alone."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from slotlint_run import SOURCE_DIR, require_environment, run

sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "hostile"))
import generate  # noqa: E402


def report_of(path, root):
    # stdin is empty, not the test runner's: an #include "/dev/stdin" that
    # got through would read it.
    result = run("check", path, "--root", root, "--format", "json", "--no-config", input=b"",
                 timeout=300)
    return result.returncode, json.loads(result.stdout)


def notifications_by_path(report):
    """path -> the ids of its notifications, but the note every C and C++ file
    parsed without a compilation database gets."""
    notified = {}
    for n in report["notifications"]:
        if n["id"] != "no-compile-command":
            notified.setdefault(n["path"], set()).add(n["id"])
    return notified


class HostileInputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="slotlint-hostile-")
        generate.write(cls.dir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def setUp(self):
        require_environment(self)

    def test_every_case_gives_its_notification_and_controls_are_unchanged(self):
        code, report = report_of(self.dir, self.dir)
        self.assertEqual(code, 1)  # the controls' findings
        notified = notifications_by_path(report)
        for path, _, expected in generate.cases():
            with self.subTest(path):
                allowed = set(expected if isinstance(expected, tuple) else (expected,))
                ids = notified.get(path, set())
                self.assertTrue(ids & allowed or (None in allowed and not ids), (ids, allowed))
        # Only the cases' own notifications: none for anything else.
        self.assertEqual(set(notified) - {p for p, _, e in generate.cases() if e}, set())
        _, alone = report_of(os.path.join(self.dir, "control"), self.dir)
        controls = lambda r: [(f["path"], f["line"], f["code"], f["message"]) for f in r["findings"]
                              if f["path"].startswith("control/")]
        self.assertEqual(controls(report), controls(alone))
        self.assertEqual(len(controls(alone)), len(generate.CONTROLS))

    def test_limits_say_what_they_are(self):
        _, report = report_of(os.path.join(self.dir, "large"), self.dir)
        big = next(n for n in report["notifications"] if n["path"] == "large/minified.js")
        self.assertIn("8388608 byte limit", big["message"])
        # A million concatenations end in a verdict, or in the parse time
        # limit saying what it is: never in a hang.
        timeout = [n for n in report["notifications"] if n["path"] == "large/concat.py"]
        if timeout:
            self.assertEqual(timeout[0]["id"], "parse-timeout")
            self.assertIn("longer than 10000 ms", timeout[0]["message"])
        else:
            self.assertIn(("large/concat.py", 4), [(f["path"], f["line"]) for f in report["findings"]])

    def test_keys_stay_within_the_key_budget(self):
        # A width or count of a billion and constants doubled twelve times
        # (generate.key_bombs): built in full, each key takes hundreds of MB
        # to GBs ("%999999999d" % 1 took 18 GB), so 1 GiB must do for all.
        result = run("check", os.path.join(self.dir, "keys"), "--root", self.dir, "--format", "json",
                     "--no-config", "--jobs", "2", timeout=300, memory=1 << 30)
        findings = json.loads(result.stdout)["findings"]
        marked = 0
        for path, data, _ in generate.cases():
            if not path.startswith("keys/") or path.endswith(".h"):
                continue
            for number, line in enumerate(data.decode().splitlines(), 1):
                mark = line.rsplit(" ", 1)[-1]
                if mark not in ("budget", "hole"):
                    continue
                marked += 1
                with self.subTest(f"{path}:{number}"):
                    found = [f["message"] for f in findings
                             if (f["path"], f["line"], f["code"]) == (path, number, "SL001")]
                    self.assertEqual(len(found), 1, line[:200])
                    self.assertLess(len(found[0]), 4 * 65536)
                    self.assertEqual(generate.KEY_BUDGET_NOTE in found[0], mark == "budget", found[0][:300])
        self.assertEqual(marked, 15)

    def test_clang_refuses_special_files_and_stops_where_it_says(self):
        _, report = report_of(os.path.join(self.dir, "cpp"), self.dir)
        messages = {(n["path"], n["id"]): n["message"] for n in report["notifications"]}
        self.assertIn("cpp/fifo.inc is not a regular file", messages["cpp/include_fifo.cpp", "include-refused"])
        self.assertIn("/dev/stdin is on a kernel pseudo file system",
                      messages["cpp/include_stdin.cpp", "include-refused"])
        self.assertIn("/proc/self/environ is on a kernel pseudo file system",
                      messages["cpp/include_environ.cpp", "include-refused"])
        # The work each unit cost, told by where its parse ended: 100,000
        # lines of errors end after 1000 errors (two a line), near line 500.
        self.assertIn("stopped after 1000 errors, at errors.cpp:503;", messages["cpp/errors.cpp", "parse-stopped"])
        self.assertIn("stopped after entering files 100000 times",
                      messages["cpp/include_bomb.cpp", "parse-stopped"])
        self.assertIn("stopped after 64 MiB of source (each file counted every time it is entered), "
                      "at include_big.cpp:17;", messages["cpp/include_big.cpp", "parse-stopped"])

    def test_line_endings_keep_line_numbers(self):
        _, report = report_of(os.path.join(self.dir, "lines"), self.dir)
        self.assertEqual(sorted((f["path"], f["line"]) for f in report["findings"]),
                         [("lines/crlf.py", 3), ("lines/lone_cr.js", 3)])

    def test_a_folder_linking_to_its_parent_is_walked_once(self):
        _, report = report_of(os.path.join(self.dir, "special"), self.dir)
        self.assertEqual(report["files"], 1)  # dir.py/inner.py, not again through sub/up

    def test_a_configuration_with_wrong_types_is_exit_3_with_its_place(self):
        config = os.path.join(self.dir, "bad-config.json")
        with open(config, "w") as f:
            f.write('{\n  "exclude": "vendor",\n  "rules": []\n}\n')
        result = run("check", os.path.join(self.dir, "control"), "--config", config, check_codes=(3,))
        self.assertIn(b"bad-config.json:2", result.stderr)


if __name__ == "__main__":
    unittest.main()
