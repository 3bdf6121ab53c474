"""Mutated and hostile sources never crash or hang slotlint: every run ends
with exit code 0 or 1 and a report, whatever the bytes. (Issue 9 brings real
fuzzing; this is the cheap, deterministic guard every build runs.)"""
import json
import os
import random
import tempfile
import unittest

from slotlint_run import SOURCE_DIR, require_environment, run

MUTANTS_PER_FIXTURE = 60


def mutants(source, rng):
    """Truncations, byte flips, deleted and duplicated spans, spliced brackets."""
    for _ in range(MUTANTS_PER_FIXTURE):
        data = bytearray(source)
        kind = rng.randrange(5)
        if kind == 0:
            data = data[: rng.randrange(len(data) + 1)]
        elif kind == 1:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == 2:
            start = rng.randrange(len(data))
            del data[start : start + rng.randint(1, 200)]
        elif kind == 3:
            start = rng.randrange(len(data))
            span = data[start : start + rng.randint(1, 300)]
            at = rng.randrange(len(data))
            data[at:at] = span * rng.randint(1, 4)
        else:
            at = rng.randrange(len(data))
            data[at:at] = rng.choice([b"(", b"[", b"{", b"f'{", b'"""', b"\\", b"*", b"**", b":=", b"\r"]) * rng.randint(1, 50)
        yield bytes(data)


class MutatedInputs(unittest.TestCase):
    def setUp(self):
        require_environment(self)

    def check_mutated_fixtures(self, language, extension, seed):
        rng = random.Random(seed)
        fixtures_dir = os.path.join(SOURCE_DIR, "fixtures", language)
        with tempfile.TemporaryDirectory() as tmp:
            count = 0
            for name in sorted(os.listdir(fixtures_dir)):
                if not name.endswith(extension):
                    continue
                with open(os.path.join(fixtures_dir, name), "rb") as f:
                    source = f.read()
                stem = name[: -len(extension)]
                for i, mutant in enumerate(mutants(source, rng)):
                    with open(os.path.join(tmp, f"{stem}_{i:03}{extension}"), "wb") as f:
                        f.write(mutant)
                    count += 1
            result = run("check", tmp, "--root", tmp, "--format", "json", "--jobs", "2")
            report = json.loads(result.stdout)
            # No file is dropped silently: each is analysed or named in a notification.
            skipped = {n["path"] for n in report["notifications"]
                       if n["id"] in ("invalid-utf8", "binary-file", "unsupported-encoding",
                                      "file-unreadable", "file-too-large")}
            self.assertEqual(report["files"] + len(skipped), count)
            return count

    def test_mutated_fixtures_never_crash(self):
        self.assertGreater(self.check_mutated_fixtures("python", ".py", 2026), 300)

    def test_mutated_java_fixtures_never_crash(self):
        self.assertGreater(self.check_mutated_fixtures("java", ".java", 2027), 300)

    def test_pathological_java_shapes(self):
        head = b"import redis.clients.jedis.JedisCluster;\nclass T {\n  JedisCluster c;\n"
        shapes = {
            "DeepParens.java": head + b"  void f() { c.mget(" + b"(" * 20000 + b"\"a\"" + b")" * 20000 + b", \"b\"); }\n}\n",
            "LongConcat.java": head + b"  static final String K = " + b" + ".join([b'"a"'] * 50000) + b";\n  void f() { c.mget(K, K + \"x\"); }\n}\n",
            "Recursive.java": head + b"  String f(String x) { return g(x); }\n  String g(String x) { return f(x); }\n"
            + b"  void h() { c.mget(f(\"1\"), g(\"2\")); }\n}\n",
            "SelfReference.java": head + b"  static final String A = B;\n  static final String B = A;\n"
            + b"  void h() { c.mget(A, B); }\n}\n",
            "Doubling.java": head + b"  static final String A0 = \"k\";\n"
            + b"".join(b"  static final String A%d = A%d + A%d;\n" % (i, i - 1, i - 1) for i in range(1, 41))
            + b"  void h() { c.mget(A40, A39); }\n}\n",
            "Crlf.java": head.replace(b"\n", b"\r\n") + b"  void h() { c.mget(\"foo\", \"bar\"); }\r\n}\r\n",
        }
        with tempfile.TemporaryDirectory() as tmp:
            for name, data in shapes.items():
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(data)
            report = json.loads(run("check", tmp, "--root", tmp, "--format", "json", timeout=60).stdout)
            self.assertEqual(report["files"], len(shapes))
            lines = [f["line"] for f in report["findings"] if f["path"] == "Crlf.java"]
            self.assertEqual(lines, [4])

    def test_pathological_shapes(self):
        shapes = {
            "deep_parens.py": b"import redis\nr = redis.Redis()\nx = " + b"(" * 20000 + b"1" + b")" * 20000 + b"\n",
            "deep_brackets.py": b"import redis\nr.mget(" + b"[" * 20000 + b"]" * 20000 + b")\n",
            "long_concat.py": b"import redis\nr = redis.Redis()\nk = " + b" + ".join([b'"a"'] * 50000) + b"\nr.mget(k, k + 'x')\n",
            "long_fstring.py": b"import redis\nr = redis.Redis()\nr.mget(f'" + b"{a}" * 20000 + b"', 'b')\n",
            "recursive_helpers.py": b"import redis\nr = redis.Redis()\ndef f(x):\n    return g(x)\ndef g(x):\n    return f(x)\nr.mget(f(1), g(2))\n",
            "self_reference.py": b"import redis\nr = redis.Redis()\nA = B\nB = A\nr.mget(A, B)\n",
            "only_bom.py": b"\xef\xbb\xbf",
            "crlf.py": b"import redis\r\nr = redis.Redis()\r\nr.mget('foo', 'bar')\r\n",
            "lone_cr.py": b"import redis\rr = redis.Redis()\rr.mget('foo', 'bar')\r",
            # Each line doubles the key: without a work budget this is 2**40 steps.
            "doubling_constants.py": b"import redis\nr = redis.Redis()\nA0 = 'k'\n"
            + b"".join(b"A%d = A%d + A%d\n" % (i, i - 1, i - 1) for i in range(1, 41))
            + b"r.mget(A40, A39)\n",
            "doubling_helpers.py": b"import redis\nr = redis.Redis()\ndef k0(x):\n    return x\n"
            + b"".join(b"def k%d(x):\n    return k%d(x) + k%d(x)\n" % (i, i - 1, i - 1) for i in range(1, 31))
            + b"r.mget(k30('a'), k29('b'))\n",
        }
        with tempfile.TemporaryDirectory() as tmp:
            for name, data in shapes.items():
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(data)
            report = json.loads(run("check", tmp, "--root", tmp, "--format", "json", timeout=60).stdout)
            by_path = {}
            for finding in report["findings"]:
                by_path.setdefault(finding["path"], []).append(finding)
            # Line endings of any kind still give the finding on line 3.
            self.assertEqual([f["line"] for f in by_path.get("crlf.py", [])], [3])
            self.assertEqual([f["line"] for f in by_path.get("lone_cr.py", [])], [3])


if __name__ == "__main__":
    unittest.main()
