"""The GitHub code scanning workflow (docs/workflows/slotlint.yml) as it would
run, without GitHub: its steps are commands of scripts/code_scanning.sh; the
`analyse` step runs here on a copy of examples/ and its report is what
code scanning needs, with each related location linked from the message text
(`[key ...](1)`) so GitHub shows the links."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import yaml

import github_sarif_rules
from slotlint_run import SLOTLINT, SOURCE_DIR, require_environment

# A SARIF embedded link: [text](id), where text may hold \[ \] \\.
LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\((\d+)\)")
PUBLIC_ACTIONS = {"actions/checkout", "actions/cache", "github/codeql-action/upload-sarif"}


class CodeScanningWorkflowTest(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.workflow_path = os.path.join(SOURCE_DIR, "docs", "workflows", "slotlint.yml")
        self.script = os.path.join(SOURCE_DIR, "scripts", "code_scanning.sh")
        with open(self.workflow_path) as f:
            self.workflow_text = f.read()
        self.workflow = yaml.safe_load(self.workflow_text)

    def steps(self):
        return self.workflow["jobs"]["slotlint"]["steps"]

    def test_docs_show_the_workflow_file(self):
        with open(os.path.join(SOURCE_DIR, "docs", "github-code-scanning.md")) as f:
            docs = f.read()
        self.assertIn("```yaml\n" + self.workflow_text + "```", docs)

    def test_steps_are_public_actions_and_the_script(self):
        commands = []
        for step in self.steps():
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                self.assertIn(action, PUBLIC_ACTIONS)
                self.assertRegex(version, r"^v\d+$")
            elif "code_scanning.sh" in step["run"]:
                commands.append(step["run"].split())
        self.assertEqual(commands, [
            [".slotlint/slotlint/scripts/code_scanning.sh", "build"],
            [".slotlint/slotlint/scripts/code_scanning.sh", "analyse", "slotlint.sarif", "."],
        ])
        upload = [s for s in self.steps() if s.get("uses", "").startswith("github/codeql")]
        self.assertEqual(upload[0]["with"]["sarif_file"], "slotlint.sarif")
        permissions = self.workflow["permissions"]
        self.assertEqual(permissions["security-events"], "write")

    def run_analyse_step(self, workspace, *paths):
        # The workflow's step, with the checkout of slotlint at .slotlint/slotlint
        # replaced by this one, and the binary the suite built.
        return subprocess.run(
            [self.script, "analyse", "slotlint.sarif", *paths], cwd=workspace,
            env={**os.environ, "SLOTLINT_BIN": SLOTLINT}, capture_output=True, timeout=600)

    def test_analyse_step_writes_a_report_code_scanning_takes(self):
        with tempfile.TemporaryDirectory(prefix="slotlint-workflow-") as workspace:
            shutil.copytree(os.path.join(SOURCE_DIR, "examples"), workspace, dirs_exist_ok=True)
            subprocess.run(["git", "init", "-q", workspace], check=True)
            result = self.run_analyse_step(workspace, ".")
            self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
            with open(os.path.join(workspace, "slotlint.sarif")) as f:
                log = json.load(f)
        self.assertEqual(github_sarif_rules.problems(log), [])
        run = log["runs"][0]
        self.assertEqual(run["automationDetails"]["id"], "slotlint/")
        linked = 0
        for result in run["results"]:
            related = result.get("relatedLocations", [])
            text = result["message"]["text"]
            links = LINK.findall(text)
            ids = [location["id"] for location in related]
            # Every related location is linked once, by its id, in order.
            self.assertEqual([int(target) for _, target in links], ids, text)
            for (label, _), location in zip(links, related):
                unescaped = re.sub(r"\\(.)", r"\1", label)
                self.assertEqual(unescaped.replace("{{", "{").replace("}}", "}"),
                                 location["message"]["text"].replace("{{", "{").replace("}}", "}"))
            linked += bool(links)
        self.assertGreater(linked, 10)
        # A key shown as a list ('[stock:<sku>, ...]') keeps its brackets, escaped.
        self.assertTrue(any("\\[stock:<sku>, ...\\]" in r["message"]["text"]
                            for r in run["results"]))

    def test_analyse_step_fails_when_slotlint_fails(self):
        with tempfile.TemporaryDirectory(prefix="slotlint-workflow-") as workspace:
            result = self.run_analyse_step(workspace, "no-such-folder")
            self.assertEqual(result.returncode, 2)
            self.assertIn(b"no report to upload", result.stderr)


if __name__ == "__main__":
    unittest.main()
