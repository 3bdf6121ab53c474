"""The flags people reach for from ruff, ESLint and Semgrep: --select and
--ignore (codes or names), --exclude GLOB, --exit-zero, --quiet,
--statistics, --stdin-filename, the -j/-q/-o short forms, --version, and a
suggestion for a mistyped option; --help lists each."""
import json
import os
import re
import shutil
import tempfile
import unittest

from slotlint_run import SOURCE_DIR, require_environment, run, write_tree

# SL001 (error) on line 3, SL008 (warning) on line 4.
APP = "import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\nr.set('{}x', 1)\n"


class Flags(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.dir = tempfile.mkdtemp(prefix="slotlint-flags-")
        self.addCleanup(shutil.rmtree, self.dir)
        write_tree(self.dir, {"app.py": APP, "vendor/lib.py": APP, "gen/a_pb2.py": APP})

    def check(self, *args, input=None, check_codes=(0, 1)):
        return run("check", *args, cwd=self.dir, input=input, check_codes=check_codes)

    def rules(self, *args):
        out = json.loads(self.check(*args, "--format", "json").stdout)
        return sorted({(f["path"], f["code"]) for f in out["findings"]})

    def codes(self, *args):
        return sorted({code for _, code in self.rules(*args)})

    def paths(self, *args):
        return sorted({path for path, _ in self.rules(*args)})

    def test_select_and_ignore_take_codes_or_names(self):
        self.assertEqual(self.codes(), ["SL001", "SL008"])
        self.assertEqual(self.codes("--select", "SL001"), ["SL001"])
        self.assertEqual(self.codes("--select", "empty-hash-tag"), ["SL008"])
        self.assertEqual(self.codes("--select", "SL001,SL008", "--ignore", "SL008"), ["SL001"])
        self.assertEqual(self.codes("--ignore", "cross-slot-multi-key-command"), ["SL008"])
        self.assertEqual(self.codes("--ignore", "SL001", "--ignore", "SL008"), [])
        result = self.check("--select", "SL999", check_codes=(2,))
        self.assertIn("--select: no rule 'SL999'", result.stderr.decode())

    def test_exclude_is_repeatable_and_counted(self):
        self.assertEqual(self.paths(), ["app.py", "gen/a_pb2.py", "vendor/lib.py"])
        self.assertEqual(self.paths("--exclude", "vendor"), ["app.py", "gen/a_pb2.py"])
        self.assertEqual(self.paths("--exclude", "vendor/", "--exclude=**/*_pb2.py"), ["app.py"])
        text = self.check("--exclude", "vendor").stdout.decode()
        self.assertIn("excluded by --exclude: 1", text)

    def test_exit_zero_keeps_the_report(self):
        result = self.check("--exit-zero", check_codes=(0,))
        self.assertIn("[cross-slot-multi-key-command/SL001]", result.stdout.decode())
        # A usage error is still one.
        self.check("--exit-zero", "missing.py", check_codes=(2,))

    def test_quiet_prints_the_findings_only(self):
        for flag in ("--quiet", "-q"):
            result = self.check(flag, "app.py", "missing/", check_codes=(2,))
            lines = result.stdout.decode().splitlines()
            self.assertTrue(lines[0].startswith("app.py:3:3: error:"), lines)
            self.assertFalse(any(re.search(r"\d+ errors?, ", line) for line in lines), lines)
            self.assertFalse(any("path-not-found" in line or "no such file" in line for line in lines),
                             lines)
        # Without it: the notification and the summary line.
        self.assertIn("in 1 file", self.check("app.py", "missing/", check_codes=(2,)).stdout.decode())

    def test_statistics_counts_per_rule(self):
        result = self.check("--statistics")
        self.assertEqual(result.stdout.decode().splitlines(),
                         ["    3  SL001  cross-slot-multi-key-command",
                          "    3  SL008  empty-hash-tag",
                          "    6  total"])
        result = self.check("--statistics", "--ignore", "SL008", "--format", "sarif")
        json.loads(result.stdout)  # the report stays what it is
        self.assertIn("    3  SL001  cross-slot-multi-key-command", result.stderr.decode())

    def test_stdin_filename_reads_the_source_from_standard_input(self):
        # The file on disk is clean; the editor's buffer is not.
        write_tree(self.dir, {"src/edited.py": "x = 1\n"})
        result = self.check("--stdin-filename", "src/edited.py", input=APP.encode())
        self.assertIn("src/edited.py:3:3: error:", result.stdout.decode())
        # An unsaved buffer need not exist on disk.
        result = self.check("--stdin-filename", "src/new.py", "--format", "json", input=APP.encode())
        self.assertEqual({f["path"] for f in json.loads(result.stdout)["findings"]}, {"src/new.py"})
        result = self.check("--stdin-filename", "a.py", "app.py", input=b"", check_codes=(2,))
        self.assertIn("--stdin-filename", result.stderr.decode())

    def test_short_forms(self):
        out = os.path.join(self.dir, "report.sarif")
        self.check("-j", "2", "-q", "-o", out, "--format", "sarif", "app.py")
        with open(out) as f:
            self.assertEqual(json.load(f)["version"], "2.1.0")
        self.check("-j2", "app.py")
        result = self.check("-j", "0", check_codes=(2,))
        self.assertIn("--jobs takes a number", result.stderr.decode())

    def test_version(self):
        result = run("--version", check_codes=(0,))
        with open(os.path.join(SOURCE_DIR, "CMakeLists.txt")) as f:
            version = re.search(r"project\(slotlint VERSION (\S+)", f.read()).group(1)
        self.assertEqual(result.stdout.decode(), f"slotlint {version}\n")

    def test_unknown_options_suggest_the_nearest(self):
        for typed, meant in (("--exlude", "--exclude"), ("--selcet=SL001", "--select"),
                             ("--exit-zeor", "--exit-zero"), ("--stdin-file", "--stdin-filename"),
                             ("--quite", "--quiet")):
            result = self.check(typed, check_codes=(2,))
            self.assertIn(f"unknown option '{typed}' (did you mean {meant}?)", result.stderr.decode())
        result = self.check("--completely-different", check_codes=(2,))
        self.assertNotIn("did you mean", result.stderr.decode())
        result = run("chek", check_codes=(2,))
        self.assertIn("did you mean check?", result.stderr.decode())

    def test_help_lists_every_flag(self):
        help_text = run("--help", check_codes=(0,)).stdout.decode()
        for flag in ("--select", "--ignore", "--exclude", "--exit-zero", "-q, --quiet", "--statistics",
                     "--stdin-filename", "-j, --jobs", "-o, --output", "--version", "--no-gitignore",
                     "--force-exclude"):
            self.assertIn(flag, help_text)


if __name__ == "__main__":
    unittest.main()
