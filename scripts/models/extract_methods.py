#!/usr/bin/env python3
"""List a Redis client library's command methods from its source.

Reads a checkout of the client (a folder, or a git directory and a ref) and
writes, as JSON, every public method that sends a Redis command with the
command it sends where the source says so. The lists are facts about the
client at one version; tests/unit/model_method_lists_test.cpp checks the API
models against them. See scripts/models/README.md.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path


class Source:
    """A client's files at one version: a folder, or a git directory at a ref."""

    def __init__(self, path: str, ref: str | None):
        self.path = path
        self.ref = ref
        self.git = ref is not None

    def commit(self) -> str | None:
        if not self.git:
            return None
        return self._git("rev-parse", f"{self.ref}^{{commit}}").strip()

    def files(self, prefix: str) -> list[str]:
        if self.git:
            listing = ["ls-tree", "-r", "--name-only", self.ref, "--", prefix] if prefix else \
                ["ls-tree", "--name-only", self.ref]
            out = self._git(*listing)
            return sorted(line for line in out.splitlines() if line)
        root = Path(self.path)
        base = root / prefix
        if base.is_file():
            return [prefix]
        return sorted(str(p.relative_to(root)) for p in base.rglob("*") if p.is_file())

    def read(self, name: str) -> str:
        if self.git:
            return self._git("show", f"{self.ref}:{name}")
        return (Path(self.path) / name).read_text(encoding="utf-8")

    def _git(self, *args: str) -> str:
        return subprocess.run(["git", f"--git-dir={self.path}", *args], check=True,
                              capture_output=True, text=True).stdout


# Command names from --command-table folders (the command table's JSON
# specs): they tell a command word from an option word in the source.
KNOWN_COMMANDS: set[str] = set()
KNOWN_SUBCOMMANDS: set[str] = set()  # "CLIENT SETNAME"


def load_command_table(folder: str) -> None:
    for name in Path(folder).glob("*.json"):
        for command, body in json.loads(name.read_text(encoding="utf-8")).items():
            KNOWN_COMMANDS.add((body.get("container") or command).upper())
            if body.get("container"):
                KNOWN_SUBCOMMANDS.add(f"{body['container']} {command}".upper())


def add(methods: dict[str, set[str]], name: str, command: str | None) -> None:
    entry = methods.setdefault(name, set())
    if command:
        entry.add(command.upper())


def body_after(text: str, start: int) -> str:
    """The brace-delimited body of the function whose parameter list opens just
    before `start` (C-like code)."""
    depth = 1
    while start < len(text) and depth:
        depth += {"(": 1, ")": -1}.get(text[start], 0)
        start += 1
    # The body's brace ends its line; a brace inside the signature
    # (Go's interface{}) does not.
    found = re.compile(r"\{[ \t]*\n").search(text, start)
    open_at = found.start() if found else -1
    semicolon = text.find(";", start)
    if open_at < 0 or (0 <= semicolon < open_at):
        return ""  # a declaration without a body
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[open_at:i + 1]
    return text[open_at:]


# ---------------------------------------------------------------- redis-py

REDIS_PY_FILES = ["redis/commands/core.py", "redis/commands/cluster.py"]
DOC_LINK = re.compile(r"redis\.io/(?:docs/latest/)?commands/([a-z0-9_-]+)")
UPPER_WORD = re.compile(r"^[A-Z][A-Z0-9_.]*( [A-Z][A-Z0-9_]*)?$")


