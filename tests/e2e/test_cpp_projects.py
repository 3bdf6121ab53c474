"""C and C++ projects: compile_commands.json (-p DIR, --compile-commands
FILE), headers shared by several translation units (each finding once),
units that do not parse, the byte prefilter, and bad databases."""
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


class CppProjects(unittest.TestCase):
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


if __name__ == "__main__":
    unittest.main()
