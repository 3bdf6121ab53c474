"""The pre-commit hook, end to end: Debian's real pre-commit reads this repository's
.pre-commit-hooks.yaml, `git commit` runs slotlint on the staged files only, a
cross-slot call blocks the commit and the hash-tag fix lets it through.

pre-commit wants the hook definition committed in a git repository, and the
test must not commit in the source tree, so it copies .pre-commit-hooks.yaml
into a throw-away "hook repo", commits it there and points `repo:` at it.
No network: the hook is `language: system` (slotlint from PATH), the hook repo
is a local path, PRE_COMMIT_HOME is a temporary folder and git may only use
local transports (GIT_ALLOW_PROTOCOL=file)."""
import json
import os
import re
import subprocess
import tempfile
import unittest

from slotlint_run import C_FAMILY_EXTENSIONS, CPP_COMPONENT, SLOTLINT, SOURCE_DIR, require_environment, run

PRE_COMMIT = "/usr/bin/pre-commit"

BAD = 'import redis\nr = redis.Redis()\nr.mset({"user:1:a": 1, "user:2:b": 2})\n'
FIXED = 'import redis\nr = redis.Redis()\nr.mset({"{user:1}:a": 1, "{user:1}:b": 2})\n'
GOOD = 'import redis\nr = redis.Redis()\nr.mget("{t}foo", "{t}bar")\n'
BAD_STUB = 'import redis\nr = redis.Redis()\nr.mget("foo", "bar")\n'
FIXED_STUB = 'import redis\nr = redis.Redis()\nr.mget("{t}foo", "{t}bar")\n'
BAD_TS = 'import Redis from "ioredis";\nconst redis = new Redis();\nredis.mget("foo", "bar");\n'
FIXED_TS = 'import Redis from "ioredis";\nconst redis = new Redis();\nredis.mget("{t}foo", "{t}bar");\n'
BAD_JAVA = 'import redis.clients.jedis.JedisCluster;\nclass Cart {\n  void f(JedisCluster c) { c.del("cart", "items"); }\n}\n'
FIXED_JAVA = 'import redis.clients.jedis.JedisCluster;\nclass Cart {\n  void f(JedisCluster c) { c.del("{c}cart", "{c}items"); }\n}\n'
# A Lua script that builds a key itself: no call site in the commit runs it, so
# slotlint checks it on its own (SL004: the key is not passed in KEYS).
BAD_LUA = 'local id = ARGV[1]\nredis.call("SET", "user:" .. id, 1)\nreturn redis.call("GET", KEYS[1])\n'
FIXED_LUA = 'redis.call("SET", KEYS[2], 1)\nreturn redis.call("GET", KEYS[1])\n'

# Extensions someone could expect a Redis linter to read: the hook must pass
# exactly those of them that slotlint reads.
CANDIDATE_EXTENSIONS = [
    "py", "pyi", "pyw", "pyx", "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "d.ts",
    "go", "java", "kt", "kts", "scala", "groovy", "c", "cc", "cpp", "cxx", "c++", "h", "hh",
    "hpp", "hxx", "h++", "ipp", "inl", "tpp", "cu", "m", "mm", "lua", "rb", "rs", "php", "cs",
    "ex", "exs", "swift", "dart", "vue", "svelte",
]


def hook_definition():
    """The hook of .pre-commit-hooks.yaml (a flat mapping; read without a YAML
    library: every value the test needs is on one line)."""
    with open(os.path.join(SOURCE_DIR, ".pre-commit-hooks.yaml")) as f:
        text = f.read()
    fields = {}
    for line in text.splitlines():
        match = re.match(r"^  (\w+): (.*)$", line)
        if match:
            value = match.group(2).strip()
            if value.startswith("'") and value.endswith("'"):
                value = value[1:-1].replace("''", "'")
            fields[match.group(1)] = value
    return fields


def readme_pre_commit_section():
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        text = f.read()
    start = text.index("## Pre-commit, CI and editors")
    return text[start:text.index("\n## ", start + 1)]


