"""score, sluis, expert, freeze, frozen, compare, method and methods."""
import json
import math
import os
import re
import sqlite3

from clitest import demo_db, expect, main, rows, run

SCORE_COLUMNS = ("rank, rank_best, rank_worst, score, score_low, score_high, eligible, unstable, "
                 "item_id, medicine, indication, stream, patients, budget_impact, "
                 "relative_budget_impact, sluis").split(", ")
BASIS_CONTRIBS = ["contrib_patients", "contrib_budget_impact", "contrib_relative_budget_impact",
                  "contrib_uncertainty"]


def add_small_item(db, inn="testium", status="admitted"):
    # cost per patient 2,000 and budget impact 40,000: ineligible under Basis
    run(db, "add-item", "--inn", inn, "--status", status, "--patients", "20", "--cost", "2000",
        "--source", "CLI test", check=0)


def check_blocks(table):
    """Per stream: eligible rows with ranks 1..n in score order, then ineligible ones."""
    streams = []
    for r in table:
        if not streams or streams[-1][0] != r["stream"]:
            streams.append((r["stream"], []))
        streams[-1][1].append(r)
    names = [s for s, _ in streams]
    expect(len(names) == len(set(names)), f"each stream is one block: {names}")
    expect(names == sorted(names), f"prospective first: {names}")
    for stream, block in streams:
        eligible = [r for r in block if r["eligible"] == "1"]
        expect(block[:len(eligible)] == eligible, f"{stream}: eligible rows first")
        expect([int(r["rank"]) for r in eligible] == list(range(1, len(eligible) + 1)),
               f"{stream}: ranks 1..n")
        scores = [float(r["score"]) for r in eligible]
        expect(scores == sorted(scores, reverse=True), f"{stream}: scores descending")
        for r in block[len(eligible):]:
            expect(r["eligible"] == "0" and r["rank"] == "" and r["rank_best"] == "" and
                   r["rank_worst"] == "", f"ineligible row {r}")
            expect(r["reason"] != "", "an ineligible row says why")
    return dict(streams)


def basis_reference(db):
    """The Basis method computed independently from the database."""
    con = sqlite3.connect(db)
    q = """
      SELECT i.id, coalesce (m.brand, m.inn), i.package_status, f.patients_low, f.patients_high,
             f.cost_low, f.cost_high, f.budget_low, f.budget_high, m.orphan, m.conditional,
             m.exceptional, m.accelerated, m.atmp
      FROM item i JOIN medicine m ON m.id = i.medicine_id
      LEFT JOIN figure f ON f.id = (SELECT f2.id FROM figure f2 WHERE f2.item_id = i.id
                                    ORDER BY f2.vintage DESC NULLS LAST, f2.id DESC LIMIT 1)
      WHERE i.deleted = 0"""
    items = []
    for (iid, name, status, pl, ph, cl, ch, bl, bh, orphan, cond, exc, acc, atmp) in con.execute(q):
        def point(lo, hi):
            if lo is not None and hi is not None:
                return (lo + hi) / 2
            return lo if lo is not None else hi
        p, c = point(pl, ph), point(cl, ch)
        if bl is not None or bh is not None:
            b = point(bl, bh)
            if c is None and p:
                c = b / p
        elif p is not None and c is not None:
            b = p * c
        else:
            b = None
        eligible = not (p is None and b is None) and (
            (c is not None and c >= 10000) or (b is not None and b >= 1e6))
        unc = min(100, 40 * (cond + exc + (status == 3)) + 20 * (orphan + acc + atmp))
        items.append(dict(id=iid, name=name, stream="prospective" if status in (0, 1) else
                          "retrospective", p=p, b=b, eligible=eligible, unc=unc))
    total = {}
    for it in items:
        if it["eligible"] and it["b"] is not None:
            total[it["stream"]] = total.get(it["stream"], 0) + it["b"]

    def log_score(v, zero, full):
        if v is None or v <= 0:
            return 0.0
        return min(100.0, max(0.0, 100 * math.log(v / zero) / math.log(full / zero)))

    for it in items:
        t = total.get(it["stream"], 0)
        rel = it["b"] / t if it["b"] is not None and t > 0 else None
        parts = [log_score(it["p"], 10, 1e5), log_score(it["b"], 1e6, 5e8),
                 0.0 if rel is None else min(100.0, max(0.0, rel / 0.05 * 100)), it["unc"]]
        it["score"] = (35 * parts[0] + 35 * parts[1] + 15 * parts[2] + 15 * parts[3]) / 100
    return {it["id"]: it for it in items}