def _python_command(function: ast.FunctionDef) -> str | None:
    lists: dict[str, ast.expr] = {}
    for node in ast.walk(function):
        targets = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for target in targets:
            if isinstance(target, ast.Name) and isinstance(value, ast.List) and value.elts:
                lists.setdefault(target.id, value.elts[0])

    def literal(expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Starred) and isinstance(expr.value, ast.Name):
            expr = lists.get(expr.value.id)
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str) and \
                UPPER_WORD.match(expr.value):
            return expr.value
        return None

    calls = [n for n in ast.walk(function) if isinstance(n, ast.Call) and n.args]
    calls.sort(key=lambda n: (n.lineno, n.col_offset))
    # execute_command("X", ...) first, then a helper handed the command
    # (self._zrange("ZRANGESTORE", ...)), then the documentation link.
    for call in calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == "execute_command":
            if (found := literal(call.args[0])):
                return found
    for call in calls:
        if (found := literal(call.args[0])):
            return found
    doc = ast.get_docstring(function) or ""
    if (link := DOC_LINK.search(doc)):
        # client-no-evict is CLIENT NO-EVICT: the first dash parts a
        # subcommand from its container; later ones are the subcommand's own.
        return link.group(1).replace("-", " ", 1)
    return None


def extract_redis_py(source: Source) -> dict[str, set[str]]:
    methods: dict[str, set[str]] = {}
    for name in REDIS_PY_FILES:
        tree = ast.parse(source.read(name))
        for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
            for function in cls.body:
                if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                if function.name.startswith("_"):
                    continue
                command = _python_command(function)
                if command is not None:
                    add(methods, function.name, command)
    return methods


# ---------------------------------------------------------------- ioredis

def extract_ioredis(source: Source, commands_json: str) -> dict[str, set[str]]:
    # ioredis gives every command of @ioredis/commands a method of its name
    # and one with "Buffer" appended (lib/utils/Commander.ts), except monitor.
    commander = source.read("lib/utils/Commander.ts")
    if 'list.filter((command) => command !== "monitor")' not in commander or \
            'commandName + "Buffer"' not in commander:
        sys.exit("ioredis: lib/utils/Commander.ts no longer builds methods the way this "
                 "script expects; read it and update extract_ioredis")
    names = list(json.loads(Path(commands_json).read_text(encoding="utf-8")))
    methods: dict[str, set[str]] = {}
    for name in names + ["sentinel"]:
        if name == "monitor":
            continue
        add(methods, name, name)
        add(methods, name + "Buffer", name)
    return methods


# ---------------------------------------------------------------- node-redis

NODE_IMPORT = r"import (\w+)(?:\s*,\s*\{[^}]*\})? from '\./(\w+)';"


def extract_node_redis(source: Source) -> dict[str, set[str]]:
    root = "packages/client/lib/commands/"
    index = source.read(root + "index.ts")
    imports = dict(re.findall(NODE_IMPORT, index))
    exported = index[index.index("export default {"):]
    exported = re.sub(r"/\*.*?\*/", "", exported, flags=re.S)
    commands: dict[str, str | None] = {}

    def command_of(module: str, seen: tuple[str, ...] = ()) -> str | None:
        if module in commands:
            return commands[module]
        text = source.read(root + module + ".ts")
        start = max(text.find("parseCommand("), 0)
        push = re.compile(r"\.push\(\s*['\"]([A-Z][A-Z0-9_.]*)['\"](?:\s*,\s*['\"]([A-Z]+)['\"])?")
        pushed = [m.group(1) + (" " + m.group(2) if m.group(2) else "")
                  for m in list(push.finditer(text, start)) + list(push.finditer(text))]
        known = [word for word in pushed if word.split(" ")[0] in KNOWN_COMMANDS]
        command = known[0] if known else None
        if command:
            commands[module] = command
            return command
        # LCS_LEN: LCS.parseCommand(...) and more arguments.
        base = re.compile(r"(\w+)\.parseCommand\(").search(text, start)
        base_module = dict(re.findall(NODE_IMPORT, text)).get(
            base.group(1)) if base else None
        if not base_module:
            # parseXAddArguments('NOMKSTREAM', ...) from './XADD'
            helper = re.compile(r"\b(parse(?!Command\b)\w+)\(").search(text, start)
            for imported, name in re.findall(r"import \{([^}]*)\} from '\./(\w+)';", text):
                if helper and helper.group(1) in re.split(r"[\s,]+", imported):
                    base_module = name
        if base_module and base_module not in seen:
            command = command_of(base_module, seen + (module,))
        elif pushed:
            command = pushed[0]
        elif module.split("_")[0] in KNOWN_COMMANDS:
            # parser.push(ASKING_CMD), parser.push(...args): the file is named
            # after the command (LATENCY_RESET is LATENCY RESET).
            command = module.replace("_", " ")
        commands[module] = command
        return command

    methods: dict[str, set[str]] = {}
    for line in exported.splitlines():
        line = line.strip().rstrip(",")
        found = re.fullmatch(r"(\w+)(?:\s*:\s*(\w+))?", line)
        if not found:
            continue
        name, target = found.group(1), found.group(2) or found.group(1)
        if target not in imports:
            continue
        add(methods, name, command_of(imports[target]))
    return methods


