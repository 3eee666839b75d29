#!/usr/bin/python3
"""Installs the build into a temporary DESTDIR and checks the tree.

Usage: install-test.py BUILD_ROOT APP_ID

1. `meson install --destdir TMP` from BUILD_ROOT;
2. the tree holds both binaries, the desktop file and metainfo (with Dutch
   translations merged), both icons, the GSettings schema, the man page, the
   Dutch message catalogue (which translates "unknown" to "onbekend") and the
   user guide;
3. the installed CLI creates a database (`herbeoordeling-cli --db TMP/x.db
   init` exits 0) and checks it;
4. the installed GUI starts with the installed schemas compiled: it must still
   be running after 3 seconds (it is then stopped). Exits 77 (skip) for this
   step only when there is no display at all.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def options(build_root):
    r = subprocess.run(["meson", "introspect", "--buildoptions", build_root],
                       capture_output=True, text=True, check=True)
    return {o["name"]: o["value"] for o in json.loads(r.stdout)}


def under(destdir, path):
    return os.path.join(destdir, path.lstrip("/"))


def main():
    build_root, app_id = sys.argv[1], sys.argv[2]
    opt = options(build_root)
    prefix = opt["prefix"]

    def p(key, *rest):
        base = opt[key]
        if not os.path.isabs(base):
            base = os.path.join(prefix, base)
        return os.path.join(base, *rest)

    with tempfile.TemporaryDirectory(prefix="hrb-install-") as tmp:
        destdir = os.path.join(tmp, "root")
        r = subprocess.run(["meson", "install", "-C", build_root, "--no-rebuild",
                            "--destdir", destdir], capture_output=True, text=True)
        if r.returncode != 0:
            fail("meson install exited %d:\n%s%s" % (r.returncode, r.stdout[-3000:], r.stderr[-3000:]))

        bindir = under(destdir, p("bindir"))
        datadir = under(destdir, p("datadir"))
        expected = {
            "GUI binary": os.path.join(bindir, "herbeoordeling"),
            "CLI binary": os.path.join(bindir, "herbeoordeling-cli"),
            "desktop file": os.path.join(datadir, "applications", app_id + ".desktop"),
            "metainfo": os.path.join(datadir, "metainfo", app_id + ".metainfo.xml"),
            "scalable icon": os.path.join(datadir, "icons", "hicolor", "scalable", "apps", app_id + ".svg"),
            "symbolic icon": os.path.join(datadir, "icons", "hicolor", "symbolic", "apps",
                                          app_id + "-symbolic.svg"),
            "GSettings schema": os.path.join(datadir, "glib-2.0", "schemas", app_id + ".gschema.xml"),
            "man page": os.path.join(under(destdir, p("mandir")), "man1", "herbeoordeling-cli.1"),
            "GUI man page": os.path.join(under(destdir, p("mandir")), "man1", "herbeoordeling.1"),
            "Dutch catalogue": os.path.join(under(destdir, p("localedir")), "nl", "LC_MESSAGES",
                                            "herbeoordeling.mo"),
            "user guide": os.path.join(datadir, "herbeoordeling", "help", "nl", "index.html"),
        }
        missing = [what + " (" + os.path.relpath(path, destdir) + ")"
                   for what, path in expected.items() if not os.path.isfile(path)]
        if missing:
            fail("not installed: " + ", ".join(missing))
        for what in ("GUI binary", "CLI binary"):
            if not os.access(expected[what], os.X_OK):
                fail(what + " is not executable")
        print("installed:", ", ".join(expected))

        with open(expected["desktop file"], encoding="utf-8") as f:
            desktop = f.read()
        for key in ("Comment[nl]=", "GenericName[nl]=", "Keywords[nl]="):
            if key not in desktop:
                fail("the installed desktop file lacks " + key)
        with open(expected["metainfo"], encoding="utf-8") as f:
            if 'xml:lang="nl"' not in f.read():
                fail("the installed metainfo has no Dutch translations")
        r = subprocess.run(["msgunfmt", expected["Dutch catalogue"]], capture_output=True, text=True)
        if r.returncode != 0 or 'msgid "unknown"\nmsgstr "onbekend"' not in r.stdout:
            fail("the installed catalogue does not translate \"unknown\" as \"onbekend\"")
        print("translations merged into the desktop file, metainfo and catalogue")

        # The installed CLI.
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=os.path.join(tmp, "data"),
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"), LC_ALL="C.UTF-8")
        env.pop("HERBEOORDELING_DB", None)
        db = os.path.join(tmp, "x.db")
        for args in (["init"], ["check"]):
            r = subprocess.run([expected["CLI binary"], "--db", db] + args,
                               capture_output=True, text=True, env=env, timeout=60)
            if r.returncode != 0:
                fail("installed herbeoordeling-cli %s exited %d: %s"
                     % (args[0], r.returncode, r.stderr.strip()))
        print("installed herbeoordeling-cli init and check: exit 0")

        # The installed GUI, with the installed schemas compiled (meson's
        # post-install step does not run for a DESTDIR install).
        schemadir = os.path.dirname(expected["GSettings schema"])
        r = subprocess.run(["glib-compile-schemas", "--strict", schemadir],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail("glib-compile-schemas on the installed schemas: " + r.stderr.strip())
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            print("no display: the GUI start was not tested")
            return 77
        env.update(GSETTINGS_SCHEMA_DIR=schemadir, GSK_RENDERER="cairo", GTK_A11Y="none",
                   XDG_DATA_DIRS=datadir + ":" + os.environ.get("XDG_DATA_DIRS",
                                                                "/usr/local/share:/usr/share"))
        env.pop("LC_ALL", None)
        cmd = [expected["GUI binary"]]
        # Its own session bus, so that a running instance of the application
        # (a GUI test next to this one) cannot take over the activation.
        if shutil.which("dbus-run-session"):
            cmd = ["dbus-run-session", "--"] + cmd
        log = os.path.join(tmp, "gui.log")
        with open(log, "w") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                    start_new_session=True)
            try:
                proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                print("installed herbeoordeling: still running after 3 s (started)")
                return 0
        with open(log) as f:
            output = f.read()
        fail("installed herbeoordeling exited with %d within 3 s:\n%s" % (proc.returncode, output[-3000:]))


if __name__ == "__main__":
    sys.exit(main())
