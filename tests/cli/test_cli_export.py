"""export: the committee workbook, read back with an independent reader
(openpyxl, plus the raw XML parts of the xlsx package)."""
import os
import re
import resource
import signal
import subprocess
import zipfile

import openpyxl

from clitest import CLI, demo_db, expect, main, rows, run

SHEETS = ["Prospectief", "Retrospectief", "Dossiers", "Methode", "Bronnen", "Monitoring"]
MEDICINE_LEVEL = "(alle indicaties)"
FORMULA = '=HYPERLINK("http://example.org","x")'
SETTING_NL = {"intramural": "intramuraal", "extramural": "extramuraal", "": None}


# libxlsxwriter 1.1.4 loses the copy of a list validation's formula (23 bytes
# per dropdown): the library's leak, suppressed for sanitizer builds.
LSAN_ENV = {"LSAN_OPTIONS": "suppressions=" + os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "export", "lsan.supp") + ":print_suppressions=0"}


def export(db, out, *args, check=0):
    return run(db, "export", out, *args, check=check, env=LSAN_ENV)


def header_map(ws):
    head = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
    return head, {h: i for i, h in enumerate(head)}


def sheet_rows(ws):
    return [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def as_flag(v):
    # "In aanmerking" says ja or nee; "Instabiel" and "Sluis" say ja or stay empty
    return {"ja": "1", "nee": "0", None: "0"}.get(v, f"?{v!r}")


def close(a, b, eps):
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    return abs(float(a) - float(b)) <= eps


def point(low, high):
    known = [v for v in (low, high) if v is not None]
    if not known:
        return None
    return sum(known) / len(known)


def xml_parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")
                or n.endswith(".rels")}


def check_ranking_sheet(ws, expected, contrib_cols, items):
    """Every cell of a ranking sheet against the CLI's CSV rows (same order)."""
    sheet = ws.title
    head, col = header_map(ws)
    expect("Score" in col and head[3] == "Score", f"Score header: {head[:5]}")
    contrib_headers = [h for h in head if h.startswith("Bijdrage ")]
    expect(len(contrib_headers) == len(contrib_cols), f"{contrib_headers} vs {contrib_cols}")
    expect(head[-2:] == ["Advies triagetafel", "Toelichting"], f"committee columns {head[-2:]}")
    got = sheet_rows(ws)
    expect(len(got) == len(expected), f"{sheet}: {len(got)} rows, csv {len(expected)}")
    for n, (g, e) in enumerate(zip(got, expected), start=2):
        where = f"{sheet}!row {n}"
        cell = lambda h: g[col[h]]  # noqa: E731
        expect(str(cell("Item-id")) == e["item_id"], f"{where}: item {cell('Item-id')} vs {e['item_id']}")
        for h, c in (("Rang", "rank"), ("Beste rang", "rank_best"), ("Slechtste rang", "rank_worst")):
            v = cell(h)
            expect(("" if v is None else str(int(v))) == e[c], f"{where}: {h} {v!r} vs {e[c]!r}")
        expect(close(cell("Score"), e["score"], 0.0006), f"{where}: score {cell('Score')} vs {e['score']}")
        for h, c in (("In aanmerking", "eligible"), ("Instabiel", "unstable"), ("Sluis", "sluis")):
            expect(as_flag(cell(h)) == e[c], f"{where}: {h} {cell(h)!r} vs {e[c]!r}")
        expect(cell("Geneesmiddel") == e["medicine"], f"{where}: medicine {cell('Geneesmiddel')!r}")
        ind = cell("Indicatie")
        expect((ind if ind != MEDICINE_LEVEL else "") == e["indication"], f"{where}: indication {ind!r}")
        expect(close(cell("Relatieve budgetimpact"), e["relative_budget_impact"], 1e-6),
               f"{where}: relative {cell('Relatieve budgetimpact')} vs {e['relative_budget_impact']}")
        for h, c in zip(contrib_headers, contrib_cols):
            expect(close(cell(h), e[c], 0.0006), f"{where}: {h} {cell(h)} vs {c} {e[c]}")
        p = point(cell("Patiënten (laag)"), cell("Patiënten (hoog)"))
        expect(close(p, e["patients"], 0.51), f"{where}: patients {p} vs {e['patients']}")
        if items is not None:
            item = items[e["item_id"]]
            expect(cell("Werkzame stof") == item["inn"], f"{where}: inn")
            expect((cell("ATC") or "") == item["atc"], f"{where}: atc")
            expect(cell("Setting") == SETTING_NL[item["setting"]], f"{where}: setting {cell('Setting')!r}")
            expect((cell("Domein") or "") == item["domain"], f"{where}: domain")
            # the figures as scored: an unknown end counts as the point value
            raw = [float(item[c]) if item[c] else None for c in ("patients_low", "patients_high")]
            mid = point(*raw)
            for h, v in (("Patiënten (laag)", raw[0]), ("Patiënten (hoog)", raw[1])):
                want = v if v is not None else mid
                expect(close(cell(h), want, 0.01), f"{where}: {h} {cell(h)} vs {want}")
    return len(got)


