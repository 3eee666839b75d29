#!/usr/bin/python3
"""Checks the Dutch translation and the list of translatable files.

Usage: check-po.py [--source-root DIR] [complete|potfiles|uptodate|all]

  complete  po/nl.po has no untranslated and no fuzzy entries, and msgfmt
            --check accepts it (format strings match, plural forms header).
  potfiles  every file under src/, ui/ and data/ that marks strings for
            translation is listed in po/POTFILES.in, and every listed file
            exists.
  uptodate  every string that xgettext extracts from the files in
            POTFILES.in today has a (non-fuzzy) entry in po/nl.po.
  terms     the Dutch follows the terminology table of the product
            (docs/ux.md, "Terminology"): a message that uses one of its
            English terms uses the Dutch term in its translation.
  formats   no translatable string has a format that xgettext cannot parse
            (a GLib macro such as G_GINT64_FORMAT inside _()): such a
            string is never translated at run time.
  all       all of the above (the default); prints what is missing.
  sync      rewrites po/POTFILES.in: adds the files that mark strings,
            drops the files that no longer exist (not a test).

Exit status 0 when every selected check passes, 1 otherwise. Run it from
anywhere; the source root defaults to two levels above this file.
"""

import os
import re
import subprocess
import sys
import tempfile

MARKERS = re.compile(r'\b_\(|\bN_\(|\bC_\(|\bNC_\(|ngettext|translatable="yes"')
SCANNED_DIRS = ("src", "ui", "data")
SCANNED_SUFFIXES = (".c", ".h", ".ui", ".in", ".xml")

# Same keywords as meson's 'glib' preset plus the args in po/meson.build.
XGETTEXT_ARGS = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def read_potfiles(root):
    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
    return listed


def po_entries(path):
    """Returns a dict msgid -> (msgstr list, fuzzy) from a PO or POT file,
    keyed by (msgctxt, msgid). Obsolete (#~) entries are skipped."""
    entries = {}
    cur = None
    field = None

    def flush():
        if cur is not None and "msgid" in cur and (cur["msgid"] != "" or cur.get("msgctxt")):
            key = (cur.get("msgctxt"), cur["msgid"])
            entries[key] = cur

    def unquote(s):
        s = s.strip()
        assert s.startswith('"') and s.endswith('"'), s
        return bytes(s[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("#~"):
                continue
            if not line.strip():
                if cur is not None:
                    flush()
                cur, field = None, None
                continue
            if cur is None:
                cur = {"fuzzy": False, "msgstr": {}}
            if line.startswith("#,") and "fuzzy" in line:
                cur["fuzzy"] = True
            elif line.startswith("#"):
                continue
            elif line.startswith("msgctxt "):
                field = "msgctxt"
                cur[field] = unquote(line[8:])
            elif line.startswith("msgid_plural "):
                field = "msgid_plural"
                cur[field] = unquote(line[13:])
            elif line.startswith("msgid "):
                field = "msgid"
                cur[field] = unquote(line[6:])
            elif line.startswith("msgstr["):
                idx = int(line[7:line.index("]")])
                field = ("msgstr", idx)
                cur["msgstr"][idx] = unquote(line[line.index("]") + 1:])
            elif line.startswith("msgstr "):
                field = ("msgstr", 0)
                cur["msgstr"][0] = unquote(line[7:])
            elif line.startswith('"'):
                if isinstance(field, tuple):
                    cur["msgstr"][field[1]] += unquote(line)
                elif field:
                    cur[field] += unquote(line)
        if cur is not None:
            flush()
    return entries


def check_complete(root):
    po = os.path.join(root, "po", "nl.po")
    ok = True
    if not os.path.exists(po):
        print("po/nl.po does not exist")
        return False
    r = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po])
    stats = r.stderr.strip()
    print("msgfmt:", stats)
    if r.returncode != 0:
        print("msgfmt --check rejects po/nl.po")
        ok = False
    untranslated, fuzzy = [], []
    for (ctxt, msgid), e in po_entries(po).items():
        label = (ctxt + "|" if ctxt else "") + msgid
        if e["fuzzy"]:
            fuzzy.append(label)
        elif not e["msgstr"] or any(v == "" for v in e["msgstr"].values()):
            untranslated.append(label)
    for label in untranslated:
        print("untranslated:", json_quote(label))
    for label in fuzzy:
        print("fuzzy:", json_quote(label))
    if untranslated or fuzzy:
        ok = False
    if re.search(r"fuzzy|untranslated", stats):
        ok = False
    with open(po, encoding="utf-8") as f:
        header = f.read().split("\n\n", 1)[0]
    if 'Plural-Forms: nplurals=2; plural=(n != 1);' not in header:
        print("po/nl.po lacks the header \"Plural-Forms: nplurals=2; plural=(n != 1);\"")
        ok = False
    if "Language: nl" not in header:
        print("po/nl.po lacks the header \"Language: nl\"")
        ok = False
    print("complete:", "yes" if ok else "NO")
    return ok


