#!/bin/sh
# Checks that every GtkBuilder file in ui/, the GResource lists and the icons
# are well-formed XML (xmllint from libxml2-utils). Usage: check-xml.sh SOURCE_ROOT
root=${1:?source root}
if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint is not installed (apt-get install libxml2-utils)"
  exit 77
fi
status=0
count=0
for f in "$root"/ui/*.ui "$root"/resources/*.gresource.xml "$root"/data/*.xml "$root"/data/*.xml.in \
         "$root"/data/icons/hicolor/*/apps/*.svg; do
  [ -e "$f" ] || continue
  count=$((count + 1))
  if ! xmllint --noout "$f"; then
    echo "not well-formed: ${f#"$root"/}"
    status=1
  fi
done
echo "$count XML files checked"
[ "$count" -gt 0 ] || status=1
exit $status
