"""The sources never build SQL from data, and the programs open no network
connection."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli"))
from clitest import CLI, expect, main  # noqa: E402

ROOT = os.environ.get("HRB_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))

# Calls that take SQL text, and the argument position of that text.
SQL_CALLS = {
    "sqlite3_prepare_v2": 1, "sqlite3_prepare_v3": 1, "sqlite3_prepare": 1, "sqlite3_exec": 1,
    "hrb_store_prepare": 1, "hrb_store_exec": 1,
}
# Places where a non-literal SQL text is known to be safe, with the reason.
ALLOWED = {
    ("src/core/hrb-store.c", "set_version"): "PRAGMA user_version takes no parameter; the value is our own integer",
    ("src/core/hrb-store.c", "sql"): "migration SQL read from the compiled-in resources",
    ("src/core/hrb-store-import.c", "queries[q]"): "a static table of literal queries",
    ("src/core/hrb-store-import.c", "sql"): "query_int64() and fill_table() are called with literal queries only",
    ("src/core/hrb-store-import.c", "kind->sql_n"): "insert_rows() gets the writer's literal INSERT texts only",
    ("src/core/hrb-store-import.c", "kind->sql_1"): "insert_rows() gets the writer's literal INSERT texts only",
    ("src/core/hrb-store-import.c", "indexes->definitions"): "a static query of the writer's index sets",
    ("src/core/hrb-store-import.c", "indexes->drop[i]"): "the writer's literal DROP INDEX statements",
    ("src/core/hrb-store-import.c", "definition"): "an index definition read from sqlite_schema before the index was dropped",
}
DECLARATION = re.compile(r"\bconst\s+char\s*\*|\bHrbStore\s*\*")


def c_sources():
    for base in ("src",):
        for dirpath, _, files in os.walk(os.path.join(ROOT, base)):
            for f in files:
                if f.endswith((".c", ".h")):
                    yield os.path.join(dirpath, f)


def split_args(text):
    """Splits the text after an opening parenthesis into top-level arguments."""
    depth, cur, args, i, in_str = 0, "", [], 0, False
    while i < len(text):
        ch = text[i]
        if in_str:
            cur += ch
            if ch == "\\":
                cur += text[i + 1]
                i += 1
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
            cur += ch
        elif ch in "([{":
            depth += 1
            cur += ch
        elif ch in ")]}":
            if depth == 0:
                args.append(cur.strip())
                return args
            depth -= 1
            cur += ch
        elif ch == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    return args


SQL_WORDS = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE|DROP TABLE)\b")
LITERAL = re.compile(r'^(\s*("([^"\\]|\\.)*"|[A-Z_][A-Z0-9_]*)\s*)+$')


def test_sql_is_never_built_from_data(d):
    problems = []
    for path in c_sources():
        rel = os.path.relpath(path, ROOT)
        text = open(path, encoding="utf-8").read()
        # printf-style SQL building is never allowed: no format string may
        # hold SQL.
        for m in re.finditer(r"\b(\w*printf)\s*\(", text):
            args = split_args(text[m.end():])
            fmt = next((a for a in args if a.startswith('"')), "")
            if SQL_WORDS.search(fmt):
                line = text[:m.start()].count("\n") + 1
                problems.append(f"{rel}:{line}: SQL built with {m.group(1)}: {fmt[:60]}")
        for name, pos in SQL_CALLS.items():
            # Calls are indented; a name at the start of a line is the
            # function's own definition or declaration.
            for m in re.finditer(r"(?<=[^\n])\b" + name + r"\s*\(", text):
                args = split_args(text[m.end():])
                if len(args) <= pos:
                    continue
                sql = args[pos]
                if DECLARATION.search(args[0]) or DECLARATION.search(sql):
                    continue
                if LITERAL.match(sql):
                    continue
                if (rel, sql) in ALLOWED:
                    continue
                line = text[:m.start()].count("\n") + 1
                problems.append(f"{rel}:{line}: {name} with SQL that is not a literal: {sql[:60]}")
    expect(not problems, "\n".join(problems))


def test_no_network(d):
    out = subprocess.run(["ldd", CLI], capture_output=True, text=True).stdout
    for lib in ("libsoup", "libcurl", "libnghttp"):
        expect(lib not in out, f"the CLI links {lib}")
    for path in c_sources():
        text = open(path, encoding="utf-8").read()
        for call in (r"(?<!\w)socket\s*\(", r"(?<!\w)connect\s*\(", r"g_socket_client", r"GSocketClient",
                     r"\bsoup_", r"g_network_monitor"):
            expect(not re.search(call, text), f"{os.path.relpath(path, ROOT)} matches {call}")


if __name__ == "__main__":
    main([test_sql_is_never_built_from_data, test_no_network])