def test_sheets_and_cells_equal_score_csv(d):
    db = demo_db(d)
    out = os.path.join(d, "lijst.xlsx")
    _, msg, err = export(db, out)
    expect(os.path.exists(out) and err == "", f"written, no noise: {err!r}")
    expect(oct(os.stat(out).st_mode & 0o777) == "0o600", "owner-only file")
    wb = openpyxl.load_workbook(out)
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    expect(visible == SHEETS, f"sheets: {visible}")
    hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
    expect(hidden == ["Keuzelijsten"], f"hidden choices sheet: {hidden}")

    _, score_csv, _ = run(db, "score", "--format", "csv", check=0)
    score = rows(score_csv)
    contrib_cols = [c for c in score[0].keys() if c.startswith("contrib_")]
    expect(len(contrib_cols) >= 4, f"contribution columns {contrib_cols}")
    _, list_csv, _ = run(db, "list", "--format", "csv", check=0)
    items = {r["item_id"]: r for r in rows(list_csv)}

    checked = 0
    for sheet, stream in (("Prospectief", "prospective"), ("Retrospectief", "retrospective")):
        checked += check_ranking_sheet(wb[sheet], [r for r in score if r["stream"] == stream],
                                       contrib_cols, items)
    expect(checked == len(score), f"every scored row checked ({checked}/{len(score)})")


def test_frozen_list_exports_as_frozen(d):
    db = demo_db(d)
    name = "Prospectieve lijst 2027-1 [concept]"
    run(db, "freeze", "--stream", "prospective", "--name", name, "--date", "2026-11-20", check=0)
    _, frozen_csv, _ = run(db, "frozen", name, "--format", "csv", check=0)
    expected = rows(frozen_csv)
    contrib_cols = [c for c in expected[0].keys() if c.startswith("contrib_")]
    # before any change, the live list and the frozen list give the same cells
    live = os.path.join(d, "live.xlsx")
    export(db, live, "--stream", "prospective", "--sheets", "ranking")
    live_rows = sheet_rows(openpyxl.load_workbook(live)["Prospectief"])
    # later data: a new item that would top the live list
    run(db, "add-item", "--inn", "laterumab", "--indication", "Later", "--status", "not_admitted",
        "--patients", "900000", "--cost", "900000", check=0)
    _, live_csv, _ = run(db, "score", "--stream", "prospective", "--format", "csv", check=0)
    expect(rows(live_csv)[0]["medicine"] == "laterumab", "the live list changed")
    out = os.path.join(d, "vastgesteld.xlsx")
    export(db, out, "--frozen", name)
    wb = openpyxl.load_workbook(out)
    sheet = "Prospectieve lijst 2027-1 -conc"
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    expect(visible == [sheet, "Dossiers", "Methode", "Bronnen", "Monitoring"], f"sheets {visible}")
    n = check_ranking_sheet(wb[sheet], expected, contrib_cols, None)
    frozen_rows = sheet_rows(wb[sheet])
    for a, b in zip(live_rows, frozen_rows):
        for x, y in zip(a, b):
            same = (x == y) or (isinstance(x, float) and isinstance(y, (int, float)) and abs(x - y) < 1e-9)
            expect(same, f"live {a} vs frozen {b}")
    expect(n == len(expected) and n > 10, f"{n} frozen rows")
    expect(name in wb.properties.title, f"title {wb.properties.title}")
    footer = wb[sheet].oddFooter.left.text
    expect(name.replace("&", "&&") in footer, f"footer names the list: {footer!r}")


