"""dossiers, monitor and dossier …: the CLI contract of the dossier module."""
import datetime
import json
import os
import re

from clitest import demo_db, expect, main, rows, run

DOSSIER_COLUMNS = ["dossier_id", "item_id", "medicine", "indication", "stage", "party",
                   "stage_since", "due_date", "days_in_stage", "overdue", "parked_until"]
STAGES = ["signalled", "prioritised", "question", "data_collection", "analysis", "reporting",
          "triage", "decision", "implementation", "monitoring", "closed", "parked", "dropped"]
OPEN_STAGES = [s for s in STAGES if s not in ("closed", "dropped")]
PARTIES = ["project_team", "fms", "zn", "zin", "association", "holder", "triage_table", "vws", ""]
MEASURES = ["restrict_indication", "place_in_therapy", "start_stop_criteria", "dose_optimisation",
            "price_arrangement", "pay_for_performance", "appropriate_use", "registry",
            "conditional_continuation", "removal", "no_change", "park"]
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def today():
    # The store's clock is UTC.
    return datetime.datetime.now(datetime.timezone.utc).date()


def iso(d):
    return d.isoformat()


def metrics(out):
    table = {}
    for r in rows(out):
        table[(r["metric"], r["key"])] = float(r["value"])
    return table


def test_dossiers_columns_on_demo(d):
    db = demo_db(d)
    _, out, _ = run(db, "dossiers", check=0)
    header = out.splitlines()[0].split(",")
    expect(header[:len(DOSSIER_COLUMNS)] == DOSSIER_COLUMNS, f"columns: {header}")
    ds = rows(out)
    expect(len(ds) >= 12, f"{len(ds)} demo dossiers")
    expect(len({r["stage"] for r in ds}) >= 10, "spread over the stages")
    for r in ds:
        expect(r["stage"] in STAGES, f"stage {r['stage']!r}")
        expect(r["party"] in PARTIES, f"party {r['party']!r}")
        expect(ISO.match(r["stage_since"]), f"stage_since {r['stage_since']!r}")
        for col in ("due_date", "parked_until"):
            expect(r[col] == "" or ISO.match(r[col]), f"{col} {r[col]!r}")
        expect(r["overdue"] in ("0", "1"), f"overdue {r['overdue']!r}")
        days = int(r["days_in_stage"])
        since = datetime.date.fromisoformat(r["stage_since"])
        expect(days == max(0, (today() - since).days), f"days_in_stage {days} since {since}")
        overdue = (r["due_date"] != "" and r["stage"] not in ("closed", "dropped")
                   and datetime.date.fromisoformat(r["due_date"]) < today())
        expect(r["overdue"] == ("1" if overdue else "0"), f"overdue rule for {r}")
        expect((r["parked_until"] != "") == (r["stage"] == "parked"), f"parked_until {r}")
    expect(sum(r["overdue"] == "1" for r in ds) >= 2, "some overdue")
    expect(sum(r["stage"] == "parked" for r in ds) >= 2, "some parked")
    expect(sum(r["stage"] == "closed" and int(r["measures"]) > 0 for r in ds) >= 3,
           "closed with measures")

    _, js, _ = run(db, "dossiers", "--format", "json", check=0)
    data = json.loads(js)
    expect(len(data) == len(ds), "same rows in JSON")
    expect(set(DOSSIER_COLUMNS) <= set(data[0]), f"JSON keys {sorted(data[0])}")
    expect(isinstance(data[0]["dossier_id"], int) and isinstance(data[0]["days_in_stage"], int),
           "numbers in JSON")

    _, out2, _ = run(db, "dossiers", "--stage", "parked", check=0)
    expect({r["stage"] for r in rows(out2)} == {"parked"}, "--stage filter")
    _, out3, _ = run(db, "dossiers", "--open", check=0)
    expect(all(r["stage"] not in ("closed", "dropped") for r in rows(out3)), "--open filter")


