"""Drives the running application through the accessibility tree (AT-SPI),
the way a screen reader user does: by role and accessible name."""
import os
import subprocess
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

APP_BIN = os.environ.get("HRB_APP") or os.path.join(
    os.environ.get("HRB_BUILD_ROOT", "build"), "src", "gui", "herbeoordeling")
SCHEMA_DIR = os.path.join(os.environ.get("HRB_BUILD_ROOT", "build"), "data")


class App:
    """Starts herbeoordeling on a fresh database and finds it on the bus."""

    def __init__(self, db=None, env=None, lang="C.UTF-8", args=()):
        self.tmp = tempfile.mkdtemp(prefix="hrb-e2e-")
        self.db = db or os.path.join(self.tmp, "e2e.db")
        e = dict(os.environ, HERBEOORDELING_DB=self.db, GSETTINGS_BACKEND="memory",
                 GSETTINGS_SCHEMA_DIR=SCHEMA_DIR, GSK_RENDERER="cairo", LC_ALL=lang,
                 HERBEOORDELING_AUTHOR="E2E Tester", GTK_A11Y="atspi", NO_AT_BRIDGE="0")
        if env:
            e.update(env)
        # A display that refuses a connection for a moment (seen under a busy
        # Xvfb) is retried a few times before the test fails.
        for attempt in range(3):
            self.proc = subprocess.Popen([APP_BIN, *args], env=e, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, text=True)
            try:
                self.root = self._find_app(30)
                break
            except AssertionError as err:
                if "cannot open display" not in str(err) or attempt == 2:
                    raise
                time.sleep(2)

    def _find_app(self, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise AssertionError(f"the application exited: {self.proc.stderr.read()[-2000:]}")
            desk = Atspi.get_desktop(0)
            for i in range(desk.get_child_count()):
                a = desk.get_child_at_index(i)
                try:
                    if a is not None and a.get_process_id() == self.proc.pid and a.get_child_count() > 0:
                        return a
                except gi.repository.GLib.Error:
                    pass
            time.sleep(0.2)
        raise AssertionError("the application did not appear on the accessibility bus")

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def window_action(self, name):
        """Activates a window action (win.NAME) as its keyboard shortcut does.
        Synthesised key presses do not reach a window under Xvfb without a
        window manager, so the action is activated over D-Bus, where
        GApplication publishes it."""
        subprocess.run(["gdbus", "call", "--session", "--dest", "nl.herbeoordeling.Herbeoordeling",
                        "--object-path", "/nl/herbeoordeling/Herbeoordeling/window/1",
                        "--method", "org.gtk.Actions.Activate", name, "[]", "{}"],
                       check=True, capture_output=True)
        time.sleep(1)

    def frames(self):
        return [self.root.get_child_at_index(i) for i in range(self.root.get_child_count())]

    def frame(self, name, timeout=15):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for f in self.frames():
                if f is not None and f.get_name() == name:
                    return f
            time.sleep(0.2)
        raise AssertionError(f"no window {name!r}; windows: {[f.get_name() for f in self.frames()]}")

    def button(self, text, node=None, timeout=10):
        """A push button whose name contains text (names may carry the
        mnemonic form too: "_Move Move")."""
        end = time.monotonic() + timeout
        while True:
            for n in self.walk(node):
                if n.get_role_name() == "push button" and text in (n.get_name() or ""):
                    return n
            if time.monotonic() > end:
                raise AssertionError(f"no button {text!r}")
            time.sleep(0.2)

    # Searching ---------------------------------------------------------------

    def walk(self, node=None, depth=0, max_depth=60):
        node = node or self.root
        yield node
        if depth >= max_depth:
            return
        try:
            n = node.get_child_count()
        except gi.repository.GLib.Error:
            return
        for i in range(n):
            try:
                child = node.get_child_at_index(i)
            except gi.repository.GLib.Error:
                continue
            if child is not None:
                yield from self.walk(child, depth + 1, max_depth)

    def find_all(self, role=None, name=None, showing=False, node=None):
        # GTK 4.8 does not report the SHOWING state: every page's widgets are
        # in the tree, in page order.
        out = []
        for n in self.walk(node):
            try:
                if role and n.get_role_name() != role:
                    continue
                if name is not None and n.get_name() != name:
                    continue
                if showing and not n.get_state_set().contains(Atspi.StateType.SHOWING):
                    continue
            except gi.repository.GLib.Error:
                continue
            out.append(n)
        return out

    def find(self, role=None, name=None, timeout=10, node=None):
        end = time.monotonic() + timeout
        while True:
            found = self.find_all(role, name, node=node)
            if found:
                return found[0]
            if time.monotonic() > end:
                raise AssertionError(f"no {role or 'element'} named {name!r} on screen")
            time.sleep(0.2)

    # Acting ------------------------------------------------------------------

    @staticmethod
    def activate(node):
        action = node.get_action_iface()
        if action is None or action.get_n_actions() == 0:
            raise AssertionError(f"{node.get_role_name()} {node.get_name()!r} has no action")
        names = [action.get_action_name(i) for i in range(action.get_n_actions())]
        idx = next((i for i, a in enumerate(names) if a in ("click", "activate", "press", "toggle")), 0)
        action.do_action(idx)
        time.sleep(0.3)

    @staticmethod
    def type_text(node, text):
        editable = node.get_editable_text_iface()
        if editable is None:
            raise AssertionError(f"{node.get_role_name()} {node.get_name()!r} is not editable")
        editable.set_text_contents(text)
        time.sleep(0.5)

    @staticmethod
    def text_of(node):
        t = node.get_text_iface()
        return t.get_text(0, t.get_character_count()) if t else node.get_name()

    def wait_for(self, predicate, timeout=10, what="condition"):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}")