def test_score_columns_and_order(d):
    db = demo_db(d)
    add_small_item(db)
    code, out, err = run(db, "score", check=0)
    header = out.splitlines()[0].split(",")
    expect(header[:len(SCORE_COLUMNS)] == SCORE_COLUMNS, f"columns: {header}")
    expect(header[len(SCORE_COLUMNS):len(SCORE_COLUMNS) + 4] == BASIS_CONTRIBS, f"contribs: {header}")
    table = rows(out)
    code, listed, err = run(db, "list", check=0)
    expect(len(table) == len(rows(listed)), "every item once")
    blocks = check_blocks(table)
    expect(set(blocks) == {"prospective", "retrospective"}, "both streams, ranked separately")
    expect(any(r["eligible"] == "0" for r in table), "the small item is ineligible")
    small = [r for r in table if r["medicine"] == "testium"][0]
    expect(small["reason"] == "cost per patient below EUR 10,000 and budget impact below EUR 1 million",
           f"reason: {small['reason']!r}")
    for r in table:
        for col in ("score", "score_low", "score_high"):
            expect(re.fullmatch(r"\d+\.\d{3,}", r[col]), f"{col} with 3 decimals: {r[col]!r}")
        s, lo, hi = float(r["score"]), float(r["score_low"]), float(r["score_high"])
        expect(lo <= s + 1e-9 <= hi + 2e-9, f"score interval {lo} {s} {hi}")
        total = sum(float(r[c]) for c in BASIS_CONTRIBS)
        expect(abs(total - s) < 1e-5, f"contributions {total} vs score {s}")
        expect(r["eligible"] in ("0", "1") and r["unstable"] in ("0", "1") and r["sluis"] in ("0", "1"),
               "flags are 0/1")
        if r["eligible"] == "1":
            best, rank, worst = int(r["rank_best"]), int(r["rank"]), int(r["rank_worst"])
            expect(best <= rank <= worst, f"rank interval {best} {rank} {worst}")
            expect((worst - best > 5) == (r["unstable"] == "1"), f"unstable flag {r}")
    expect(any(r["unstable"] == "1" for r in table), "the demo has unstable items")


def test_score_matches_independent_basis(d):
    db = demo_db(d)
    add_small_item(db)
    ref = basis_reference(db)
    code, out, err = run(db, "score", check=0)
    table = rows(out)
    for r in table:
        it = ref[int(r["item_id"])]
        expect(abs(float(r["score"]) - it["score"]) < 1e-5,
               f"item {r['item_id']}: score {r['score']} vs reference {it['score']:.6f}")
        expect((r["eligible"] == "1") == it["eligible"], f"item {r['item_id']} eligibility")
    # Ranks: score descending, then budget impact descending, then name, then id.
    for stream in ("prospective", "retrospective"):
        el = [it for it in ref.values() if it["stream"] == stream and it["eligible"]]
        el.sort(key=lambda it: (-it["score"], -(it["b"] or -1), it["name"], it["id"]))
        got = [int(r["item_id"]) for r in table if r["stream"] == stream and r["eligible"] == "1"]
        expect(got == [it["id"] for it in el], f"{stream} ranking differs from the reference")


def test_score_stream_and_json(d):
    db = demo_db(d)
    code, out, err = run(db, "score", "--stream", "retrospective", check=0)
    table = rows(out)
    expect(table and all(r["stream"] == "retrospective" for r in table), "one stream")
    expect(table[0]["rank"] == "1", "ranks start at 1")
    code, js, err = run(db, "score", "--stream", "retrospective", "--format", "json", check=0)
    data = json.loads(js)
    expect(len(data) == len(table), "same rows in JSON")
    expect(list(data[0].keys())[:len(SCORE_COLUMNS)] == SCORE_COLUMNS, "JSON keys")
    expect(data[0]["rank"] == 1 and isinstance(data[0]["score"], float), "numbers in JSON")
    expect(abs(data[3]["score"] - float(table[3]["score"])) < 1e-9, "same scores")
    # Usage errors and unknown methods.
    expect(run(db, "score", "--stream", "beide")[0] == 2, "bad stream: exit 2")
    expect(run(db, "score", "--format", "xml")[0] == 2, "bad format: exit 2")
    code, out, err = run(db, "score", "--method", "Bestaat niet")
    expect(code == 1 and "Bestaat niet" in err and out == "", f"unknown method: {code} {err}")


def test_sluis_what_if(d):
    db = demo_db(d)
    code, out, err = run(db, "sluis", "--budget", "20000000", "--budget", "10000000", check=0)
    t = rows(out)
    expect(len(t) == 2, "one row per threshold")
    expect(int(t[1]["total"]) >= int(t[0]["total"]), "a lower threshold catches at least as many")
    code, out, err = run(db, "score", check=0)
    crossing = sum(1 for r in rows(out) if r["sluis"] == "1")
    expect(crossing == int(t[0]["total"]), f"sluis column {crossing} vs count {t[0]['total']}")
    expect(run(db, "sluis", "--cost", "veel")[0] == 2, "bad amount: exit 2")


