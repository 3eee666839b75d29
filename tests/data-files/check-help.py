#!/usr/bin/python3
"""Checks the Dutch user guide in help/nl/.

Usage: check-help.py SOURCE_ROOT

Every journey has a page (importeren, prioriteren, lijst vaststellen, dossier,
exporteren), every page is installed (listed in help/meson.build), every page
is reachable from index.html, every local link and stylesheet resolves, and
each page declares lang="nl" and a title.
"""

import html.parser
import os
import re
import sys

JOURNEYS = ["importeren.html", "prioriteren.html", "lijst-vaststellen.html", "dossier.html",
            "exporteren.html"]


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.lang, self.title = [], None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title":
            self.title = True
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "link" and a.get("href"):
            self.links.append(a["href"])


def main():
    root = sys.argv[1]
    helpdir = os.path.join(root, "help", "nl")
    problems = []
    with open(os.path.join(root, "help", "meson.build"), encoding="utf-8") as f:
        installed = set(re.findall(r"'nl/([^']+)'", f.read()))
    files = sorted(os.listdir(helpdir))
    for name in files:
        if name not in installed:
            problems.append("help/nl/%s is not listed in help/meson.build" % name)
    for name in installed:
        if name not in files:
            problems.append("help/meson.build lists help/nl/%s, which does not exist" % name)
    pages = {}
    for name in files:
        if not name.endswith(".html"):
            continue
        p = Links()
        with open(os.path.join(helpdir, name), encoding="utf-8") as f:
            p.feed(f.read())
        pages[name] = p
        if p.lang != "nl":
            problems.append("%s: <html lang=\"nl\"> missing" % name)
        if not p.title:
            problems.append("%s: no <title>" % name)
        for link in p.links:
            if re.match(r"^[a-z]+:", link) or link.startswith("#"):
                continue
            target = link.split("#")[0]
            if not os.path.isfile(os.path.join(helpdir, target)):
                problems.append("%s: link to %s does not resolve" % (name, link))
    if "index.html" not in pages:
        problems.append("help/nl/index.html is missing")
    else:
        for name in JOURNEYS:
            if name not in pages:
                problems.append("no page %s for this journey" % name)
            elif name not in pages["index.html"].links:
                problems.append("index.html does not link to %s" % name)
    for p in problems:
        print("FAIL:", p)
    print("%d pages checked" % len(pages))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