# ---------------------------------------------------------------- go-redis

GO_METHOD = re.compile(r"^func (?:\((?:c )?(?:cmdable|statefulCmdable)\) (\w+)|(\w+))\(", re.M)
GO_LITERAL = re.compile(r'"([a-zA-Z][a-zA-Z0-9_.]*)"')


def extract_go_redis(source: Source) -> dict[str, set[str]]:
    methods: dict[str, set[str]] = {}
    bodies: dict[str, str] = {}
    cmdable: set[str] = set()
    for name in source.files(""):
        if "/" in name or not name.endswith(".go") or name.endswith("_test.go"):
            continue
        text = source.read(name)
        for found in GO_METHOD.finditer(text):
            bodies[found.group(1) or found.group(2)] = body_after(text, found.end())
            if found.group(1):
                cmdable.add(found.group(1))
    # A method without a command word of its own hands over to a helper
    # (ZAddNX → c.zAdd), whose word it sends.
    for name, body in bodies.items():
        if not name[0].isupper() or name not in cmdable:
            continue
        add(methods, name, _go_command(name, bodies))
    return methods


def _go_command(name: str, bodies: dict[str, str]) -> str | None:
    """The first word of the method, or of the helpers it calls, that is a
    command; a word may be an option (BitOpAnd hands "and" to bitOp)."""
    first = None
    seen, queue = {name}, [name]
    while queue:
        body = bodies[queue.pop(0)]
        for literal in GO_LITERAL.findall(body):
            if "." in literal:
                return literal  # a module's command (FT.CONFIG GET): never an option
            if literal.upper() in KNOWN_COMMANDS:
                return literal
            first = first or literal
        for helper in re.findall(r"\b(\w+)\(", body):
            if helper in bodies and helper not in seen:
                seen.add(helper)
                queue.append(helper)
    return first


# ---------------------------------------------------------------- Java

JAVA_METHOD = re.compile(
    r"^\s+(?:public\s+)?(?:final\s+)?(?:<[^>]*>\s+)?[\w.]+(?:<[^;{}()]*?>)?(?:\[\])?\s+(\w+)\(",
    re.M)


def java_methods(text: str, command_pattern: re.Pattern[str]) -> dict[str, set[str]]:
    methods: dict[str, set[str]] = {}
    for found in JAVA_METHOD.finditer(text):
        body = body_after(text, found.end())
        command = command_pattern.search(body)
        if command:
            add(methods, found.group(1), command.group(1))
    return methods


def extract_jedis(source: Source) -> dict[str, set[str]]:
    # UnifiedJedis (JedisCluster, RedisClusterClient) and Jedis expose the
    # methods of CommandObjects under the same names.
    text = source.read("src/main/java/redis/clients/jedis/CommandObjects.java")
    # A module's command (SearchCommand.DICTADD) keeps its qualifier, so that
    # it reads as a module command (FT.DICTADD), not a core one.
    return java_methods(text, re.compile(
        r"commandArguments\((?:Protocol\.)?(?:Command\.)?((?:\w+Command\.)?[A-Z][A-Z0-9_]*)\)"))


