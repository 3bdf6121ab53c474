"""The capability table (docs/capabilities.md) and the parity fixtures
(fixtures/<language>/parity.*) say the same thing: every fixture has one
section per capability of the table, in the table's order, each with a true
positive and a safe look-alike (or an `n/a:` line saying why the language has
no such idiom), and every cell of the table is what its section's annotations
give. The fixture runner checks the annotations against slotlint's findings;
this test checks the table against the annotations, so neither can drift.

Run alone: python3 test_capabilities.py (from tests/e2e, or with
SLOTLINT_SOURCE_DIR set)."""
import os
import re
import unittest

SOURCE_DIR = os.environ.get("SLOTLINT_SOURCE_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..")
TABLE = "docs/capabilities.md"
FIXTURES = {
    "Python": "fixtures/python/parity.py",
    "JavaScript": "fixtures/javascript/parity.js",
    "TypeScript": "fixtures/typescript/parity.ts",
    "Go": "fixtures/go/parity/parity.go",
    "Java": "fixtures/java/parity.java",
    "C/C++": "fixtures/cpp/parity.cpp",
}
CELLS = ("yes", "partial", "todo", "n/a")

# The fixture runner's annotation syntax (tests/fixtures/fixture_runner_test.cpp).
ANNOTATION = re.compile(r"(todo-expect|todo-ok|expect|ok):\s*((?:SL\d+(?::\w+)?[,\s]*)+)")
CODE = re.compile(r"(SL\d+)(?::(\w+))?")
SECTION = re.compile(r"^\s*(?:#|//)\s*capability:\s*(\S+)\s*$")
NOT_APPLICABLE = re.compile(r"^\s*(?:#|//)\s*n/a:\s*\S")
# A cross-slot finding at note level says only that the keys are not known:
# the capability did not carry them.
CROSS_SLOT = {"SL001", "SL002", "SL003"}


def read(path):
    with open(os.path.join(SOURCE_DIR, path), encoding="utf-8") as f:
        return f.read()


def sections(text):
    """[(capability, [lines of its section])] in the order of the file."""
    found = []
    for line in text.splitlines():
        match = SECTION.match(line)
        if match:
            found.append((match.group(1), []))
        elif found:
            found[-1][1].append(line)
    return found


def annotations(lines):
    """[(kind, code, level)] of a section's lines."""
    result = []
    for line in lines:
        for match in ANNOTATION.finditer(line):
            for code in CODE.finditer(match.group(2)):
                result.append((match.group(1), code.group(1), code.group(2) or ""))
    return result


def cell(lines):
    """What a section's annotations say, or raises ValueError if they say
    nothing (no true positive, no safe look-alike)."""
    marks = annotations(lines)
    if any(NOT_APPLICABLE.match(line) for line in lines):
        if marks:
            raise ValueError("an n/a section has annotations")
        return "n/a"
    if not any(kind in ("expect", "todo-expect") for kind, _, _ in marks):
        raise ValueError("no true positive (expect: or todo-expect:)")
    if not any(kind in ("ok", "todo-ok") for kind, _, _ in marks):
        raise ValueError("no safe look-alike (ok: or todo-ok:)")
    weak = [(kind, code) for kind, code, level in marks
            if kind == "expect" and code in CROSS_SLOT and level == "note"]
    strong = [(kind, code) for kind, code, level in marks
              if kind == "expect" and (kind, code) not in weak]
    gaps = weak + [(kind, code) for kind, code, _ in marks if kind.startswith("todo-")]
    if not gaps:
        return "yes"
    return "partial" if strong else "todo"


def table(text):
    """(languages, [(capability, {language: cell})]) of the capability table:
    the one whose header starts with "| Capability |"."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Capability |"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    languages = header[2:]
    body = []
    for row in rows[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        name = cells[0].strip("`")
        body.append((name, dict(zip(languages, cells[2:]))))
    return languages, body


class CapabilityTable(unittest.TestCase):
    def setUp(self):
        self.languages, self.rows = table(read(TABLE))
        self.names = [name for name, _ in self.rows]

    def test_table_has_a_column_per_parity_fixture(self):
        self.assertEqual(self.languages, list(FIXTURES))
        self.assertEqual(len(self.names), len(set(self.names)), "a capability listed twice")
        for name, cells in self.rows:
            for language, value in cells.items():
                self.assertIn(value, CELLS, f"{TABLE}: {name}, {language}: '{value}'")

    def test_every_fixture_has_every_section_in_order(self):
        for language, path in FIXTURES.items():
            with self.subTest(language=language):
                found = [name for name, _ in sections(read(path))]
                missing = [name for name in self.names if name not in found]
                unknown = [name for name in found if name not in self.names]
                self.assertEqual(missing, [], f"{path} lacks these capability sections")
                self.assertEqual(unknown, [], f"{path} has sections {TABLE} does not list")
                self.assertEqual(found, self.names, f"{path}: sections not in {TABLE}'s order")

    def test_table_says_what_the_fixtures_say(self):
        for language, path in FIXTURES.items():
            for name, lines in sections(read(path)):
                with self.subTest(language=language, capability=name):
                    try:
                        derived = cell(lines)
                    except ValueError as error:
                        self.fail(f"{path}, capability {name}: {error}")
                    listed = dict(self.rows).get(name, {}).get(language)
                    self.assertEqual(listed, derived,
                                     f"{TABLE} says '{listed}' for {name} in {language}; "
                                     f"{path} says '{derived}'")


class CellRules(unittest.TestCase):
    """The derivation itself, on small sections."""

    def test_cells(self):
        self.assertEqual(cell(["x  # expect: SL001:error", "y  # ok: SL001"]), "yes")
        self.assertEqual(cell(["x  # expect: SL001:note", "y  # ok: SL001"]), "todo")
        self.assertEqual(cell(["x  # todo-expect: SL001", "y  # ok: SL001"]), "todo")
        self.assertEqual(cell(["x  # expect: SL001:warning", "y  # todo-ok: SL001"]), "partial")
        self.assertEqual(cell(["x  // expect: SL009:note", "x  // expect: SL001:error",
                               "y  // ok: SL001"]), "yes")
        self.assertEqual(cell(["// n/a: no such idiom"]), "n/a")
        with self.assertRaises(ValueError):
            cell(["x  # ok: SL001"])
        with self.assertRaises(ValueError):
            cell(["x  # expect: SL001:error"])
        with self.assertRaises(ValueError):
            cell(["# n/a: no such idiom", "x  # expect: SL001:error", "y  # ok: SL001"])


if __name__ == "__main__":
    unittest.main()