def json_quote(s):
    return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"') + '"'


def marked_files(root):
    found = []
    for d in SCANNED_DIRS:
        top = os.path.join(root, d)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SCANNED_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                if name.endswith((".c", ".h")):
                    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
                if name.endswith((".desktop.in", ".metainfo.xml.in")) or \
                        (name.endswith(".gschema.xml") and "<summary" in text) or \
                        MARKERS.search(text):
                    found.append(os.path.relpath(path, root))
    return found


def check_potfiles(root):
    listed = read_potfiles(root)
    ok = True
    for path in listed:
        if not os.path.exists(os.path.join(root, path)):
            print("POTFILES.in lists a missing file:", path)
            ok = False
    for path in marked_files(root):
        if path not in listed:
            print("not in po/POTFILES.in:", path)
            ok = False
    print("potfiles:", "yes" if ok else "NO")
    return ok


def sync_potfiles(root):
    listed = [p for p in read_potfiles(root) if os.path.exists(os.path.join(root, p))]
    paths = sorted(set(listed) | set(marked_files(root)))
    path = os.path.join(root, "po", "POTFILES.in")
    with open(path, encoding="utf-8") as f:
        comments = [l for l in f if l.startswith("#")]
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(comments)
        f.write("\n".join(paths) + "\n")
    print("po/POTFILES.in: %d files" % len(paths))
    return True


def extract(root, listed, pot):
    existing = [p for p in listed if os.path.exists(os.path.join(root, p))]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as lst:
        lst.write("\n".join(existing) + "\n")
    try:
        r = run(["xgettext", "--package-name=herbeoordeling", "-o", pot,
                 "--directory=" + root, "--files-from=" + lst.name] + XGETTEXT_ARGS)
    finally:
        os.unlink(lst.name)
    return r


# The terminology table (English pattern -> Dutch stem the translation must
# contain). Codes in messages (option names, [groups], “quoted” values,
# snake_case keys, "use a, b or c" lists) are ignored.
TERMS = [
    (r"\bprospective\b", "prospectie"), (r"\bretrospective\b", "retrospectie"),
    (r"\bmedicines?\b", "geneesmiddel"), (r"active substance", "werkzame stof"),
    (r"\bindications?\b", "indicatie"), (r"\bdomains?\b", "domein"),
    (r"package status", "pakketstatus"), (r"\bpatients?\b", "patiënt"),
    (r"cost per patient", "kosten per patiënt"), (r"budget impact", "budgetimpact"),
    (r"relative budget impact", "relatieve budgetimpact"), (r"\brank range|rank interval", "rangbereik"),
    (r"\bunstable\b", "instabiel"), (r"\beligible\b", "in aanmerking"),
    (r"prioriti[sz]ation method|scoring method", "prioriteringsmethode"),
    (r"\bcriteri(on|a)\b", "criteri"), (r"\bweights?\b", "gewicht"),
    (r"\bfrozen lists?\b", "vastgestelde lijst"), (r"\bstages?\b", "fase"),
    (r"must act", "aan zet"), (r"\bdue date", "deadline"), (r"\bparked\b", "geparkeerd"),
    (r"\bdropped\b", "afgevoerd"), (r"\bclosed\b", "afgesloten"),
    (r"control measure", "beheersmaatregel"), (r"triage table", "triagetafel"),
    (r"\badvice\b", "advies"), (r"follow-up date", "herbeoordelingsdatum"),
    (r"\bconfidential\b", "vertrouwelijk"), (r"\bvintages?\b|reference date", "peildat"),
    (r"lead times?", "doorlooptijd"), (r"audit trail|change history", "wijzigingshistorie"),
    (r"\bworkbooks?\b", "werkmap"), (r"^unknown$", "onbekend"),
]