class HookCoverage(unittest.TestCase):
    """The hook hands over every file slotlint reads, and the README says which."""

    def setUp(self):
        require_environment(self)

    def test_hook_passes_exactly_the_files_slotlint_reads(self):
        hook = hook_definition()
        self.assertNotIn("types_or", hook, "identify's types miss .mts/.cts: the hook selects by `files`")
        pattern = re.compile(hook["files"])
        with tempfile.TemporaryDirectory(prefix="slotlint-hook-coverage-") as folder:
            read, passed = set(), set()
            for extension in CANDIDATE_EXTENSIONS:
                name = f"sample.{extension}"
                with open(os.path.join(folder, name), "w") as f:
                    f.write("-- redis\n" if extension == "lua" else "// redis\n")
                if pattern.search(name):
                    passed.add(extension)
                result = run("check", "--no-config", "--format", "json", name, cwd=folder)
                report = json.loads(result.stdout)
                if report["files"] == 1:
                    read.add(extension)
                elif not CPP_COMPONENT and f".{extension}" in C_FAMILY_EXTENSIONS:
                    # Without the C/C++ component (-DSLOTLINT_CPP=OFF) C and C++
                    # files are named, not read; the full build reads them.
                    self.assertIn("cpp-component-missing", [n["id"] for n in report["notifications"]])
                    read.add(extension)
        self.assertIn("lua", read)
        self.assertEqual(passed, read, "the hook's `files` and what slotlint reads differ")

    def test_readme_lists_the_hooks_extensions(self):
        section = readme_pre_commit_section()
        listed = set(re.findall(r"`\.([a-z+]+)`", section))
        hook = re.compile(hook_definition()["files"])
        self.assertTrue(listed)
        for extension in listed:
            self.assertTrue(hook.search("x." + extension), f".{extension} is in the README, not in the hook")
        for extension in CANDIDATE_EXTENSIONS:
            if "." not in extension and hook.search("x." + extension):
                self.assertIn(extension, listed, f".{extension} is in the hook, not in the README")
        # The README's repo: local variant selects the same files.
        local = re.search(r"repo: local\n(?:.*\n)*?\s+files: '([^']*)'", section)
        self.assertIsNotNone(local, "the README shows no `repo: local` hook with `files`")
        self.assertEqual(local.group(1), hook_definition()["files"])


