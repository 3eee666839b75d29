"""The main journeys through the running application, driven through the
accessibility tree the way a screen reader user works."""
import os
import re
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(__file__))
from atspi_driver import App, Atspi  # noqa: E402


def count_of(app, page):
    """The "N of M items" label of list page 0 (prospective) or 1."""
    counts = []
    for n in app.find_all("label"):
        m = re.match(r"^(\d+) of (\d+) items?$", n.get_name() or "")
        if m:
            counts.append((int(m.group(1)), int(m.group(2))))
    if len(counts) < 2:
        raise AssertionError(f"item counts on screen: {counts}")
    return counts[page]


def test_start_switch_and_search(app):
    app.wait_for(lambda: app.find_all("label", None) and count_of(app, 0)[1] > 0, what="the items")
    shown, total = count_of(app, 0)
    assert total >= 20 and shown == total, f"prospective list: {shown} of {total}"
    app.activate(app.find("page tab", "Retrospective"))
    r_shown, r_total = count_of(app, 1)
    assert r_total >= 20 and r_total != total, f"retrospective list: {r_shown} of {r_total}"
    search = app.find_all("entry", "Search items")[1]
    app.type_text(search, "humira")
    app.wait_for(lambda: count_of(app, 1)[0] < r_total, what="the search to narrow the list")
    narrowed, _ = count_of(app, 1)
    assert 1 <= narrowed < r_total, f"search gave {narrowed} of {r_total}"
    assert count_of(app, 0) == (total, total), "the other list is not filtered"
    app.type_text(search, "")
    app.wait_for(lambda: count_of(app, 1)[0] == r_total, what="the full list back")


def row_texts(app, row):
    return [c.get_name() for c in app.walk(row) if c.get_role_name() == "label" and c.get_name()]


def detail_value(app, name):
    """The value shown next to a figure's name in the side pane."""
    item = app.find("list item", name)
    values = [c.get_name() for c in app.walk(item) if c.get_role_name() == "label" and c.get_name() != name]
    return values[0] if values else None


def test_open_item_shows_details(app):
    app.wait_for(lambda: len(app.find_all("table row")) > 3, what="the rows")
    table = next(t for t in app.find_all("list") if t.get_child_count() > 3
                 and t.get_child_at_index(0).get_role_name() == "table row")
    # Some item is selected at the start: its patients are in the pane.
    app.wait_for(lambda: detail_value(app, "Patients"), what="an item in the side pane")
    before = detail_value(app, "Patients")
    index = next(i for i in range(1, table.get_child_count())
                 if before not in row_texts(app, table.get_child_at_index(i)))
    wanted = row_texts(app, table.get_child_at_index(index))
    assert Atspi.Selection.select_child(table, index)
    app.wait_for(lambda: detail_value(app, "Patients") in wanted,
                 what=f"the side pane to show the patients of the selected row {wanted}")


def history_texts(app):
    return [n.get_name() or "" for n in app.find_all("list item")]


def test_start_dossier_and_move_a_stage(app):
    app.wait_for(lambda: len(app.find_all("table row")) > 3, what="the rows")
    app.activate(app.button("Start Dossier"))
    app.activate(app.button("Next Stage"))
    dialog = app.frame("Next Stage")
    due = next(n for n in app.walk(dialog) if n.get_role_name() == "text" and n.get_name() == "Due date (optional)")
    app.type_text(due, "2027-01-31")
    app.activate(app.button("Move", node=dialog))
    app.wait_for(lambda: all(f.get_name() != "Next Stage" for f in app.frames()), what="the dialog to close")
    app.wait_for(lambda: any("→ prioritised" in t for t in history_texts(app)),
                 what="the move in the change history")
    assert any("2027-01-31" in t for t in history_texts(app)), "the due date is not in the history"


def test_import_a_fixture(app):
    before = count_of(app, 0)[1]
    assistant = app.frame("Import")
    # The file came from the command line ("Open With"): format, columns,
    # check, import.
    for _ in range(6):
        if all(f.get_name() != "Import" for f in app.frames()):
            break
        nxt = app.button("Next", node=assistant, timeout=2) if any(
            "Next" in (n.get_name() or "") for n in app.walk(assistant) if n.get_role_name() == "push button") else app.button("Import", node=assistant)
        app.wait_for(lambda: nxt.get_state_set().contains(Atspi.StateType.SENSITIVE), timeout=30,
                     what="the assistant's next step")
        app.activate(nxt)
        time.sleep(1.5)
    app.wait_for(lambda: count_of(app, 0)[1] == before + 67, timeout=60,
                 what=f"67 more prospective items (had {before})")


def test_export_a_workbook(app):
    out = os.path.join(app.tmp, "commissie.xlsx")
    app.wait_for(lambda: len(app.find_all("table row")) > 3, what="the rows")
    app.window_action("export")
    dialog = app.frame("Export to Excel")
    app.activate(app.button("Export…", node=dialog))
    # The file chooser: its name field takes a whole path.
    app.wait_for(lambda: any(n.get_role_name() == "text" and n.get_name() == "Name:" for n in app.walk()),
                 what="the file name field")
    name = next(n for n in app.walk() if n.get_role_name() == "text" and n.get_name() == "Name:")
    app.type_text(name, out)
    chooser = app.frames()[-1]
    app.activate(app.button("Save", node=chooser))
    app.wait_for(lambda: os.path.exists(out), timeout=60, what=f"{out} to be written")
    import zipfile
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    assert "xl/workbook.xml" in names, names


JOURNEYS = [test_start_switch_and_search, test_open_item_shows_details,
            test_start_dossier_and_move_a_stage, test_export_a_workbook]
FIXTURE = os.path.join(os.environ.get("HRB_FIXTURES", "../shared/fixtures"), "horizonscan_sample_67.csv")


def main():
    failed = 0
    runs = [(j, ()) for j in JOURNEYS] + [(test_import_a_fixture, (FIXTURE,))]
    for journey, args in runs:
        app = App(args=args)
        try:
            journey(app)
            print(f"ok - {journey.__name__}")
        except Exception as e:  # noqa: BLE001
            failed += 1
            print(f"not ok - {journey.__name__}: {e}")
            traceback.print_exc()
        finally:
            app.close()
    print(f"{len(runs) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
