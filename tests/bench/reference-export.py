#!/usr/bin/python3
"""Reference for bench-export: Debian's python3-xlsxwriter writing the same
ranking cells with the same formats as herbeoordeling's exporter (Excel table
with filter buttons, data bar on the score, dropdown from a hidden sheet,
frozen panes, fitted column widths, landscape print setup with repeated
header row and footer, euro/percentage/integer formats).

    reference-export.py ROWS.tsv OUT.xlsx [--constant-memory]

ROWS.tsv comes from `bench-export --dump` (the rows ready-made, so no
scoring happens here). Prints write_ms= (workbook creation to close).
"""
import sys
import time

import xlsxwriter

FIXED = ["Rang", "Beste rang", "Slechtste rang", "Score", "Instabiel", "In aanmerking",
         "Geneesmiddel", "Werkzame stof", "ATC", "Indicatie", "Domein", "Setting",
         "Patiënten (laag)", "Patiënten (hoog)", "Kosten per patiënt per jaar",
         "Budgetimpact (laag)", "Budgetimpact (hoog)", "Relatieve budgetimpact", "Sluis",
         "Dossierfase", "Aan zet"]
TAIL = ["Reden niet in aanmerking", "Item-id", "Advies triagetafel", "Toelichting"]
CHOICES = ["Herbeoordelen met voorrang", "Herbeoordelen", "Eerst meer informatie verzamelen",
           "Parkeren tot nieuwe informatie", "Geen herbeoordeling nodig", "Niet besproken"]
# column kinds: n = number with a format key, s = text, b = bold text, f = centred flag
KINDS = (["n:", "n:", "n:", "n:score", "f", "f", "b", "s", "s", "s", "s", "s", "n:int", "n:int",
          "n:euro", "n:euro", "n:euro", "n:percent", "f", "s", "s"])


def read_rows(path):
    sheets = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "#SHEET":
                sheets.append((parts[1], int(parts[2]), []))
            else:
                sheets[-1][2].append(parts[1:])
    return sheets


def main():
    src, out = sys.argv[1], sys.argv[2]
    constant = "--constant-memory" in sys.argv
    sheets = read_rows(src)
    t0 = time.monotonic()
    wb = xlsxwriter.Workbook(out, {"constant_memory": constant})
    f = {
        "header": wb.add_format({"bold": True, "text_wrap": True, "valign": "top",
                                 "bg_color": "#DDE7F0", "bottom": 1}),
        "text": wb.add_format({"valign": "top"}),
        "bold": wb.add_format({"bold": True, "valign": "top"}),
        "flag": wb.add_format({"align": "center", "valign": "top"}),
        "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
        "input": wb.add_format({"bg_color": "#FFF8DC", "text_wrap": True, "valign": "top",
                                "locked": False}),
        "int": wb.add_format({"num_format": "#,##0", "valign": "top"}),
        "number": wb.add_format({"num_format": "#,##0.0", "valign": "top"}),
        "score": wb.add_format({"num_format": "0.0", "valign": "top"}),
        "euro": wb.add_format({"num_format": "[$€-413] #,##0", "valign": "top"}),
        "percent": wb.add_format({"num_format": "0.0%", "valign": "top"}),
        "": None,
    }
    wb.set_properties({"title": "Herbeoordeling – Prospectief en Retrospectief", "author": "Benchmark",
                       "subject": "Prioritering van dure geneesmiddelen", "company": ""})
    for name, n_contrib, rows in sheets:
        ws = wb.add_worksheet(name)
        headers = FIXED + [f"Bijdrage {i}" for i in range(n_contrib)] + TAIL
        kinds = KINDS + ["n:number"] * n_contrib + ["w", "n:", "s", "s"]
        widths = [len(h) * 0.6 + 2 for h in headers]
        for r, values in enumerate(rows, start=1):
            for c, v in enumerate(values):
                if v == "":
                    continue
                k = kinds[c]
                if k[0] == "n":
                    ws.write_number(r, c, float(v), f[k[2:]])
                    if r < 2000:
                        d = len(str(int(abs(float(v)))))
                        widths[c] = max(widths[c], min(d + d // 3 + 4, 45))
                else:
                    ws.write_string(r, c, v, {"b": f["bold"], "f": f["flag"], "w": f["wrap"]}.get(k, f["text"]))
                    if widths[c] < 45:
                        widths[c] = max(widths[c], min(len(v) + 1.5, 45))
        last = max(len(rows), 1)
        ws.add_table(0, 0, last, len(headers) - 1, {
            "name": "Lijst_" + name, "style": "Table Style Light 9",
            "columns": [{"header": h, "header_format": f["header"]} for h in headers]})
        ws.conditional_format(1, 3, last, 3, {"type": "data_bar", "bar_color": "#5B9BD5",
                                              "bar_solid": True, "min_type": "num", "min_value": 0,
                                              "max_type": "num", "max_value": 100})
        advice = len(headers) - 2
        ws.data_validation(1, advice, last, advice, {
            "validate": "list", "source": f"=Keuzelijsten!$A$2:$A${len(CHOICES) + 1}",
            "input_title": "Advies triagetafel",
            "input_message": "Kies het advies van de triagetafel uit de lijst.",
            "error_type": "warning"})
        ws.freeze_panes(1, 7)
        for c, w in enumerate(widths):
            ws.set_column(c, c, max(w, 6), f["input"] if c >= advice else None)
        ws.set_row(0, 45)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_header(f"&LHerbeoordeling dure geneesmiddelen&C{name}")
        ws.set_footer(f"&L{name}&C23-11-2026&Rpagina &P van &N")
    choices = wb.add_worksheet("Keuzelijsten")
    choices.write_string(0, 0, "Advies triagetafel", f["bold"])
    for i, c in enumerate(CHOICES, start=1):
        choices.write_string(i, 0, c)
    choices.hide()
    wb.close()
    print(f"write_ms={(time.monotonic() - t0) * 1000:.1f}")


if __name__ == "__main__":
    main()
