"""Files that analysed code names are read only inside the project.

A hostile repository (a pull request from a fork, checked in CI) names script
bodies and modules at /proc/self/environ, ../../../etc/passwd, an absolute path
outside, and through a symlink to a folder outside. None of their content may
reach a report in any format; each such path gets a notification that names it.
"""
import json
import os
import shutil
import tempfile
import unittest

from slotlint_run import require_environment, run

ENV_MARKER = "SLOTLINT_ENV_MARKER_7f3a9c"
FILE_MARKER = "slotlint_file_marker_51be02"
MODULE_MARKER = "slotlint_module_marker_c4d8e1"

# A Lua body that, if read, would show up in a finding (an undeclared key).
OUTSIDE_SCRIPT = f"return redis.call('GET', '{FILE_MARKER}')\n"
ESCAPE = "../" * 24 + "etc/passwd"


def sources(outside):
    secret = os.path.join(outside, "secret.lua")
    return {
        "app.py": f"""import redis
from ..outside_keys import KEY

r = redis.Redis()
r.eval(open('/proc/self/environ').read(), 2, 'a', 'b')
r.eval(open('{ESCAPE}').read(), 2, 'a', 'b')
r.eval(open('home/secret.lua').read(), 2, 'a', 'b')
r.eval(open('{secret}').read(), 2, 'a', 'b')
r.mget(KEY, 'b')
""",
        "app.js": f"""const fs = require('fs');
const Redis = require('ioredis');
const {{ KEY }} = require('../outside/keys');
const r = new Redis();
r.eval(fs.readFileSync('/proc/self/environ', 'utf8'), 2, 'a', 'b');
r.eval(fs.readFileSync('{ESCAPE}', 'utf8'), 2, 'a', 'b');
r.eval(fs.readFileSync('home/secret.lua', 'utf8'), 2, 'a', 'b');
r.eval(fs.readFileSync('{secret}', 'utf8'), 2, 'a', 'b');
r.mget(KEY, 'b');
""",
        "app.go": f"""package app

import (
\t"context"
\t"os"

\t"github.com/redis/go-redis/v9"
)

func run(ctx context.Context, rdb *redis.Client) {{
\tfor _, path := range []string{{}} {{
\t\t_ = path
\t}}
\tenv, _ := os.ReadFile("/proc/self/environ")
\tredis.NewScript(string(env)).Run(ctx, rdb, []string{{"a", "b"}})
\tpasswd, _ := os.ReadFile("{ESCAPE}")
\tredis.NewScript(string(passwd)).Run(ctx, rdb, []string{{"a", "b"}})
\thome, _ := os.ReadFile("home/secret.lua")
\tredis.NewScript(string(home)).Run(ctx, rdb, []string{{"a", "b"}})
\tabs, _ := os.ReadFile("{secret}")
\tredis.NewScript(string(abs)).Run(ctx, rdb, []string{{"a", "b"}})
}}
""",
        "App.java": f"""import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import redis.clients.jedis.Jedis;

class App {{
  void run(Jedis jedis) throws Exception {{
    String env = new String(Files.readAllBytes(Paths.get("/proc/self/environ")), StandardCharsets.UTF_8);
    jedis.eval(env, Arrays.asList("a", "b"), Arrays.asList());
    String passwd = new String(Files.readAllBytes(Paths.get("{ESCAPE}")), StandardCharsets.UTF_8);
    jedis.eval(passwd, Arrays.asList("a", "b"), Arrays.asList());
    String home = new String(Files.readAllBytes(Paths.get("home/secret.lua")), StandardCharsets.UTF_8);
    jedis.eval(home, Arrays.asList("a", "b"), Arrays.asList());
    String abs = new String(Files.readAllBytes(Paths.get("{secret}")), StandardCharsets.UTF_8);
    jedis.eval(abs, Arrays.asList("a", "b"), Arrays.asList());
  }}
}}
""",
    }


class FilesOutsideTheProject(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="slotlint-outside-")
        cls.outside = os.path.join(cls.base, "outside")
        cls.repo = os.path.join(cls.base, "repo")
        home = os.path.join(cls.outside, "home")
        os.makedirs(home)
        os.makedirs(os.path.join(cls.repo, ".git"))
        for folder in (cls.outside, home):
            with open(os.path.join(folder, "secret.lua"), "w") as f:
                f.write(OUTSIDE_SCRIPT)
        with open(os.path.join(cls.outside, "keys.js"), "w") as f:
            f.write(f"exports.KEY = '{MODULE_MARKER}';\n")
        with open(os.path.join(cls.base, "outside_keys.py"), "w") as f:
            f.write(f"KEY = '{MODULE_MARKER}'\n")
        os.symlink(home, os.path.join(cls.repo, "home"))
        # A source file the walk meets through a link out of the project.
        with open(os.path.join(cls.outside, "stolen.py"), "w") as f:
            f.write(f"import redis\nredis.Redis().rename('{FILE_MARKER}:a', 'b')\n")
        os.symlink(os.path.join(cls.outside, "stolen.py"), os.path.join(cls.repo, "linked.py"))
        for name, text in sources(cls.outside).items():
            with open(os.path.join(cls.repo, name), "w") as f:
                f.write(text)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base)

    def setUp(self):
        require_environment(self)

    def reports(self):
        os.environ[ENV_MARKER] = "secret-value-of-the-ci-job"
        try:
            out = {}
            for fmt in ("text", "json", "sarif"):
                result = run("check", ".", "--format", fmt, "--no-config", cwd=self.repo)
                out[fmt] = result.stdout.decode(errors="replace")
                out[fmt + " (stderr)"] = result.stderr.decode(errors="replace")
            return out
        finally:
            del os.environ[ENV_MARKER]

    def test_no_content_from_outside_reaches_any_report(self):
        for fmt, text in self.reports().items():
            with self.subTest(fmt):
                for marker in (ENV_MARKER, FILE_MARKER, MODULE_MARKER, "root:x:0:0", "/bin/bash"):
                    self.assertNotIn(marker, text)

    def test_each_refused_path_is_named_in_a_notification(self):
        report = json.loads(self.reports()["json"])
        messages = [n["path"] + ": " + n["message"] for n in report["notifications"]]
        text = "\n".join(messages)
        for named in ("/proc/self/environ", "etc/passwd", "home/secret.lua", "linked.py",
                      os.path.join(self.outside, "secret.lua")):
            with self.subTest(named):
                self.assertIn(named, text)
        self.assertIn("outside the project", text)
        self.assertIn("pseudo file system", text)
        # The module outside the project is named too (not followed).
        self.assertIn(os.path.join(self.outside, "keys.js"), text)

    def test_an_explicit_root_widens_the_project(self):
        # --root names the project: the folder beside the repository is in it.
        result = run("check", ".", "--format", "json", "--no-config", "--root", self.base,
                     cwd=self.repo)
        self.assertIn(FILE_MARKER, result.stdout.decode())
        self.assertNotIn("root:x:0:0", result.stdout.decode())


if __name__ == "__main__":
    unittest.main()
