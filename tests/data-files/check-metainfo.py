#!/usr/bin/python3
"""Checks that the desktop file, the metainfo and the icons agree.

Usage: check-metainfo.py SOURCE_ROOT BUILT_METAINFO BUILT_DESKTOP VERSION

- the metainfo names the application id, the desktop file as launchable, the
  licences, an OARS content rating, and a release for VERSION (the project
  version) with a date;
- every screenshot has a caption and its image is kept in data/screenshots/
  (the GUI tests write them there; the URL's file name must match);
- the desktop file starts `herbeoordeling` and names the application icon, and
  both the scalable and the symbolic icon exist and are SVG;
- the Dutch translations were merged into both files.
"""

import configparser
import os
import sys
import xml.etree.ElementTree as ET

APP_ID = "nl.herbeoordeling.Herbeoordeling"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def main():
    root, metainfo, desktop, version = sys.argv[1:5]
    problems = []
    tree = ET.parse(metainfo).getroot()

    def text(tag):
        el = tree.find(tag)
        return el.text.strip() if el is not None and el.text else None

    if text("id") != APP_ID:
        problems.append("metainfo id is not " + APP_ID)
    launchable = tree.find("launchable")
    if launchable is None or launchable.text != APP_ID + ".desktop":
        problems.append("metainfo launchable is not " + APP_ID + ".desktop")
    if text("metadata_license") != "CC0-1.0" or text("project_license") != "GPL-3.0-or-later":
        problems.append("licences are not CC0-1.0 (metadata) and GPL-3.0-or-later (project)")
    rating = tree.find("content_rating")
    if rating is None or not rating.get("type", "").startswith("oars-"):
        problems.append("no OARS content rating")
    releases = [r for r in tree.iter("release")]
    if not any(r.get("version") == version and r.get("date") for r in releases):
        problems.append("no release %s with a date in the metainfo" % version)
    if not any(el.get(XML_LANG) == "nl" for el in tree.iter("summary")):
        problems.append("the built metainfo has no Dutch summary")

    shots = list(tree.iter("screenshot"))
    if not shots:
        problems.append("no screenshots")
    for shot in shots:
        image = shot.find("image")
        if image is None or not image.text:
            problems.append("a screenshot without an image")
            continue
        name = os.path.basename(image.text.strip())
        path = os.path.join(root, "data", "screenshots", name)
        if not os.path.isfile(path):
            problems.append("screenshot %s is not in data/screenshots/ (the GUI test with "
                            "HRB_UPDATE_SCREENSHOTS=1 writes it)" % name)
        else:
            with open(path, "rb") as f:
                if f.read(8) != b"\x89PNG\r\n\x1a\n":
                    problems.append("data/screenshots/%s is not a PNG" % name)
        if not [c for c in shot.findall("caption") if c.get(XML_LANG) is None and c.text]:
            problems.append("screenshot %s has no caption" % name)

    cp = configparser.ConfigParser(interpolation=None, strict=False)
    cp.optionxform = str
    cp.read(desktop, encoding="utf-8")
    entry = cp["Desktop Entry"]
    if entry.get("Exec", "").split()[0:1] != ["herbeoordeling"]:
        problems.append("the desktop file does not start herbeoordeling")
    if entry.get("Icon") != APP_ID:
        problems.append("the desktop file's Icon is not " + APP_ID)
    for key in ("Comment[nl]", "GenericName[nl]", "Keywords[nl]"):
        if key not in entry:
            problems.append("the built desktop file has no " + key)
    for sub, name in (("scalable", APP_ID + ".svg"), ("symbolic", APP_ID + "-symbolic.svg")):
        path = os.path.join(root, "data", "icons", "hicolor", sub, "apps", name)
        if not os.path.isfile(path):
            problems.append("icon %s/%s is missing" % (sub, name))
            continue
        svg = ET.parse(path).getroot()
        if svg.tag != "{http://www.w3.org/2000/svg}svg":
            problems.append("icon %s is not SVG" % name)
        elif sub == "symbolic" and (svg.get("width"), svg.get("height")) != ("16", "16"):
            problems.append("the symbolic icon is not 16×16")

    for p in problems:
        print("FAIL:", p)
    if not problems:
        print("metainfo, desktop file and icons agree (%d screenshot(s))" % len(shots))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
