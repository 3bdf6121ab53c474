"""`cmake --install` and the Debian packages CPack builds (cmake/Install.cmake):
the installed or unpacked binaries run on a small project with Python and C,
the core finds the C/C++ component relative to itself and the component finds
Clang's builtin headers at run time; the core links no LLVM; without the
component, C files get a notification and the rest is still analysed.

Packages are unpacked with `dpkg -x` into a temporary folder, never installed
on the machine."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from slotlint_run import SLOTLINT, SOURCE_DIR, require_environment

BUILD_DIR = os.path.dirname(SLOTLINT)
CPP_COMPONENT = os.environ.get("SLOTLINT_CPP_BIN", "")

PYTHON_SOURCE = """\
import redis

r = redis.Redis()
r.mget("user:1", "order:2")
"""

# stddef.h comes from Clang's resource directory, hiredis.h from slotlint's
# model header (no hiredis is installed in the project).
C_SOURCE = """\
#include <stddef.h>
#include <hiredis/hiredis.h>

void load(redisContext *c) {
    size_t unused = 0;
    (void)unused;
    redisCommand(c, "MGET user:1 order:2");
}
"""

LLVM_LIBRARY = re.compile(r"lib(LLVM|clang)", re.IGNORECASE)


def linked_libraries(binary):
    return subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout


class InstallTest(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.tmp = tempfile.mkdtemp(prefix="slotlint-install-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.project = os.path.join(self.tmp, "project")
        os.makedirs(self.project)
        with open(os.path.join(self.project, "app.py"), "w") as out:
            out.write(PYTHON_SOURCE)
        with open(os.path.join(self.project, "load.c"), "w") as out:
            out.write(C_SOURCE)

    def check(self, binary):
        result = subprocess.run(
            [binary, "check", ".", "--format", "sarif", "--jobs", "1"], cwd=self.project,
            capture_output=True, timeout=600)
        self.assertIn(result.returncode, (0, 1), result.stderr.decode(errors="replace"))
        run = json.loads(result.stdout)["runs"][0]
        findings = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                    for r in run["results"]}
        notices = [(n["descriptor"]["id"], n["message"]["text"])
                   for n in run["invocations"][0].get("toolExecutionNotifications", [])]
        return findings, notices

    def assert_reads_everything(self, binary):
        findings, notices = self.check(binary)
        self.assertIn(("SL001", "app.py"), findings)
        self.assertIn(("SL001", "load.c"), findings, notices)
        ids = {notice_id for notice_id, _ in notices}
        self.assertFalse(ids & {"cpp-component-missing", "cpp-component-failed",
                                "clang-resource-dir-missing"}, notices)

    def assert_reads_all_but_c(self, binary):
        findings, notices = self.check(binary)
        self.assertIn(("SL001", "app.py"), findings)
        self.assertNotIn(("SL001", "load.c"), findings)
        missing = [text for notice_id, text in notices if notice_id == "cpp-component-missing"]
        self.assertEqual(len(missing), 1, notices)
        self.assertIn("slotlint-cpp", missing[0])

    def test_core_links_no_llvm(self):
        libraries = linked_libraries(SLOTLINT)
        self.assertRegex(libraries, r"libc\.so")
        self.assertIsNone(LLVM_LIBRARY.search(libraries), libraries)
        self.assertNotIn("libfmt", libraries)
        if CPP_COMPONENT:
            # The check can fail: the component does link them.
            self.assertIsNotNone(LLVM_LIBRARY.search(linked_libraries(CPP_COMPONENT)))

    def test_cmake_install_runs_from_its_prefix(self):
        prefix = os.path.join(self.tmp, "prefix")
        subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", prefix], check=True,
                       capture_output=True, timeout=600)
        binary = os.path.join(prefix, "bin", "slotlint")
        self.assertTrue(os.path.isfile(os.path.join(prefix, "share", "doc", "slotlint", "rules",
                                                    "cross-slot-multi-key-command.md")))
        component = os.path.join(prefix, "libexec", "slotlint", "slotlint-cpp")
        self.assertEqual(os.path.isfile(component), bool(CPP_COMPONENT))
        if CPP_COMPONENT:
            self.assert_reads_everything(binary)
        else:
            self.assert_reads_all_but_c(binary)

    def test_core_without_component_reports_c_files(self):
        # The core alone in a folder: no slotlint-cpp beside it or in libexec.
        alone = os.path.join(self.tmp, "alone", "bin")
        os.makedirs(alone)
        shutil.copy2(SLOTLINT, alone)
        self.assert_reads_all_but_c(os.path.join(alone, "slotlint"))

    def test_debian_packages(self):
        packages = os.path.join(self.tmp, "packages")
        subprocess.run(["cpack", "--config", os.path.join(BUILD_DIR, "CPackConfig.cmake"),
                        "-B", packages], check=True, capture_output=True, timeout=900)
        debs = {subprocess.run(["dpkg-deb", "-f", os.path.join(packages, name), "Package"],
                               capture_output=True, text=True, check=True).stdout.strip():
                os.path.join(packages, name)
                for name in os.listdir(packages) if name.endswith(".deb")}
        self.assertEqual(set(debs), {"slotlint", "slotlint-cpp"} if CPP_COMPONENT else {"slotlint"})

        def depends(package):
            return subprocess.run(["dpkg-deb", "-f", debs[package], "Depends"],
                                  capture_output=True, text=True, check=True).stdout

        core_depends = depends("slotlint")
        self.assertRegex(core_depends, r"\blibc6\b")
        self.assertIsNone(re.search(r"llvm|clang|libfmt", core_depends), core_depends)

        core_root = os.path.join(self.tmp, "core-root")
        subprocess.run(["dpkg", "-x", debs["slotlint"], core_root], check=True)
        self.assert_reads_all_but_c(os.path.join(core_root, "usr", "bin", "slotlint"))
        if not CPP_COMPONENT:
            return
        cpp_depends = depends("slotlint-cpp")
        for package in ("libclang-cpp19", "libllvm19", "libclang-common-19-dev", "slotlint (="):
            self.assertIn(package, cpp_depends)
        root = os.path.join(self.tmp, "root")
        for package in ("slotlint", "slotlint-cpp"):
            subprocess.run(["dpkg", "-x", debs[package], root], check=True)
        self.assertTrue(os.path.isfile(os.path.join(root, "usr", "libexec", "slotlint",
                                                    "slotlint-cpp")))
        self.assert_reads_everything(os.path.join(root, "usr", "bin", "slotlint"))


if __name__ == "__main__":
    unittest.main()