def extract_lettuce(source: Source) -> dict[str, set[str]]:
    # The API is the synchronous interfaces' methods; RedisCommandBuilder's
    # method of the same name says which command each sends (the builder has
    # names of its own too, hscanStreaming for hscan(channel, key)).
    builder = java_methods(source.read("src/main/java/io/lettuce/core/RedisCommandBuilder.java"),
                           re.compile(r"createCommand\((?:\w+\.)*?([A-Z][A-Z0-9_]*)\b"))
    methods: dict[str, set[str]] = {}
    for name in source.files("src/main/java/io/lettuce/core/api/sync/"):
        if not name.endswith("Commands.java"):
            continue
        for found in re.finditer(r"^\s+(?:<[^>]*>\s+)?[\w.]+(?:<.*?>)?(?:\[\])?\s+(\w+)\(",
                                 source.read(name), re.M):
            if found.group(1) in builder:
                for command in builder[found.group(1)]:
                    add(methods, found.group(1), command)
    return methods


# ---------------------------------------------------------------- redis-plus-plus

RPP_DIR = "src/sw/redis++/"
# Redis, RedisCluster and QueuedRedis (pipelines, transactions): their
# headers declare the methods; the .hpp/.cpp define those not inline.
RPP_CLASSES = {"redis": "Redis", "redis_cluster": "RedisCluster", "queued_redis": "QueuedRedis"}
CPP_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _rpp_public_methods(header: str, cls: str) -> set[str]:
    """Names of the public methods the class declares (its body's
    `public:` parts, top level only)."""
    start = re.search(r"^class " + cls + r"\b[^;{]*\{", header, re.M)
    if not start:
        sys.exit(f"redis-plus-plus: no class {cls}; read the header and update this script")
    names: set[str] = set()
    depth, public, line_start = 1, False, start.end()
    i = start.end()
    while i < len(header) and depth:
        c = header[i]
        if c == "{":
            if depth == 1 and public:
                _rpp_declared(header[line_start:i], cls, names)
            depth += 1
        elif c == "}":
            depth -= 1
            line_start = i + 1
        elif c == ";" and depth == 1:
            if public:
                _rpp_declared(header[line_start:i], cls, names)
            line_start = i + 1
        elif c == ":" and depth == 1:
            label = header[line_start:i].strip().split("\n")[-1].strip()
            if label in ("public", "private", "protected"):
                public = label == "public"
                line_start = i + 1
        i += 1
    return names


def _rpp_declared(text: str, cls: str, names: set[str]) -> None:
    text = re.sub(r"//[^\n]*", "", text)
    found = re.search(r"(?:^|[\s&*>])(\w+)\s*\(", text)
    if found and found.group(1) not in (cls, "operator", "template", "if", "return"):
        names.add(found.group(1))


def _rpp_command_functions(source: Source) -> dict[str, str]:
    """cmd::name -> the body of the function (command.h, command.cpp), and of
    the detail:: helpers they call (detail::set_bitop adds "BITOP")."""
    bodies: dict[str, str] = {}
    for name in ("command.h", "command.cpp"):
        text = source.read(RPP_DIR + name)
        for found in re.finditer(r"\bvoid\s+(\w+)\s*\(", text):
            body = body_after(text, found.end())
            if body:
                bodies.setdefault(found.group(1), "")
                bodies[found.group(1)] += body
    return bodies


def _rpp_command_word(name: str, bodies: dict[str, str], seen: set[str]) -> str | None:
    """The command a cmd:: function sends: the first words of its first
    string that begins with a command ("DEL %b", args << "CLIENT" << "SETNAME"),
    or of a cmd:: function it calls."""
    body = bodies.get(name, "")
    for literal in CPP_STRING.findall(body):
        words = literal.upper().split()  # "zremrangebyrank %b %lld %lld"
        if words and words[0] in KNOWN_COMMANDS:
            if len(words) > 1 and f"{words[0]} {words[1]}" in KNOWN_SUBCOMMANDS:
                return f"{words[0]} {words[1]}"
            if len(words) == 1:
                after = body[body.find('"' + literal + '"') + len(literal) + 2:]
                sub = re.match(r'\s*<<\s*"([A-Z][A-Z0-9_-]*)"', after)
                if sub and f"{words[0]} {sub.group(1)}" in KNOWN_SUBCOMMANDS:
                    return f"{words[0]} {sub.group(1)}"
            return words[0]
    for helper in re.findall(r"\b(\w+)\s*(?:<[^<>;()]*>)?\s*\(", body):
        if helper in bodies and helper not in seen:
            seen.add(helper)
            if (word := _rpp_command_word(helper, bodies, seen)):
                return word
    return None