def test_formats_panes_table_validation_print(d):
    db = demo_db(d)
    out = os.path.join(d, "lijst.xlsx")
    export(db, out, "--author", "Beleidsmedewerker", "--company", "Projectteam")
    wb = openpyxl.load_workbook(out)
    ws = wb["Prospectief"]
    head, col = header_map(ws)
    data = list(ws.iter_rows(min_row=2))
    expect(len(data) >= 10, "rows")
    fmt = lambda h: {r[col[h]].number_format for r in data if r[col[h]].value is not None}  # noqa: E731
    for h in ("Kosten per patiënt per jaar", "Budgetimpact (laag)", "Budgetimpact (hoog)"):
        expect(fmt(h) and all("€" in f and "#,##0" in f for f in fmt(h)), f"euro format {h}: {fmt(h)}")
    expect(fmt("Relatieve budgetimpact") and all(f.endswith("%") for f in fmt("Relatieve budgetimpact")),
           f"percent format: {fmt('Relatieve budgetimpact')}")
    expect(fmt("Patiënten (laag)") == {"#,##0"}, f"patients format {fmt('Patiënten (laag)')}")
    expect(fmt("Score") == {"0.0"}, f"score format {fmt('Score')}")
    expect(ws.freeze_panes == "H2", f"frozen header and first columns: {ws.freeze_panes}")
    expect(len(ws.tables) == 1, f"one table: {list(ws.tables)}")
    table = list(ws.tables.values())[0]
    last = get_last = ws.max_row
    expect(table.ref == f"A1:{openpyxl.utils.get_column_letter(len(head))}{last}", f"table ref {table.ref}")
    expect(table.autoFilter is not None or table.headerRowCount != 0, "filter buttons")
    expect([c.name for c in table.tableColumns] == head, "table headers")
    dvs = ws.data_validations.dataValidation
    expect(len(dvs) == 1 and dvs[0].type == "list", f"one list validation: {dvs}")
    letter = openpyxl.utils.get_column_letter(col["Advies triagetafel"] + 1)
    expect(str(dvs[0].sqref) == f"{letter}2:{letter}{last}", f"validation range {dvs[0].sqref}")
    expect(dvs[0].formula1.startswith("Keuzelijsten!$A$2"), f"choices on the hidden sheet: {dvs[0].formula1}")
    choices = [r[0] for r in wb["Keuzelijsten"].iter_rows(min_row=2, values_only=True)]
    expect("Herbeoordelen" in choices and len(choices) >= 4, f"choices {choices}")
    cf = ws.conditional_formatting
    bars = [(str(rng.sqref), rule.type) for rng in cf for rule in rng.rules]
    expect(("D2:D%d" % last, "dataBar") in bars, f"data bar on the score: {bars}")
    # widths fit the content
    w = ws.column_dimensions[openpyxl.utils.get_column_letter(col["Geneesmiddel"] + 1)].width
    longest = max(len(str(r[col["Geneesmiddel"]].value or "")) for r in data)
    expect(w >= min(longest, 44), f"medicine column width {w} for {longest} characters")
    # printing
    expect(ws.page_setup.orientation == "landscape", "landscape")
    expect(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None)
           and ws.page_setup.fitToHeight == 0, "fit to page width")
    expect(ws.print_title_rows == "1:1" or ws.print_title_rows == "$1:$1", f"header row repeated {ws.print_title_rows}")
    footer = ws.oddFooter.left.text + ws.oddFooter.center.text + ws.oddFooter.right.text
    expect("Prospectief" in footer and "pagina &P van &N" in footer and re.search(r"\d\d-\d\d-\d{4}", footer),
           f"footer {footer!r}")
    expect("VERTROUWELIJK" not in footer, "committee footer")
    # document properties
    p = wb.properties
    expect("Prospectief en Retrospectief" in p.title and re.search(r"\d\d-\d\d-\d{4}", p.title), f"title {p.title}")
    expect(p.creator == "Beleidsmedewerker" and p.subject and p.keywords and p.created, "properties")
    parts = xml_parts(out)
    expect("<Company>Projectteam</Company>" in parts["docProps/app.xml"], "company")
    # the native chart on Monitoring
    charts = [n for n in parts if n.startswith("xl/charts/chart")]
    expect(len(charts) >= 1 and any("<c:barChart>" in parts[n] for n in charts), f"charts {charts}")
    mon_index = [ws.title for ws in wb.worksheets].index("Monitoring") + 1
    rels = parts.get(f"xl/worksheets/_rels/sheet{mon_index}.xml.rels", "")
    expect("drawing" in rels, "chart drawn on the Monitoring sheet")
    # methode and bronnen in words
    methode = " ".join(str(v) for r in wb["Methode"].iter_rows(values_only=True) for v in r if v)
    for word in ("Basis", "Score = Σ", "10.000", "logaritmisch".capitalize()):
        expect(word in methode, f"Methode mentions {word!r}")
    bronnen = " ".join(str(v) for r in wb["Bronnen"].iter_rows(values_only=True) for v in r if v)
    for word in ("lijstprijzen", "voorlopig", "niet bij elkaar op"):
        expect(word in bronnen, f"Bronnen mentions {word!r}")


