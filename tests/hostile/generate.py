"""Writes slotlint's hostile input corpus into a folder: what a repository may
hold that is not ordinary source (huge, deep, binary, mis-encoded, special
files; C and C++ units that include special files, flood Clang with errors or
include a header millions of times), one file or folder per case, plus
control files whose findings must not change because of the others. Large cases are generated, not stored.

    python3 tests/hostile/generate.py OUT_DIR

cases() gives each case with the notification id expected for it (None:
analysed without a notification; a tuple: each of those), and RUN_NOTICES the notifications about
the whole run (counts, no path), for tests/e2e/test_hostile_inputs.py. Every
limit is counted in work (bytes, nesting, parse operations), never in time, so
each case has one answer on any machine."""
import os
import sys

MEBIBYTE = 1 << 20
BOMB_LEVELS = 30

# Control files: one known finding each.
CONTROLS = {
    "control/app.py": "import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\n",
    "control/app.js": "const Redis = require('ioredis');\nconst r = new Redis();\nr.mget('foo', 'bar');\n",
    "control/App.java": "import redis.clients.jedis.JedisCluster;\nclass App {\n  void f(JedisCluster c) { c.del(\"foo\", \"bar\"); }\n}\n",
}

# Files of languages slotlint does not read (one each), and the stand-alone
# script: SL004 on its line 2 without any call site.
UNREAD = ("worker.rb", "Cache.kt", "Tasks.groovy", "lib.rs", "index.php", "Cache.cs", "worker.ex")
STANDALONE_LUA = b"redis.call('SET', KEYS[1], ARGV[1])\nredis.call('INCR', 'stats:writes')\n"

# Notifications about the whole run: id -> the messages, in order.
RUN_NOTICES = {
    "files-skipped": ["skipped on purpose: 2 folders (node_modules: 1, hidden: 1)"],
    "unsupported-language": [f"1 {language} file not analysed: slotlint does not read {language} yet"
                             for language in ("C#", "Elixir", "Groovy", "Kotlin", "PHP", "Ruby", "Rust")],
    "script-not-linked": ["1 Lua script not linked to any call site"],
    "configuration-not-read": ["1 Spring Boot configuration file (application.properties, application.yml) "
                               "not read: no pom.xml or Gradle build above it names Spring Data Redis"],
}

SPRING_POM = (b"<project><dependencies><dependency><groupId>org.springframework.boot</groupId>"
              b"<artifactId>spring-boot-starter-data-redis</artifactId></dependency></dependencies></project>\n")


def yaml_blocks(levels):
    """`levels` nested mappings, each indented one more space."""
    return b"".join(b" " * i + b"k%d:\n" % i for i in range(levels)) + b" " * levels + b"database: 3\n"


def python_ifs(levels):
    """A Redis call inside `levels` nested ifs."""
    lines = [b"import redis", b"r = redis.Redis()"]
    lines += [b"    " * i + b"if x:" for i in range(levels)]
    return b"\n".join(lines + [b"    " * levels + b"r.mget('foo', 'bar')", b""])


def go_blocks(levels):
    """A Redis call inside `levels` nested blocks."""
    return (b"package p\nimport \"github.com/redis/go-redis/v9\"\nfunc f(r *redis.Client) {\n" + b"{" * levels +
            b"r.MGet(ctx, \"foo\", \"bar\")\n" + b"}" * levels + b"\n}\n")