def test_methods_export_import(d):
    db = demo_db(d)
    code, out, err = run(db, "methods", check=0)
    m = rows(out)
    expect(m[0]["name"] == "Basis" and m[0]["builtin"] == "1", f"Basis listed: {m}")
    path = os.path.join(d, "basis.method")
    run(db, "method", "export", "Basis", path, check=0)
    text = open(path, encoding="utf-8").read()
    expect("[method]" in text and "[criterion patients]" in text and "name=Basis" in text, text)
    # Importing Basis under its own name is refused: it is locked.
    code, out, err = run(db, "method", "import", path)
    expect(code == 1 and "Basis" in err, f"locked: {code} {err}")
    head, tail = text.split("[criterion uncertainty]")
    team = (head.replace("name=Basis", "name=Team") + "[criterion uncertainty]" +
            tail.replace("enabled=true", "enabled=false", 1))
    team_path = os.path.join(d, "team.method")
    open(team_path, "w", encoding="utf-8").write(team)
    code, out, err = run(db, "method", "import", team_path, check=0)
    expect("Team" in out and "1" in out, out)
    code, out, err = run(db, "methods", check=0)
    names = [r["name"] for r in rows(out)]
    expect(names == ["Basis", "Team"], f"methods: {names}")
    code, out, err = run(db, "score", "--method", "Team", check=0)
    header = out.splitlines()[0].split(",")
    expect("contrib_uncertainty" not in header and "contrib_patients" in header, f"{header}")
    # A bad file: named with its line.
    bad = os.path.join(d, "bad.method")
    open(bad, "w", encoding="utf-8").write("[method]\nformat=1\nname=X\n[criterion p]\n"
                                           "input=patients\ntransform=log\nweight=veel\n")
    code, out, err = run(db, "method", "import", bad)
    expect(code == 1 and "bad.method:7" in err and "weight" in err, f"bad file: {code} {err}")
    expect(len(err.strip().splitlines()) == 1, "one error line")
    expect(run(db, "method", "export")[0] == 2, "usage: exit 2")


def test_freeze_frozen_compare(d):
    db = demo_db(d)
    code, before, err = run(db, "score", "--stream", "prospective", check=0)
    code, out, err = run(db, "freeze", "--stream", "prospective", "--name", "Maart",
                         "--date", "2027-03-01", "--remark", "eerste", check=0)
    expect("Maart" in out, out)
    expect(run(db, "freeze", "--name", "X")[0] == 2, "freeze needs --stream")
    code, out, err = run(db, "freeze", "--stream", "prospective", "--name", "Maart")
    expect(code == 1 and "Maart" in err, "duplicate name refused")
    code, out, err = run(db, "frozen", check=0)
    lists = rows(out)
    expect(len(lists) == 1 and lists[0]["name"] == "Maart" and lists[0]["date"] == "2027-03-01"
           and lists[0]["stream"] == "prospective" and lists[0]["method"] == "Basis", f"{lists}")
    code, frozen, err = run(db, "frozen", "Maart", check=0)
    expect(frozen == before, "the frozen rows are the ranking as it was")
    expect(int(lists[0]["rows"]) == len(rows(frozen)), "row count")

    # Later changes: a new large prospective item; the frozen list stays.
    run(db, "add-item", "--inn", "nieuwum", "--status", "not_admitted", "--patients", "200000",
        "--cost", "30000", "--source", "CLI test", check=0)
    code, frozen_again, err = run(db, "frozen", "Maart", check=0)
    expect(frozen_again == before, "unchanged by later edits")
    run(db, "freeze", "--stream", "prospective", "--name", "Juni", "--date", "2027-06-01", check=0)
    code, out, err = run(db, "compare", "Maart", "Juni", check=0)
    changes = rows(out)
    new = [c for c in changes if c["medicine"] == "nieuwum"]
    expect(len(new) == 1 and new[0]["change"] == "entered" and new[0]["rank_b"] == "1", f"{new}")
    moved = [c for c in changes if c["change"] == "down"]
    expect(moved and all(int(c["rank_b"]) > int(c["rank_a"]) for c in moved), "moved down")
    expect(all(c["why"] for c in moved), "each move says why")
    expect(run(db, "compare", "Maart")[0] == 2, "compare needs two names")
    expect(run(db, "compare", "Maart", "Nooit")[0] == 1, "unknown list: exit 1")


def test_expert_score(d):
    db = demo_db(d)
    expect(run(db, "expert", "1", "80")[0] == 2, "a reason is mandatory")
    expect(run(db, "expert", "1", "180", "--reason", "x")[0] == 2, "0..100")
    expect(run(db, "expert", "99999", "50", "--reason", "x")[0] == 1, "unknown item")
    run(db, "expert", "1", "80", "--reason", "Nieuwe richtlijn", check=0)
    con = sqlite3.connect(db)
    (score, reason), = con.execute("SELECT score, reason FROM expert_score WHERE item_id = 1")
    expect(score == 80 and reason == "Nieuwe richtlijn", "stored")
    n, = con.execute("SELECT count (*) FROM audit WHERE entity = 'item' AND entity_id = 1 "
                     "AND field = 'expert_score'").fetchone()
    expect(n == 1, "audited")


if __name__ == "__main__":
    main([test_score_columns_and_order, test_score_matches_independent_basis,
          test_score_stream_and_json, test_sluis_what_if, test_methods_export_import,
          test_freeze_frozen_compare, test_expert_score])
