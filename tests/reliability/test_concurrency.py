"""Two writers on one database: every write lands; a busy database waits,
then says clearly that it is in use."""
import os
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli"))
from clitest import CLI, expect, main, rows, run  # noqa: E402

N_PER_WRITER = 60


def writer(db, tag, results):
    failures = []
    for i in range(N_PER_WRITER):
        p = subprocess.run([CLI, "--db", db, "add-item", "--inn", f"stof-{tag}-{i}",
                            "--indication", f"indicatie {i}", "--status", "admitted",
                            "--patients", str(10 + i), "--cost", "12000"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            failures.append(p.stderr.strip())
    results[tag] = failures


def test_two_writers_lose_nothing(d):
    db = os.path.join(d, "shared.db")
    run(db, "init", check=0)
    results = {}
    threads = [threading.Thread(target=writer, args=(db, t, results)) for t in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expect(results["a"] == [] and results["b"] == [], f"failed writes: {results}")
    items = rows(run(db, "list", check=0)[1])
    expect(len(items) == 2 * N_PER_WRITER, f"{len(items)} items, expected {2 * N_PER_WRITER}")
    names = {r["inn"] for r in items}
    for tag in ("a", "b"):
        for i in range(N_PER_WRITER):
            expect(f"stof-{tag}-{i}" in names, f"stof-{tag}-{i} was lost")
    code, out, err = run(db, "check", check=0)
    expect("integrity: ok" in out, out)


def hold_lock(db, seconds, ready):
    con = sqlite3.connect(db, isolation_level=None, timeout=30)
    con.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    con.execute("ROLLBACK")
    con.close()


def test_busy_database_waits(d):
    db = os.path.join(d, "busy.db")
    run(db, "init", check=0)
    ready = threading.Event()
    t = threading.Thread(target=hold_lock, args=(db, 1.0, ready))
    t.start()
    ready.wait()
    code, out, err = run(db, "add-item", "--inn", "wachtend", "--status", "admitted")
    t.join()
    expect(code == 0, f"a short lock is waited for, not an error: {err}")
    expect(any(r["inn"] == "wachtend" for r in rows(run(db, "list", check=0)[1])), "write landed")


def test_long_lock_gives_clear_message(d):
    db = os.path.join(d, "locked.db")
    run(db, "init", check=0)
    ready = threading.Event()
    t = threading.Thread(target=hold_lock, args=(db, 8.0, ready))
    t.start()
    ready.wait()
    start = time.monotonic()
    code, out, err = run(db, "add-item", "--inn", "te-laat", "--status", "admitted")
    waited = time.monotonic() - start
    t.join()
    expect(code == 1, f"exit {code}")
    expect("in use by another program" in err and len(err.strip().splitlines()) == 1, err)
    expect(waited >= 2.0, f"gave up after {waited:.1f} s: it must wait before failing")
    expect(not any(r["inn"] == "te-laat" for r in rows(run(db, "list", check=0)[1])), "nothing half-written")


if __name__ == "__main__":
    main([test_two_writers_lose_nothing, test_busy_database_waits, test_long_lock_gives_clear_message])