def extract_redis_plus_plus(source: Source) -> dict[str, set[str]]:
    bodies = _rpp_command_functions(source)
    files = set(source.files(RPP_DIR.rstrip("/")))
    methods: dict[str, set[str]] = {}
    for stem, cls in RPP_CLASSES.items():
        names = _rpp_public_methods(source.read(RPP_DIR + stem + ".h"), cls)
        texts = [source.read(RPP_DIR + stem + ext) for ext in (".h", ".hpp", ".cpp")
                 if RPP_DIR + stem + ext in files]
        # A method's definitions (inline in the class, or Class::name out of
        # it) hand a cmd:: function to command(); an overload without one
        # calls another (del(il) is del(il.begin(), il.end())).
        sent: dict[str, set[str]] = {}
        for text in texts:
            for found in re.finditer(r"(?:\b" + cls + r"(?:<\w+>)?::|^\s+[\w:<>,&* ]+?[\s&*])(\w+)\s*\(",
                                     text, re.M):
                name = found.group(1)
                if name not in names:
                    continue
                body = body_after(text, found.end())
                for function in re.findall(r"\bcmd::(\w+)", body):
                    word = _rpp_command_word(function, bodies, {function})
                    if word:
                        sent.setdefault(name, set()).add(word)
        for name, commands in sent.items():
            for command in commands:
                add(methods, name, command)
    return methods


# ---------------------------------------------------------------- Redisson

REDISSON_API = "redisson/src/main/java/org/redisson/api/"
REDISSON_IMPL = "redisson/src/main/java/org/redisson/"
# The object interfaces the model follows (its classes' annotations), each
# with the class that implements it.
REDISSON_INTERFACES = {
    "RSet": "RedissonSet", "RSetCache": "RedissonSetCache",
    "RScoredSortedSet": "RedissonScoredSortedSet", "RLexSortedSet": "RedissonLexSortedSet",
    "RQueue": "RedissonQueue", "RDeque": "RedissonDeque",
    "RBlockingQueue": "RedissonBlockingQueue", "RBlockingDeque": "RedissonBlockingDeque",
    "RList": "RedissonList", "RHyperLogLog": "RedissonHyperLogLog", "RBitSet": "RedissonBitSet",
    "RBucket": "RedissonBucket", "RMap": "RedissonMap", "RMapCache": "RedissonMapCache",
    "RLocalCachedMap": "RedissonLocalCachedMap", "RAtomicLong": "RedissonAtomicLong",
    "RAtomicDouble": "RedissonAtomicDouble", "RStream": "RedissonStream",
    "RKeys": "RedissonKeys", "RBuckets": "RedissonBuckets",
    "RScript": "RedissonScript", "RFunction": "RedissonFuction",
}
# A parameter that names another Redis object: a String (or several) whose
# name says so (names, destName, queueName, newName, keys).
REDISSON_NAME_TYPE = re.compile(r"^(?:String(?:\.\.\.|\[\])?|(?:Collection|List|Set)<String>|Map<String,.*>)$")
REDISSON_NAME_PARAM = re.compile(r"(?i)name|dest|queue|key")
# ...unless it names something else (a stream's group or consumer, a key
# pattern, a function library, an iterator).
REDISSON_OTHER_PARAM = re.compile(r"(?i)group|consumer|pattern|library|iterator")
REDISSON_DECLARED = re.compile(
    r"^\s+(?:default\s+)?(?:<[^>]*>\s+)?[\w.]+(?:<.*?>)?(?:\[\])?\s+(\w+)\(([^)]*)\)", re.M)