def test_monitor_on_demo(d):
    db = demo_db(d)
    _, out, _ = run(db, "monitor", check=0)
    expect(out.splitlines()[0] == "metric,key,value", f"header {out.splitlines()[0]!r}")
    m = metrics(out)
    ds = rows(run(db, "dossiers", check=0)[1])
    for s in OPEN_STAGES:
        n = sum(r["stage"] == s for r in ds)
        expect(m.get(("open_per_stage", s)) == n, f"open_per_stage {s}: {m.get(('open_per_stage', s))} vs {n}")
    for metric in ("lead_time_median_days", "lead_time_p90_days", "lead_time_max_days"):
        expect((metric, "total") in m, f"{metric} total")
        expect((metric, "analysis") in m, f"{metric} analysis")
    expect(m[("lead_time_median_days", "total")] <= m[("lead_time_p90_days", "total")]
           <= m[("lead_time_max_days", "total")], "median <= p90 <= max")
    closed = {}
    for r in ds:
        if r["stage"] == "closed":
            y = r["stage_since"][:4]
            closed[y] = closed.get(y, 0) + 1
    got = {k: int(v) for (metric, k), v in m.items() if metric == "completed_per_year"}
    expect(got == closed, f"completed_per_year {got} vs {closed}")
    for code in MEASURES:
        expect(("measures", code) in m, f"measures {code}")
    expect(sum(v for (metric, _), v in m.items() if metric == "measures")
           == sum(int(r["measures"]) for r in ds), "measures total")
    overdue = {r["dossier_id"] for r in ds if r["overdue"] == "1"}
    expect({k for (metric, k) in m if metric == "overdue"} == overdue, "overdue list")

    _, js, _ = run(db, "monitor", "--format", "json", check=0)
    data = json.loads(js)
    expect(all(set(r) == {"metric", "key", "value"} for r in data), "JSON keys")
    expect(all(isinstance(r["value"], (int, float)) for r in data), "JSON numbers")


def test_script_journey_and_lead_times(d):
    db = os.path.join(d, "j.db")
    run(db, "init", check=0)
    item = run(db, "add-item", "--inn", "vosoritide", "--indication", "Achondroplasie",
               "--source", "test", check=0)[1].strip()
    item2 = run(db, "add-item", "--inn", "burosumab", "--indication", "XLH",
                "--source", "test", check=0)[1].strip()

    # A finished route with a parked period: signalled 10, analysis 10 + 5,
    # parked 11 (2020-01-21 → 2020-02-01); total 36 − 11 = 25 days.
    did = run(db, "dossier", "start", item, "--date", "2020-01-01", check=0)[1].strip()
    run(db, "dossier", "move", did, "--stage", "analysis", "--party", "fms", "--date", "2020-01-11", check=0)
    run(db, "dossier", "park", did, "--reason", "wachten op data", "--until", "2020-02-01",
        "--date", "2020-01-21", check=0)
    run(db, "dossier", "move", did, "--stage", "analysis", "--party", "fms", "--date", "2020-02-01", check=0)
    run(db, "dossier", "move", did, "--stage", "closed", "--date", "2020-02-06", check=0)
    run(db, "dossier", "measure", did, "--kind", "start_stop_criteria", "--status", "agreed",
        "--owner", "FMS", "--agreed", "2020-02-01", check=0)

    # An open one, two stages on with a party and a due date in the past.
    start = today() - datetime.timedelta(days=40)
    since = today() - datetime.timedelta(days=12)
    due = today() - datetime.timedelta(days=2)
    d2 = run(db, "dossier", "start", item2, "--date", iso(start), check=0)[1].strip()
    run(db, "dossier", "move", d2, "--stage", "prioritised", "--party", "project_team",
        "--date", iso(start + datetime.timedelta(days=8)), check=0)
    run(db, "dossier", "move", d2, "--stage", "question", "--party", "zin", "--due", iso(due),
        "--date", iso(since), "--remark", "vraag met CieBAG", check=0)

    ds = {r["dossier_id"]: r for r in rows(run(db, "dossiers", check=0)[1])}
    r = ds[d2]
    expect(r["stage"] == "question" and r["party"] == "zin", f"stage/party {r}")
    expect(r["stage_since"] == iso(since) and r["due_date"] == iso(due), f"dates {r}")
    expect(r["days_in_stage"] == "12" and r["overdue"] == "1", f"days/overdue {r}")
    expect(ds[did]["stage"] == "closed" and ds[did]["overdue"] == "0", f"closed {ds[did]}")

    m = metrics(run(db, "monitor", check=0)[1])
    expect(m[("open_per_stage", "question")] == 1, "open question")
    expect(m[("open_per_stage", "analysis")] == 0, "none in analysis")
    expect(m[("lead_time_median_days", "analysis")] == 15, f"analysis {m.get(('lead_time_median_days', 'analysis'))}")
    expect(m[("lead_time_median_days", "parked")] == 11, "parked on its own")
    expect(m[("lead_time_median_days", "total")] == 25, f"total {m.get(('lead_time_median_days', 'total'))}")
    # signalled: 10 (first) and 8 (second) → median 9, p90 (nearest rank 2) 10.
    expect(m[("lead_time_median_days", "signalled")] == 9, "signalled median")
    expect(m[("lead_time_p90_days", "signalled")] == 10, "signalled p90")
    expect(m[("completed_per_year", "2020")] == 1, "completed 2020")
    expect(m[("measures", "start_stop_criteria")] == 1, "measure counted")
    expect(m[("overdue", d2)] == 2, "two days late")

    # History: every step with its author.
    _, hist, _ = run(db, "dossier", "history", d2, check=0)
    h = rows(hist)
    expect(any(e["field"] == "stage" and e["new_value"] == "question" and e["author"] == "CLI Test"
               for e in h), "stage change in the history")
    expect(any(e["entity"] == "transition" and e["field"] == "remark"
               and e["new_value"] == "vraag met CieBAG" for e in h), "remark in the history")


