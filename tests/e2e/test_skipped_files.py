"""What a run leaves out is said once, in every format: folders and files
skipped on purpose in one summary line, files of languages slotlint does not
read counted per language, and stand-alone Lua scripts judged on their own
unless a call in the run loads them (then only the call's findings count)."""
import json
import os
import shutil
import tempfile
import unittest

from slotlint_run import require_environment, run, write_tree, full_message

MGET = "import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\n"

TREE = {
    "app/main.py": MGET,
    "app/skip_me.py": MGET,                       # excluded by the configuration
    "node_modules/ioredis/index.js": "const Redis = require('ioredis');\n",
    ".cache/old.py": MGET,
    "__pycache__/main.py": MGET,
    "venv/lib/site.py": MGET,
    "env/pyvenv.cfg": "home = /usr/bin\n",           # a virtualenv under another name
    "env/lib/site.py": MGET,
    ".git/hooks/pre-commit.py": MGET,                # version control: not counted
    "workers/a.rb": "redis.mget('foo', 'bar')\n",
    "workers/b.rb": "redis.mget('foo', 'bar')\n",
    "workers/Cache.kt": "jedis.mget(\"foo\", \"bar\")\n",
    "build.gradle.kts": "dependencies { }\n",         # a manifest: read, not counted
    ".slotlint.json": '{"exclude": ["app/skip_*.py"]}\n',
}

SUMMARY = ("skipped on purpose: 5 folders (node_modules: 1, hidden: 1, __pycache__: 1, "
           "virtualenv: 2), 1 file (excluded by the configuration: 1)")

# A script two ways: loaded by a call (judged there, with its KEYS) and alone.
LINKED_LUA = "redis.call('SET', KEYS[1], ARGV[1])\nredis.call('SADD', 'locks:held', KEYS[1])\n"
CALLER = ("import redis\nr = redis.Redis()\n"
          "RELEASE = open('scripts/release.lua').read()\n"
          "r.eval(RELEASE, 1, 'lock:orders', 'token')\n")
ALONE_LUA = "redis.call('INCR', 'stats:runs')\n"


class SkippedFiles(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.dir = tempfile.mkdtemp(prefix="slotlint-skipped-")
        self.addCleanup(shutil.rmtree, self.dir)

    def check(self, *args, fmt="json"):
        result = run("check", *args, "--format", fmt, cwd=self.dir)
        return result.stdout.decode()

    def test_skips_on_purpose_are_one_summary_line_in_every_format(self):
        write_tree(self.dir, TREE)
        report = json.loads(self.check("."))
        skipped = [n for n in report["notifications"] if n["id"] == "files-skipped"]
        self.assertEqual([(n["level"], n["path"], n["message"]) for n in skipped],
                         [("note", None, SUMMARY)])
        self.assertEqual([f["path"] for f in report["findings"] if f["code"] == "SL001"],
                         ["app/main.py"])
        sarif = json.loads(self.check(".", fmt="sarif"))
        invocation = sarif["runs"][0]["invocations"][0]
        summaries = [n for n in invocation["toolExecutionNotifications"]
                     if n["descriptor"]["id"] == "files-skipped"]
        self.assertEqual([(n["level"], n["message"]["text"]) for n in summaries], [("note", SUMMARY)])
        self.assertNotIn("locations", summaries[0])
        text = self.check(".", fmt="text").splitlines()
        self.assertEqual([line for line in text if "[files-skipped]" in line],
                         [f"slotlint: note: {SUMMARY} [files-skipped]"])

    def test_files_of_languages_not_read_are_counted_once_per_language(self):
        write_tree(self.dir, TREE)
        for fmt in ("json", "sarif"):
            with self.subTest(fmt):
                report = json.loads(self.check(".", fmt=fmt))
                if fmt == "sarif":
                    notices = [(n["descriptor"]["id"], n["message"]["text"])
                               for n in report["runs"][0]["invocations"][0]["toolExecutionNotifications"]]
                else:
                    notices = [(n["id"], n["message"]) for n in report["notifications"]]
                self.assertEqual([m for i, m in notices if i == "unsupported-language"], [
                    "1 Kotlin file not analysed: slotlint does not read Kotlin yet",
                    "2 Ruby files not analysed: slotlint does not read Ruby yet",
                ])
        # A file named on the command line is counted the same way.
        report = json.loads(self.check("workers/a.rb", "app/main.py"))
        self.assertEqual([(n["id"], n["path"], n["message"]) for n in report["notifications"]], [
            ("unsupported-language", None, "1 Ruby file not analysed: slotlint does not read Ruby yet")])

    def test_a_script_a_call_loads_is_judged_at_the_call_only(self):
        write_tree(self.dir, {"scripts/release.lua": LINKED_LUA, "app.py": CALLER,
                         "scripts/alone.lua": ALONE_LUA})
        for args in ((".",), ("scripts", "app.py"), ("app.py", "scripts"), ("--jobs", "1", ".")):
            with self.subTest(args):
                report = json.loads(self.check(*args))
                sl004 = [(f["path"], f["line"], f["level"], [r["path"] for r in f["related"]])
                         for f in report["findings"] if f["code"] == "SL004"]
                self.assertEqual(sl004, [
                    ("scripts/alone.lua", 1, "warning", []),
                    # Once, from its call: the slot of 'lock:orders' is known there.
                    ("scripts/release.lua", 2, "error", ["app.py"]),
                ])
                self.assertEqual([(n["id"], n["message"].split(":")[0]) for n in report["notifications"]],
                                 [("script-not-linked", "1 Lua script not linked to any call site")])
        # Alone, the loaded script is judged on its own (no call in this run).
        report = json.loads(self.check("scripts/release.lua"))
        self.assertEqual([(f["line"], f["level"]) for f in report["findings"]], [(2, "warning")])
        self.assertIn("No call in this run runs the script", full_message(report["findings"][0]))


if __name__ == "__main__":
    unittest.main()