def _redisson_parameters(text: str) -> list[tuple[str, str]]:
    """(type, name) of each parameter in a Java parameter list."""
    parts, depth, current = [], 0, ""
    for c in text:
        depth += {"<": 1, ">": -1}.get(c, 0)
        if c == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += c
    parts.append(current)
    out = []
    for part in parts:
        part = re.sub(r"@\w+\s*", "", part).strip()
        if not part:
            continue
        kind, _, name = part.rpartition(" ")
        out.append((kind.strip(), name))
    return out


def _redisson_interface(source: Source, name: str, seen: set[str]) -> dict[str, set[str]]:
    """Each method the interface (with its Async twin and its Redisson
    super-interfaces) declares, without the Async suffix, to the parameters
    that name other objects."""
    methods: dict[str, set[str]] = {}
    for each in (name, name + "Async"):
        path = REDISSON_API + each + ".java"
        if each in seen or path not in source.files(REDISSON_API + each + ".java"):
            continue
        seen.add(each)
        text = re.sub(r"/\*.*?\*/|//[^\n]*", "", source.read(path), flags=re.S)
        header = re.search(r"\binterface\s+\w+(?:<[^{]*?>)?\s*(?:extends\s+([^{]*))?\{", text)
        for found in REDISSON_DECLARED.finditer(text):
            method = re.sub(r"Async$", "", found.group(1))
            others = methods.setdefault(method, set())
            for kind, param in _redisson_parameters(found.group(2)):
                if REDISSON_NAME_TYPE.match(kind) and REDISSON_NAME_PARAM.search(param) and \
                        not REDISSON_OTHER_PARAM.search(param):
                    others.add(param)
        if header and header.group(1):
            for parent in re.findall(r"\b(R\w+?)(?:Async)?\b", header.group(1)):
                for method, others in _redisson_interface(source, parent, seen).items():
                    methods.setdefault(method, set()).update(others)
    return methods


def extract_redisson(source: Source) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    text = source.read(REDISSON_IMPL + "client/protocol/RedisCommands.java")
    constants = {}
    for found in re.finditer(r"\b([A-Z][A-Z0-9_]*)\s*=\s*new\s+Redis\w*Command<[^;]*?>\(\s*\"([A-Za-z._]+)\"(?:\s*,\s*\"([A-Za-z-]+)\")?", text):
        command = found.group(2).upper()
        if found.group(3) and f"{command} {found.group(3).upper()}" in KNOWN_SUBCOMMANDS:
            command += " " + found.group(3).upper()
        constants[found.group(1)] = command
    files = set(source.files(REDISSON_IMPL.rstrip("/")))
    methods: dict[str, set[str]] = {}
    others_of: dict[str, set[str]] = {}
    for interface, implementation in REDISSON_INTERFACES.items():
        declared = _redisson_interface(source, interface, set())
        # The implementation and the classes it extends: each method's
        # body, and the commands it and the helpers it calls send.
        bodies: dict[str, str] = {}
        cls = implementation
        while cls and REDISSON_IMPL + cls + ".java" in files:
            text = source.read(REDISSON_IMPL + cls + ".java")
            for found in JAVA_METHOD.finditer(text):
                bodies.setdefault(found.group(1), "")
                bodies[found.group(1)] += body_after(text, found.end())
            parent = re.search(r"\bclass\s+" + cls + r"\b[^{]*?\bextends\s+(\w+)", text)
            cls = parent.group(1) if parent else None
        for method, others in declared.items():
            commands: set[str] = set()
            seen, queue = {method, method + "Async"}, [method + "Async", method]
            while queue:
                body = bodies.get(queue.pop(0), "")
                commands |= {constants[c] for c in re.findall(r"\bRedisCommands\.(\w+)", body)
                             if c in constants}
                for helper in re.findall(r"\b(\w+)\(", body):
                    if helper in bodies and helper not in seen and len(seen) < 12:
                        seen.add(helper)
                        queue.append(helper)
            if not commands and not others:
                continue  # no command of its own: a listener, an iterator, a getter
            name = f"{interface}.{method}"
            methods[name] = set()
            for command in commands:
                add(methods, name, command)
            if others:
                others_of[name] = others
    return methods, others_of


