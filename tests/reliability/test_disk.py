"""Failing disks: a file size limit (as a full disk looks to the program),
and a database folder that disappears. A clear message, nothing corrupted."""
import os
import resource
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli"))
from clitest import CLI, expect, main, rows, run  # noqa: E402
from test_crash import horizonscan_file, table_dump  # noqa: E402


def run_limited(args, max_bytes):
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    return subprocess.run([CLI] + args, capture_output=True, text=True, preexec_fn=limit)


TABLES = ("medicine", "item", "figure", "import_batch", "audit")


def test_full_disk_during_import(d):
    db = os.path.join(d, "full.db")
    run(db, "init", "--demo", check=0)
    run(db, "check", check=0)
    src = os.path.join(d, "big.csv")
    horizonscan_file(src, 5000)
    before = table_dump(db, TABLES)
    size = os.path.getsize(db) + os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else os.path.getsize(db)
    p = run_limited(["--db", db, "import", "--source", "horizonscan", src], size + 64 * 1024)
    expect(p.returncode == 1, f"exit {p.returncode}: {p.stderr}")
    msg = p.stderr.strip()
    expect(len(msg.splitlines()) == 1 and ("disk is full" in msg or "cannot be read or written" in msg),
           f"a clear message: {msg!r}")
    expect(table_dump(db, TABLES) == before, "the database changed")
    code, out, err = run(db, "check")
    expect(code == 0, out + err)


def test_full_disk_during_export(d):
    db = os.path.join(d, "demo.db")
    run(db, "init", "--demo", check=0)
    out = os.path.join(d, "werkmap.xlsx")
    run(db, "export", out, check=0)
    previous = open(out, "rb").read()
    # Room for SQLite's 32 KiB shared-memory file, not for the workbook (≈ 40 KB).
    p = run_limited(["--db", db, "export", out], 36000)
    expect(p.returncode == 1, f"exit {p.returncode}: {p.stderr}")
    expect(len(p.stderr.strip().splitlines()) == 1 and out in p.stderr, p.stderr)
    expect(open(out, "rb").read() == previous, "the previous workbook was damaged")
    leftovers = [f for f in os.listdir(d) if f not in ("demo.db", "demo.db-wal", "demo.db-shm", "werkmap.xlsx", "backups")]
    expect(not leftovers, f"temporary files left behind: {leftovers}")


def test_database_folder_disappears(d):
    folder = os.path.join(d, "share")
    os.mkdir(folder)
    db = os.path.join(folder, "team.db")
    run(db, "init", "--demo", check=0)
    shutil.rmtree(folder)
    code, out, err = run(db, "list")
    expect(code == 1 and "no such database" in err and len(err.strip().splitlines()) == 1, err)
    expect(not os.path.exists(folder), "nothing is recreated silently")


def as_reader(args):
    """Runs the CLI as a user who may read the database but not write it:
    as root (CI), another user through setpriv; otherwise the file is made
    read-only for its owner."""
    if os.geteuid() == 0:
        return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", CLI] + args,
                              capture_output=True, text=True)
    return subprocess.run([CLI] + args, capture_output=True, text=True)


def test_read_only_database(d):
    os.chmod(d, 0o755)
    db = os.path.join(d, "gedeeld.db")
    run(db, "init", "--demo", check=0)
    run(db, "check", check=0)
    os.chmod(db, 0o644 if os.geteuid() == 0 else 0o444)
    before = table_dump(db, TABLES)
    p = as_reader(["--db", db, "list"])
    expect(p.returncode == 0 and len(rows(p.stdout)) >= 60, f"a read-only database can be read: {p.stderr}")
    p = as_reader(["--db", db, "add-item", "--inn", "schrijfpoging", "--status", "admitted"])
    expect(p.returncode == 1, f"exit {p.returncode}")
    msg = p.stderr.strip()
    expect(len(msg.splitlines()) == 1 and "read-only" in msg and db in msg, f"a clear message: {msg!r}")
    expect(table_dump(db, TABLES) == before, "the database changed")


if __name__ == "__main__":
    main([test_full_disk_during_import, test_full_disk_during_export, test_database_folder_disappears,
          test_read_only_database])
