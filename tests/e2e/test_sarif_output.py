"""SARIF output: valid against the SARIF 2.1.0 schema vendored in
third_party/sarif-schema/, the properties GitHub code scanning relies on, and
byte-identical across runs and --jobs values."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from slotlint_run import SOURCE_DIR, require_environment, run

SCHEMA = os.path.join(SOURCE_DIR, "third_party", "sarif-schema", "sarif-schema-2.1.0.json")
VALIDATOR = os.path.join(SOURCE_DIR, "tests", "sarif", "validate_sarif.mjs")


def sarif(*paths, jobs="2"):
    return run("check", *paths, "--format", "sarif", "--jobs", jobs).stdout


class SarifOutput(unittest.TestCase):
    def setUp(self):
        require_environment(self)

    def test_valid_against_the_schema(self):
        node = shutil.which("node")
        self.assertIsNotNone(node, "node is needed to validate SARIF (scripts/bootstrap.sh)")
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for name, paths in {"fixtures": ["fixtures/python"], "examples": ["examples"]}.items():
                path = os.path.join(tmp, f"{name}.sarif")
                with open(path, "wb") as f:
                    f.write(sarif(*paths))
                files.append(path)
            result = subprocess.run([node, VALIDATOR, SCHEMA, *files], capture_output=True, text=True,
                                    cwd=SOURCE_DIR)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_byte_identical_across_runs_and_jobs(self):
        first = sarif("fixtures/python", "examples", jobs="1")
        self.assertEqual(first, sarif("fixtures/python", "examples", jobs="1"))
        self.assertEqual(first, sarif("fixtures/python", "examples", jobs="2"))
        self.assertEqual(first, sarif("examples", "fixtures/python", jobs="7"))

    def test_what_github_code_scanning_needs(self):
        log = json.loads(sarif("fixtures/python"))
        self.assertEqual(log["version"], "2.1.0")
        run_ = log["runs"][0]
        rules = run_["tool"]["driver"]["rules"]
        self.assertTrue(rules)
        for rule in rules:
            for field in ("id", "name", "shortDescription", "fullDescription", "help", "helpUri",
                          "defaultConfiguration", "properties"):
                self.assertIn(field, rule, f"rule {rule.get('id')} lacks {field}")
            self.assertTrue(rule["help"]["markdown"])
            self.assertIn("precision", rule["properties"])
        self.assertIn("%SRCROOT%", run_["originalUriBaseIds"])
        results = run_["results"]
        self.assertGreater(len(results), 50)
        fingerprints = set()
        for result in results:
            location = result["locations"][0]["physicalLocation"]
            self.assertEqual(location["artifactLocation"]["uriBaseId"], "%SRCROOT%")
            self.assertFalse(location["artifactLocation"]["uri"].startswith("/"))
            self.assertGreaterEqual(location["region"]["startLine"], 1)
            self.assertGreaterEqual(location["region"]["startColumn"], 1)
            for version in ("slotlint/v1", "slotlint/v2"):
                fingerprint = (version, result["partialFingerprints"][version])
                self.assertNotIn(fingerprint, fingerprints, "fingerprints must tell results apart")
                fingerprints.add(fingerprint)
        self.assertTrue(any("fixes" in r for r in results), "some result should carry a fix")

    def test_fingerprints_survive_line_shifts(self):
        with tempfile.TemporaryDirectory() as tmp:
            source = 'import redis\nr = redis.Redis()\nr.mget("foo", "bar")\n'
            path = os.path.join(tmp, "app.py")
            with open(path, "w") as f:
                f.write(source)
            before = json.loads(run("check", path, "--root", tmp, "--format", "sarif").stdout)
            with open(path, "w") as f:
                f.write("# a comment\n\n" + source)
            after = json.loads(run("check", path, "--root", tmp, "--format", "sarif").stdout)
            fp = lambda log: log["runs"][0]["results"][0]["partialFingerprints"]
            line = lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            self.assertEqual(line(after), line(before) + 2)
            self.assertEqual(fp(before), fp(after))

    def test_every_format_is_the_same_whatever_the_jobs_and_path_order(self):
        # All languages' fixtures (C++ parsed by Clang included).
        languages = sorted(os.listdir(os.path.join(SOURCE_DIR, "fixtures")))
        paths = [os.path.join("fixtures", language) for language in languages]
        for fmt in ("sarif", "json", "text"):
            with self.subTest(fmt):
                first = run("check", *paths, "--format", fmt, "--jobs", "1", "--color", "never").stdout
                self.assertEqual(first, run("check", *reversed(paths), "--format", fmt, "--jobs", "3",
                                            "--color", "never").stdout)
                self.assertEqual(first, run("check", "fixtures", "--format", fmt, "--jobs", "2",
                                            "--color", "never").stdout)

    def test_notifications_do_not_depend_on_the_path_order(self):
        # Each path gives a notification: missing, binary, unsupported, a bare
        # suppression, a broken manifest (found by the worker threads).
        with tempfile.TemporaryDirectory() as tmp:
            files = {
                "blob.py": b"\x00\x01binary",
                "notes.txt": b"hi\n",
                "src/app.py": b'import redis\nr = redis.Redis()\nr.mget("a", "b")  # slotlint: ignore\n',
                "web/package.json": b'{"dependencies": \n',
                "web/app.js": b"const Redis = require('ioredis');\nconst r = new Redis();\nr.mget('a', 'b');\n",
            }
            for name, data in files.items():
                os.makedirs(os.path.dirname(os.path.join(tmp, name)), exist_ok=True)
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(data)
            paths = ["missing.py", "blob.py", "notes.txt", "src", "web"]
            orders = [paths, paths[::-1], paths[2:] + paths[:2]]
            for fmt in ("sarif", "json", "text"):
                with self.subTest(fmt):
                    outputs = [run("check", *order, "--root", tmp, "--format", fmt, "--jobs", "2",
                                   "--no-config", "--color", "never", cwd=tmp, check_codes=(2,)).stdout
                               for order in orders]
                    self.assertEqual(outputs[0], outputs[1])
                    self.assertEqual(outputs[0], outputs[2])
            report = json.loads(run("check", *paths, "--root", tmp, "--format", "json", "--no-config",
                                    cwd=tmp, check_codes=(2,)).stdout)
            self.assertEqual([(n["path"], n["id"]) for n in report["notifications"]],
                             [("blob.py", "binary-file"), ("missing.py", "path-not-found"),
                              ("notes.txt", "unsupported-file"), ("src/app.py", "bare-suppression"),
                              ("web/package.json", "manifest-unreadable")])

    def test_results_are_ordered_by_path_line_column_rule(self):
        log = json.loads(sarif("fixtures", jobs="3"))
        def key(result):
            region = result["locations"][0]["physicalLocation"]["region"]
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            return (uri, region["startLine"], region.get("startColumn", 0))
        keys = [key(r) for r in log["runs"][0]["results"]]
        self.assertEqual(keys, sorted(keys))

    def test_fingerprints_do_not_depend_on_the_checkout_path(self):
        fingerprints = []
        for prefix in ("slotlint-a-", "slotlint-checkout-elsewhere-"):
            with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
                shutil.copytree(os.path.join(SOURCE_DIR, "fixtures", "python"), os.path.join(tmp, "src"))
                log = json.loads(run("check", "src", "--root", tmp, "--format", "sarif", cwd=tmp).stdout)
                fingerprints.append([r["partialFingerprints"] for r in log["runs"][0]["results"]])
        self.assertTrue(fingerprints[0])
        self.assertEqual(fingerprints[0], fingerprints[1])


if __name__ == "__main__":
    unittest.main()
