"""Formats for CI without code scanning: --format github (workflow commands
the Actions runner turns into annotations), gitlab (GitLab Code Quality JSON,
with the fields GitLab documents) and junit (JUnit XML, valid against the
structure CI servers read, checked with xmllint from libxml2-utils)."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

from slotlint_run import SOURCE_DIR, require_environment, run

# SL001 (error) on line 3; SL008 (warning) on line 4; a message with a ':'
# and ',' in a path, and XML's special characters in a key.
APP = "import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\nr.set('{}<&\"x', 1)\n"
CLEAN = "x = 1\n"
SUPPRESSED = "import redis\nr = redis.Redis()\nr.mget('a', 'b')  # slotlint: ignore[SL001]\n"
SCHEMA = os.path.join(SOURCE_DIR, "tests", "junit", "junit.xsd")


class CiFormats(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.dir = tempfile.mkdtemp(prefix="slotlint-ci-")
        self.addCleanup(shutil.rmtree, self.dir)
        for path, text in {"app.py": APP, "odd:name,1.py": APP, "clean.py": CLEAN,
                           "quiet.py": SUPPRESSED}.items():
            with open(os.path.join(self.dir, path), "w") as f:
                f.write(text)

    def report(self, fmt):
        return run("check", "--format", fmt, cwd=self.dir).stdout.decode()

    def test_github_workflow_commands(self):
        lines = self.report("github").splitlines()
        command = re.compile(r"^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),"
                             r"endLine=(\d+),endColumn=(\d+),title=([^:]*)::(.+)$")
        parsed = [command.match(line) for line in lines]
        self.assertTrue(all(parsed), lines)
        found = {(m.group(2), m.group(1), m.group(3), m.group(4), m.group(7)) for m in parsed}
        self.assertIn(("app.py", "error", "3", "3", "SL001 cross-slot-multi-key-command"), found)
        self.assertIn(("app.py", "warning", "4", "7", "SL008 empty-hash-tag"), found)
        # ':' and ',' in a property are escaped, so the runner splits it right.
        self.assertIn(("odd%3Aname%2C1.py", "error", "3", "3", "SL001 cross-slot-multi-key-command"), found)
        self.assertEqual(len(parsed), 4)  # the suppressed finding is left out
        self.assertEqual(parsed[0].group(8), "MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT)")

    def test_gitlab_code_quality(self):
        issues = json.loads(self.report("gitlab"))
        self.assertEqual(len(issues), 4)
        for issue in issues:
            self.assertIsInstance(issue["description"], str)
            self.assertRegex(issue["check_name"], r"^SL\d{3}$")
            self.assertIn(issue["severity"], ("info", "minor", "major", "critical", "blocker"))
            self.assertIsInstance(issue["location"]["path"], str)
            self.assertIsInstance(issue["location"]["lines"]["begin"], int)
        self.assertEqual(len({issue["fingerprint"] for issue in issues}), len(issues))
        by_place = {(i["location"]["path"], i["location"]["lines"]["begin"]): i for i in issues}
        self.assertEqual(by_place[("app.py", 3)]["check_name"], "SL001")
        self.assertEqual(by_place[("app.py", 3)]["severity"], "critical")
        self.assertEqual(by_place[("app.py", 4)]["severity"], "major")
        self.assertEqual(self.report("gitlab"), self.report("gitlab"))  # deterministic

    def test_junit_xml(self):
        xmllint = shutil.which("xmllint")
        self.assertIsNotNone(xmllint, "xmllint (Debian's libxml2-utils) is needed: scripts/bootstrap.sh")
        path = os.path.join(self.dir, "report.xml")
        with open(path, "w") as f:
            f.write(self.report("junit"))
        result = subprocess.run([xmllint, "--noout", "--schema", SCHEMA, path], capture_output=True,
                                text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        root = ET.parse(path).getroot()
        suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
        self.assertEqual(sorted(suites), ["app.py", "clean.py", "odd:name,1.py", "quiet.py"])
        self.assertEqual((root.get("tests"), root.get("failures")), ("6", "4"))
        app = suites["app.py"]
        failures = [case.find("failure") for case in app.findall("testcase")]
        self.assertEqual([f.get("type") for f in failures], ["SL001", "SL008"])
        self.assertIn("'{}<&\"x'", failures[1].get("message"))  # escaped, read back whole
        for name in ("clean.py", "quiet.py"):  # passing test cases
            self.assertEqual([case.find("failure") for case in suites[name].findall("testcase")], [None])

    def test_the_formats_are_listed(self):
        result = run("check", "--format", "xml", cwd=self.dir, check_codes=(2,))
        self.assertIn("known: text, sarif, json, github, gitlab, junit", result.stderr.decode())


if __name__ == "__main__":
    unittest.main()
