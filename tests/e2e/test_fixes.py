"""The SARIF fixes slotlint offers, applied: the file still compiles, the keys
read as the message promised, and slotlint finds nothing left to fix."""
import json
import os
import py_compile
import tempfile
import unittest

from slotlint_run import require_environment, run

CASES = {
    "plain.py": 'r.mget("user:1000:profile", "user:1000:email")\n',
    "fstring.py": 'def f(uid):\n    r.mget(f"user:{uid}:profile", f"user:{uid}:email")\n',
    "field.py": 'def f(uid, oid):\n    r.rename(f"cart:{uid}", f"order:{uid}:{oid}")\n',
    "format.py": 'def f(uid):\n    r.rename("user:{}:cart".format(uid), "user:{}:order".format(uid))\n',
    "percent.py": 'def f(uid):\n    r.rename("user:%s:cart" % uid, "user:%s:order" % uid)\n',
    "concat.py": 'def f(uid):\n    r.rename("user:" + uid + ":cart", "user:" + uid + ":order")\n',
    "locals.py": 'def f(uid):\n    a = f"user:{uid}:a"\n    b = f"user:{uid}:b"\n    r.mget(a, b)\n',
    "transaction.py": 'def f(uid):\n    with r.pipeline() as pipe:\n'
                      '        pipe.hset(f"user:{uid}:profile", "a", 1)\n'
                      '        pipe.sadd(f"user:{uid}:sessions", "s")\n        pipe.execute()\n',
    "comprehension.py": 'def f(uid, fields):\n    r.mget([f"user:{uid}:{x}" for x in fields])\n',
    "eval.py": 'MOVE = "return redis.call(\'SMOVE\', KEYS[1], KEYS[2], ARGV[1])"\n'
               'def f(uid):\n    r.eval(MOVE, 2, f"user:{uid}:inbox", f"user:{uid}:archive", "m")\n',
    "script_object.py": 'move = r.register_script("return redis.call(\'SMOVE\', KEYS[1], KEYS[2], ARGV[1])")\n'
                        'def f(uid):\n    move(keys=["user:%s:inbox" % uid, "user:%s:archive" % uid], args=["m"])\n',
    # One prefix feeding both keys: the two edits must be the same edit.
    "shared_prefix.py": 'def f(uid):\n    r.rename(f"user:{uid}" + ":x", f"user:{uid}" + ":old")\n',
}


def apply_fixes(path, sarif):
    with open(path, "rb") as f:
        lines = f.read().decode().split("\n")
    edits = set()
    for result in sarif["runs"][0]["results"]:
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for replacement in change["replacements"]:
                    region = replacement["deletedRegion"]
                    edits.add((region["startLine"], region["startColumn"], replacement["insertedContent"]["text"]))
    # Right to left, so earlier columns stay valid (the sources are ASCII).
    for line, column, text in sorted(edits, reverse=True):
        source = lines[line - 1]
        lines[line - 1] = source[: column - 1] + text + source[column - 1 :]
    with open(path, "w") as f:
        f.write("\n".join(lines))
    return len(edits)


class Fixes(unittest.TestCase):
    def setUp(self):
        require_environment(self)

    def test_applied_fixes_leave_nothing_to_fix(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name, body in CASES.items():
                with self.subTest(name):
                    path = os.path.join(tmp, name)
                    with open(path, "w") as f:
                        f.write("import redis\nr = redis.Redis()\n" + body)
                    sarif = json.loads(run("check", path, "--root", tmp, "--format", "sarif").stdout)
                    self.assertTrue(sarif["runs"][0]["results"], f"{name}: expected a finding")
                    self.assertGreater(apply_fixes(path, sarif), 0, f"{name}: expected a fix")
                    py_compile.compile(path, doraise=True)
                    after = json.loads(run("check", path, "--root", tmp, "--format", "json").stdout)
                    with open(path) as f:
                        fixed = f.read()
                    self.assertEqual(after["findings"], [], f"{name} after the fix:\n{fixed}")

    def test_fixed_keys_read_as_promised(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "app.py")
            with open(path, "w") as f:
                f.write('import redis\nr = redis.Redis()\ndef keys(uid):\n'
                        '    r.rename(f"cart:{uid}", f"order:{uid}:1")\n')
            sarif = json.loads(run("check", path, "--root", tmp, "--format", "sarif").stdout)
            self.assertGreater(apply_fixes(path, sarif), 0)
            namespace = {}
            with open(path) as f:
                source = f.read().replace("import redis\nr = redis.Redis()\n", "")
            exec(compile(source.replace("r.rename(", "return ("), path, "exec"), namespace)
            self.assertEqual(namespace["keys"](7), ("cart:{7}", "order:{7}:1"))


if __name__ == "__main__":
    unittest.main()
