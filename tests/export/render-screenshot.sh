#!/usr/bin/env bash
# Renders the ranking sheet of an exported demo workbook to a PNG for the
# README: herbeoordeling-cli export → LibreOffice (headless) → PDF → pdftoppm.
# Needs libreoffice-calc-nogui (or libreoffice-calc) and poppler-utils; run by
# hand, not part of the test suite.
#
#   tests/export/render-screenshot.sh [BUILDDIR] [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
builddir=${1:-build}
out=${2:-data/screenshots/export-ranking.png}
cli="$builddir/src/cli/herbeoordeling-cli"
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install libreoffice-calc-nogui poppler-utils)"; exit 1; }
done
[ -x "$cli" ] || { echo "$cli is missing: build first"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HERBEOORDELING_AUTHOR="Projectteam herbeoordeling"
"$cli" --db "$work/demo.db" init --demo >/dev/null
# Only the ranking of the prospective list, so the PDF's first page is it.
"$cli" --db "$work/demo.db" export "$work/lijst.xlsx" --stream prospective --sheets ranking >/dev/null
# A private LibreOffice profile so a running instance does not interfere.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir "$work" "$work/lijst.xlsx" >/dev/null 2>&1
# The sheet prints one page wide (about 30 columns): the picture is the top
# left part at a readable resolution (rank … budget impact, all demo rows).
pdftoppm -png -r 200 -f 1 -l 1 -x 50 -y 55 -W 1550 -H 330 -singlefile "$work/lijst.pdf" "$work/page"
mkdir -p "$(dirname "$out")"
cp "$work/page.png" "$out"
echo "$out"
