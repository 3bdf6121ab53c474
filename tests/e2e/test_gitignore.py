"""In a git work tree slotlint reads the files git would: its file list equals
`git ls-files -co --exclude-standard` (the files of languages it reads) on a
tree with nested .gitignore files, negations, anchored and folder-only
patterns, .git/info/exclude, the global excludes file and files git tracks
although ignored, with HOME and XDG_CONFIG_HOME isolated. --no-gitignore reads everything; a path given is
read even when ignored, unless --force-exclude."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from slotlint_run import require_environment, run, write_tree

SOURCE = "x = 1\n"

TREE = {
    ".gitignore": "\n".join([
        "# comments and blank lines are not patterns",
        "",
        "/build/",            # anchored, folders only: the top's build/
        "*.gen.py",
        "!keep.gen.py",       # re-included
        "logs/",              # folders named logs, at any depth
        "/top_only.py",       # anchored to the top
        "docs/**/*.js",       # `**` across folders
        "tmp[0-9].py",
        "\\#hash.py",         # an escaped '#'
        "vendor",             # a file or folder named vendor
        "!vendor/kept.py",    # under an ignored folder: cannot be re-included
        "trailing.py   ",     # trailing spaces do not count
    ]) + "\n",
    "app/.gitignore": "generated/\n*.js\n!main.js\n/anchored.py\n",
    "app/sub/.gitignore": "!*.js\n",   # re-includes what app/.gitignore ignores
    "app/main.py": SOURCE,
    "app/main.js": SOURCE,
    "app/other.js": SOURCE,            # app/.gitignore: *.js
    "app/anchored.py": SOURCE,         # app/.gitignore: /anchored.py
    "app/sub/anchored.py": SOURCE,     # not anchored there
    "app/sub/again.js": SOURCE,        # re-included by app/sub/.gitignore
    "app/generated/g.py": SOURCE,
    "build/b.py": SOURCE,
    "lib/build/b.py": SOURCE,          # /build/ is anchored to the top
    "top_only.py": SOURCE,
    "lib/top_only.py": SOURCE,
    "a.gen.py": SOURCE,
    "keep.gen.py": SOURCE,
    "logs/l.py": SOURCE,
    "lib/logs/l.py": SOURCE,
    "logs.py": SOURCE,                 # logs/ matches folders only
    "docs/c.js": SOURCE,
    "docs/a/b/c.js": SOURCE,
    "docs/c.ts": SOURCE,
    "tmp1.py": SOURCE,
    "tmpx.py": SOURCE,
    "#hash.py": SOURCE,
    "vendor/v.py": SOURCE,
    "vendor/kept.py": SOURCE,
    "lib/vendor.py": SOURCE,
    "trailing.py": SOURCE,
    "local_only.py": SOURCE,           # .git/info/exclude
    "global_only.py": SOURCE,          # the global excludes file
    "lib/global_only.py": SOURCE,
    "build/forced.py": SOURCE,         # ignored, but tracked (git add -f): git lists it
    "app/generated/sub/forced.js": SOURCE,
}
TRACKED_THOUGH_IGNORED = ["build/forced.py", "app/generated/sub/forced.js"]

# Languages slotlint reads, by extension (what git's list is filtered to).
READ = re.compile(r"\.(py|js|ts)$")
STATS = re.compile(r"^slotlint: stats: (.+?): bytes=", re.M)


class GitIgnore(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.tmp = tempfile.mkdtemp(prefix="slotlint-gitignore-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.repo = os.path.join(self.tmp, "repo")
        home = os.path.join(self.tmp, "home")
        xdg = os.path.join(self.tmp, "xdg")
        os.makedirs(home)
        # Only the files made here: no user's or system's git configuration.
        self.env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": xdg, "GIT_CONFIG_NOSYSTEM": "1"}
        self.env.pop("GIT_CONFIG_GLOBAL", None)
        write_tree(self.repo, TREE)
        self.git("init", "-q")
        self.git("add", "-f", *TRACKED_THOUGH_IGNORED)
        write_tree(self.repo, {".git/info/exclude": "local_only.py\n"})
        write_tree(xdg, {"git/ignore": "/global_only.py\n"})

    def git(self, *args):
        return subprocess.run(["git", *args], cwd=self.repo, env=self.env, capture_output=True,
                              text=True, check=True).stdout

    def git_files(self):
        listed = self.git("ls-files", "-z", "-co", "--exclude-standard").split("\0")
        return sorted(path for path in listed if READ.search(path))

    def slotlint_files(self, *args, cwd=None):
        result = run("check", *args, "--stats", "--format", "json", cwd=cwd or self.repo,
                     env=self.env)
        return sorted(STATS.findall(result.stderr.decode()))

    def test_the_files_read_are_the_files_git_lists(self):
        expected = self.git_files()
        # The tree exercises every kind of pattern: git leaves out a good share.
        self.assertIn("app/sub/again.js", expected)
        self.assertNotIn("vendor/kept.py", expected)
        for path in TRACKED_THOUGH_IGNORED:
            self.assertIn(path, expected)
        self.assertEqual(len(expected), 14, expected)
        self.assertEqual(self.slotlint_files(), expected)
        self.assertEqual(self.slotlint_files("."), expected)

    def test_every_index_version_git_writes(self):
        for version in ("2", "3", "4"):
            self.git("update-index", "--index-version", version)
            self.assertEqual(self.slotlint_files(), self.git_files(), f"index version {version}")

    def test_from_a_subfolder_the_rules_above_apply(self):
        expected = [path[len("app/"):] for path in self.git_files() if path.startswith("app/")]
        self.assertEqual(self.slotlint_files(".", cwd=os.path.join(self.repo, "app")), expected)

    def test_core_excludes_file_names_the_global_file(self):
        home = self.env["HOME"]
        write_tree(home, {".gitconfig": '[user]\n\tname = x\n[core]\n\texcludesFile = "~/my ignore"\n',
                     "my ignore": "lib/\n"})
        expected = self.git_files()
        self.assertNotIn("lib/vendor.py", expected)
        self.assertIn("global_only.py", expected)  # the XDG default is replaced
        self.assertEqual(self.slotlint_files(), expected)

    def test_no_gitignore_reads_every_file(self):
        everything = sorted(path for path in TREE if READ.search(path))
        self.assertEqual(self.slotlint_files("--no-gitignore"), everything)

    def test_the_skipped_are_counted(self):
        result = run("check", "--format", "json", cwd=self.repo, env=self.env)
        self.assertIn("ignored by git: ", result.stdout.decode())

    def test_a_path_given_is_read_even_when_ignored(self):
        self.assertEqual(self.slotlint_files("build/b.py", "a.gen.py"), ["a.gen.py", "build/b.py"])
        self.assertEqual(self.slotlint_files("build"), ["build/b.py", "build/forced.py"])
        self.assertEqual(self.slotlint_files("build/b.py", "a.gen.py", "app/main.py", "--force-exclude"),
                         ["app/main.py"])
        # What git tracks, it lists even when ignored.
        self.assertEqual(self.slotlint_files("build", "--force-exclude"), ["build/forced.py"])
        self.assertEqual(self.slotlint_files("build/forced.py", "--force-exclude"), ["build/forced.py"])
        # Under an ignored folder, too.
        self.assertEqual(self.slotlint_files("vendor/kept.py", "--force-exclude"), [])

    def test_an_index_slotlint_cannot_read_is_reported(self):
        with open(os.path.join(self.repo, ".git", "index"), "r+b") as f:
            f.seek(4)
            f.write(b"\0\0\0\x09")  # version 9
        result = run("check", "--format", "json", cwd=self.repo, env=self.env)
        self.assertIn("git index version 9", result.stdout.decode())
        self.assertNotIn("build/forced.py", self.slotlint_files())

    def test_an_ignore_file_too_large_is_reported(self):
        write_tree(self.repo, {"app/.gitignore": "#" * (300 << 10) + "\n"})
        result = run("check", "--format", "json", cwd=self.repo, env=self.env)
        self.assertIn("ignore-file-unreadable", result.stdout.decode())


if __name__ == "__main__":
    unittest.main()
