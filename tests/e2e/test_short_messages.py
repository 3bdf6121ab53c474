"""Findings lead with one short sentence that stands alone in a problem list or
a PR annotation; the verdict's reason, what the client does, the fix and the
client version follow as notes. Each output format is checked: text (notes
indented under the finding, none with --no-snippets), github, gitlab, junit,
SARIF (message.text short, message.markdown everything), JSON and
`explain FILE:LINE`. Fingerprints do not depend on the wording."""
import json
import os
import re
import shutil
import tempfile
import unittest
import xml.etree.ElementTree as ET

from slotlint_run import SOURCE_DIR, full_message, require_environment, run

APP = "import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\n"
HEADLINE = "MGET keys 'foo' and 'bar' are in different slots (CROSSSLOT)"
NOTES = [
    "'foo' hashes to slot 12182 and 'bar' to slot 5061.",
    "a standalone redis-py client sends the command unchanged; on a cluster (or behind a cluster "
    "proxy) the server answers CROSSSLOT.",
    "Give every key the same hash tag (the part between '{' and '}' is all that is hashed), or "
    "split the call by slot.",
]
CLIENT_NOTE = re.compile(r"^Client: redis-py \S+ assumed \(no version found in the manifests slotlint reads\)\.$")


class ShortMessages(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.dir = tempfile.mkdtemp(prefix="slotlint-messages-")
        self.addCleanup(shutil.rmtree, self.dir)
        with open(os.path.join(self.dir, "app.py"), "w") as f:
            f.write(APP)

    def report(self, *args):
        return run("check", "app.py", "--no-config", "--color", "never", *args, cwd=self.dir).stdout.decode()

    def test_json_has_the_sentence_and_the_notes(self):
        (finding,) = json.loads(self.report("--format", "json"))["findings"]
        self.assertEqual(finding["message"], HEADLINE)
        self.assertEqual(finding["notes"][:3], NOTES)
        self.assertRegex(finding["notes"][3], CLIENT_NOTE)
        self.assertEqual(len(finding["notes"]), 4)

    def test_text_prints_the_notes_indented_under_the_finding(self):
        lines = self.report().splitlines()
        self.assertEqual(lines[0], f"app.py:3:3: error: {HEADLINE} [cross-slot-multi-key-command/SL001]")
        self.assertEqual(lines[1:3], ["r.mget('foo', 'bar')", "  ^~~~"])
        self.assertEqual(lines[3:6], ["    " + note for note in NOTES])
        self.assertRegex(lines[6][4:], CLIENT_NOTE)
        self.assertTrue(lines[7].startswith("app.py:3:8: note: key 'foo' (slot 12182)"), lines)
        # For editors: one line per location, no notes.
        quiet = self.report("--no-snippets", "-q").splitlines()
        self.assertEqual(quiet, [f"app.py:3:3: error: {HEADLINE} [cross-slot-multi-key-command/SL001]",
                                 "app.py:3:8: note: key 'foo' (slot 12182)",
                                 "app.py:3:15: note: key 'bar' (slot 5061)"])

    def test_github_annotation_is_the_sentence(self):
        (line,) = self.report("--format", "github").splitlines()
        self.assertTrue(line.endswith("::" + HEADLINE), line)

    def test_gitlab_description_is_the_sentence(self):
        (issue,) = json.loads(self.report("--format", "gitlab"))
        self.assertEqual(issue["description"], HEADLINE)

    def test_junit_failure_message_is_the_sentence_and_its_body_has_the_notes(self):
        root = ET.fromstring(self.report("--format", "junit"))
        failure = root.find("testsuite/testcase/failure")
        self.assertEqual(failure.get("message"), HEADLINE)
        body = failure.text.splitlines()
        self.assertEqual(body[0], f"app.py:3:3: error: {HEADLINE}")
        self.assertEqual(body[1:4], NOTES)

    def test_sarif_text_is_the_sentence_and_markdown_the_whole_explanation(self):
        (result,) = json.loads(self.report("--format", "sarif"))["runs"][0]["results"]
        # SARIF doubles literal braces (placeholders); the headline has none.
        # The text links the related locations after the sentence.
        self.assertEqual(result["message"]["text"],
                         HEADLINE + ". See [key 'foo' (slot 12182)](1), [key 'bar' (slot 5061)](2).")
        paragraphs = result["message"]["markdown"].split("\n\n")
        self.assertEqual(paragraphs[0], HEADLINE + ".")
        self.assertEqual(paragraphs[1:4], [n.replace("{", "{{").replace("}", "}}") for n in NOTES])
        self.assertRegex(paragraphs[4], CLIENT_NOTE)

    def test_explain_prints_the_sentence_then_the_notes(self):
        out = run("explain", "app.py:3", "--no-config", cwd=self.dir).stdout.decode().splitlines()
        self.assertEqual(out[0], "app.py:3:3: error SL001 (cross-slot-multi-key-command)")
        self.assertEqual(out[1], "  " + HEADLINE)
        self.assertEqual(out[2:5], ["    " + note for note in NOTES])
        self.assertRegex(out[5][4:], CLIENT_NOTE)
        self.assertEqual(out[6], "  client:   redis-py Redis")

    def test_every_fixture_finding_leads_with_one_short_sentence(self):
        report = json.loads(run("check", "fixtures", "--no-config", "--format", "json",
                                cwd=SOURCE_DIR).stdout)
        self.assertGreater(len(report["findings"]), 100)
        codes = set()
        for finding in report["findings"]:
            where = f"{finding['path']}:{finding['line']} {finding['code']}: {finding['message']}"
            message = finding["message"]
            codes.add(finding["code"])
            self.assertNotIn("\n", message, where)
            self.assertFalse(message.endswith("."), where)
            self.assertNotIn("Client:", message, where)
            self.assertNotRegex(message, r"\. [A-Z]", f"more than one sentence: {where}")
            self.assertLessEqual(len(message), 200, where)
            self.assertTrue(finding["notes"], f"no notes: {where}")
            for note in finding["notes"]:
                self.assertTrue(note.endswith((".", ".)")), f"{where}: note {note!r}")
            self.assertTrue(full_message(finding).startswith(message))
        self.assertGreaterEqual(len(codes), 14, sorted(codes))


if __name__ == "__main__":
    unittest.main()
