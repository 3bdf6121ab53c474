"""The hostile input corpus (tests/hostile/generate.py): every case gives the
notification it should (or none), nothing crashes or hangs, and the control
files' findings are the same as when they are checked alone. Inputs that were
slow paths get the work they take checked through `check --stats`: ten times
the input takes about ten times the work. Work is counted, never timed; the
subprocess timeout is only a hang guard."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from slotlint_run import (C_FAMILY_EXTENSIONS, CPP_COMPONENT, SOURCE_DIR, permission_wrapper,
                          require_environment, run)

sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "hostile"))
import generate  # noqa: E402

UNREADABLE = "unreadable/locked"


def report_of(path, root):
    # stdin is empty, not the test runner's: an #include "/dev/stdin" that
    # got through would read it. Run as a user whom permission bits bind, so
    # the locked folder is locked.
    prefix, _ = permission_wrapper()
    result = run("check", path, "--root", root, "--format", "json", "--no-config", input=b"",
                 timeout=300, prefix=prefix or ())
    return result.returncode, json.loads(result.stdout)


def notifications_by_path(report):
    """path -> the ids of its notifications, but the note every C and C++ file
    parsed without a compilation database gets, and those about the whole run."""
    notified = {}
    for n in report["notifications"]:
        if n["id"] != "no-compile-command" and n["path"] is not None:
            notified.setdefault(n["path"], set()).add(n["id"])
    return notified


def run_notices(report):
    """{id: [messages]} of the notifications about the whole run (no path)."""
    notices = {}
    for n in report["notifications"]:
        if n["path"] is None:
            notices.setdefault(n["id"], []).append(n["message"])
    return notices


def without_component(path, wanted):
    """In a build without the C/C++ component, a C or C++ file that is read
    (not refused before, as binary or too large) gets `cpp-component-missing`
    instead of what the component would say."""
    return (not CPP_COMPONENT and path.endswith(C_FAMILY_EXTENSIONS)
            and not wanted & {"binary-file", "file-too-large", "file-unreadable"})


class HostileInputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="slotlint-hostile-")
        generate.write(cls.dir)

    @classmethod
    def tearDownClass(cls):
        generate.unlock(cls.dir)
        shutil.rmtree(cls.dir)

    def setUp(self):
        require_environment(self)

    def test_every_case_gives_its_notification_and_controls_are_unchanged(self):
        code, report = report_of(self.dir, self.dir)
        self.assertEqual(code, 1)  # the controls' findings
        notified = notifications_by_path(report)
        prefix, why = permission_wrapper()
        for path, _, expected in generate.cases():
            with self.subTest(path):
                if path == UNREADABLE and prefix is None:
                    self.skipTest(f"the folder cannot be locked: {why}")
                wanted = set(expected) if isinstance(expected, tuple) else {expected} - {None}
                if without_component(path, wanted):
                    wanted = {"cpp-component-missing"}
                self.assertEqual(notified.get(path, set()), wanted)
        # Only the cases' own notifications: none for anything else.
        expected_paths = {p for p, _, e in generate.cases()
                          if e or without_component(p, set())}
        if prefix is None:
            expected_paths.add(UNREADABLE)
        self.assertEqual(set(notified) - expected_paths, set())
        # What was counted, not read: one line each.
        self.assertEqual(run_notices(report).keys(), generate.RUN_NOTICES.keys())
        for notice_id, messages in generate.RUN_NOTICES.items():
            with self.subTest(notice_id):
                found = run_notices(report)[notice_id]
                self.assertEqual(len(found), len(messages), found)
                for message, expected in zip(found, messages):
                    self.assertTrue(message.startswith(expected), f"{message!r} vs {expected!r}")
        _, alone = report_of(os.path.join(self.dir, "control"), self.dir)
        controls = lambda r: [(f["path"], f["line"], f["code"], f["message"]) for f in r["findings"]
                              if f["path"].startswith("control/")]
        self.assertEqual(controls(report), controls(alone))
        self.assertEqual(len(controls(alone)), len(generate.CONTROLS))

    def test_spring_configuration_refusals_say_why(self):
        _, report = report_of(os.path.join(self.dir, "spring"), self.dir)
        messages = {n["path"]: n["message"] for n in report["notifications"]}
        self.assertIn("leads outside the project", messages["spring/outside/application.properties"])
        self.assertNotIn("root:", json.dumps(report))  # nothing of /etc/passwd
        self.assertIn("nested 100000 deep", messages["spring/deep/application.yml"])
        self.assertIn("nested over the 64 levels", messages["spring/deep/application-blocks.yml"])
        self.assertIn("line 4, column 1", messages["spring/invalid/application.yaml"])
        self.assertNotIn("spring/deep/application-64.yml", messages)  # at the limit: read

    def test_limits_say_what_they_are(self):
        _, report = report_of(os.path.join(self.dir, "large"), self.dir)
        big = next(n for n in report["notifications"] if n["path"] == "large/minified.js")
        self.assertIn("8388608 byte limit", big["message"])
        # A million concatenations are parsed within the operation budget,
        # whatever the machine's load, and give their finding.
        self.assertNotIn("large/concat.py", [n["path"] for n in report["notifications"]])
        self.assertIn(("large/concat.py", 4), [(f["path"], f["line"]) for f in report["findings"]])
        _, report = report_of(os.path.join(self.dir, "deep"), self.dir)
        messages = {n["path"]: n["message"] for n in report["notifications"]}
        self.assertEqual(messages["deep/indented.py"], "the file nests 600 indentation levels deep (line 603), "
                                                       "over the limit of 200; not analysed")
        self.assertEqual(messages["deep/arrays.js"], "the file nests 100000 brackets deep (line 3), "
                                                     "over the limit of 1000; not analysed")
        self.assertEqual(sorted((f["path"], f["line"]) for f in report["findings"]),
                         [("deep/arrays_1000.js", 4), ("deep/indented_200.py", 203)])

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
            if without_component(path, set()):
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
        self.assertEqual(marked, 15 if CPP_COMPONENT else 13)  # keys/width.c has 2

    @unittest.skipUnless(CPP_COMPONENT, "built without the C/C++ component")
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
        loop = [n for n in report["notifications"] if n["path"] == "special/sub/up"]
        self.assertEqual([(n["id"], n["level"]) for n in loop], [("symlink-not-followed", "note")])
        self.assertIn("a loop", loop[0]["message"])

    def test_a_folder_link_inside_the_project_is_followed_and_one_outside_is_named(self):
        _, report = report_of(os.path.join(self.dir, "links", "app"), self.dir)
        self.assertEqual([(f["path"], f["line"], f["code"]) for f in report["findings"]],
                         [("links/app/lib/util.py", 3, "SL001")])
        notified = [(n["path"], n["id"], n["level"]) for n in report["notifications"]]
        self.assertEqual(notified, [("links/app/outside", "symlink-not-followed", "warning")])
        self.assertIn("leads outside the project", report["notifications"][0]["message"])

    def test_an_unreadable_folder_is_named(self):
        prefix, why = permission_wrapper()
        if prefix is None:
            self.skipTest(f"the folder cannot be locked: {why}")
        _, report = report_of(os.path.join(self.dir, "unreadable"), self.dir)
        notified = [(n["path"], n["id"], n["level"]) for n in report["notifications"]]
        self.assertEqual(notified, [(UNREADABLE, "directory-unreadable", "warning")])
        self.assertIn("Permission denied", report["notifications"][0]["message"])
        self.assertEqual(report["files"], 0)

    def test_a_stand_alone_script_is_analysed(self):
        _, report = report_of(os.path.join(self.dir, "lua"), self.dir)
        self.assertEqual([(f["path"], f["line"], f["code"], f["level"]) for f in report["findings"]],
                         [("lua/standalone.lua", 2, "SL004", "warning")])
        self.assertEqual(run_notices(report).keys(), {"script-not-linked"})

    def test_a_configuration_with_wrong_types_is_exit_3_with_its_place(self):
        config = os.path.join(self.dir, "bad-config.json")
        with open(config, "w") as f:
            f.write('{\n  "exclude": "vendor",\n  "rules": []\n}\n')
        result = run("check", os.path.join(self.dir, "control"), "--config", config, check_codes=(3,))
        self.assertIn(b"bad-config.json:2", result.stderr)


def work_of(folder, name, text, *args):
    """check --stats on one file: its work counters."""
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(text)
    result = run("check", path, "--root", folder, "--format", "json", "--stats", *args, timeout=600)
    line = next(l for l in result.stderr.decode().splitlines() if l.startswith(f"slotlint: stats: {name}:"))
    return {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line)}


class SlowPathsTakeLinearWork(unittest.TestCase):
    """Inputs that took seconds to minutes: ten times the input now takes about
    ten times the work in every counter (no more than 15 times)."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="slotlint-work-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def setUp(self):
        require_environment(self)

    def assert_linear(self, make, name, small, *args, counters=("bytes", "parse_operations", "nodes", "tree_steps")):
        work = [work_of(self.dir, name, make(n), "--no-config", *args) for n in (small, 10 * small)]
        for counter in counters:
            with self.subTest(counter=counter):
                self.assertGreater(work[0][counter], 0)
                self.assertLessEqual(work[1][counter], 15 * work[0][counter], work)
        return work

    def test_nested_blocks(self):
        # Walking up from a call took a walk down from the root per level:
        # 10,000 nested braces in Go took 22 s (quadratic tree steps).
        blocks = {
            "blocks.go": lambda n: generate.go_blocks(n).decode(),
            "blocks.js": lambda n: "const Redis = require('ioredis');\nconst r = new Redis();\nfunction f() {" +
                                   "{" * n + "r.mget('foo', 'bar');" + "}" * n + "}\n",
            "Blocks.java": lambda n: "import redis.clients.jedis.JedisCluster;\nclass Blocks {\n"
                                     "  void f(JedisCluster c) {" + "{" * n + "c.del(\"foo\", \"bar\");" +
                                     "}" * n + "}\n}\n",
        }
        for name, make in blocks.items():
            with self.subTest(name):
                self.assert_linear(make, name, 90)

    def test_a_name_reassigned_from_a_call_on_itself(self):
        # `cmd = cmd.Args(...)` k times, never a client: following the
        # bindings branched k ways per level, k^16 paths (a real Go file with
        # such builders ran for hours). Each expression is now followed once.
        def reassigned(n):
            branches = "".join(f'\tif a[{i}] {{\n\t\tcmd = cmd.Args("x")\n\t}}\n' for i in range(n))
            return ('package p\n\nimport "github.com/redis/go-redis/v9"\n\nvar _ redis.Client\n\n'
                    f'func f(a []bool) {{\n\tcmd := build()\n{branches}\tcmd.MGet("a", "b")\n}}\n')
        work = self.assert_linear(reassigned, "reassigned.go", 8,
                                  counters=("bytes", "parse_operations", "nodes", "value_steps"))
        self.assertLess(work[1]["value_steps"], 1_000, work)

    def test_a_lua_call_with_fifty_thousand_arguments(self):
        # Each KEYS[i] read was looked up among the reads before it (8 to 29 s
        # for 50,000). The script file's own work is the file's too: its
        # bytes, operations, nodes.
        def keys_of(n):
            return ", ".join(f"KEYS[{i}]" for i in range(1, n + 1))
        caller = "import redis\nr = redis.Redis()\nr.eval(open('script.lua').read(), {n}, *ks)\n"
        def script_call(n):
            with open(os.path.join(self.dir, "script.lua"), "w") as f:
                f.write(f"return redis.call('DEL', {keys_of(n)})\n")
            return caller.format(n=n)
        work = self.assert_linear(script_call, "script.py", 5_000,
                                  counters=("bytes", "parse_operations", "nodes", "tree_steps", "lookup_steps"))
        self.assertGreater(work[1]["bytes"], len(keys_of(50_000)))

    def test_an_inline_script_over_the_string_budget_is_named(self):
        keys = ", ".join(f"KEYS[{i}]" for i in range(1, 20_001))
        path = os.path.join(self.dir, "inline.py")
        with open(path, "w") as f:
            f.write(f"import redis\nr = redis.Redis()\nr.eval(\"return redis.call('DEL', {keys})\", 2, 'a', 'b')\n")
        _, report = report_of(path, self.dir)
        notes = [n for n in report["notifications"] if n["id"] == "script-unreadable"]
        self.assertEqual(len(notes), 1, report["notifications"])
        self.assertIn("longer than 65536 bytes", notes[0]["message"])

if __name__ == "__main__":
    unittest.main()
