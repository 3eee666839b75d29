"""import, medicines, changes and batches: the CLI contract of the import module."""
import hashlib
import json
import os
import re
import sqlite3

from clitest import FIXTURES, TEST_DATA, expect, main, rows, run

HS = os.path.join(FIXTURES, "horizonscan_sample_67.csv")
EMA = os.path.join(FIXTURES, "ema_epar_medicines_2023-12.csv")
GIP = os.path.join(FIXTURES, "gip_addon_per_atc_2024.csv")
MED_COLUMNS = ["medicine_id", "medicine", "inn", "atc", "holder", "orphan", "conditional",
               "exceptional", "accelerated", "biosimilar", "generic", "authorisation_date"]


def new_db(d):
    db = os.path.join(d, "t.db")
    run(db, "init", check=0)
    return db


def summary(out):
    return {k: v for k, v in re.findall(r"^(\w+): (.*)$", out, re.M)}


def dump(db):
    con = sqlite3.connect(db)
    text = "\n".join(con.iterdump())
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("medicine", "item", "figure", "import_batch", "import_change", "audit")}
    con.close()
    return hashlib.sha256(text.encode()).hexdigest(), counts


def test_horizonscan_acceptance(d):
    db = new_db(d)
    code, out, err = run(db, "import", "--source", "horizonscan", HS, "--vintage", "2026-11-01", check=0)
    s = summary(out)
    expect(s["new"] == "67" and s["rejected"] == "0", out)
    expect(s["batch"] == "1", out)
    items = rows(run(db, "list", "--stream", "prospective", check=0)[1])
    expect(len(items) == 67, f"{len(items)} prospective items")
    vox = [r for r in items if r["medicine"] == "Voxzogo"][0]
    expect((vox["cost_per_patient_low"], vox["cost_per_patient_high"]) == ("200000", "250000"), vox)
    expect((vox["patients_low"], vox["patients_high"]) == ("7", "7"), vox)
    expect((vox["budget_impact_low"], vox["budget_impact_high"]) == ("1575000", "1575000"), vox)
    expect(vox["vintage"] == "2026-11-01" and vox["source"] == "Horizonscan", vox)
    key = [r for r in items if r["medicine"] == "Keytruda"][0]
    expect(key["cost_per_patient_low"] == "" and key["cost_per_patient_high"] == "", key)
    # the € 0.00 decision is reported as a note with its place
    expect(re.search(r"horizonscan_sample_67\.csv:4:6: .*unknown", err), err)

    # the same file again changes nothing
    before = dump(db)[1]
    code, out, err = run(db, "import", "--source", "horizonscan", HS, check=0)
    s = summary(out)
    expect((s["new"], s["updated"], s["unchanged"]) == ("0", "0", "67"), out)
    after = dump(db)[1]
    expect(before["figure"] == after["figure"] and before["item"] == after["item"], (before, after))

    batches = rows(run(db, "batches", check=0)[1])
    expect([b["batch_id"] for b in batches] == ["1", "2"], batches)
    expect(batches[0]["file_name"] == "horizonscan_sample_67.csv" and len(batches[0]["checksum"]) == 64,
           batches[0])
    changes = rows(run(db, "changes", "1", check=0)[1])
    expect(sum(1 for c in changes if c["kind"] == "new") == 67, "67 new in the change log")
    changes = json.loads(run(db, "changes", "--format", "json", check=0)[1])
    expect(all(c["kind"] == "note" for c in changes), changes)


def test_changed_value_reported(d):
    db = new_db(d)
    run(db, "import", "--source", "horizonscan", HS, "--vintage", "2026-10-01", check=0)
    with open(HS, encoding="utf-8") as f:
        text = f.read()
    changed = os.path.join(d, "hs.csv")
    with open(changed, "w", encoding="utf-8") as f:
        f.write(text.replace("€ 200,000.00 -  € 250,000.00", "€ 210,000.00 -  € 250,000.00"))
    code, out, err = run(db, "import", "--source", "horizonscan", changed, "--vintage", "2026-11-01",
                         check=0)
    s = summary(out)
    expect((s["updated"], s["unchanged"]) == ("1", "66"), out)
    changes = [c for c in rows(run(db, "changes", s["batch"], check=0)[1]) if c["kind"] != "note"]
    expect(len(changes) == 1, changes)
    c = changes[0]
    expect((c["field"], c["old_value"], c["new_value"]) == ("cost", "200000 - 250000", "210000 - 250000"), c)


def test_dry_run_writes_nothing(d):
    db = new_db(d)
    before = dump(db)
    code, out, err = run(db, "import", "--source", "horizonscan", HS, "--dry-run", check=0)
    expect(summary(out)["new"] == "67" and "dry run" in out, out)
    expect(dump(db) == before, "database changed by a dry run")


