"""Shared helpers for the end-to-end tests: where the binary and the source
tree are (from the environment CTest sets), and running slotlint."""
import os
import resource
import subprocess

SLOTLINT = os.environ.get("SLOTLINT_BIN", "")
SOURCE_DIR = os.environ.get("SLOTLINT_SOURCE_DIR", "")
SHARED_DIR = os.environ.get("SLOTLINT_SHARED_DIR", "")
SANITIZED = os.environ.get("SLOTLINT_SANITIZED") == "1"


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


def run(*args, cwd=None, input=None, check_codes=(0, 1), timeout=600, memory=None):
    """Runs slotlint; fails unless the exit code is one of check_codes. With
    `memory`, slotlint may use at most that many bytes (memory_cap)."""
    result = subprocess.run(
        [SLOTLINT, *args], cwd=cwd or SOURCE_DIR, input=input, capture_output=True, timeout=timeout,
        **(memory_cap(memory) if memory else {})
    )
    if check_codes is not None and result.returncode not in check_codes:
        raise AssertionError(
            f"slotlint {' '.join(args)} exited {result.returncode}\n"
            f"stdout: {result.stdout.decode(errors='replace')[:4000]}\n"
            f"stderr: {result.stderr.decode(errors='replace')[:4000]}"
        )
    return result
