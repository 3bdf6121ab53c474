"""C and C++ projects: compile_commands.json (-p DIR, --compile-commands
FILE), headers shared by several translation units (each finding once),
units that do not parse, the byte prefilter, bad databases, include paths
without a database (the project's own headers, model headers of the clients,
headers not found), and hostile repositories (files outside the project,
special files, error floods)."""
import json
import os
import shutil
import tempfile
import unittest

from slotlint_run import SOURCE_DIR, require_environment, run, full_message

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
        self.assertIn("user:a", full_message(rename))
        self.assertEqual([n for n in report["notifications"] if n["id"] == "no-compile-command"], [])

    def test_compile_commands_file_and_explicit_paths(self):
        database = os.path.join(self.dir, "build", "compile_commands.json")
        report = self.check("--compile-commands", database, os.path.join(self.dir, "src", "a.cpp"))
        self.assertEqual([(f["path"], f["line"]) for f in report["findings"]],
                         [("src/a.cpp", 2), ("src/cache.h", 3)])

    def test_files_without_an_entry_get_defaults_and_a_note(self):
        self.write("src/extra.cpp", '#include <sw/redis++/redis++.h>\n'
                   'void f(sw::redis::RedisCluster& r) { r.rename("p", "q"); }\n')
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


class IncludePaths(CppProject):
    """Without a database: the project's own headers are found where they
    are, the clients' headers are slotlint's models when not installed,
    other missing headers are skipped, and what could not be analysed is
    named and counted."""

    def test_the_projects_own_headers_are_found_where_they_are(self):
        # <net/keys.h> lives in src/ (a build would add -Isrc); <util/prefix.h>
        # in two libraries' include/ folders: the one nearest to the unit wins.
        self.write("src/net/keys.h", '#pragma once\n#define USER_KEY "user:1"\n')
        for lib in ("alpha", "beta"):
            self.write(f"libs/{lib}/include/util/prefix.h", f'#pragma once\n#define PREFIX "{lib}:"\n')
        self.write("libs/beta/app/use.cpp",
                   "#include <sw/redis++/redis++.h>\n#include <net/keys.h>\n#include <util/prefix.h>\n"
                   'void f(sw::redis::RedisCluster& r) { r.rename(USER_KEY, PREFIX "x"); }\n')
        report = self.check(os.path.join(self.dir, "libs"))
        [finding] = report["findings"]
        self.assertEqual((finding["path"], finding["line"]), ("libs/beta/app/use.cpp", 4))
        self.assertIn("'user:1'", full_message(finding))
        self.assertIn("'beta:x'", full_message(finding))
        self.assertEqual([n for n in report["notifications"] if n["id"] in ("header-not-found", "parse-error")], [])

    def test_headers_that_are_not_found_are_named_and_the_rest_is_analysed(self):
        self.write("src/gen.c", '#include <hiredis/hiredis.h>\n#include "config.h"\n#include <boost/asio/ssl.hpp>\n'
                   'void f(redisContext* c) {\n  redisCommand(c, "MGET a b");\n'
                   '  redisCommand(c, "MGET %s b", CONFIG_KEY);\n}\n')
        report = self.check(os.path.join(self.dir, "src", "gen.c"))
        found = {f["line"]: f for f in report["findings"]}
        self.assertEqual(sorted(found), [5, 6])
        self.assertIn("a header was not found (config.h, boost/asio/ssl.hpp)", full_message(found[6]))
        self.assertNotIn("not found", full_message(found[5]))
        [note] = [n for n in report["notifications"] if n["id"] == "header-not-found"]
        self.assertIn("config.h, boost/asio/ssl.hpp not found: skipped", note["message"])
        self.assertIn("-p build/", note["message"])

    def test_a_unit_that_could_not_be_analysed_is_named_and_counted(self):
        self.write("src/async.cpp", "#include <sw/redis++/async_redis++.h>\n"
                   'void f(sw::redis::RedisCluster& r) { r.rename("a", "b"); }\n')
        report = self.check(os.path.join(self.dir, "src", "async.cpp"))
        [note] = [n for n in report["notifications"] if n["id"] == "unit-not-analysed"]
        self.assertEqual(note["level"], "warning")
        self.assertIn("not analysed: the client header sw/redis++/async_redis++.h was not found", note["message"])
        self.assertIn("-p build/", note["message"])
        text = run("check", os.path.join(self.dir, "src"), "--root", self.dir, "--no-config",
                   cwd=self.dir, check_codes=(0, 1)).stdout.decode()
        self.assertRegex(text.splitlines()[-1], r"notifications \(1 translation unit not analysed\)$")
        self.assertIn('add the folder that holds it to "include" in .slotlint.json', note["message"])
        # Which is what fixes it: the folder named in the configuration (here
        # outside the project, as an installed library would be).
        installed = tempfile.mkdtemp(prefix="slotlint-installed-")
        self.addCleanup(shutil.rmtree, installed)
        os.makedirs(os.path.join(installed, "sw", "redis++"))
        with open(os.path.join(installed, "sw", "redis++", "async_redis++.h"), "w") as f:
            f.write("#pragma once\n#include <sw/redis++/redis++.h>\n")
        self.write(".slotlint.json", json.dumps({"include": [installed]}))
        result = run("check", os.path.join(self.dir, "src", "async.cpp"), "--root", self.dir, "--format", "json",
                     "--config", os.path.join(self.dir, ".slotlint.json"), cwd=self.dir, check_codes=(1,))
        report = json.loads(result.stdout)
        self.assertEqual([n for n in report["notifications"] if n["id"] == "unit-not-analysed"], [])
        self.assertEqual([(f["path"], f["line"]) for f in report["findings"]], [("src/async.cpp", 2)])

    def test_percent_s_keys_point_at_the_arguments_passed_for_them(self):
        # hiredis `%s` (and `%b`) arguments: each key's related location is the
        # argument expression written for it (a literal's text, a macro, a buffer
        # filled by snprintf), on its own line; a key the format writes itself
        # points into the format literal. With the real header (Debian's
        # libhiredis-dev, from the database) and with the model header.
        self.write("src/percent.c", PERCENT_S)
        self.write("src/model/percent.c", PERCENT_S)
        sysroot = os.path.join(self.dir, "sysroot")
        os.makedirs(os.path.join(sysroot, "usr", "include"))
        for entry in os.listdir("/usr/include"):
            if entry != "hiredis":
                os.symlink(os.path.join("/usr/include", entry), os.path.join(sysroot, "usr", "include", entry))
        self.database = [
            {"directory": self.dir, "file": "src/percent.c", "arguments": ["cc", "-std=c17", "-c", "src/percent.c"]},
            {"directory": self.dir, "file": "src/model/percent.c",
             "arguments": ["cc", "-std=c17", f"--sysroot={sysroot}", "-c", "src/model/percent.c"]}]
        self.write_database()
        report = self.check("-p", os.path.join(self.dir, "build"))
        expected = [
            (7, [(8, 17, 8, 18, "key 'a'"), (9, 16, 9, 21, "key 'b'")]),
            (10, [(11, 16, 11, 17, "key 'user:<id>'"), (12, 16, 12, 20, "key '<cart>'")]),
            (13, [(13, 42, 13, 43, "key 'user:<id>'"), (13, 20, 13, 39, "key 'orders:<id>'")]),
        ]
        for path in ("src/percent.c", "src/model/percent.c"):
            found = sorted((f["line"], [(r["line"], r["column"], r["end_line"], r["end_column"],
                                         r["message"].split(" (")[0]) for r in f["related"]])
                           for f in report["findings"] if f["path"] == path and f["code"] == "SL001")
            self.assertEqual(found, expected, path)

    def test_a_wrapper_in_another_unit_is_followed_from_its_callers_with_the_database(self):
        # The project's helpers that forward keys to the client, defined in
        # one unit and called with the keys in another: with -p, the
        # callers' keys are judged at the callers' lines; the helpers alone
        # (their parameters) where they are.
        self.write("src/wrappers.h", WRAPPERS_H)
        self.write("src/wrappers.cpp", WRAPPERS)
        self.write("src/callers.cpp", CALLERS)
        self.write("src/plain.h", PLAIN_H)
        self.write("src/plain_caller.cpp", PLAIN_CALLER)
        self.database = [
            {"directory": self.dir, "file": f"src/{name}",
             "arguments": ["c++", "-std=c++20", "-c", f"src/{name}"]}
            for name in ("wrappers.cpp", "callers.cpp", "plain_caller.cpp", "plain.cpp")]
        self.write("src/plain.cpp", UNRELATED)
        self.write("src/own_names.cpp", OWN_NAMES)
        self.database.append({"directory": self.dir, "file": "src/own_names.cpp",
                              "arguments": ["c++", "-std=c++20", "-c", "src/own_names.cpp"]})
        self.write_database()
        self.write_database()
        report = self.check("-p", os.path.join(self.dir, "build"))
        found = sorted((f["path"], f["line"], f["code"], f["level"]) for f in report["findings"]
                       if f["code"] == "SL001")
        self.assertEqual(found, [("src/callers.cpp", 3, "SL001", "warning"),
                                 ("src/callers.cpp", 5, "SL001", "error"),
                                 ("src/plain_caller.cpp", 3, "SL001", "warning"),
                                 ("src/wrappers.cpp", 4, "SL001", "note"),
                                 ("src/wrappers.cpp", 7, "SL001", "note"),
                                 ("src/wrappers.cpp", 11, "SL001", "note")])
        self.assertEqual([n for n in report["notifications"] if n["id"] == "parse-error"], [])
        drop = next(f for f in report["findings"] if f["path"] == "src/callers.cpp" and f["line"] == 3)
        self.assertIn("The command is sent in src/wrappers.cpp", full_message(drop))
        self.assertEqual([(r["path"], r["line"], r["column"]) for r in drop["related"]],
                         # each key argument's expression, from its opening quote, as
                         # in a finding within one unit
                         [("src/callers.cpp", 3, 22), ("src/callers.cpp", 3, 38)])
        # Without the database there is no other unit to follow.
        report = self.check(os.path.join(self.dir, "src", "wrappers.cpp"), os.path.join(self.dir, "src", "callers.cpp"))
        self.assertEqual(sorted((f["path"], f["line"]) for f in report["findings"] if f["code"] == "SL001"),
                         [("src/wrappers.cpp", 4), ("src/wrappers.cpp", 7), ("src/wrappers.cpp", 11)])

    def test_the_model_header_and_the_real_one_give_the_same_findings(self):
        # Debian's libhiredis-dev (scripts/bootstrap.sh installs it) against
        # slotlint's model: the same calls (the hiredis fixture), one unit
        # compiled with the system's headers, one with a sysroot that has all
        # of them but hiredis.
        real = "/usr/include/hiredis/hiredis.h"
        self.assertTrue(os.path.exists(real), "libhiredis-dev is not installed: run scripts/bootstrap.sh")
        sysroot = os.path.join(self.dir, "sysroot")
        os.makedirs(os.path.join(sysroot, "usr", "include"))
        for entry in os.listdir("/usr/include"):
            if entry != "hiredis":
                os.symlink(os.path.join("/usr/include", entry), os.path.join(sysroot, "usr", "include", entry))
        with open(os.path.join(SOURCE_DIR, "fixtures", "cpp", "hiredis_commands.c")) as f:
            calls = f.read()
        self.write("src/real.c", calls)
        self.write("src/model.c", calls)
        self.database = [
            {"directory": self.dir, "file": "src/real.c", "arguments": ["cc", "-std=c17", "-c", "src/real.c"]},
            {"directory": self.dir, "file": "src/model.c",
             "arguments": ["cc", "-std=c17", f"--sysroot={sysroot}", "-c", "src/model.c"]}]
        self.write_database()
        report = self.check("-p", os.path.join(self.dir, "build"))
        assumed = "hiredis/hiredis.h was not found: slotlint's model of the API of hiredis 1.2.0 was assumed."
        by_unit = {"src/real.c": [], "src/model.c": []}
        for f in report["findings"]:
            by_unit[f["path"]].append((f["line"], f["column"], f["code"], f["level"],
                                       full_message(f).replace(" " + assumed, "")))
            if "Client: hiredis" in full_message(f):  # a finding resting on the client's API
                self.assertEqual(assumed in full_message(f), f["path"] == "src/model.c", full_message(f))
        self.assertGreaterEqual(len(by_unit["src/real.c"]), 10)
        self.assertEqual(by_unit["src/real.c"], by_unit["src/model.c"])
        self.assertEqual([n for n in report["notifications"] if n["id"] == "parse-error"], [])

