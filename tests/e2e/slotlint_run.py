"""Shared helpers for the end-to-end tests: where the binary and the source
tree are (from the environment CTest sets), and running slotlint."""
import functools
import os
import resource
import shutil
import subprocess
import tempfile

SLOTLINT = os.environ.get("SLOTLINT_BIN", "")
SOURCE_DIR = os.environ.get("SLOTLINT_SOURCE_DIR", "")
SANITIZED = os.environ.get("SLOTLINT_SANITIZED") == "1"
# The C/C++ component (slotlint-cpp); empty in a build without it
# (-DSLOTLINT_CPP=OFF), where C and C++ files get `cpp-component-missing`.
CPP_COMPONENT = os.environ.get("SLOTLINT_CPP_BIN", "")
C_FAMILY_EXTENSIONS = (".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx")


def require_environment(test_case):
    if not (SLOTLINT and os.path.exists(SLOTLINT) and SOURCE_DIR):
        test_case.fail("run through ctest: SLOTLINT_BIN and SLOTLINT_SOURCE_DIR are not set")


def memory_cap(limit):
    """subprocess.run arguments that make slotlint fail rather than grow past
    `limit` bytes until the machine swaps: a cap on its address space or, in a
    sanitizer build, which reserves terabytes of it up front, on each
    allocation."""
    if SANITIZED:
        options = os.environ.get("ASAN_OPTIONS", "")
        cap = f"max_allocation_size_mb={limit >> 20}"
        return {"env": {**os.environ, "ASAN_OPTIONS": f"{options}:{cap}" if options else cap}}
    return {"preexec_fn": lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))}


def run(*args, cwd=None, input=None, check_codes=(0, 1), timeout=600, memory=None, prefix=(),
        env=None):
    """Runs slotlint (after the command `prefix`, if any); fails unless the
    exit code is one of check_codes. With `memory`, slotlint may use at most
    that many bytes (memory_cap); `env` replaces the environment."""
    extra = memory_cap(memory) if memory else {}
    if env is not None:
        extra["env"] = {**env, **{k: v for k, v in extra.get("env", {}).items() if k == "ASAN_OPTIONS"}}
    result = subprocess.run(
        [*prefix, SLOTLINT, *args], cwd=cwd or SOURCE_DIR, input=input, capture_output=True,
        timeout=timeout, **extra
    )
    if check_codes is not None and result.returncode not in check_codes:
        raise AssertionError(
            f"slotlint {' '.join(args)} exited {result.returncode}\n"
            f"stdout: {result.stdout.decode(errors='replace')[:4000]}\n"
            f"stderr: {result.stderr.decode(errors='replace')[:4000]}"
        )
    return result


# Root reads a folder whatever its permission bits say (CAP_DAC_OVERRIDE,
# CAP_DAC_READ_SEARCH); without them, root is bound by them like its owner.
_DROP_READ_CAPABILITIES = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search",
                           "--inh-caps", "-all"]


@functools.lru_cache(maxsize=None)
def permission_wrapper():
    """(prefix, why): the command prefix under which a folder with mode 000 is
    unreadable to slotlint, as it is to any normal user. For root: setpriv
    dropping the capabilities that bypass permission bits. prefix is None
    when that cannot be done here; `why` then says why (for a skip)."""
    if os.geteuid() != 0:
        return (), ""
    if shutil.which("setpriv") is None:
        return None, "running as root and setpriv (util-linux) is missing"
    base = tempfile.mkdtemp(prefix="slotlint-permissions-")
    locked = os.path.join(base, "locked")
    os.mkdir(locked, 0)
    try:
        probe = subprocess.run([*_DROP_READ_CAPABILITIES, "ls", locked], capture_output=True)
    finally:
        os.chmod(locked, 0o755)
        shutil.rmtree(base)
    if probe.returncode == 0:
        return None, "running as root and setpriv could not drop CAP_DAC_READ_SEARCH here"
    if b"Permission denied" not in probe.stderr:
        return None, "running as root and setpriv failed: " + probe.stderr.decode(errors="replace")[:200]
    return tuple(_DROP_READ_CAPABILITIES), ""


def write_tree(base, files):
    """Writes `files` (relative path -> text) under `base`."""
    for path, text in files.items():
        full = os.path.join(base, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)


def full_message(finding):
    """A JSON finding's whole text: its short message and the notes after it."""
    return " ".join([finding["message"], *finding.get("notes", [])])