def test_confidential_stays_out(d):
    db = demo_db(d)
    ds = rows(run(db, "dossiers", "--open", check=0)[1])
    did = ds[0]["dossier_id"]
    run(db, "dossier", "set", did, "price_arrangement=GEHEIM-KORTING", "price_net=1234.5",
        "question=Openbare vraag", check=0)
    run(db, "dossier", "note", did, "--text", "GEHEIM-BOD", "--confidential", check=0)
    run(db, "dossier", "note", did, "--text", "openbare notitie", check=0)
    _, show, _ = run(db, "dossier", "show", did, check=0)
    expect("GEHEIM" not in show and "1234.5" not in show, "no confidential content without --internal")
    expect("Openbare vraag" in show and "openbare notitie" in show, "public content shown")
    _, internal, _ = run(db, "dossier", "show", did, "--internal", check=0)
    expect("GEHEIM-KORTING" in internal and "GEHEIM-BOD" in internal and "1234.5" in internal,
           "--internal shows it")
    expect("[confidential]" in internal, "confidential note marked")
    _, hist, _ = run(db, "dossier", "history", did, check=0)
    expect("GEHEIM" not in hist and "(confidential)" in hist, "history masks confidential values")
    for cmd in (("dossiers",), ("dossiers", "--format", "json"), ("monitor",)):
        expect("GEHEIM" not in run(db, *cmd, check=0)[1], f"{cmd} leaks nothing")


def test_errors_and_exit_codes(d):
    db = demo_db(d)
    ds = rows(run(db, "dossiers", check=0)[1])
    open_one = next(r for r in ds if r["stage"] not in ("closed", "dropped", "parked"))
    closed = next(r for r in ds if r["stage"] == "closed")
    code, _, err = run(db, "dossier", "move", open_one["dossier_id"], "--stage", "nonsense", "--party", "fms")
    expect(code == 2 and "nonsense" in err, f"unknown stage: {code} {err}")
    code, _, err = run(db, "dossier", "move", open_one["dossier_id"], "--stage", "analysis")
    expect(code == 2 and "--party" in err, f"party required: {code} {err}")
    code, _, err = run(db, "dossier", "move", open_one["dossier_id"], "--stage", "analysis",
                       "--party", "fms", "--due", "31-12-2030")
    expect(code == 2 and "--due" in err, f"bad date: {code} {err}")
    code, _, err = run(db, "dossier", "move", closed["dossier_id"], "--stage", "analysis", "--party", "fms")
    expect(code == 1 and "closed" in err.lower(), f"closed dossier: {code} {err}")
    code, _, err = run(db, "dossier", "move", open_one["dossier_id"], "--stage", "analysis",
                       "--party", "fms", "--date", "1999-01-01")
    expect(code == 1 and "date" in err and len(err.strip().splitlines()) == 1, f"date before: {code} {err}")
    code, _, err = run(db, "dossier", "start", open_one["item_id"])
    expect(code == 1 and "open dossier" in err, f"second open dossier: {code} {err}")
    code, _, err = run(db, "dossier", "park", open_one["dossier_id"], "--reason", "x")
    expect(code == 2, f"park without --until: {code} {err}")
    code, _, _ = run(db, "dossier", "show", "99999")
    expect(code == 1, "unknown dossier")
    code, _, _ = run(db, "dossier", "frobnicate", "1")
    expect(code == 2, "unknown subcommand")
    code, _, _ = run(db, "monitor", "--format", "xml")
    expect(code == 2, "unknown format")
    after = rows(run(db, "dossiers", check=0)[1])
    expect(after == ds, "refused commands changed nothing")


if __name__ == "__main__":
    main([test_dossiers_columns_on_demo, test_monitor_on_demo, test_script_journey_and_lead_times,
          test_confidential_stays_out, test_errors_and_exit_codes])