def strip_codes(text):
    text = re.sub(r"--[a-z0-9-]+", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)
    text = re.sub(r"“[^”]*”", "", text)
    text = re.sub(r"\b[a-z0-9]+_[a-z0-9_]+\b", "", text)
    text = re.sub(r"^[a-z_]+:\s", "", text)
    text = re.sub(r"\(use [^)]*\)|\buse [a-z0-9, ;-]+ or [a-z0-9-]+", "", text)
    text = re.sub(r"^(start|move|park|drop|set|measure|note|show|history) [A-Z_]+.*$", "", text)
    return text


def check_terms(root):
    ok = True
    for (ctxt, msgid), e in po_entries(os.path.join(root, "po", "nl.po")).items():
        if e["fuzzy"] or not any(e["msgstr"].values()):
            continue
        english = strip_codes(msgid + " " + e.get("msgid_plural", ""))
        dutch = " ".join(e["msgstr"].values()).lower().replace("ï", "i")
        for pattern, stem in TERMS:
            # The stream codes stay as they are where a message lists the
            # values an option takes ("prospective of retrospective").
            code = pattern in (r"\bprospective\b", r"\bretrospective\b") and \
                re.search(pattern, dutch)
            if re.search(pattern, english, re.I) and stem not in dutch and not code:
                print("terminology: %s uses %r, its translation lacks “%s”: %s"
                      % (json_quote(msgid), pattern, stem, json_quote(dutch)))
                ok = False
    print("terminology:", "yes" if ok else "NO")
    return ok


def check_formats(root):
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        r = extract(root, read_potfiles(root), os.path.join(tmp, "herbeoordeling.pot"))
        if r.returncode != 0:
            print("xgettext failed:", r.stderr.strip())
            return False
        for line in r.stderr.splitlines():
            if "not a valid C format string" in line:
                print("%s: a format macro (such as G_GINT64_FORMAT) inside _(): xgettext cannot read"
                      " it, so the translation is never used; use %%lld with a (long long) cast"
                      % line.split(": warning")[0])
                ok = False
    print("format strings:", "yes" if ok else "NO")
    return ok


def check_uptodate(root):
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "herbeoordeling.pot")
        r = extract(root, read_potfiles(root), pot)
        if r.returncode != 0:
            print("xgettext failed:", r.stderr.strip())
            return False
        po = os.path.join(root, "po", "nl.po")
        have = po_entries(po) if os.path.exists(po) else {}
        missing = [k for k in po_entries(pot) if k not in have or have[k]["fuzzy"]]
        for ctxt, msgid in missing:
            print("missing in po/nl.po:", json_quote((ctxt + "|" if ctxt else "") + msgid))
        if missing:
            print("%d string(s) need a translation: run `meson compile -C BUILDDIR "
                  "herbeoordeling-pot herbeoordeling-update-po` and translate them" % len(missing))
            ok = False
    print("up to date:", "yes" if ok else "NO")
    return ok


def main():
    args = sys.argv[1:]
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    if len(args) >= 2 and args[0] == "--source-root":
        root = args[1]
        args = args[2:]
    mode = args[0] if args else "all"
    checks = {"complete": check_complete, "potfiles": check_potfiles, "uptodate": check_uptodate,
              "terms": check_terms, "formats": check_formats}
    if mode == "all":
        results = [f(root) for f in checks.values()]
    elif mode == "sync":
        results = [sync_potfiles(root)]
    elif mode in checks:
        results = [checks[mode](root)]
    else:
        print(__doc__)
        return 2
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
