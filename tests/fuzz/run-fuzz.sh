#!/bin/sh
# Runs each fuzz target for SECONDS (default 60) on a copy of its seed corpus.
# Usage: tests/fuzz/run-fuzz.sh BUILDDIR [SECONDS]
# BUILDDIR was set up with: CC=clang meson setup BUILDDIR -Dfuzzing=true -Dgui=false
set -eu
build=${1:?usage: run-fuzz.sh BUILDDIR [SECONDS]}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
meson compile -C "$build" fuzz-csv fuzz-parse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in csv parse; do
  mkdir -p "$work/$target"
  cp "$here/corpus-$target"/* "$work/$target/"
  case $target in csv) maxlen=65536 ;; *) maxlen=256 ;; esac
  echo "== fuzz-$target for $seconds s"
  "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len=$maxlen \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/$target" "$here/corpus-$target" 2>&1 |
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|Done' || true
  if ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* >/dev/null 2>&1; then
    echo "fuzz-$target found a problem:"; ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* 2>/dev/null
    cp "$work"/crash-* "$work"/leak-* "$work"/timeout-* . 2>/dev/null || true
    exit 1
  fi
done
