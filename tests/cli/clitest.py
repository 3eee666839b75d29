"""Shared helpers for the tests that drive herbeoordeling-cli."""
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CLI = os.environ.get("HRB_CLI") or os.path.join(
    os.environ.get("HRB_BUILD_ROOT", "build"), "src", "cli", "herbeoordeling-cli")
FIXTURES = os.environ.get("HRB_FIXTURES", "../shared/fixtures")
TEST_DATA = os.environ.get("HRB_TEST_DATA", "tests/data")

_failures = []


def run(db, *args, check=None, env=None):
    """Runs the CLI on database db; returns (exit code, stdout, stderr)."""
    cmd = [CLI] + (["--db", db] if db else []) + [str(a) for a in args]
    full_env = dict(os.environ, HERBEOORDELING_AUTHOR="CLI Test")
    if env:
        full_env.update(env)
    p = subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=600)
    if check is not None and p.returncode != check:
        raise AssertionError(f"{' '.join(cmd)} exited {p.returncode}, expected {check}\n"
                             f"stdout: {p.stdout[-2000:]}\nstderr: {p.stderr[-2000:]}")
    return p.returncode, p.stdout, p.stderr


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def tmpdir():
    d = tempfile.mkdtemp(prefix="hrb-cli-test-")
    return d


def demo_db(d):
    db = os.path.join(d, "demo.db")
    run(db, "init", "--demo", check=0)
    return db


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def main(tests):
    """Runs the test functions; prints a TAP-like summary; exit 1 on failure."""
    failed = 0
    for t in tests:
        d = tmpdir()
        try:
            t(d)
            print(f"ok - {t.__name__}")
        except Exception as e:  # noqa: BLE001 - report every failure
            failed += 1
            print(f"not ok - {t.__name__}: {e}")
        finally:
            shutil.rmtree(d, ignore_errors=True)
    print(f"{len(tests) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
