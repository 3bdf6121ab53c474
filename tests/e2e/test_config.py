"""The configuration file: rule settings, exclusions, the brace-free setting
and user API models, found by walking up or named with --config; bad input is
exit code 3 with the file and line."""
import json
import os
import tempfile
import unittest

from slotlint_run import require_environment, run, full_message

APP = 'import redis\nr = redis.Redis()\nr.mget("foo", "bar")\n'
WRAPPER = '''from myapp.cache import Cache

cache = Cache()


def load(uid):
    return cache.multi_get([f"user:{uid}:name", f"user:{uid}:email"])


def store(uid):
    cache.put_all({"{user:%s}:a" % uid: 1, "{user:%s}:b" % uid: 2})
'''
USER_MODEL = {
    "library": "myapp-cache",
    "language": "python",
    "prefilter": ["Cache", "cache"],
    "default_class": "Cache",
    "conventional_receivers": ["cache"],
    "classes": [{"name": "Cache", "constructors": ["Cache", "myapp.cache.Cache"], "cross_slot": "sent"}],
    "methods": {
        "multi_get": {"signature": "keys", "argv": ["MGET", "...keys"]},
        "put_all": {"signature": "mapping", "argv": ["MSET", "items(mapping)"]},
    },
}


class Config(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        os.makedirs(os.path.join(self.dir, "src", "tests"))
        self.write("src/app.py", APP)
        self.write("src/tests/test_app.py", APP)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def findings(self, *args, codes=(0, 1)):
        result = run("check", os.path.join(self.dir, "src"), "--root", self.dir, "--format", "json", *args,
                     check_codes=codes)
        return json.loads(result.stdout)["findings"]

    def test_found_by_walking_up_and_applied(self):
        self.assertEqual(len(self.findings()), 2)
        self.write(".slotlint.json", json.dumps({"exclude": ["src/tests/**"],
                                                 "rules": {"SL001": {"level": "note"}}}))
        found = self.findings()
        self.assertEqual([f["path"] for f in found], ["src/app.py"])
        self.assertEqual(found[0]["level"], "note")
        # A note is below the default fail level.
        self.assertEqual(run("check", os.path.join(self.dir, "src"), check_codes=None).returncode, 0)
        self.assertEqual(len(self.findings("--no-config")), 2)

    def test_hostile_exclude_patterns_are_matched_in_linear_work(self):
        # The old backtracking matcher took 18 s on the first pattern against
        # one 43-byte path and minutes on the second; the timeout only guards
        # against a hang (the work bound is tests/unit/glob_test.cpp's).
        name = "a" * 200 + "c.py"
        self.write("src/" + "a" * 200 + "/" + name, APP)
        self.write("src/" + "a" * 40 + "b/app.py", APP)
        self.write(".slotlint.json", json.dumps({"exclude": ["*a*a*a*a*a*a*a*a*b", "*a" * 10,
                                                             "src/*a*a*a*a*a*a*a*a*b"]}))
        result = run("check", os.path.join(self.dir, "src"), "--root", self.dir, "--format", "json",
                     timeout=60)
        paths = sorted(f["path"] for f in json.loads(result.stdout)["findings"])
        # The folder "src/aaa...ab" is excluded with what is under it.
        self.assertEqual(paths, ["src/" + "a" * 200 + "/" + name, "src/app.py", "src/tests/test_app.py"])

    def test_disabled_rule(self):
        path = self.write("elsewhere.json", json.dumps({"rules": {"cross-slot-multi-key-command": {"enabled": False}}}))
        self.assertEqual(self.findings("--config", path), [])

    def test_brace_free_setting_makes_likely_proven(self):
        self.write("src/app.py", 'import redis\nr = redis.Redis()\n'
                                 'def f(p):\n    r.mget(p + "{a}:x", p + "{b}:y")\n')
        levels = {f["path"]: f["level"] for f in self.findings()}
        self.assertEqual(levels["src/app.py"], "warning", "a value before the tag could hold a brace")
        path = self.write("strict.json", json.dumps({"settings": {"assume_brace_free_values": True}}))
        levels = {f["path"]: f["level"] for f in self.findings("--config", path)}
        self.assertEqual(levels["src/app.py"], "error")

    def test_cluster_deployment_setting_reports_standalone_keyspace_commands(self):
        self.write("src/sessions.py", 'import redis\n\ndef f():\n    r = redis.Redis()\n'
                                      '    return r.keys("session:*")\n')
        self.assertEqual([f for f in self.findings() if f["code"] == "SL014"], [],
                         "a standalone client talks to one server, which holds every key")
        path = self.write("cluster.json", json.dumps({"settings": {"deployed_on_cluster": True}}))
        found = [f for f in self.findings("--config", path) if f["code"] == "SL014"]
        self.assertEqual([(f["path"], f["line"]) for f in found], [("src/sessions.py", 5)])
        self.assertIn("deployed_on_cluster", full_message(found[0]))
        bad = self.write("bad.json", json.dumps({"settings": {"deployed_on_cluster": "yes"}}))
        result = run("check", os.path.join(self.dir, "src"), "--config", bad, check_codes=(3,))
        self.assertIn("must be true or false", result.stderr.decode())

    def test_user_model_for_a_wrapper(self):
        self.write("src/wrapper.py", WRAPPER)
        without = [f for f in self.findings() if f["path"] == "src/wrapper.py"]
        self.assertEqual(without, [], "without the model the wrapper is not understood")
        path = self.write("model.json", json.dumps({"models": [USER_MODEL]}))
        found = [f for f in self.findings("--config", path) if f["path"] == "src/wrapper.py"]
        self.assertEqual([(f["line"], f["level"]) for f in found], [(7, "warning")])
        self.assertIn("MGET", full_message(found[0]))

    def test_user_model_for_a_typescript_wrapper(self):
        self.write("src/queue.ts", 'import { IRedisClient } from "./x";\n'
                   'export const f = (client: IRedisClient) => client.mget("a", "b");\n')
        model = {"library": "queue-client", "language": "javascript", "prefilter": ["IRedisClient"],
                 "default_class": "IRedisClient",
                 "classes": [{"name": "IRedisClient", "constructors": [], "annotations": ["IRedisClient"],
                              "cross_slot": "sent"}],
                 "methods": {"mget": {"signature": "...keys", "argv": ["MGET", "...keys"]}}}
        self.assertEqual([f for f in self.findings() if f["path"] == "src/queue.ts"], [])
        path = self.write("model.json", json.dumps({"models": [model]}))
        found = [f for f in self.findings("--config", path) if f["path"] == "src/queue.ts"]
        self.assertEqual([(f["line"], f["code"], f["level"]) for f in found], [(2, "SL001", "error")])

    def test_user_model_for_a_java_wrapper_with_overloads(self):
        self.write("src/Cache.java", "import com.acme.cache.CacheClient;\n"
                   "import java.util.List;\n"
                   "class Cache {\n"
                   "  CacheClient client;\n"
                   "  void f() {\n"
                   "    client.getAll(List.of(\"a\", \"b\"));\n"
                   "    client.getAll(\"{t}a\", \"{t}b\");\n"
                   "    client.getAll(\"c\", \"d\");\n"
                   "  }\n}\n")
        model = {"library": "acme-cache", "language": "java", "prefilter": ["com.acme.cache"],
                 "modules": {"com.acme.cache": {"*": "acme"}}, "default_class": "CacheClient",
                 "classes": [{"name": "CacheClient", "annotations": ["CacheClient"], "cross_slot": "sent"}],
                 "methods": {"getAll": [
                     {"signature": "keys", "argv": ["MGET", "...keys"], "arity": 1, "arg_kinds": {"0": "list"}},
                     {"signature": "*keys", "argv": ["MGET", "...keys"]}]}}
        self.assertEqual([f for f in self.findings() if f["path"] == "src/Cache.java"], [])
        path = self.write("model.json", json.dumps({"models": [model]}))
        found = [f for f in self.findings("--config", path) if f["path"] == "src/Cache.java"]
        self.assertEqual([(f["line"], f["code"], f["level"]) for f in found],
                         [(6, "SL001", "error"), (8, "SL001", "error")])

    def test_bad_configurations_exit_3_with_file_and_line(self):
        cases = {
            "unknown_key.json": ('{\n  "rules": {},\n  "exclud": []\n}', ":3:", "allowed: rules"),
            "bad_level.json": ('{"rules": {"SL001": {"level": "loud"}}}', ":1:", "\"note\", \"warning\" or \"error\""),
            "bad_json.json": ('{"rules": ', ":1:", "not valid JSON"),
            "bad_model.json": (json.dumps({"models": [{"library": "x"}]}), "bad_model.json", "invalid"),
            # A template naming no parameter would silently give no keys.
            "typo_model.json": (json.dumps({"models": [dict(USER_MODEL, methods={
                "multi_get": {"signature": "keys", "argv": ["MGET", "...kes"]}})]}),
                "typo_model.json", "'kes', which is not a parameter"),
        }
        for name, (text, where, what) in cases.items():
            with self.subTest(name):
                path = self.write(name, text)
                result = run("check", os.path.join(self.dir, "src"), "--config", path, check_codes=(3,))
                message = result.stderr.decode()
                self.assertIn(name + where if where.startswith(":") else where, message)
                self.assertIn(what, message)
        result = run("check", os.path.join(self.dir, "src"), "--config", os.path.join(self.dir, "nope.json"),
                     check_codes=(3,))
        self.assertIn(b"cannot read", result.stderr)

    def test_configurations_json_readers_disagree_on_exit_3_with_the_place(self):
        cases = {
            # Which of the two counts differs between JSON readers: neither.
            "duplicate.json": ('{\n  "rules": {},\n  "exclude": [],\n  "rules": {}\n}', ":4:", "appears twice"),
            "nested_duplicate.json": ('{"rules": {"SL001": {"level": "note", "level": "error"}}}', ":1:",
                                      '"level" appears twice'),
            # Bytes after a NUL were silently dropped by the parser.
            "nul.json": ('{"rules": {}}\n\0{"exclude": "not a list"}', ":2:", "NUL byte"),
        }
        for name, (text, where, what) in cases.items():
            with self.subTest(name):
                path = self.write(name, text)
                result = run("check", os.path.join(self.dir, "src"), "--config", path, check_codes=(3,))
                message = result.stderr.decode()
                self.assertIn(name + where, message)
                self.assertIn(what, message)

    def test_a_found_configuration_that_is_not_a_file_is_exit_3(self):
        config = os.path.join(self.dir, ".slotlint.json")
        for make, what in ((os.mkdir, "is a folder"), (lambda p: os.symlink(p, p), "symlink loop")):
            with self.subTest(what):
                make(config)
                try:
                    result = run("check", os.path.join(self.dir, "src"), check_codes=(3,))
                    self.assertIn(".slotlint.json", result.stderr.decode())
                    self.assertIn(what, result.stderr.decode())
                finally:
                    os.rmdir(config) if os.path.isdir(config) and not os.path.islink(config) else os.unlink(config)

    def test_input_files_that_never_end_or_are_not_files(self):
        src = os.path.join(self.dir, "src")
        # A device that never ends: refused at once, never read.
        result = run("check", src, "--config", "/dev/zero", check_codes=(3,), timeout=60)
        self.assertIn("not a regular file", result.stderr.decode())
        fifo = os.path.join(self.dir, "fifo.json")
        os.mkfifo(fifo)
        result = run("check", src, "--config", fifo, check_codes=(3,), timeout=60)
        self.assertIn("not a regular file", result.stderr.decode())
        # A baseline or a compilation database that is not a file: a usage error.
        for args in (("--baseline", self.dir), ("--baseline", "/dev/zero"), ("--baseline", fifo),
                     ("--compile-commands", "/dev/zero")):
            with self.subTest(args):
                result = run("check", src, "--no-config", *args, check_codes=(2,), timeout=60)
                self.assertNotIn("internal error", result.stderr.decode())
        big = self.write("big.json", "{" + " " * (5 << 20) + "}")
        result = run("check", src, "--config", big, check_codes=(3,), timeout=60)
        self.assertIn("byte limit", result.stderr.decode())


if __name__ == "__main__":
    unittest.main()
