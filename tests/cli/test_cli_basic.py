"""init, list and check: the CLI contract of the foundation."""
import json
import os
import sqlite3

from clitest import demo_db, expect, main, rows, run

LIST_COLUMNS = ("item_id, medicine, inn, atc, indication, domain, setting, stream, package_status, "
                "patients_low, patients_high, cost_per_patient_low, cost_per_patient_high, "
                "budget_impact_low, budget_impact_high, year, source, vintage, orphan, conditional, "
                "exceptional").split(", ")


def test_init_demo_and_list_columns(d):
    db = demo_db(d)
    code, out, err = run(db, "list", "--format", "csv", check=0)
    header = out.splitlines()[0].split(",")
    expect(header[:len(LIST_COLUMNS)] == LIST_COLUMNS, f"columns: {header}")
    items = rows(out)
    expect(len(items) >= 60, f"{len(items)} demo items")
    domains = {r["domain"] for r in items}
    expect(len(domains) >= 8, f"domains: {domains}")
    expect({r["stream"] for r in items} == {"prospective", "retrospective"}, "both streams")
    expect({r["setting"] for r in items} <= {"intramural", "extramural", ""}, "setting codes")
    for r in items:
        for flag in ("orphan", "conditional", "exceptional"):
            expect(r[flag] in ("0", "1"), f"flag {flag}={r[flag]!r}")
        for col in ("patients_low", "patients_high", "cost_per_patient_low", "cost_per_patient_high",
                    "budget_impact_low", "budget_impact_high"):
            v = r[col]
            if v:
                expect("," not in v and float(v) >= 0, f"{col}={v!r}")
                expect(len(v.split(".")[1]) <= 2 if "." in v else True, f"{col} decimals {v!r}")
        # unknown is an empty cell, never 0
        if r["patients_low"] == "":
            expect(r["patients_high"] != "" or r["budget_impact_low"] != "", "something is known")
    ids = [int(r["item_id"]) for r in items]
    expect(len(set(ids)) == len(ids), "unique item ids")


def test_stream_filter_and_json(d):
    db = demo_db(d)
    _, out_all, _ = run(db, "list", check=0)
    _, out_pro, _ = run(db, "list", "--stream", "prospective", check=0)
    _, out_ret, _ = run(db, "list", "--stream", "retrospective", check=0)
    a, p, r = rows(out_all), rows(out_pro), rows(out_ret)
    expect(len(p) + len(r) == len(a), "streams partition the list")
    expect(all(x["stream"] == "prospective" for x in p), "prospective filter")
    expect(all(x["package_status"] in ("not_admitted", "in_sluis") for x in p), "status→stream")
    _, js, _ = run(db, "list", "--format", "json", "--stream", "retrospective", check=0)
    data = json.loads(js)
    expect(len(data) == len(r), "json has the same rows")
    expect(isinstance(data[0]["item_id"], int), "numbers are numbers in json")
    expect(all(x["patients_low"] is None or isinstance(x["patients_low"], (int, float)) for x in data), "unknown is null")


def test_item_id_stable(d):
    db = demo_db(d)
    _, out1, _ = run(db, "list", check=0)
    run(db, "init", check=0)   # re-running init must not change anything
    _, out2, _ = run(db, "list", check=0)
    expect(out1 == out2, "init on an existing database changes nothing")


def test_check_ok(d):
    db = demo_db(d)
    code, out, err = run(db, "check", check=0)
    expect("integrity: ok" in out, out)
    expect("schema_version:" in out, out)


def test_demo_refused_on_non_empty(d):
    db = demo_db(d)
    code, out, err = run(db, "init", "--demo")
    expect(code == 1, f"exit {code}")
    expect(len(err.strip().splitlines()) == 1 and db in err, f"one line naming the file: {err!r}")


def test_newer_database_refused(d):
    db = demo_db(d)
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    before = open(db, "rb").read()
    for cmd in (["list"], ["check"], ["init"]):
        code, out, err = run(db, *cmd)
        expect(code == 1, f"{cmd}: exit {code}")
        lines = err.strip().splitlines()
        expect(len(lines) == 1 and "newer" in err and db in err, f"{cmd}: {err!r}")
    expect(open(db, "rb").read() == before, "the newer database is untouched")


def test_damaged_database_refused(d):
    db = os.path.join(d, "notes.db")
    with open(db, "w") as f:
        f.write("Dit is geen database\n" * 100)
    before = open(db, "rb").read()
    code, out, err = run(db, "list")
    expect(code == 1, f"exit {code}")
    expect(len(err.strip().splitlines()) == 1 and db in err, err)
    expect(open(db, "rb").read() == before, "file untouched")


def test_missing_database(d):
    db = os.path.join(d, "nothing-here.db")
    code, out, err = run(db, "list")
    expect(code == 1 and "no such database" in err, err)
    expect(not os.path.exists(db), "list does not create a database")


def test_usage_errors(d):
    db = demo_db(d)
    expect(run(db, "frobnicate")[0] == 2, "unknown command")
    expect(run(db, "list", "--stream", "sideways")[0] == 2, "bad stream")
    expect(run(db, "list", "--format", "xml")[0] == 2, "bad format")
    expect(run(db, "list", "--bogus")[0] == 2, "bad option")
    expect(run(None, "--help")[0] == 0, "help")


def test_database_is_private(d):
    db = demo_db(d)
    mode = os.stat(db).st_mode & 0o777
    expect(mode & 0o077 == 0, f"mode {oct(mode)}")


def test_backup_before_import_and_restore(d):
    db = os.path.join(d, "team.db")
    run(db, "init", check=0)
    fixture = os.path.join(os.environ.get("HRB_FIXTURES", "../shared/fixtures"), "horizonscan_sample_67.csv")
    run(db, "import", "--source", "horizonscan", fixture, check=0)
    backups = run(db, "backups", check=0)[1].split()
    expect(len(backups) == 1 and backups[0].endswith("-before-import.db"), f"backups: {backups}")
    code, out, err = run(db, "check", "--backup", backups[0], check=0)
    expect("integrity: ok" in out, out)
    expect(len(rows(run(db, "list", check=0)[1])) == 67, "imported")
    # Restoring the backup made before the import brings back the empty list.
    run(db, "restore", backups[0], check=0)
    expect(len(rows(run(db, "list", check=0)[1])) == 0, "restored to before the import")
    # ... and the content from just before the restore was kept as a backup too.
    after = run(db, "backups", check=0)[1].split()
    expect(any(b.endswith("-before-restore.db") for b in after), f"backups: {after}")


if __name__ == "__main__":
    main([test_init_demo_and_list_columns, test_stream_filter_and_json, test_item_id_stable,
          test_check_ok, test_demo_refused_on_non_empty, test_newer_database_refused,
          test_damaged_database_refused, test_missing_database, test_usage_errors,
          test_database_is_private, test_backup_before_import_and_restore])
