#!/usr/bin/python3
"""Checks the Flatpak manifest offline.

Usage: check-flatpak.py MANIFEST [pins|show-manifest]

  pins           the manifest is JSON for nl.herbeoordeling.Herbeoordeling on
                 a current GNOME runtime; every source is pinned (an archive or
                 file with url and sha256, or git with a full commit), only
                 the application itself may come from the source directory;
                 the permissions are the minimal set (no file system access:
                 files go through the portal); the libraries the runtime lacks
                 are built.
  show-manifest  `flatpak-builder --show-manifest` loads the manifest with no
                 warning (an unknown property, a wrong type) and exits 0.
                 Exits 77 (skip) when flatpak-builder is not installed.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

APP_ID = "nl.herbeoordeling.Herbeoordeling"
ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
REQUIRED_MODULES = {"libxlsxwriter", "libcsv"}


def check_pins(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    if manifest.get("id", manifest.get("app-id")) != APP_ID:
        problems.append("id is not %s" % APP_ID)
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("runtime/sdk are not org.gnome.Platform/org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < 47:
        problems.append("runtime-version %r is not a current GNOME runtime (47 or later)" % version)
    if manifest.get("command") != "herbeoordeling":
        problems.append("command is not herbeoordeling")
    for arg in manifest.get("finish-args", []):
        if arg.startswith("--filesystem"):
            problems.append("finish-args give file system access (%s); files go through the portal"
                            % arg)
        elif arg not in ALLOWED_FINISH_ARGS:
            problems.append("finish-arg %s is not in the minimal set %s"
                            % (arg, sorted(ALLOWED_FINISH_ARGS)))
    modules = manifest.get("modules", [])
    names = [m.get("name") for m in modules if isinstance(m, dict)]
    for name in REQUIRED_MODULES - set(names):
        problems.append("no module builds %s, which the GNOME runtime lacks" % name)
    if not modules or names[-1] != "herbeoordeling":
        problems.append("the last module is not herbeoordeling")

    def check_sources(module, is_app):
        for src in module.get("sources", []):
            if isinstance(src, str):
                problems.append("%s: external source file %s cannot be checked" % (module["name"], src))
                continue
            kind = src.get("type")
            if kind in ("archive", "file"):
                if not src.get("url", "").startswith("https://"):
                    problems.append("%s: %s source without an https url" % (module["name"], kind))
                if not re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "")):
                    problems.append("%s: %s source without a sha256" % (module["name"], kind))
                for mirror in src.get("mirror-urls", []):
                    if not mirror.startswith("https://"):
                        problems.append("%s: mirror %s is not https" % (module["name"], mirror))
            elif kind == "git":
                if not re.fullmatch(r"[0-9a-f]{40}", src.get("commit", "")):
                    problems.append("%s: git source not pinned to a commit" % module["name"])
            elif kind == "dir" and is_app:
                pass
            elif kind == "patch" and src.get("path"):
                pass
            else:
                problems.append("%s: source of type %r is not pinned" % (module["name"], kind))
        for sub in module.get("modules", []):
            if isinstance(sub, dict):
                check_sources(sub, False)
            else:
                problems.append("external module file %s cannot be checked" % sub)

    for module in modules:
        if not isinstance(module, dict):
            problems.append("external module file %s cannot be checked" % module)
            continue
        check_sources(module, module is modules[-1] and module.get("name") == "herbeoordeling")
        if module.get("name") == "herbeoordeling" and "-Dtests=false" not in module.get("config-opts", []) \
                and "cmocka" not in names:
            problems.append("the application builds its tests but no module builds cmocka")
    # The application's -D options must exist in meson_options.txt.
    options_file = os.path.join(os.path.dirname(os.path.abspath(path)), "..", "meson_options.txt")
    if os.path.exists(options_file) and modules and isinstance(modules[-1], dict):
        with open(options_file, encoding="utf-8") as f:
            known = set(re.findall(r"option\(\s*'([^']+)'", f.read()))
        for opt in modules[-1].get("config-opts", []):
            m = re.match(r"-D([A-Za-z0-9_-]+)=", opt)
            builtin = m and (m.group(1).startswith("b_") or m.group(1) in (
                "buildtype", "optimization", "debug", "werror", "warning_level", "prefix",
                "libdir", "default_library", "strip"))
            if m and m.group(1) not in known and not builtin:
                problems.append("config-opt %s names no option in meson_options.txt" % opt)
    for p in problems:
        print("FAIL:", p)
    if not problems:
        print("manifest: %d modules, every source pinned, finish-args %s"
              % (len(modules), " ".join(manifest.get("finish-args", []))))
    return 1 if problems else 0


def check_show_manifest(path):
    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("flatpak-builder is not installed (apt-get install flatpak-builder)")
        return 77
    # Run in a scratch directory: flatpak-builder may create its state
    # directory (.flatpak-builder) in the working directory.
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([builder, "--show-manifest", os.path.abspath(path)], capture_output=True,
                           text=True, timeout=120, cwd=tmp)
    if r.stderr.strip():
        print("flatpak-builder printed:\n" + r.stderr)
        return 1
    if r.returncode != 0:
        print("flatpak-builder --show-manifest exited %d" % r.returncode)
        return 1
    json.loads(r.stdout)
    print("flatpak-builder --show-manifest: no warnings")
    return 0


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    mode = sys.argv[2] if len(sys.argv) > 2 else "pins"
    if mode == "pins":
        return check_pins(sys.argv[1])
    if mode == "show-manifest":
        return check_show_manifest(sys.argv[1])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