# ---------------------------------------------------------------- Spring Data Redis

SPRING_CORE = "src/main/java/org/springframework/data/redis/core/"
SPRING_CONNECTION = "src/main/java/org/springframework/data/redis/connection/"
# The model's classes: RedisTemplate (RedisOperations) and the operations it
# hands out, each with the class that implements it; RedisConnection (every
# Redis*Commands interface it extends) in callbacks.
SPRING_OPERATIONS = {
    "RedisOperations": "RedisTemplate",
    "ValueOperations": "DefaultValueOperations",
    "SetOperations": "DefaultSetOperations",
    "ZSetOperations": "DefaultZSetOperations",
    "ListOperations": "DefaultListOperations",
    "HyperLogLogOperations": "DefaultHyperLogLogOperations",
    "HashOperations": "DefaultHashOperations",
}
# A Javadoc, its annotations, and the name of the method it documents.
JAVA_DOCUMENTED = re.compile(
    r"/\*\*((?:(?!\*/).)*)\*/\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:default\s+)?[^;{}()=]*?\b(\w+)\(",
    re.S)
SPRING_DOC = re.compile(r"Redis Documentation: ([A-Z][A-Z0-9_]*(?: [A-Z][A-Z0-9_-]*)?)")
JAVA_DECLARED = re.compile(r"^\t(?:@\w+\s+)*(?:default\s+)?(?:<[^>]*>\s+)?[\w.]+(?:<.*?>)?(?:\[\])?\s+(\w+)\(",
                           re.M)


def _spring_documented(text: str) -> dict[str, set[str]]:
    """Each method to the commands its Javadoc names ("Redis Documentation: MGET")."""
    methods: dict[str, set[str]] = {}
    for found in JAVA_DOCUMENTED.finditer(text):
        for command in SPRING_DOC.findall(found.group(1)):
            words = command.split()
            if len(words) > 1 and command not in KNOWN_SUBCOMMANDS:
                command = words[0]
            methods.setdefault(found.group(2), set()).add(command)
    return methods


def extract_spring_data_redis(source: Source) -> dict[str, set[str]]:
    # The connection's methods, from their Javadoc.
    connection: dict[str, set[str]] = {}
    for name in source.files(SPRING_CONNECTION.rstrip("/")):
        if re.fullmatch(re.escape(SPRING_CONNECTION) + r"Redis\w*Commands\.java", name):
            for method, commands in _spring_documented(source.read(name)).items():
                connection.setdefault(method, set()).update(commands)
    methods: dict[str, set[str]] = {}
    for method, commands in connection.items():
        for command in commands:
            add(methods, method, command)
    # An operation sends what the connection methods its implementation
    # calls send (connection.mGet(...), connection.zSetCommands().zAdd(...));
    # its Javadoc is the fallback.
    call = re.compile(r"\bconnection\s*\.\s*(?:\w+Commands\(\)\s*\.\s*)?(\w+)\(")
    for interface, implementation in SPRING_OPERATIONS.items():
        text = source.read(SPRING_CORE + interface + ".java")
        declared = set(JAVA_DECLARED.findall(text))
        documented = _spring_documented(text)
        body_text = source.read(SPRING_CORE + implementation + ".java")
        sent: dict[str, set[str]] = {}
        for found in JAVA_METHOD.finditer(body_text):
            body = body_after(body_text, found.end())
            for called in call.findall(body):
                sent.setdefault(found.group(1), set()).update(connection.get(called, set()))
        for method in sorted(declared):
            for command in sent.get(method) or documented.get(method, set()):
                add(methods, method, command)
    return methods


# ---------------------------------------------------------------- rueidis

# client.B() returns a cmds.Builder; each of its methods starts one command
# (the first step of B().Mget().Key(...).Build()) and appends its words.
RUEIDIS_STEP = re.compile(r"^func \(b Builder\) (\w+)\(", re.M)


