"""The configuration's `standalone` code: files (`paths`) and client classes
(`clients`) that talk to a single Redis server. Cluster-only findings there
are not reported (text, CI formats, exit code), stay in SARIF as suppressions
of kind external, and `explain FILE:LINE` says why; findings that hold on any
server (SL005) still count. Bad entries are exit code 3 with the line."""
import json
import os
import tempfile
import unittest

from slotlint_run import require_environment, run

CACHE = 'import redis\nr = redis.Redis()\nr.mget("foo", "bar")\n'
MIXED = ('import redis\nlocal = redis.Redis()\ncluster = redis.RedisCluster()\n'
         'local.mset({"a": 1, "b": 2})\ncluster.mget("foo", "bar")\n')
# SL004 (a key built in the script: cluster-only) and SL005 (numkeys 1, but
# the script reads KEYS[2]: wrong on any server).
SCRIPT = ('import redis\nlocal = redis.Redis()\n'
          'local.eval("redis.call(\'SET\', \'user:\' .. ARGV[1], 1) return redis.call(\'GET\', KEYS[2])", 1, "a", "7")\n')
LUA = 'local id = ARGV[1]\nredis.call("SET", "user:" .. id, 1)\nreturn redis.call("GET", KEYS[1])\n'


class Standalone(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.tmp = tempfile.TemporaryDirectory(prefix="slotlint-standalone-")
        self.addCleanup(self.tmp.cleanup)
        self.dir = self.tmp.name
        self.write("cache/local.py", CACHE)
        self.write("cache/scripts/bump.lua", LUA)
        self.write("app/main.py", MIXED)
        self.write("app/script.py", SCRIPT)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def configure(self, standalone):
        self.write(".slotlint.json", json.dumps({"standalone": standalone}, indent=2))

    def check(self, *args, codes=(0, 1)):
        return run("check", ".", *args, cwd=self.dir, check_codes=codes)

    def findings(self):
        result = self.check("--format", "json")
        return {(f["path"], f["line"], f["code"]): f["suppressed"]
                for f in json.loads(result.stdout)["findings"]}

    def sarif_suppressions(self):
        sarif = json.loads(self.check("--format", "sarif").stdout)
        out = {}
        for result in sarif["runs"][0]["results"]:
            location = result["locations"][0]["physicalLocation"]
            key = (location["artifactLocation"]["uri"], location["region"]["startLine"], result["ruleId"])
            out[key] = result.get("suppressions")
        return out

    def test_without_the_setting_everything_is_reported(self):
        self.assertEqual(self.findings(), {
            ("app/main.py", 4, "SL001"): False, ("app/main.py", 5, "SL001"): False,
            ("app/script.py", 3, "SL004"): False, ("app/script.py", 3, "SL005"): False,
            ("cache/local.py", 3, "SL001"): False, ("cache/scripts/bump.lua", 2, "SL004"): False,
        })

    def test_paths_silence_cluster_findings_under_them(self):
        self.configure({"paths": ["cache/**"]})
        findings = self.findings()
        self.assertTrue(findings[("cache/local.py", 3, "SL001")])
        self.assertTrue(findings[("cache/scripts/bump.lua", 2, "SL004")], "a stand-alone script under the path")
        self.assertFalse(findings[("app/main.py", 4, "SL001")])

        text = self.check().stdout.decode()
        self.assertNotIn("cache/local.py", text)
        self.assertNotIn("bump.lua", text)
        self.assertIn("app/main.py:4:", text)
        self.assertRegex(text, r"\(2 suppressed\)")
        for format_name in ("github", "gitlab"):
            self.assertNotIn("cache/local.py", self.check("--format", format_name).stdout.decode(), format_name)
        # JUnit lists every analysed file; a clean one has a passing test case.
        junit = self.check("--format", "junit").stdout.decode()
        self.assertIn('<testcase name="slotlint" classname="cache/local.py"/>', junit)
        self.assertNotIn('name="cache/local.py:3', junit)

        suppression = self.sarif_suppressions()[("cache/local.py", 3, "SL001")]
        self.assertEqual(len(suppression), 1)
        self.assertEqual(suppression[0]["kind"], "external")
        self.assertIn('"cache/**"', suppression[0]["justification"])

        explained = run("explain", "cache/local.py:3", cwd=self.dir).stdout.decode()
        self.assertRegex(explained, r'(?m)^  silenced: standalone-only code: cache/local\.py matches '
                                    r'"cache/\*\*" in "standalone\.paths" of \.slotlint\.json')

    def test_only_standalone_findings_leave_the_exit_code_clean(self):
        self.write("app/main.py", "")
        self.write("app/script.py", "")
        self.assertEqual(self.check().returncode, 1)
        self.configure({"paths": ["cache"]})
        self.assertEqual(self.check().returncode, 0)

    def test_a_client_class_is_silenced_and_the_cluster_client_beside_it_is_not(self):
        self.configure({"clients": ["redis-py:Redis"]})
        findings = self.findings()
        self.assertTrue(findings[("app/main.py", 4, "SL001")], "local = redis.Redis()")
        self.assertFalse(findings[("app/main.py", 5, "SL001")], "cluster = redis.RedisCluster()")
        self.assertTrue(findings[("cache/local.py", 3, "SL001")])
        # A script a standalone client runs: its built key (SL004) is fine on
        # one server; numkeys that does not match the script (SL005) is not.
        self.assertTrue(findings[("app/script.py", 3, "SL004")])
        self.assertFalse(findings[("app/script.py", 3, "SL005")])
        # A script no call runs is tied to no client.
        self.assertFalse(findings[("cache/scripts/bump.lua", 2, "SL004")])

        explained = run("explain", "app/main.py:4", cwd=self.dir).stdout.decode()
        self.assertIn('silenced: standalone-only code: the call goes through redis-py Redis, which '
                      '"standalone.clients" of .slotlint.json lists ("redis-py:Redis")', explained)
        explained = run("explain", "app/main.py:5", cwd=self.dir).stdout.decode()
        self.assertNotIn("silenced", explained)

    def test_a_library_covers_all_its_classes(self):
        self.configure({"clients": ["redis-py"]})
        findings = self.findings()
        self.assertTrue(findings[("app/main.py", 4, "SL001")])
        self.assertTrue(findings[("app/main.py", 5, "SL001")])

    def test_bad_entries_are_configuration_errors(self):
        cases = [
            ({"clients": ["redis-pie"]}, 'names no known client library "redis-pie"'),
            ({"clients": ["redis-py:Reddis"]}, 'redis-py has no client class "Reddis" (known: Redis, RedisCluster'),
            ({"clients": ["redis-py:"]}, "must be a library or library:Class"),
            ({"clients": "redis-py"}, '"clients" must be a list of client names'),
            ({"paths": [""]}, '"paths" holds glob patterns'),
            ({"hosts": ["localhost"]}, 'unknown key "hosts" in "standalone" (allowed: paths, clients)'),
            (["cache/**"], '"standalone" must be an object'),
        ]
        for standalone, expected in cases:
            with self.subTest(standalone=standalone):
                self.configure(standalone)
                result = self.check(codes=(3,))
                self.assertIn(expected, result.stderr.decode())
                self.assertRegex(result.stderr.decode(), r"\.slotlint\.json:\d+: ")


if __name__ == "__main__":
    unittest.main()
