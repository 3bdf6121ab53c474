"""Shared helpers for the end-to-end tests: where the binary and the source
tree are (from the environment CTest sets), and running slotlint."""
import os
import subprocess

SLOTLINT = os.environ.get("SLOTLINT_BIN", "")
SOURCE_DIR = os.environ.get("SLOTLINT_SOURCE_DIR", "")
SHARED_DIR = os.environ.get("SLOTLINT_SHARED_DIR", "")


def require_environment(test_case):
    if not (SLOTLINT and os.path.exists(SLOTLINT) and SOURCE_DIR):
        test_case.fail("run through ctest: SLOTLINT_BIN and SLOTLINT_SOURCE_DIR are not set")


def run(*args, cwd=None, input=None, check_codes=(0, 1), timeout=600):
    """Runs slotlint; fails unless the exit code is one of check_codes."""
    result = subprocess.run(
        [SLOTLINT, *args], cwd=cwd or SOURCE_DIR, input=input, capture_output=True, timeout=timeout
    )
    if check_codes is not None and result.returncode not in check_codes:
        raise AssertionError(
            f"slotlint {' '.join(args)} exited {result.returncode}\n"
            f"stdout: {result.stdout.decode(errors='replace')[:4000]}\n"
            f"stderr: {result.stderr.decode(errors='replace')[:4000]}"
        )
    return result