def test_formula_text_stays_text(d):
    db = demo_db(d)
    _, out_id, _ = run(db, "add-item", "--inn", "testmab", "--brand", FORMULA, "--indication",
                       "=1+1", "--status", "not_admitted", "--patients", "5000-8000", "--cost",
                       "90000", check=0)
    item_id = out_id.strip().splitlines()[-1]
    _, out_d, _ = run(db, "dossier", "start", item_id, check=0)
    dossier_id = re.findall(r"\d+", out_d)[0]
    long_text = "Lange onderbouwing " + "x" * 40000
    run(db, "dossier", "set", dossier_id, "rationale=" + long_text, "question=@SUM(A1:A9)", check=0)
    out = os.path.join(d, "lijst.xlsx")
    export(db, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Prospectief"]
    head, col = header_map(ws)
    found = [r for r in ws.iter_rows(min_row=2) if r[col["Geneesmiddel"]].value == FORMULA]
    expect(len(found) == 1, "the brand is there, literally")
    cell = found[0][col["Geneesmiddel"]]
    expect(cell.data_type == "s", f"string cell, not a formula: {cell.data_type}")
    expect(found[0][col["Indicatie"]].value == "=1+1" and found[0][col["Indicatie"]].data_type == "s",
           "indication as text")
    ws = wb["Dossiers"]
    head, col = header_map(ws)
    mine = [r for r in ws.iter_rows(min_row=2) if str(r[col["Dossier"]].value) == dossier_id]
    expect(len(mine) == 1, "dossier row")
    text = mine[0][col["Onderbouwing"]].value
    expect(len(text) <= 32767 and text.endswith("…[afgekapt]") and text.startswith("Lange onderbouwing"),
           f"cut with a marker ({len(text)} characters)")
    expect(mine[0][col["Herbeoordelingsvraag"]].value == "@SUM(A1:A9)", "question as text")
    for name, xml in xml_parts(out).items():
        if name.startswith("xl/worksheets/"):
            expect("<f>" not in xml and "<f " not in xml, f"no formula cell in {name}")


def test_confidential_only_in_internal(d):
    db = demo_db(d)
    _, item_csv, _ = run(db, "list", "--format", "csv", check=0)
    item_id = rows(item_csv)[0]["item_id"]
    code, out_id, err = run(db, "dossier", "start", item_id)
    if code != 0:  # the item may already have an open dossier in the demo data
        _, dl, _ = run(db, "dossiers", "--format", "csv", check=0)
        dossier_id = rows(dl)[0]["dossier_id"]
    else:
        dossier_id = re.findall(r"\d+", out_id)[0]
    run(db, "dossier", "set", dossier_id, "price_arrangement=GEHEIM-ARRANGEMENT-7731",
        "price_net=12345.67", "question=Openbare vraag 4411", check=0)
    run(db, "dossier", "note", dossier_id, "--text", "GEHEIME-NOTITIE-5522", "--confidential", check=0)
    run(db, "dossier", "note", dossier_id, "--text", "Openbare notitie 6633", check=0)

    committee = os.path.join(d, "commissie.xlsx")
    internal = os.path.join(d, "intern.xlsx")
    export(db, committee)
    _, msg, _ = export(db, internal, "--internal")
    com = "\n".join(xml_parts(committee).values())
    intern = "\n".join(xml_parts(internal).values())
    for secret in ("GEHEIM-ARRANGEMENT-7731", "GEHEIME-NOTITIE-5522", "12345.67"):
        expect(secret not in com, f"{secret} absent from the committee export")
        expect(secret in intern, f"{secret} present in the internal export")
    for public in ("Openbare vraag 4411", "Openbare notitie 6633"):
        expect(public in com and public in intern, f"{public} in both")
    expect("VERTROUWELIJK" not in com, "committee export not marked")
    wb = openpyxl.load_workbook(internal)
    expect(wb.properties.title.startswith("VERTROUWELIJK"), f"title {wb.properties.title}")
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        header = ws.oddHeader.left.text or ""
        footer = ws.oddFooter.left.text or ""
        expect("VERTROUWELIJK" in header and "VERTROUWELIJK" in footer, f"{ws.title}: header/footer marked")


def _limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # SQLite's shared-memory file needs 32 KiB; the workbook needs more than 36.
    resource.setrlimit(resource.RLIMIT_FSIZE, (36 * 1024, resource.RLIM_INFINITY))


def test_failed_export_leaves_previous_file(d):
    db = demo_db(d)
    out_dir = os.path.join(d, "out")
    os.mkdir(out_dir)
    target = os.path.join(out_dir, "lijst.xlsx")
    with open(target, "wb") as f:
        f.write(b"previous workbook")

    # 1. the folder does not exist
    missing = os.path.join(d, "no-such-folder", "lijst.xlsx")
    code, out, err = export(db, missing, check=1)
    expect(not os.path.exists(os.path.dirname(missing)), "nothing created")
    expect(err.count("\n") == 1 and missing in err and "does not exist" in err, f"one clear line: {err!r}")

    # 2. the disk is full (file size limit, which also holds for root)
    p = subprocess.run([CLI, "--db", db, "export", target], capture_output=True, text=True,
                       preexec_fn=_limit_file_size, env=dict(os.environ, **LSAN_ENV))
    expect(p.returncode == 1, f"exit {p.returncode}: {p.stderr!r}")
    expect(p.stderr.count("\n") == 1 and target in p.stderr, f"one line naming the file: {p.stderr!r}")
    expect(open(target, "rb").read() == b"previous workbook", "previous file untouched")
    expect(sorted(os.listdir(out_dir)) == ["lijst.xlsx"], f"no temporary file left: {os.listdir(out_dir)}")

    # 3. a place nobody can create files in (also as root)
    code, out, err = export(db, "/proc/hrb-export-test.xlsx", check=1)
    expect(err.count("\n") == 1 and "/proc/hrb-export-test.xlsx" in err and "does not accept" in err,
           f"{err!r}")
    # and a file where a folder should be
    code, out, err = export(db, "/dev/null/lijst.xlsx", check=1)
    expect(err.count("\n") == 1 and "is not a folder" in err, f"{err!r}")

    # 4. a read-only folder (only meaningful for a normal user; root ignores modes)
    if os.geteuid() != 0:
        os.chmod(out_dir, 0o555)
        try:
            code, out, err = export(db, target, check=1)
            expect("permission denied" in err, f"{err!r}")
        finally:
            os.chmod(out_dir, 0o755)
        expect(open(target, "rb").read() == b"previous workbook", "previous file untouched")
    # 5. a successful export replaces it
    export(db, target)
    expect(zipfile.is_zipfile(target) and sorted(os.listdir(out_dir)) == ["lijst.xlsx"], "replaced")


def test_usage_and_options(d):
    db = demo_db(d)
    out = os.path.join(d, "x.xlsx")
    expect(run(db, "export")[0] == 2, "missing file: usage")
    expect(run(db, "export", os.path.join(d, "x.csv"))[0] == 2, "not .xlsx: usage")
    expect(run(db, "export", out, "--stream", "sideways")[0] == 2, "bad stream: usage")
    expect(run(db, "export", out, "--sheets", "ranking,coffee")[0] == 2, "bad sheet: usage")
    code, _, err = run(db, "export", out, "--frozen", "Bestaat niet 2031", env=LSAN_ENV)
    expect(code == 1 and "Bestaat niet 2031" in err and not os.path.exists(out), f"unknown frozen list: {err!r}")
    export(db, out, "--stream", "retrospective", "--sheets", "ranking,method")
    wb = openpyxl.load_workbook(out)
    expect([ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == ["Retrospectief", "Methode"],
           f"{wb.sheetnames}")


if __name__ == "__main__":
    main([test_sheets_and_cells_equal_score_csv, test_frozen_list_exports_as_frozen,
          test_formats_panes_table_validation_print,
          test_formula_text_stays_text, test_confidential_only_in_internal,
          test_failed_export_leaves_previous_file, test_usage_and_options])