class PreCommitHook(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        if not os.access(PRE_COMMIT, os.X_OK):
            self.fail(f"{PRE_COMMIT} is missing: scripts/bootstrap.sh installs Debian's pre-commit package")
        self.hook_file = os.path.join(SOURCE_DIR, ".pre-commit-hooks.yaml")
        if not os.path.isfile(self.hook_file):
            self.fail(f"no hook definition at {self.hook_file}")
        self.tmp = tempfile.TemporaryDirectory(prefix="slotlint-pre-commit-")
        self.addCleanup(self.tmp.cleanup)
        base = self.tmp.name

        # Nothing from the caller's git or pre-commit set-up may leak in (the tests may
        # themselves run inside a git hook, which sets GIT_DIR and GIT_INDEX_FILE).
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("PYTHONPATH", "PYTHONHOME")}
        global_config = os.path.join(base, "gitconfig")
        open(global_config, "w").close()
        env.update({
            # language: system finds `slotlint` on PATH: the binary under test comes first.
            "PATH": os.path.dirname(os.path.abspath(SLOTLINT)) + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": os.path.join(base, "pre-commit-home"),
            "PRE_COMMIT_COLOR": "never",
            "GIT_CONFIG_GLOBAL": global_config,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_ALLOW_PROTOCOL": "file",
            "GIT_TERMINAL_PROMPT": "0",
            "NO_COLOR": "1",
        })
        self.env = env

        # The hook repo: this source tree's .pre-commit-hooks.yaml, committed.
        self.hook_repo = os.path.join(base, "hook-repo")
        self.init_repo(self.hook_repo)
        with open(self.hook_file, "rb") as src:
            self.write(self.hook_repo, ".pre-commit-hooks.yaml", src.read().decode())
        self.git(self.hook_repo, "add", ".pre-commit-hooks.yaml")
        self.git(self.hook_repo, "commit", "-q", "-m", "hook definition")
        rev = self.git(self.hook_repo, "rev-parse", "HEAD").stdout.strip()

        # The project that uses the hook.
        self.project = os.path.join(base, "project")
        self.init_repo(self.project)
        self.write(self.project, ".pre-commit-config.yaml",
                   f"repos:\n  - repo: {self.hook_repo}\n    rev: {rev}\n    hooks:\n      - id: slotlint\n")
        self.git(self.project, "add", ".pre-commit-config.yaml")
        self.git(self.project, "commit", "-q", "--no-verify", "-m", "pre-commit config")
        self.run_tool(self.project, [PRE_COMMIT, "install"], expect=0)

    # -- helpers ---------------------------------------------------------------

    def run_tool(self, cwd, argv, expect=None):
        result = subprocess.run(argv, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=120)
        if expect is not None and result.returncode != expect:
            self.fail(f"{' '.join(argv)} exited {result.returncode}, expected {expect}\n"
                      f"stdout:\n{result.stdout[-4000:]}\nstderr:\n{result.stderr[-4000:]}")
        return result

    def git(self, cwd, *args):
        return self.run_tool(cwd, ["git", *args], expect=0)

    def init_repo(self, path):
        os.makedirs(path)
        self.git(path, "init", "-q", "-b", "main")
        self.git(path, "config", "user.name", "slotlint test")
        self.git(path, "config", "user.email", "slotlint-test@example.invalid")
        self.git(path, "config", "commit.gpgsign", "false")

    def write(self, repo, name, content):
        with open(os.path.join(repo, name), "w") as f:
            f.write(content)

    def commit(self, message):
        """`git commit` through the installed hook; returns (exit code, all output)."""
        result = self.run_tool(self.project, ["git", "commit", "-m", message])
        return result.returncode, result.stdout + result.stderr

    def committed_files(self):
        return self.git(self.project, "ls-tree", "-r", "--name-only", "HEAD").stdout.split()

    # -- the test --------------------------------------------------------------

    def test_commit_is_blocked_by_cross_slot_call_and_passes_once_fixed(self):
        # An untracked file with a cross-slot call: never staged, so never checked.
        self.write(self.project, "unstaged.py", BAD)
        self.write(self.project, "bad.py", BAD)
        self.write(self.project, "stubs.pyi", BAD_STUB)
        self.write(self.project, "good.py", GOOD)
        self.write(self.project, "cache.ts", BAD_TS)
        self.write(self.project, "Cart.java", BAD_JAVA)
        self.git(self.project, "add", "bad.py", "stubs.pyi", "good.py", "cache.ts", "Cart.java")

        code, output = self.commit("cross-slot MSET")
        self.assertNotEqual(code, 0, f"the commit went through despite a cross-slot MSET:\n{output}")
        self.assertIn("- hook id: slotlint", output)
        self.assertIn("- exit code: 1", output)
        self.assertRegex(output, r"(?m)^bad\.py:3:3: error: MSET keys 'user:1:a' and 'user:2:b' are in different slots \(CROSSSLOT\) "
                         + r"\[cross-slot-multi-key-command/SL001\]$")
        self.assertRegex(output, r"(?m)^stubs\.pyi:3:3: error: MGET .*" + r"\[cross-slot-multi-key-command/SL001\]$")
        self.assertRegex(output, r"(?m)^cache\.ts:3:7: error: MGET .*" + r"\[cross-slot-multi-key-command/SL001\]$")
        self.assertRegex(output, r"(?m)^Cart\.java:3:30: error: DEL .*" + r"\[cross-slot-multi-key-command/SL001\]$")
        # Exactly the five staged source files were handed over: not the untracked
        # unstaged.py, not .pre-commit-config.yaml. (pre-commit may split them
        # into several runs, one summary line each.)
        summaries = re.findall(r"(?m)^(\d+) errors?, 0 warnings, 0 notes in (\d+) files?\b", output)
        self.assertEqual((sum(int(e) for e, _ in summaries), sum(int(f) for _, f in summaries)), (4, 5),
                         output)
        self.assertNotIn("good.py", output)
        self.assertNotIn("unstaged.py", output, "slotlint was given a file that is not staged")
        self.assertEqual(self.committed_files(), [".pre-commit-config.yaml"])

        # The hash tag from the finding: the commit goes through, and unstaged.py
        # (still cross-slot, still untracked) does not block it.
        self.write(self.project, "bad.py", FIXED)
        self.write(self.project, "stubs.pyi", FIXED_STUB)
        self.write(self.project, "cache.ts", FIXED_TS)
        self.write(self.project, "Cart.java", FIXED_JAVA)
        self.git(self.project, "add", "bad.py", "stubs.pyi", "cache.ts", "Cart.java")
        code, output = self.commit("hash-tagged MSET")
        self.assertEqual(code, 0, f"the fixed commit was refused:\n{output}")
        self.assertRegex(output, r"(?m)^slotlint \(Redis Cluster CROSSSLOT hazards\)\.+Passed$")
        self.assertEqual(sorted(self.committed_files()),
                         [".pre-commit-config.yaml", "Cart.java", "bad.py", "cache.ts", "good.py", "stubs.pyi"])

        # What is checked is what is committed: a staged clean edit passes even
        # with an unstaged cross-slot edit of the same file (pre-commit stashes
        # it during the hook and puts it back afterwards).
        staged = GOOD + 'r.mget("{t}a", "{t}b")\n'
        self.write(self.project, "good.py", staged)
        self.git(self.project, "add", "good.py")
        self.write(self.project, "good.py", staged + 'r.mget("x", "y")\n')
        code, output = self.commit("clean staged edit")
        self.assertEqual(code, 0, f"an unstaged edit blocked the commit:\n{output}")
        self.assertEqual(self.git(self.project, "show", "HEAD:good.py").stdout, staged)
        with open(os.path.join(self.project, "good.py")) as f:
            self.assertTrue(f.read().endswith('r.mget("x", "y")\n'), "the unstaged edit was lost")

        # And a staged cross-slot edit of a tracked file is caught again.
        self.git(self.project, "add", "good.py")
        code, output = self.commit("cross-slot MGET")
        self.assertNotEqual(code, 0, f"the commit went through despite a cross-slot MGET:\n{output}")
        self.assertRegex(output, r"(?m)^good\.py:5:3: error: MGET .*\[cross-slot-multi-key-command/SL001\]$")


    def test_lua_script_with_a_key_built_inside_blocks_the_commit(self):
        os.makedirs(os.path.join(self.project, "scripts"))
        self.write(self.project, "scripts/reserve.lua", BAD_LUA)
        self.write(self.project, "cache.mts", BAD_TS)
        self.write(self.project, "cache.cts", BAD_TS)
        self.git(self.project, "add", "scripts/reserve.lua", "cache.mts", "cache.cts")
        code, output = self.commit("script that builds its key")
        self.assertNotEqual(code, 0, f"the commit went through despite an undeclared key:\n{output}")
        self.assertRegex(output, r"(?m)^scripts/reserve\.lua:2:19: warning: .*\[undeclared-key-in-script/SL004\]$")
        self.assertRegex(output, r"(?m)^cache\.mts:3:7: error: MGET .*\[cross-slot-multi-key-command/SL001\]$")
        self.assertRegex(output, r"(?m)^cache\.cts:3:7: error: MGET .*\[cross-slot-multi-key-command/SL001\]$")
        self.assertEqual(self.committed_files(), [".pre-commit-config.yaml"])

        self.write(self.project, "scripts/reserve.lua", FIXED_LUA)
        self.write(self.project, "cache.mts", FIXED_TS)
        self.write(self.project, "cache.cts", FIXED_TS)
        self.git(self.project, "add", "scripts/reserve.lua", "cache.mts", "cache.cts")
        code, output = self.commit("script with declared keys")
        self.assertEqual(code, 0, f"the fixed commit was refused:\n{output}")
        self.assertIn("scripts/reserve.lua", self.committed_files())

    def test_readme_repo_local_hook_blocks_a_lua_script(self):
        # The README's `repo: local` block, as a user would paste it.
        section = readme_pre_commit_section()
        block = re.search(r"```yaml\n(repos:\n  - repo: local\n(?:.*\n)*?)```", section)
        self.assertIsNotNone(block, "the README shows no `repo: local` block")
        self.write(self.project, ".pre-commit-config.yaml", block.group(1))
        self.git(self.project, "add", ".pre-commit-config.yaml")
        self.write(self.project, "reserve.lua", BAD_LUA)
        self.git(self.project, "add", "reserve.lua")
        code, output = self.commit("local hook")
        self.assertNotEqual(code, 0, f"the commit went through despite an undeclared key:\n{output}")
        self.assertRegex(output, r"(?m)^reserve\.lua:2:19: warning: .*\[undeclared-key-in-script/SL004\]$")
        self.write(self.project, "reserve.lua", FIXED_LUA)
        self.git(self.project, "add", "reserve.lua")
        code, output = self.commit("local hook, fixed")
        self.assertEqual(code, 0, f"the fixed commit was refused:\n{output}")


if __name__ == "__main__":
    unittest.main()