PERCENT_S = """#include <stdio.h>
#include <hiredis/hiredis.h>
#define KEY_B "b"
void keys(redisContext *c, int id, const char *cart) {
  char k[32];
  snprintf(k, sizeof k, "user:%d", id);
  redisCommand(c, "MGET %s %s",
               "a",
               KEY_B);
  redisCommand(c, "MGET %s %b",
               k,
               cart, (size_t)8);
  redisCommand(c, "RENAME %s orders:%d", k, id);
}
"""
WRAPPERS_H = """#pragma once
#include <string>
#include <hiredis/hiredis.h>
#include <sw/redis++/redis++.h>
namespace app {
void drop(sw::redis::RedisCluster& r, const std::string& a, const std::string& b);
void touch_pair(redisContext* c, const char* a, const char* b);
std::string tagged(const std::string& id);
}
"""
WRAPPERS = """#include "wrappers.h"
namespace app {
void drop(sw::redis::RedisCluster& r, const std::string& a, const std::string& b) {
  r.del({a, b});
}
void touch_pair(redisContext* c, const char* a, const char* b) {
  freeReplyObject(redisCommand(c, "MGET %s %s", a, b));
}
std::string tagged(const std::string& id) { return "{user:" + id + "}"; }
static sw::redis::RedisCluster cluster("tcp://127.0.0.1:7000");
void forget(const std::string& a, const std::string& b) { cluster.unlink({a, b}); }
int tally(int x) { return x; }
}
"""
PLAIN_H = """#pragma once
#include <string>
namespace app {
void forget(const std::string& a, const std::string& b);
}
"""
# Names no client and calls only its own `tally` (a name a client unit also
# defines) and a member `forget`: not parsed (its syntax error is never seen).
OWN_NAMES = """struct Log { void forget(int) {} };
int tally(int x) { return x; }
int use(Log& log) { log.forget(1); return tally(1) + ; }
"""
# Names no client: found through the wrapper's name.
PLAIN_CALLER = """#include "plain.h"
void logout(const std::string& session) {
  app::forget("session:" + session, "token:" + session);
}
"""
CALLERS = """#include "wrappers.h"
void checkout(sw::redis::RedisCluster& cluster, redisContext* c, const std::string& user) {
  app::drop(cluster, "cart:" + user, "items:" + user);
  app::drop(cluster, "{u}cart", "{u}items");
  app::touch_pair(c, "user:1", "user:2");
  app::touch_pair(c, "{t}1", "{t}2");
}
"""


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