def extract_rueidis(source: Source) -> dict[str, set[str]]:
    methods: dict[str, set[str]] = {}
    for name in source.files("internal/cmds/"):
        if not name.endswith(".go") or name.endswith("_test.go"):
            continue
        text = source.read(name)
        for found in RUEIDIS_STEP.finditer(text):
            body = body_after(text, found.end())
            words = re.search(r"append\(c\.cs\.s((?:,\s*\"[^\"]*\")+)\)", body)
            add(methods, found.group(1),
                " ".join(re.findall(r"\"([^\"]*)\"", words.group(1))) if words else None)
    return methods


# ---------------------------------------------------------------- main

CLIENTS = {
    "redis-py": extract_redis_py,
    "ioredis": extract_ioredis,
    "node-redis": extract_node_redis,
    "go-redis": extract_go_redis,
    "jedis": extract_jedis,
    "lettuce": extract_lettuce,
    "redis-plus-plus": extract_redis_plus_plus,
    "rueidis": extract_rueidis,
    "spring-data-redis": extract_spring_data_redis,
    "redisson": extract_redisson,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("client", choices=sorted(CLIENTS))
    parser.add_argument("source", help="the client's checkout, or its git directory with --ref")
    parser.add_argument("--ref", help="tag or commit to read from a git directory")
    parser.add_argument("--version", required=True, help="the client version the source is")
    parser.add_argument("--model-version", required=True,
                        help="the newest version the model claims (its latest_known)")
    parser.add_argument("--repository", required=True, help="where the source comes from")
    parser.add_argument("--commands-json", help="ioredis: @ioredis/commands' commands.json")
    parser.add_argument("--commands-version", help="ioredis: that @ioredis/commands version")
    parser.add_argument("--command-table", action="append", default=[],
                        help="a folder of the command table's JSON specs (repeat for several)")
    parser.add_argument("--note", help="anything a reader should know about the source")
    args = parser.parse_args()

    for folder in args.command_table:
        load_command_table(folder)
    if not KNOWN_COMMANDS:
        parser.error("give the command table with --command-table (one or more folders)")
    source = Source(args.source, args.ref)
    if args.client == "ioredis":
        if not args.commands_json or not args.commands_version:
            parser.error("ioredis needs --commands-json and --commands-version")
        methods = extract_ioredis(source, args.commands_json)
    else:
        methods = CLIENTS[args.client](source)
    names_other_objects: dict[str, set[str]] = {}
    if isinstance(methods, tuple):
        methods, names_other_objects = methods

    regenerate = ["python3", "scripts/models/extract_methods.py", args.client, "CHECKOUT"]
    if args.ref:
        regenerate += ["--ref", args.ref]
    regenerate += ["--version", args.version, "--model-version", args.model_version,
                   "--repository", args.repository,
                   "--command-table", "third_party/redis-commands",
                   "--command-table", "analyzer/commands/newer"]
    if args.commands_json:
        regenerate += ["--commands-json", "COMMANDS_JSON", "--commands-version",
                       args.commands_version]
    if args.note:
        regenerate += ["--note", args.note]
    out = {
        "client": args.client,
        "model_version": args.model_version,
        "version": args.version,
        "repository": args.repository,
        "ref": args.ref,
        "commit": source.commit(),
    }
    if args.commands_json:
        out["commands_package"] = f"@ioredis/commands {args.commands_version}"
    if args.note:
        out["note"] = args.note
    out["regenerate"] = shlex.join(regenerate)
    # One method a line, so that a new version's list diffs readably.
    header = json.dumps(out, indent=1, ensure_ascii=False)[:-2]
    lines = [f" {json.dumps(name)}: {json.dumps(sorted(commands))}"
             for name, commands in sorted(methods.items())]
    others = ""
    if names_other_objects:
        # Redisson: the parameters of a method that name other objects.
        others = ',\n "names_other_objects": {\n' + ",\n".join(
            f"  {json.dumps(name)}: {json.dumps(sorted(params))}"
            for name, params in sorted(names_other_objects.items())) + "\n }"
    sys.stdout.write(header + ',\n "methods": {\n' + ",\n".join(" " + line for line in lines) +
                     "\n }" + others + "\n}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