def cases():
    """(relative path, bytes or None for special files, expected notification id)."""
    yield from ((f"empty/empty{ext}", b"", None) for ext in (".py", ".js", ".ts", ".go", ".java", ".cpp", ".lua"))
    minified = b"const Redis=require('ioredis');const r=new Redis();" + b"r.get('k');" * (20 * MEBIBYTE // 11)
    yield "large/minified.js", minified, "file-too-large"
    # Nesting is measured before parsing: over 1,000 brackets, or 200
    # indentation levels in Python (whose tree-sitter scanner overran its
    # state at about 510: SIGBUS), a file is refused, saying so.
    levels = 100_000
    yield "deep/parens.py", b"import redis\nr = redis.Redis()\nx = " + b"(" * levels + b"1" + b")" * levels + \
        b"\nr.mget('foo', 'bar')\n", "nesting-too-deep"
    yield "deep/arrays.js", b"const Redis = require('ioredis');\nconst r = new Redis();\nconst x = " + \
        b"[" * levels + b"]" * levels + b";\nr.mget('foo', 'bar');\n", "nesting-too-deep"
    yield "deep/calls.go", b"package p\nimport \"github.com/redis/go-redis/v9\"\nvar x = " + b"f(" * levels + \
        b"1" + b")" * levels + b"\nvar _ = redis.NewClient\n", "nesting-too-deep"
    yield "deep/Nested.java", b"import redis.clients.jedis.Jedis;\nclass Nested {\n  int x = " + b"(" * levels + \
        b"1" + b")" * levels + b";\n}\n", "nesting-too-deep"
    yield "deep/blocks.go", go_blocks(10_000), "nesting-too-deep"
    yield "deep/indented.py", python_ifs(600), "nesting-too-deep"
    # At the limits: analysed.
    yield "deep/indented_200.py", python_ifs(200), None
    yield "deep/arrays_1000.js", b"const Redis = require('ioredis');\nconst r = new Redis();\nconst x = " + \
        b"[" * 1000 + b"]" * 1000 + b";\nr.mget('foo', 'bar');\n", None
    # A million concatenations: parsed within the operation budget (about 2.3
    # operations a byte), on any machine.
    concat = b"import redis\nr = redis.Redis()\nk = " + b" + ".join([b"'a'"] * 1_000_000) + b"\nr.mget(k, 'b')\n"
    yield "large/concat.py", concat, None
    for ext in (".py", ".js", ".go", ".java", ".cpp"):
        yield f"binary/blob{ext}", bytes(range(256)) * 64, "binary-file"
    yield "encoding/latin1.py", "import redis\nr.mget('caf\xe9', 'x')\n".encode("latin-1"), "invalid-utf8"
    yield "encoding/utf16.js", "const Redis = require('ioredis');\n".encode("utf-16"), "unsupported-encoding"
    yield "lines/crlf.py", b"import redis\r\nr = redis.Redis()\r\nr.mget('foo', 'bar')\r\n", None
    yield "lines/lone_cr.js", b"const Redis = require('ioredis');\rconst r = new Redis();\rr.mget('foo', 'bar');\r", None
    yield from key_bombs()
    # Dependency specs of 50,000 clauses and alternatives: read in n log n
    # (version_set.h), not n², and the file beside them analysed as usual.
    yield "manifests/requirements.txt", b"redis>=1," + b",".join(b"!=%d.0" % i for i in range(2, 50_000)) + b"\n", None
    yield "manifests/package.json", ('{"dependencies": {"redis": "' + " || ".join(f"~{i}.1.0" for i in range(50_000)) +
                                     '"}}').encode(), None
    yield "manifests/app.py", b"import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\n", None
    yield "special/pipe.py", None, "file-unreadable"          # a FIFO
    yield "special/dir.py/inner.py", b"x = 1\n", None         # a folder named like a file
    yield "special/loop.py", None, "file-unreadable"          # a symlink to itself
    yield "special/sub/up", None, "symlink-not-followed"      # a symlink to its parent folder: a loop
    yield "special/ring/a", None, "symlink-not-followed"      # a -> b -> a: never resolves
    yield "special/ring/b", None, "symlink-not-followed"
    # Folders the walk cannot or will not enter. The locked folder stops
    # only a user that permission bits bind (root needs its capabilities
    # dropped, see slotlint_run.permission_wrapper).
    yield "unreadable/locked", None, "directory-unreadable"   # chmod 000, holding app.py
    yield "links/lib/util.py", b"import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\n", None
    yield "links/app/lib", None, None                         # -> ../lib: inside, followed
    yield "links/app/outside", None, "symlink-not-followed"   # -> ../../..: outside the project
    # Skipped on purpose: counted in one line (RUN_NOTICES), no notice each.
    yield "skipped/node_modules/ioredis/index.js", b"const Redis = require('ioredis');\n", None
    yield "skipped/.cache/app.py", b"import redis\n", None
    # Languages slotlint does not read: counted per language, no notice each.
    for name in UNREAD:
        yield f"unsupported/{name}", b"# calls Redis\n", None
    yield "lua/standalone.lua", STANDALONE_LUA, None          # analysed; no call runs it
    # Spring Boot's configuration files, read in a project that uses Spring
    # Data Redis (spring/pom.xml): each limit or refusal is a notice.
    yield "spring/pom.xml", SPRING_POM, None
    yield "spring/huge/application.properties", b"spring.data.redis.database=0\n" * (10 * MEBIBYTE // 29), \
        "file-too-large"
    yield "spring/deep/application.yml", b"spring: " + b"[" * levels + b"]" * levels + b"\n", \
        "configuration-unreadable"
    yield "spring/deep/application-blocks.yml", yaml_blocks(1000), "configuration-unreadable"
    yield "spring/deep/application-64.yml", yaml_blocks(63), None  # at the limit: read
    yield "spring/invalid/application.yaml", b"spring:\n  data:\n    redis: [\n", "configuration-unreadable"
    yield "spring/encoding/application.properties", "spring.data.redis.host=caf\xe9\n".encode("latin-1"), \
        "invalid-utf8"
    yield "spring/binary/application.properties", bytes(range(256)) * 64, "binary-file"
    yield "spring/outside/application.properties", None, "symlink-not-followed"  # -> /etc/passwd
    # A source file the walk meets through a link out of the project.
    yield "outside_link/stolen.py", None, "symlink-not-followed"  # -> /etc/passwd
    # A project without Spring Data Redis: its configuration is counted
    # (RUN_NOTICES), never read, however hostile.
    yield "unused/application.yml", b"[" * levels, None
    # C and C++: what Clang must never open, and units that would cost it
    # minutes (each .cpp mentions hiredis so that it is parsed).
    yield "cpp/fifo.inc", None, None                          # a FIFO (not a source file)
    yield "cpp/include_fifo.cpp", b'// hiredis\n#include "fifo.inc"\n', ("include-refused", "parse-error")
    yield "cpp/include_stdin.cpp", b'// hiredis\n#include "/dev/stdin"\n', ("include-refused", "parse-error")
    yield "cpp/include_environ.cpp", b'// hiredis\n#include "/proc/self/environ"\n', ("include-refused", "parse-error")
    # Two errors a line, the second costing more with every line before it.
    yield "cpp/errors.cpp", b"// hiredis\nvoid f() {\n" + b"  int x = ;\n" * 100_000 + b"}\n", "parse-stopped"
    # An include bomb: 2^30 entries of 31 tiny headers.
    for level in range(BOMB_LEVELS):
        yield f"cpp/bomb/h{level}.inc", f'#include "h{level + 1}.inc"\n'.encode() * 2, None
    yield f"cpp/bomb/h{BOMB_LEVELS}.inc", b"// the end\n", None
    yield "cpp/include_bomb.cpp", b'// hiredis\n#include "bomb/h0.inc"\n', "parse-stopped"
    # 4 MiB of comments included 20 times: 80 MiB to lex.
    yield "cpp/big.inc", (b"// " + b"x" * 60 + b"\n") * (4 * MEBIBYTE // 64), None
    yield "cpp/include_big.cpp", b'// hiredis\n' + b'#include "big.inc"\n' * 20, "parse-stopped"


# Keys that would be gigabytes: format widths and repetition counts of a
# billion, and chains that double a 60 KB constant twelve times (245 MB).
# A key keeps at most 64 KiB of literal bytes; a line marked `budget` must
# report a key cut there by a hole that says so, one marked `hole` a key
# that is a hole because the construct is not evaluated.
KEY_BUDGET_NOTE = "longer than the 65536-byte key budget"
DOUBLINGS = 12


def doubling(declare, first=0):
    """The chain's lines: `declare(name, expression)` for a0 = "x" * 60000 and
    each a<i> = a<i-1> + a<i-1>."""
    lines = [declare("a0", '"' + "x" * 60_000 + '"')]
    lines += [declare(f"a{i}", f"a{i - 1} + a{i - 1}") for i in range(1, DOUBLINGS + 1)]
    return "\n".join(lines) + "\n"


def key_bombs():
    last = f"a{DOUBLINGS}"
    yield "keys/width.py", ("import redis\nr = redis.Redis()\n"
                            'r.mget("%999999999d" % 1, "b")  # budget\n'
                            'r.mget("{:>999999999}".format(1), "b")  # budget\n'
                            'r.mget("{:0999999999}".format(7), "b")  # budget\n'
                            'r.mget("x" * 999999999, "b")  # hole\n').encode(), None
    yield "keys/width.js", ("const Redis = require('ioredis');\nconst r = new Redis();\n"
                            "r.mget('x'.repeat(999999999), 'b'); // hole\n"
                            "r.mget('1'.padStart(999999999, '0'), 'b'); // hole\n"
                            + doubling(lambda name, value: f"const {name} = {value};")
                            + f"r.mget({last}, 'b'); // budget\n").encode(), None
    yield "keys/width.go", ('package keys\n\nimport (\n\t"context"\n\t"fmt"\n\t"strings"\n\n'
                            '\t"github.com/redis/go-redis/v9"\n)\n\n'
                            + doubling(lambda name, value: f"const {name} = {value}")
                            + "\nfunc f(ctx context.Context, rdb *redis.Client) {\n"
                            '\tfmt.Println(rdb.MGet(ctx, fmt.Sprintf("%999999999d", 1), "b").Err()) // budget\n'
                            '\tfmt.Println(rdb.MGet(ctx, strings.Repeat("x", 999999999), "b").Err()) // hole\n'
                            f'\tfmt.Println(rdb.MGet(ctx, {last}, "b").Err()) // budget\n}}\n').encode(), None
    yield "keys/Width.java", ("import redis.clients.jedis.Jedis;\n\nclass Width {\n"
                              + doubling(lambda name, value: f"  static final String {name} = {value};")
                              + "  void f(Jedis jedis) {\n"
                              '    jedis.mget(String.format("%999999999d", 1), "b"); // hole\n'
                              '    jedis.mget("x".repeat(999999999), "b"); // hole\n'
                              f'    jedis.mget({last}, "b"); // budget\n  }}\n}}\n').encode(), None
    # C through Clang, with a stub of hiredis's header (parsed with default
    # flags: the note that says so is not a notification these cases check).
    yield "keys/include/hiredis/hiredis.h", (b"typedef struct redisContext redisContext;\n"
                                             b"void *redisCommand(redisContext *c, const char *format, ...);\n"
                                             b"int snprintf(char *s, unsigned long n, const char *format, ...);\n"), \
        None
    yield "keys/width.c", (b"#include <hiredis/hiredis.h>\n\nvoid f(redisContext *c) {\n  char key[64];\n"
                           b'  snprintf(key, sizeof key, "%999999999d", 1);\n'
                           b'  redisCommand(c, "MGET %s b", key); // budget\n'
                           b'  redisCommand(c, "MGET %999999999d b", 1); // budget\n}\n'), None


def write(out):
    for path, text in CONTROLS.items():
        os.makedirs(os.path.dirname(os.path.join(out, path)), exist_ok=True)
        with open(os.path.join(out, path), "w") as f:
            f.write(text)
    for path, data, _ in cases():
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if path.endswith(("pipe.py", "fifo.inc")):
            os.mkfifo(full)
        elif path.endswith("loop.py"):
            os.symlink("loop.py", full)
        elif path.endswith("sub/up"):
            os.symlink("..", full)
        elif path.endswith("ring/a") or path.endswith("ring/b"):
            os.symlink("b" if path.endswith("a") else "a", full)
        elif path.endswith("links/app/lib"):
            os.symlink("../lib", full)
        elif path.endswith("spring/outside/application.properties") or path.endswith(
                "outside_link/stolen.py"):
            os.symlink("/etc/passwd", full)
        elif path.endswith("links/app/outside"):
            os.symlink("../../..", full)
        elif path.endswith("unreadable/locked"):
            os.makedirs(full)
            with open(os.path.join(full, "app.py"), "w") as f:
                f.write("import redis\nr = redis.Redis()\nr.mget('foo', 'bar')\n")
            os.chmod(full, 0)
        else:
            with open(full, "wb") as f:
                f.write(data)


def unlock(out):
    """Gives the locked folder its permissions back, so the corpus can be removed."""
    locked = os.path.join(out, "unreadable", "locked")
    if os.path.isdir(locked):
        os.chmod(locked, 0o755)


if __name__ == "__main__":
    write(sys.argv[1])
