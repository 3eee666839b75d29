"""Walks the accessible tree of every page and fails on any control a user
can focus or click that has no name (as a screen reader user would meet it),
and on any list or table without a name."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from atspi_driver import App, Atspi  # noqa: E402

# GTK names an element after its class when the application gave it no name.
UNNAMED = re.compile(r"^(Gtk|Adw)[A-Za-z]+$")
CONTROLS = {"push button", "toggle button", "check box", "radio button", "menu item", "link",
            "combo box", "page tab", "entry", "password text", "spin button", "slider",
            "list item", "table cell", "tree item", "check menu item", "radio menu item"}
CONTAINERS_NEEDING_NAMES = {"list", "table", "tree table", "tree"}
# Rows of a GtkColumnView: GTK 4.8 has no API to label them (GtkColumnViewRow
# arrived in 4.12); their cells carry the text, which we check instead.
ROW_ROLES = {"table row"}
# Entries of a pop-up list (a drop-down's choices) are read by their text.
CONTENT_ROLES = {"list item"}
PAGES = ("Prospective", "Retrospective", "Dossiers", "Monitoring")


def path_of(node):
    names = []
    p = node.get_parent()
    while p is not None and len(names) < 4:
        n = p.get_name()
        if n and not UNNAMED.match(n):
            names.append(n)
        p = p.get_parent()
    return " < ".join(names) or "(window)"


def check(app, node):
    role, name = node.get_role_name(), (node.get_name() or "").strip()
    st = node.get_state_set()
    if not st.contains(Atspi.StateType.VISIBLE):
        return None
    if role in ROW_ROLES:
        texts = [c.get_name() for c in app.walk(node) if c.get_role_name() == "label" and c.get_name()]
        return None if texts else "a table row without any text"
    if role in CONTENT_ROLES and not name:
        texts = [c.get_name() for c in app.walk(node) if c.get_role_name() == "label" and c.get_name()]
        if texts:
            return None
    focusable = st.contains(Atspi.StateType.FOCUSABLE)
    action = node.get_action_iface()
    clickable = action is not None and action.get_n_actions() > 0
    if role in CONTROLS and (focusable or clickable) and (not name or UNNAMED.match(name)):
        return f"{role} without a name ({name!r})"
    if role in CONTAINERS_NEEDING_NAMES and (not name or UNNAMED.match(name)):
        return f"{role} without a name ({name!r})"
    return None


def main():
    # A database with a frozen list, so that the Frozen Lists window shows one.
    cli = os.environ["HRB_CLI"]
    tmp = tempfile.mkdtemp(prefix="hrb-sweep-")
    db = os.path.join(tmp, "sweep.db")
    subprocess.run([cli, "--db", db, "init", "--demo"], check=True, capture_output=True)
    subprocess.run([cli, "--db", db, "freeze", "--stream", "prospective", "--name", "Triagetafel januari",
                    "--date", "2027-01-15"], check=True, capture_output=True)
    app = App(db=db)
    problems = set()
    visited = []
    try:
        app.wait_for(lambda: app.find_all("table row"), what="the lists")
        for page in PAGES:
            tabs = app.find_all("page tab", page)
            if not tabs:
                problems.add(f"no page tab {page!r}")
                continue
            app.activate(tabs[0])
            visited.append(page)
        # Dialogs opened from the menu and shortcuts.
        for action in ("new-item", "import", "export", "frozen-lists"):
            app.window_action(action)
            visited.append(f"win.{action}")
        for node in app.walk():
            try:
                problem = check(app, node)
                if problem:
                    problems.add(f"{problem} in {path_of(node)}")
            except Exception:  # noqa: BLE001 - a node that vanished while walking
                continue
    finally:
        app.close()
    for p in sorted(problems):
        print("not ok -", p)
    print(f"# pages visited: {', '.join(visited)}")
    print(f"{0 if problems else 1} passed, {1 if problems else 0} failed")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
