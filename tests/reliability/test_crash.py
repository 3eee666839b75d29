"""Crash safety: herbeoordeling-cli is killed with SIGKILL at random moments
during a migration, an import, an export and a freeze (20 runs each).
Afterwards `check` passes and the data equal the state before or the state
after the operation, never a mix."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli"))
from clitest import CLI, expect, main, rows, run  # noqa: E402

RUNS = int(os.environ.get("HRB_CRASH_RUNS", "20"))
ROOT = os.environ.get("HRB_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
rng = random.Random(20261123)
stats = {}


def duration(args):
    """How long an uninterrupted run takes (to aim the kills inside it)."""
    t0 = time.monotonic()
    subprocess.run([CLI] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t0


def kill_at_random(args, max_delay):
    """Starts the CLI, kills it after a random delay; returns True when the
    kill happened before the process finished."""
    p = subprocess.Popen([CLI] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=dict(os.environ, HERBEOORDELING_AUTHOR="Crash Test"))
    time.sleep(rng.uniform(0, max_delay))
    killed = p.poll() is None
    if killed:
        p.send_signal(signal.SIGKILL)
    p.wait()
    return killed


def table_dump(db, tables):
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        con.close()


def audit_is_continuous(db):
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM audit ORDER BY id")]
    con.close()
    return ids == list(range(1, len(ids) + 1))


INDEXES = {"item_medicine", "item_source_id", "figure_item", "medicine_atc", "medicine_match"}


def index_names(db):
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
    finally:
        con.close()


def checked(db):
    code, out, err = run(db, "check")
    expect(code == 0 and "integrity: ok" in out, f"check after the crash: {out} {err}")
    expect(audit_is_continuous(db), "the audit trail has a gap")


def horizonscan_file(path, n):
    """A Horizonscan snapshot in the format of the public sample."""
    head = "id;domein;fase;indicatie;kader;kosten;merk;slug;sluis;stof;totale_kosten;vergoeding;versie;verwacht;volume;waarde"
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "\n")
        for i in range(n):
            f.write(f"00000000-0000-4000-8000-{i:012d};Oncologie;Klinisch onderzoek;Indicatie {i};"
                    f"Intramuraal (MSZ);€ {4000 + i % 900},000.00 -  € {5000 + i % 900},000.00;Merk{i};stof-{i};;"
                    f"Stof{i};€ {i % 70 + 1},000,000.00;;1;10-2027;{100 + i % 500} - {700 + i % 500};"
                    "Nog geen inschatting mogelijk\n")


def test_crash_during_migration(d):
    base_sql = open(os.path.join(ROOT, "resources", "sql", "0001-base.sql"), encoding="utf-8").read()
    kills = 0
    for k in range(RUNS):
        db = os.path.join(d, f"old-{k}.db")
        con = sqlite3.connect(db)
        con.executescript(base_sql)
        con.execute("PRAGMA user_version = 1")
        for i in range(2000):
            con.execute("INSERT INTO medicine (inn, brand) VALUES (?, ?)", (f"stof {i}", f"Merk {i}"))
            con.execute("INSERT INTO item (medicine_id, indication, package_status, created_at) "
                        "VALUES (?, ?, 2, '2026-01-01')", (i + 1, f"indicatie {i}"))
        con.commit()
        con.close()
        before = table_dump(db, ("medicine", "item", "figure"))
        if k == 0:
            import shutil
            shutil.copy(db, db + ".scratch")
            span = duration(["--db", db + ".scratch", "init"])
        kills += kill_at_random(["--db", db, "init"], span)
        checked(db)   # opening migrates to the current version if the kill came first
        expect(table_dump(db, ("medicine", "item", "figure")) == before, "data changed by the migration")
    stats["migration"] = kills
    print(f"# migration: {RUNS} runs, {kills} killed mid-way")


def test_crash_during_import(d):
    src = os.path.join(d, "horizonscan.csv")
    # Above the size at which the import drops the indexes of item and figure
    # and builds them again (HRB_IMPORT_BULK_MIN): kills land in that too.
    n = 6000
    horizonscan_file(src, n)
    db = os.path.join(d, "import.db")
    run(db, "init", check=0)
    code, out, err = run(db, "import", "--source", "horizonscan", src, "--dry-run")
    expect(code == 0, f"the generated file is valid: {err[:500]}")
    scratch = os.path.join(d, "scratch.db")
    run(scratch, "init", check=0)
    span = duration(["--db", scratch, "import", "--source", "horizonscan", src])
    kills = 0
    done = 0
    for k in range(RUNS):
        before = len(rows(run(db, "list", check=0)[1]))
        kills += kill_at_random(["--db", db, "import", "--source", "horizonscan", src,
                                 "--vintage", f"2026-{1 + k % 12:02d}-01"], span)
        checked(db)
        after = len(rows(run(db, "list", check=0)[1]))
        expect(after in (before, n) and (before == 0 or after == before),
               f"run {k}: {before} items before, {after} after: a partial import")
        done += after == n and before == 0
        expect(index_names(db) >= INDEXES, f"run {k}: indexes missing: {INDEXES - index_names(db)}")
    stats["import"] = kills
    print(f"# import: {RUNS} runs, {kills} killed mid-way")


def test_crash_during_export(d):
    db = os.path.join(d, "demo.db")
    run(db, "init", "--demo", check=0)
    src = os.path.join(d, "horizonscan.csv")
    horizonscan_file(src, 3000)
    run(db, "import", "--source", "horizonscan", src, check=0)
    out = os.path.join(d, "werkmap.xlsx")
    run(db, "export", out, check=0)
    import zipfile
    span = duration(["--db", db, "export", os.path.join(d, "scratch.xlsx")])
    kills = 0
    for k in range(RUNS):
        kills += kill_at_random(["--db", db, "export", out], span)
        checked(db)
        expect(os.path.exists(out), f"run {k}: the previous workbook is gone")
        with zipfile.ZipFile(out) as z:   # raises on a truncated file
            expect(z.testzip() is None, f"run {k}: damaged workbook")
    stats["export"] = kills
    print(f"# export: {RUNS} runs, {kills} killed mid-way")


def test_crash_during_freeze(d):
    db = os.path.join(d, "demo.db")
    run(db, "init", "--demo", check=0)
    n_ranked = len(rows(run(db, "score", "--stream", "prospective", check=0)[1]))
    span = duration(["--db", db, "freeze", "--stream", "prospective", "--name", "Kalibratie"])
    kills = 0
    for k in range(RUNS):
        name = f"Prospectieve lijst 2027-{k}"
        kills += kill_at_random(["--db", db, "freeze", "--stream", "prospective", "--name", name], span)
        checked(db)
        code, out, err = run(db, "frozen", name)
        if code == 0:
            expect(len(rows(out)) == n_ranked, f"run {k}: frozen list with {len(rows(out))} of {n_ranked} rows")
        else:
            expect(code == 1, f"run {k}: exit {code} {err}")
    stats["freeze"] = kills
    print(f"# freeze: {RUNS} runs, {kills} killed mid-way")


if __name__ == "__main__":
    main([test_crash_during_migration, test_crash_during_import, test_crash_during_export,
          test_crash_during_freeze])
