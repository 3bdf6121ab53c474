"""C and C++ projects: compile_commands.json (-p DIR, --compile-commands
FILE), headers shared by several translation units (each finding once),
units that do not parse, the byte prefilter, bad databases, and hostile
repositories (files outside the project, special files, error floods)."""
import json
import os
import shutil
import tempfile
import unittest

from slotlint_run import SOURCE_DIR, require_environment, run

STUBS = os.path.join(SOURCE_DIR, "fixtures", "cpp", "include")

SHARED_HEADER = """#pragma once
#include <sw/redis++/redis++.h>
inline void drop(sw::redis::RedisCluster& r) { r.del({"cart", "items"}); }
"""
UNIT = """#include "cache.h"
void use_{n}(sw::redis::RedisCluster& r) {{ drop(r); r.rename(PREFIX "a", "b"); }}
"""
BROKEN = """#include <sw/redis++/redis++.h>
void broken(sw::redis::RedisCluster& r) {
  r.mget({"x", "y"}, undeclared_name);
  r.rename("p", "q");
}
"""
UNRELATED = "int add(int a, int b) { return a + b; }\n"


class CppProject(unittest.TestCase):
    """A project of three units sharing a header, with its database."""

    def setUp(self):
        require_environment(self)
        self.dir = tempfile.mkdtemp(prefix="slotlint-cpp-")
        self.addCleanup(shutil.rmtree, self.dir)
        shutil.copytree(STUBS, os.path.join(self.dir, "third_party"))
        os.makedirs(os.path.join(self.dir, "src"))
        self.write("src/cache.h", SHARED_HEADER)
        self.write("src/a.cpp", UNIT.format(n="a"))
        self.write("src/b.cpp", UNIT.format(n="b"))
        self.write("src/plain.cpp", UNRELATED)
        self.database = [
            {"directory": self.dir, "file": f"src/{name}",
             "arguments": ["/usr/bin/g++", "-std=c++20", "-Ithird_party", '-DPREFIX="user:"',
                           "-Wall", "-fno-strict-overflow", "-c", f"src/{name}", "-o", f"{name}.o"]}
            for name in ("a.cpp", "b.cpp", "plain.cpp")]
        self.write_database()

    def write(self, relative, text):
        path = os.path.join(self.dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def write_database(self):
        os.makedirs(os.path.join(self.dir, "build"), exist_ok=True)
        self.write("build/compile_commands.json", json.dumps(self.database))

    def check(self, *args, codes=(0, 1)):
        result = run("check", *args, "--root", self.dir, "--format", "json", "--no-config",
                     cwd=self.dir, check_codes=codes)
        return json.loads(result.stdout) if result.returncode in (0, 1) else result


class CppProjects(CppProject):
    def test_database_units_and_a_shared_header_reported_once(self):
        report = self.check("-p", os.path.join(self.dir, "build"))
        self.assertEqual(report["files"], 3)
        found = sorted((f["path"], f["line"], f["code"]) for f in report["findings"])
        # The header's DEL once, though both units include it; each unit's
        # RENAME, whose key comes from the -D macro of its compile command.
        self.assertEqual(found, [("src/a.cpp", 2, "SL001"), ("src/b.cpp", 2, "SL001"),
                                 ("src/cache.h", 3, "SL001")])
        rename = next(f for f in report["findings"] if f["path"] == "src/a.cpp")
        self.assertIn("user:a", rename["message"])
        self.assertEqual([n for n in report["notifications"] if n["id"] == "no-compile-command"], [])

    def test_compile_commands_file_and_explicit_paths(self):
        database = os.path.join(self.dir, "build", "compile_commands.json")
        report = self.check("--compile-commands", database, os.path.join(self.dir, "src", "a.cpp"))
        self.assertEqual([(f["path"], f["line"]) for f in report["findings"]],
                         [("src/a.cpp", 2), ("src/cache.h", 3)])

    def test_files_without_an_entry_get_defaults_and_a_note(self):
        self.write("src/extra.cpp", '#include <sw/redis++/redis++.h>\n'
                   'void f(sw::redis::RedisCluster& r) { r.rename("p", "q"); }\n')
        os.makedirs(os.path.join(self.dir, "src", "include"), exist_ok=True)
        shutil.copytree(os.path.join(STUBS, "sw"), os.path.join(self.dir, "src", "include", "sw"))
        report = self.check("-p", os.path.join(self.dir, "build"), os.path.join(self.dir, "src", "extra.cpp"))
        self.assertEqual([(f["path"], f["line"]) for f in report["findings"]], [("src/extra.cpp", 2)])
        notes = [n for n in report["notifications"] if n["id"] == "no-compile-command"]
        self.assertEqual(len(notes), 1)
        self.assertIn("not in compile_commands.json", notes[0]["message"])

    def test_a_unit_that_does_not_parse_still_gives_its_clean_parts(self):
        self.write("src/broken.cpp", BROKEN)
        self.database.append({"directory": self.dir, "file": "src/broken.cpp",
                              "arguments": ["clang++", "-std=c++20", "-Ithird_party", "src/broken.cpp"]})
        self.write_database()
        report = self.check("-p", os.path.join(self.dir, "build"), os.path.join(self.dir, "src", "broken.cpp"))
        self.assertIn(("src/broken.cpp", 4), [(f["path"], f["line"]) for f in report["findings"]])
        errors = [n for n in report["notifications"] if n["id"] == "parse-error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("undeclared_name", errors[0]["message"])

    def test_bad_databases_are_usage_errors(self):
        self.write("build/compile_commands.json", "{not json")
        result = self.check("-p", os.path.join(self.dir, "build"), codes=(2,))
        self.assertIn(b"not a compilation database", result.stderr)
        # ...also when the files to check are named.
        result = self.check("-p", os.path.join(self.dir, "build"), os.path.join(self.dir, "src", "a.cpp"),
                            codes=(2,))
        self.assertIn(b"not a compilation database", result.stderr)
        result = self.check("-p", os.path.join(self.dir, "nowhere"), codes=(2,))
        self.assertIn(b"no compilation database", result.stderr)

    def test_a_database_naming_missing_files(self):
        # A generated source not generated yet: a warning, the rest is checked.
        self.database.append({"directory": self.dir, "file": "src/gone.cpp", "command": "c++ -c src/gone.cpp"})
        self.write_database()
        report = self.check("-p", os.path.join(self.dir, "build"))
        missing = [n for n in report["notifications"] if n["id"] == "listed-file-missing"]
        self.assertEqual([n["path"] for n in missing], [os.path.join(self.dir, "src", "gone.cpp")])
        self.assertEqual(len(report["findings"]), 3)


MARKER = "SLOTLINT_SECRET_MARKER_7f3a"
# A header outside the project: an error quoting the marker, a call whose
# keys hold it, a line of it a snippet would show.
SECRET_HEADER = f"""#pragma once
{MARKER} oops;
inline void leak(redisContext* c) {{ redisCommand(c, "MGET {MARKER}:a {MARKER}:b"); }}
"""
USES_INCLUDE = """#include <hiredis/hiredis.h>
#include "{include}"
void use_{name}(redisContext* c) {{ redisCommand(c, "MGET x y"); }}
"""


class HostileRepository(CppProject):
    """A repository whose code names files outside it or special files: none
    of their content reaches any report, and Clang never opens the special
    ones (a FIFO would hang it)."""

    def setUp(self):
        super().setUp()
        self.outside = tempfile.mkdtemp(prefix="slotlint-outside-")
        self.addCleanup(shutil.rmtree, self.outside)
        with open(os.path.join(self.outside, "secret.h"), "w") as f:
            f.write(SECRET_HEADER)

    def add_unit(self, name, include):
        self.write(f"src/{name}.cpp", USES_INCLUDE.format(include=include, name=name))
        self.database.append({"directory": self.dir, "file": f"src/{name}.cpp",
                              "arguments": ["clang++", "-std=c++20", "-Ithird_party", f"src/{name}.cpp"]})
        self.write_database()

    def reports(self, *args, stdin=b""):
        """The report in every format; the JSON one parsed."""
        out = {}
        for form in ("text", "json", "sarif"):
            result = run("check", *args, "--root", self.dir, "--format", form, "--no-config",
                         cwd=self.dir, input=stdin, timeout=120)
            out[form] = result.stdout.decode()
        return out, json.loads(out["json"])

    def test_files_outside_the_project_never_reach_a_report(self):
        secret = os.path.join(self.outside, "secret.h")
        self.add_unit("relative", os.path.relpath(secret, os.path.join(self.dir, "src")))
        self.add_unit("absolute", secret)
        os.symlink(self.outside, os.path.join(self.dir, "src", "link"))
        self.add_unit("linked", "link/secret.h")
        self.add_unit("passwd", "../" * 12 + "etc/passwd")
        outputs, report = self.reports("-p", os.path.join(self.dir, "build"))
        for form, text in outputs.items():
            self.assertNotIn(MARKER, text, form)
            self.assertNotIn("'root'", text, form)  # /etc/passwd's first word, quoted by an error
        found = {(f["path"], f["line"]) for f in report["findings"]}
        # The project's own header and units are checked as before.
        self.assertLessEqual({("src/cache.h", 3), ("src/a.cpp", 2), ("src/relative.cpp", 3),
                              ("src/absolute.cpp", 3), ("src/linked.cpp", 3)}, found)
        errors = {n["path"]: n["message"] for n in report["notifications"] if n["id"] == "parse-error"}
        for name in ("relative", "absolute", "linked"):
            self.assertIn("secret.h:2: an error in a file outside the project", errors[f"src/{name}.cpp"])
        self.assertIn("passwd:1: an error in a file outside the project", errors["src/passwd.cpp"])

    def test_includes_of_special_files_are_refused_before_clang_opens_them(self):
        os.mkfifo(os.path.join(self.dir, "src", "fifo.inc"))
        self.add_unit("fifo", "fifo.inc")
        self.add_unit("stdin", "/dev/stdin")
        self.add_unit("environ", "/proc/self/environ")
        self.addCleanup(os.environ.pop, "SLOTLINT_TEST_ENV_SECRET", None)
        os.environ["SLOTLINT_TEST_ENV_SECRET"] = MARKER
        # A FIFO no one writes would block Clang forever: the timeout of
        # reports() is only a guard.
        outputs, report = self.reports("-p", os.path.join(self.dir, "build"),
                                       stdin=f"{MARKER} stdin;\n".encode())
        for form, text in outputs.items():
            self.assertNotIn(MARKER, text, form)
        refused = {n["path"]: n["message"] for n in report["notifications"] if n["id"] == "include-refused"}
        self.assertEqual(refused, {
            "src/fifo.cpp": "src/fifo.inc is not a regular file (a FIFO, socket or device): not read, "
                            "so the #include fails as a missing header would",
            "src/stdin.cpp": "/dev/stdin is on a kernel pseudo file system (/proc, /sys, /dev): not read, "
                             "so the #include fails as a missing header would",
            "src/environ.cpp": "/proc/self/environ is on a kernel pseudo file system (/proc, /sys, /dev): "
                               "not read, so the #include fails as a missing header would"})
        # The rest of each unit is still checked.
        found = {(f["path"], f["line"]) for f in report["findings"]}
        self.assertLessEqual({("src/fifo.cpp", 3), ("src/stdin.cpp", 3), ("src/environ.cpp", 3)}, found)

    def test_a_database_entry_outside_the_project_is_not_analysed(self):
        elsewhere = os.path.join(self.outside, "elsewhere.cpp")
        with open(elsewhere, "w") as f:
            f.write(f'#include <hiredis/hiredis.h>\n'
                    f'void f(redisContext* c) {{ redisCommand(c, "MGET {MARKER}:a {MARKER}:b"); }}\n')
        self.database.append({"directory": self.dir, "file": elsewhere,
                              "arguments": ["clang++", "-std=c++20", "-Ithird_party", elsewhere]})
        self.write_database()
        outputs, report = self.reports("-p", os.path.join(self.dir, "build"))
        for form, text in outputs.items():
            self.assertNotIn(MARKER, text, form)
        refused = [n for n in report["notifications"] if n["id"] == "listed-file-refused"]
        self.assertEqual(len(refused), 1)
        self.assertIn("is outside the project", refused[0]["message"])
        self.assertTrue(refused[0]["path"].endswith("elsewhere.cpp"))
        self.assertEqual(len(report["findings"]), 3)  # the project's own

    def test_an_error_flood_ends_the_parse_after_1000_errors(self):
        # Two errors a line, the second costing more with every line before
        # it: parsed to its end, 20,000 such lines took Clang 51 s.
        flood = ('#include <hiredis/hiredis.h>\n'
                 'void before(redisContext* c) { redisCommand(c, "MGET x y"); }\n'
                 'void f() {\n' + "  int x = ;\n" * 3000 + '}\n'
                 'void after(redisContext* c) { redisCommand(c, "MGET x y"); }\n')
        self.write("src/flood.cpp", flood)
        self.database.append({"directory": self.dir, "file": "src/flood.cpp",
                              "arguments": ["clang++", "-std=c++20", "-Ithird_party", "src/flood.cpp"]})
        self.write_database()
        report = self.check("-p", os.path.join(self.dir, "build"), os.path.join(self.dir, "src", "flood.cpp"))
        stopped = [n["message"] for n in report["notifications"] if n["id"] == "parse-stopped"]
        self.assertEqual(len(stopped), 1)
        # Where it stopped is the work it cost: line 504 of 3,005.
        self.assertIn("stopped after 1000 errors, at flood.cpp:504; the rest of it was not checked", stopped[0])
        # What was parsed is checked; what was not, is not.
        self.assertEqual([(f["path"], f["line"]) for f in report["findings"]], [("src/flood.cpp", 2)])


if __name__ == "__main__":
    unittest.main()
