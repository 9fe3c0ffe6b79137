#!/bin/sh
# Regenerates the default registry twice from the same checkouts and checks that both runs and
# the committed file are byte-identical. Needs the checkouts (not run in CI):
#   scripts/default-registry/check-determinism.sh /work/data/factbook.json /work/data/congress-legislators
set -eu
here=$(dirname "$0")
committed="$here/../../crates/core/data/default-registry.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for run in 1 2; do
    python3 "$here/generate.py" --factbook "$1" --congress "$2" -o "$tmp/$run.json"
done
cmp "$tmp/1.json" "$tmp/2.json"
cmp "$tmp/1.json" "$committed"
echo "default registry: deterministic and up to date"