def test_bad_inputs(d):
    db = new_db(d)
    run(db, "import", "--source", "horizonscan", HS, check=0)
    cases = {
        "empty.csv": "the file is empty",
        "header-only.csv": "no data rows",
        "wrong-delimiter.csv": "wrong delimiter",
        "missing-column.csv": "missing required column",
        "changed-header.csv": "layout of the export has changed",
        "text-in-number.csv": "is not a number",
        "unterminated-quote.csv": "unterminated quoted field",
        "invalid-utf8.csv": "invalid UTF-8",
        "binary.csv": "not a text file",
        "duplicate-ids.csv": "duplicate id",
    }
    for name, part in cases.items():
        path = os.path.join(TEST_DATA, "bad", name)
        before = dump(db)
        code, out, err = run(db, "import", "--source", "horizonscan", path)
        expect(code == 1, f"{name}: exit {code}")
        first = err.splitlines()[0]
        expect(re.match(re.escape(path) + r":\d+:\d+: ", first), f"{name}: {first}")
        expect(part in first, f"{name}: {first}")
        expect(dump(db) == before, f"{name}: the database changed")


def test_skip_invalid_and_problem_limit(d):
    db = new_db(d)
    # 30 rows with text in a number column: 20 printed, then a count
    with open(HS, encoding="utf-8") as f:
        lines = f.read().splitlines()
    bad = os.path.join(d, "many.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(lines[0] + "\n")
        for i, line in enumerate(lines[1:]):
            fields = line.split(";")
            if i < 30:
                fields[14] = "veel"
            f.write(";".join(fields) + "\n")
    before = dump(db)
    code, out, err = run(db, "import", "--source", "horizonscan", bad)
    expect(code == 1, f"exit {code}")
    problems = [l for l in err.splitlines() if re.match(re.escape(bad) + r":\d+:15: ", l)]
    expect(len(problems) == 20, f"{len(problems)} problems printed:\n{err}")
    expect("10 more problems" in err, err)
    expect(dump(db) == before, "changed")
    code, out, err = run(db, "import", "--source", "horizonscan", bad, "--skip-invalid", check=0)
    s = summary(out)
    expect((s["new"], s["rejected"]) == ("37", "30"), out)


def test_ema_and_medicines(d):
    db = new_db(d)
    code, out, err = run(db, "import", "--source", "ema", EMA, check=0)
    meds = rows(run(db, "medicines", check=0)[1])
    expect(list(meds[0].keys())[:len(MED_COLUMNS)] == MED_COLUMNS, list(meds[0].keys()))
    expect(len(meds) == int(summary(out)["new"]), "one medicine per new product")
    by_name = {m["medicine"]: m for m in meds}
    oc = by_name["Ocaliva"]
    expect((oc["orphan"], oc["conditional"], oc["exceptional"], oc["accelerated"], oc["biosimilar"],
            oc["generic"]) == ("1", "1", "0", "0", "0", "0"), oc)
    expect(oc["authorisation_date"] == "2016-12-12" and oc["atc"] == "A05AA04", oc)
    expect(by_name["Yesafili"]["biosimilar"] == "1", by_name["Yesafili"])
    expect("CaniLeish" not in by_name and "Zynrelef" not in by_name, "veterinary/withdrawn added")
    js = json.loads(run(db, "medicines", "--format", "json", check=0)[1])
    expect(js[0]["orphan"] in (0, 1), js[0])
    code, out, err = run(db, "import", "--source", "ema", EMA, check=0)
    expect((summary(out)["new"], summary(out)["updated"]) == ("0", "0"), out)


def test_gip_addon(d):
    db = new_db(d)
    code, out, err = run(db, "import", "--source", "gip-addon", GIP, check=0)
    expect(summary(out)["new"] == "177", out)
    items = rows(run(db, "list", "--stream", "retrospective", check=0)[1])
    expect(len(items) == 177 and all(r["medicine_level"] == "1" for r in items), len(items))
    dup = [r for r in items if r["atc"] == "D11AH05"][0]
    expect(dup["budget_impact_low"] == "94666151" and dup["year"] == "2024", dup)


def test_mapped_and_usage(d):
    db = new_db(d)
    code, out, err = run(db, "import", "--source", "mapped", "--map",
                         os.path.join(TEST_DATA, "mapped-example.map"),
                         os.path.join(TEST_DATA, "mapped-example.csv"), check=0)
    expect(summary(out)["new"] == "2", out)
    code, out, err = run(db, "import", "--source", "mapped", HS)
    expect(code == 2 and "--map" in err, err)
    code, out, err = run(db, "import", "--source", "nonsense", HS)
    expect(code == 2, err)
    code, out, err = run(db, "import", "--source", "horizonscan", HS, "--vintage", "morgen")
    expect(code == 1 and "morgen" in err, err)
    code, out, err = run(db, "import", "--source", "horizonscan", os.path.join(d, "missing.csv"))
    expect(code == 1 and "missing.csv" in err, err)


if __name__ == "__main__":
    main([test_horizonscan_acceptance, test_changed_value_reported, test_dry_run_writes_nothing,
          test_bad_inputs, test_skip_invalid_and_problem_limit, test_ema_and_medicines,
          test_gip_addon, test_mapped_and_usage])
