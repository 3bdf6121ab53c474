"""The checkout is self-contained: nothing outside it is read to build or test
slotlint. A copy of the checkout's files (git's list: tracked, plus untracked
and not ignored) alone in an empty folder, with no sibling folders beside it,
configures with the default options and builds every target made from the
project's data (the command table, the client models, the rule docs); and no
path the build or the tests use lies outside the copy, except the system's.

Also: scripts/update_third_party.sh refreshes third_party/ from upstream
repositories (here local stand-ins), as its READMEs say."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from slotlint_run import SOURCE_DIR, require_environment

# Where Debian puts what the build uses (compilers, CMake, LLVM, headers).
SYSTEM_PREFIXES = ("/usr/", "/lib/", "/lib64/", "/bin/", "/sbin/", "/etc/", "/dev/null")
DATA_TARGETS = ["slotlint_commands", "slotlint_api_models", "slotlint_rule_docs"]
# Absolute paths in CMake and Ninja files: a "/" that starts a word (or
# follows -I, -L), up to a separator Ninja or CMake puts after a path.
PATH_PATTERN = re.compile(r"(?:(?<=-[IL])|(?<![\w./-]))(/[^\s\"';:,()$]+)")


def checkout_files():
    listed = subprocess.run(["git", "-C", SOURCE_DIR, "ls-files", "-z", "-co", "--exclude-standard"],
                            capture_output=True, check=True).stdout
    return [name for name in listed.decode().split("\0") if name]


def copy_checkout(destination):
    for name in checkout_files():
        source = os.path.join(SOURCE_DIR, name)
        target = os.path.join(destination, name)
        if not os.path.lexists(source):  # deleted in the work tree, not yet in git
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.islink(source):
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target)
    # The npm packages scripts/bootstrap.sh installs into the checkout (ignored
    # by git), as installed: a link, so the copy costs no time.
    os.symlink(os.path.realpath(os.path.join(SOURCE_DIR, "node_modules")),
               os.path.join(destination, "node_modules"))


def outside_paths(text, inside):
    found = set()
    for line in text.splitlines():
        if line.startswith("//") or line.startswith("#"):  # CMakeCache help text, comments
            continue
        for path in PATH_PATTERN.findall(line):
            if path.startswith("//"):  # a URL's
                continue
            path = os.path.normpath(path)
            if path == inside or path.startswith(inside + "/") or (path + "/").startswith(SYSTEM_PREFIXES):
                continue
            found.add(path)
    return found


class SelfContained(unittest.TestCase):
    def setUp(self):
        require_environment(self)

    def test_a_lone_copy_of_the_checkout_configures_and_builds_its_data(self):
        with tempfile.TemporaryDirectory() as tmp:
            checkout = os.path.join(tmp, "slotlint")
            os.mkdir(checkout)
            copy_checkout(checkout)
            self.assertEqual(os.listdir(tmp), ["slotlint"])
            build = os.path.join(checkout, "build")
            configure = subprocess.run(
                ["cmake", "-S", checkout, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"],
                capture_output=True, text=True, timeout=600)
            self.assertEqual(configure.returncode, 0, configure.stdout[-4000:] + configure.stderr[-4000:])
            compiled = subprocess.run(
                ["cmake", "--build", build, "-j2", "--target", *DATA_TARGETS],
                capture_output=True, text=True, timeout=600)
            self.assertEqual(compiled.returncode, 0, compiled.stdout[-4000:] + compiled.stderr[-4000:])

            # What the build and the tests (CTest's files: commands, their
            # environment, working folders) refer to.
            used = {}
            for folder, _, names in os.walk(build):
                for name in names:
                    if name in ("build.ninja", "CMakeCache.txt", "CTestTestfile.cmake") or name.endswith(".ninja"):
                        path = os.path.join(folder, name)
                        with open(path, errors="replace") as f:
                            outside = outside_paths(f.read(), checkout)
                        if outside:
                            used[os.path.relpath(path, checkout)] = sorted(outside)[:10]
            self.assertEqual(used, {}, "paths outside the checkout")

    def test_the_scan_sees_a_path_outside_the_checkout(self):
        # The check above is only as good as this: a sibling folder named in
        # a command or a test's environment is seen.
        text = ('build gen: CUSTOM_COMMAND /usr/bin/gen /tmp/x/slotlint/third_party/redis-commands\n'
                '  COMMAND = cd /tmp/x/slotlint/build && /usr/bin/gen /tmp/x/slotlint/../data/redis-commands\n'
                'set_tests_properties(t PROPERTIES ENVIRONMENT "SLOTLINT_DATA_DIR=/tmp/x/data;A=1")\n'
                'SLOTLINT_DATA:PATH=/work/data\n'
                '-I/opt/include -isystem /usr/lib/llvm-19/include\n')
        self.assertEqual(outside_paths(text, "/tmp/x/slotlint"),
                         {"/tmp/x/data/redis-commands", "/tmp/x/data", "/work/data", "/opt/include"})


def git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def upstream(folder, files):
    """A git repository holding `files` (path -> text); returns its commit."""
    os.makedirs(folder)
    git("init", "-q", cwd=folder)
    for name, text in files.items():
        os.makedirs(os.path.join(folder, os.path.dirname(name)), exist_ok=True)
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)
    git("add", "-A", cwd=folder)
    git("commit", "-q", "-m", "data", cwd=folder)
    return git("rev-parse", "HEAD", cwd=folder)


class ThirdPartyRefresh(unittest.TestCase):
    def setUp(self):
        require_environment(self)

    def test_refresh_replaces_the_data_and_records_the_commit(self):
        script = os.path.join(SOURCE_DIR, "scripts", "update_third_party.sh")
        with tempfile.TemporaryDirectory() as tmp:
            valkey = upstream(os.path.join(tmp, "valkey"), {
                "src/commands/get.json": '{"GET": {"arity": 2}}\n',
                "src/commands/README.md": "not data\n",
                "COPYING": "BSD-3-Clause (stand-in)\n",
                "src/server.c": "int main(void) { return 0; }\n"})
            sarif = upstream(os.path.join(tmp, "sarif"), {
                "sarif-2.1/schema/sarif-schema-2.1.0.json": '{"title": "stand-in"}\n',
                "LICENSE.md": "OASIS (stand-in)\n"})
            dest = os.path.join(tmp, "third_party")
            for folder in ("redis-commands", "sarif-schema"):
                os.makedirs(os.path.join(dest, folder))
                shutil.copy(os.path.join(SOURCE_DIR, "third_party", folder, "README.md"),
                            os.path.join(dest, folder, "README.md"))
            with open(os.path.join(dest, "redis-commands", "gone.json"), "w") as f:
                f.write("{}\n")

            def refresh(*pins):
                result = subprocess.run(
                    [script, "--valkey", os.path.join(tmp, "valkey"), "--sarif", os.path.join(tmp, "sarif"),
                     "--dest", dest, *pins], capture_output=True, text=True, timeout=120)
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

            refresh("--valkey-commit", valkey, "--sarif-commit", sarif)
            self.assertEqual(sorted(os.listdir(os.path.join(dest, "redis-commands"))),
                             ["COPYING", "README.md", "get.json"])
            self.assertEqual(sorted(os.listdir(os.path.join(dest, "sarif-schema"))),
                             ["LICENSE.md", "README.md", "sarif-schema-2.1.0.json"])
            for folder, commit in (("redis-commands", valkey), ("sarif-schema", sarif)):
                with open(os.path.join(dest, folder, "README.md")) as f:
                    self.assertRegex(f.read(), rf"\n- commit: {commit} \(\d{{4}}-\d\d-\d\d\)\n")
            # Without pins, the commits the READMEs name.
            os.remove(os.path.join(dest, "redis-commands", "get.json"))
            refresh()
            self.assertTrue(os.path.exists(os.path.join(dest, "redis-commands", "get.json")))

    def test_the_vendored_readmes_pin_a_commit(self):
        for folder in ("redis-commands", "sarif-schema"):
            with open(os.path.join(SOURCE_DIR, "third_party", folder, "README.md")) as f:
                self.assertRegex(f.read(), r"\n- commit: [0-9a-f]{40} \(\d{4}-\d\d-\d\d\)\n")


if __name__ == "__main__":
    unittest.main()
