"""The command-line contract: exit codes, subcommands, and that bad input gives
a notification while the other files are still analysed."""
import json
import os
import re
import stat
import tempfile
import unittest

import shutil
import subprocess

from slotlint_run import SLOTLINT, require_environment, run

CROSS_SLOT = 'import redis\nr = redis.Redis()\nr.mget("foo", "bar")\n'
CLEAN = 'import redis\nr = redis.Redis()\nr.mget("{t}foo", "{t}bar")\n'


class Cli(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        for root, dirs, files in os.walk(self.dir):
            for name in dirs + files:
                path = os.path.join(root, name)
                if not os.path.islink(path):
                    os.chmod(path, 0o700)
        self.tmp.cleanup()

    def write(self, name, content, mode="w"):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(content)
        return path

    def test_help_and_version(self):
        self.assertIn(b"Usage:", run("--help", check_codes=(0,)).stdout)
        self.assertRegex(run("--version", check_codes=(0,)).stdout.decode(), r"^slotlint \d+\.\d+\.\d+")
        self.assertEqual(run("frobnicate", check_codes=None).returncode, 2)
        self.assertEqual(run("check", "--format", "xml", check_codes=None).returncode, 2)
        self.assertEqual(run("check", "--jobs", "0", check_codes=None).returncode, 2)

    def test_exit_codes_follow_findings(self):
        self.write("clean/app.py", CLEAN)
        self.write("dirty/app.py", CROSS_SLOT)
        self.assertEqual(run("check", os.path.join(self.dir, "clean"), check_codes=None).returncode, 0)
        self.assertEqual(run("check", os.path.join(self.dir, "dirty"), check_codes=None).returncode, 1)
        # An error is above the default fail level; raising it above errors is impossible, so
        # check that --fail-level error still fails and --min-level filters the output.
        self.assertEqual(run("check", os.path.join(self.dir, "dirty"), "--fail-level", "error",
                             check_codes=None).returncode, 1)

    def test_missing_path_is_a_usage_error_but_others_run(self):
        self.write("dirty/app.py", CROSS_SLOT)
        result = run("check", os.path.join(self.dir, "dirty"), os.path.join(self.dir, "nope"),
                     "--format", "json", check_codes=(2,))
        report = json.loads(result.stdout)
        self.assertEqual(len(report["findings"]), 1)
        self.assertTrue(any(n["id"] == "path-not-found" for n in report["notifications"]))

    def test_gcc_style_text(self):
        path = self.write("app.py", CROSS_SLOT)
        out = run("check", path, "--root", self.dir, "--color", "never").stdout.decode()
        self.assertRegex(out, r"(?m)^app\.py:3:3: error: MGET keys 'foo' and 'bar' are in different slots \(CROSSSLOT\) \[cross-slot-multi-key-command/SL001\]$")

    def test_bad_files_give_notifications_and_the_run_goes_on(self):
        self.write("good.py", CROSS_SLOT)
        self.write("binary.py", b"import redis\x00\x01\x02", mode="wb")
        self.write("latin1.py", "r.mget('caf\xe9')".encode("latin-1"), mode="wb")
        self.write("utf16.py", "import redis\n".encode("utf-16"), mode="wb")
        self.write("empty.py", "")
        self.write("broken.py", "import redis\nr = redis.Redis()\ndef f(:\n    r.mget('foo', 'bar')\n")
        unreadable = self.write("secret.py", CROSS_SLOT)
        os.chmod(unreadable, 0)
        os.mkfifo(os.path.join(self.dir, "pipe.py"))
        os.symlink("loop.py", os.path.join(self.dir, "loop.py"))
        report = json.loads(run("check", self.dir, "--root", self.dir, "--format", "json").stdout)
        ids = {(n.get("path"), n["id"]) for n in report["notifications"]}
        self.assertIn(("binary.py", "binary-file"), ids)
        self.assertIn(("latin1.py", "invalid-utf8"), ids)
        self.assertIn(("utf16.py", "unsupported-encoding"), ids)
        self.assertIn(("pipe.py", "file-unreadable"), ids)
        self.assertIn(("loop.py", "file-unreadable"), ids)
        if os.geteuid() != 0:  # root reads anything
            self.assertIn(("secret.py", "file-unreadable"), ids)
        paths = {f["path"] for f in report["findings"]}
        self.assertIn("good.py", paths)
        self.assertIn(("broken.py", "parse-error"), ids)

    @unittest.skipUnless(shutil.which("script"), "needs script(1) for a terminal")
    def test_progress_line_on_a_terminal_only(self):
        for i in range(3):
            self.write(f"m{i}.py", CROSS_SLOT)
        env = {k: v for k, v in os.environ.items() if k != "CI"}
        command = f"{SLOTLINT} check {self.dir} --root {self.dir} --format json --output {self.dir}/out.json"
        # script(1) gives slotlint a terminal; what it printed there is on our stdout.
        shown = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, env=env,
                               timeout=120).stdout.decode(errors="replace")
        self.assertIn("slotlint: 3/3 files", shown)
        self.assertIn("\r\x1b[K", shown)  # erased before the summary
        piped = run("check", self.dir, "--root", self.dir, "--format", "json").stderr.decode()
        self.assertNotIn("files\r", piped)
        self.assertNotIn("slotlint: 3/3", piped)

    def test_slot_command(self):
        out = run("slot", "foo", "{user1000}.following", check_codes=(0,)).stdout.decode()
        self.assertRegex(out, r"12182\s+foo")
        self.assertIn("hash tag 'user1000'", out)
        entries = json.loads(run("slot", "--format", "json", "123456789", check_codes=(0,)).stdout)
        self.assertEqual(entries[0]["slot"], 0x31C3 % 16384)
        self.assertEqual(run("slot", check_codes=None).returncode, 2)

    def test_rules_and_explain(self):
        self.assertIn(b"SL001", run("rules", check_codes=(0,)).stdout)
        doc = run("explain", "cross-slot-multi-key-command", check_codes=(0,)).stdout.decode()
        self.assertIn("## Why is this bad?", doc)
        self.assertEqual(run("explain", "SL001", check_codes=(0,)).stdout.decode(), doc)
        self.assertEqual(run("explain", "no-such-rule", check_codes=None).returncode, 2)

    def test_files_that_cannot_involve_redis_are_not_parsed_but_counted(self):
        self.write("plain.py", "print('hello')\n")
        report = json.loads(run("check", self.dir, "--root", self.dir, "--format", "json").stdout)
        self.assertEqual(report["findings"], [])
        self.assertEqual(report["notifications"], [])


if __name__ == "__main__":
    unittest.main()
