#!/usr/bin/env bash
# Fails when src/pg/volatility_data.inc no longer matches what
# tools/gen-volatility.sh produces from the installed PostgreSQL.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
checked_in=$root/src/pg/volatility_data.inc

# The cluster itself is cleaned up by gen-volatility.sh (pg-sandbox.sh run).
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

if ! "$root/tools/gen-volatility.sh" "$work/volatility_data.inc" >"$work/gen.log" 2>&1; then
    echo "volatility_stale_test: tools/gen-volatility.sh failed:" >&2
    cat "$work/gen.log" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# The header names the server's minor version; only the entries decide staleness.
grep -v '^//' "$checked_in" >"$work/checked_in.entries"
grep -v '^//' "$work/volatility_data.inc" >"$work/regenerated.entries"
if ! diff -u --label "checked-in $checked_in" --label regenerated \
    "$work/checked_in.entries" "$work/regenerated.entries" >"$work/diff" 2>&1; then
    echo "volatility table is stale: run tools/gen-volatility.sh" >&2
    head -n 40 "$work/diff" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

echo "1 passed, 0 failed"
