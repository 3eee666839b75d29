#!/bin/sh
# Runs one fuzz target on a copy of its seed corpus (the source tree is not
# written to). Usage: fuzz-once.sh TARGET CORPUS_DIR SECONDS MAX_LEN
set -eu
target=$1 corpus=$2 seconds=$3 maxlen=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$corpus"/* "$work/"
"$target" -max_total_time="$seconds" -max_len="$maxlen" -artifact_prefix="$work/" "$work"
