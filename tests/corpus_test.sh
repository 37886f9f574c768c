#!/usr/bin/env bash
# Robustness and syntax-error oracle over real-world PostgreSQL SQL shipped in Debian packages
# (fetched by shared/tools/debian-corpus.sh into a cache):
#   1. migsafe checks every file of each corpus without crashing (exit 0 or 1 only), without
#      hanging (timeout per run) and reports every file (files_checked);
#   2. every `syntax-error` it reports is confirmed by a real PostgreSQL: the file is replayed with
#      psql in a fresh database of a throw-away cluster, and the server must report a syntax
#      error (SQLSTATE 42601) on the same line. Anything else is a false positive.
#
# Environment: MIGSAFE (binary), MIGSAFE_SOURCE_DIR (repo root) as set by CTest;
#   MIGSAFE_CORPUS_DIR      cache (default ~/.cache/migsafe-corpus)
#   MIGSAFE_CORPUS_ORACLE   `errors` (default): replay only files with reported syntax errors;
#                           `all`: replay every file and also list syntax errors migsafe missed
#                           (printed as notes, not failures)
set -uo pipefail

: "${MIGSAFE:?set MIGSAFE to the migsafe binary}"
: "${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR to the repository root}"
MIGSAFE=$(cd -- "$(dirname -- "$MIGSAFE")" && pwd -P)/$(basename -- "$MIGSAFE")
src=$(cd -- "$MIGSAFE_SOURCE_DIR" && pwd -P)
here=$src/tests/corpus
corpus_tool=$src/../shared/tools/debian-corpus.sh
cache=${MIGSAFE_CORPUS_DIR:-$HOME/.cache/migsafe-corpus}
oracle_mode=${MIGSAFE_CORPUS_ORACLE:-errors}
corpora=(gnumed pg15-contrib)
batch_size=100
batch_timeout=300 # seconds for one migsafe run over a batch (sanitizer builds are slow)
file_timeout=120  # seconds for one migsafe run over a single file
psql_timeout=300  # seconds for replaying one file

passed=0
failed=0
ok() {
    passed=$((passed + 1))
    echo "ok - $1"
}
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
}
finish() {
    echo "$passed passed, $failed failed"
    ((failed == 0))
    exit
}

start_time=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/migsafe-corpus.XXXXXX")
pgdir=
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    if [[ -n $pgdir ]]; then
        "$src/tools/pg-sandbox.sh" stop "$pgdir" >/dev/null 2>&1 || true
    fi
    rm -rf -- "$work" "$pgdir"
}
trap cleanup EXIT

# --- 1. fetch ------------------------------------------------------------------------------------

if [[ ! -f $corpus_tool ]]; then
    echo "corpus_test: $corpus_tool is missing: this test needs the shared/ directory beside the" \
        "repository (shared/tools/debian-corpus.sh)" >&2
    not_ok "corpus tool present at shared/tools/debian-corpus.sh"
    finish
fi
mkdir -p "$cache"
# Serialise fetches: two build trees may run this test at the same time.
if ! flock "$cache/.lock" bash "$corpus_tool" "$cache" "${corpora[@]}" >"$work/fetch.log" 2>&1; then
    cat "$work/fetch.log" >&2
fi
for name in "${corpora[@]}"; do
    if compgen -G "$cache/$name/*" >/dev/null; then
        ok "fetch corpus $name ($(find "$cache/$name" -type f | wc -l) files)"
    else
        echo "corpus_test: could not fetch corpus $name into $cache: apt-get download failed" \
            "(no network, or no package lists: run apt-get update / scripts/setup.sh)" >&2
        sed 's/^/  /' "$work/fetch.log" >&2
        not_ok "fetch corpus $name"
    fi
done
((failed == 0)) || finish

# --- 2. robustness ---------------------------------------------------------------------------------

# run_migsafe TIMEOUT OUT FILE...: one migsafe run (report in OUT, stderr in OUT.err); prints
# its exit status.
run_migsafe() {
    local limit=$1 out=$2
    shift 2
    local rc=0
    (cd "$cache" && timeout -k 10 "$limit" "$MIGSAFE" check --format json -j2 -- "$@") \
        >"$out" 2>"$out.err" || rc=$?
    echo "$rc"
}

describe_rc() {
    case $1 in
        124 | 137) echo "hang (killed after the timeout)" ;;
        *) if (($1 > 128)); then echo "killed by signal $(($1 - 128))"; else echo "exit status $1"; fi ;;
    esac
}

: >"$work/syntax-errors.tsv"
for name in "${corpora[@]}"; do
    mapfile -t files < <(cd "$cache" && find "$name" -maxdepth 1 -type f -name '*.sql' | LC_ALL=C sort)
    crashes=()
    hangs=()
    reported=0
    for ((b = 0; b < ${#files[@]}; b += batch_size)); do
        batch=("${files[@]:b:batch_size}")
        out=$work/batch.json
        rc=$(run_migsafe "$batch_timeout" "$out" "${batch[@]}")
        if [[ $rc == 0 || $rc == 1 ]] && jq -e .files_checked "$out" >/dev/null 2>&1; then
            reported=$((reported + $(jq .files_checked "$out")))
            jq -r '.diagnostics[] | select(.rule == "syntax-error")
                   | [.path, .line, .column, .message] | @tsv' "$out" >>"$work/syntax-errors.tsv"
            continue
        fi
        # Something went wrong in this batch: find the file(s) by checking each one alone.
        echo "# batch $((b + 1))-$((b + ${#batch[@]})) of $name: $(describe_rc "$rc"); checking its files one by one"
        for f in "${batch[@]}"; do
            rc=$(run_migsafe "$file_timeout" "$out" "$f")
            if [[ $rc == 0 || $rc == 1 ]] && jq -e .files_checked "$out" >/dev/null 2>&1; then
                reported=$((reported + $(jq .files_checked "$out")))
                jq -r '.diagnostics[] | select(.rule == "syntax-error")
                       | [.path, .line, .column, .message] | @tsv' "$out" >>"$work/syntax-errors.tsv"
            elif [[ $rc == 124 || $rc == 137 ]]; then
                hangs+=("$f")
            else
                crashes+=("$f: $(describe_rc "$rc"); $(tail -n 3 "$out.err" | tr '\n' ' ')")
            fi
        done
    done
    if ((${#crashes[@]} == 0)); then
        ok "$name: no crash on ${#files[@]} files (exit status 0 or 1, valid JSON)"
    else
        not_ok "$name: migsafe crashed or failed on ${#crashes[@]} files:"
        printf '    %s\n' "${crashes[@]}"
    fi
    if ((${#hangs[@]} == 0)); then
        ok "$name: no hang"
    else
        not_ok "$name: migsafe hung (> ${file_timeout}s) on ${#hangs[@]} files:"
        printf '    %s\n' "${hangs[@]}"
    fi
    if ((reported == ${#files[@]})); then
        ok "$name: every file reported (files_checked = $reported)"
    else
        not_ok "$name: files_checked adds up to $reported, expected ${#files[@]}"
    fi
done
echo "# migsafe runs took $((SECONDS - start_time))s"

# --- 3. syntax errors against PostgreSQL 15 --------------------------------------------------------

if [[ $oracle_mode == all ]]; then
    for name in "${corpora[@]}"; do
        (cd "$cache" && find "$name" -maxdepth 1 -type f -name '*.sql')
    done | LC_ALL=C sort >"$work/replay.list"
else
    cut -f1 "$work/syntax-errors.tsv" | LC_ALL=C sort -u >"$work/replay.list"
fi
reported_errors=$(wc -l <"$work/syntax-errors.tsv")
echo "# migsafe reported $reported_errors syntax errors; replaying $(wc -l <"$work/replay.list") files with psql"

if [[ -s $work/replay.list ]]; then
    # shellcheck source=SCRIPTDIR/../tools/pg-sandbox.sh
    . "$src/tools/pg-sandbox.sh"
    psql=$(pg_sandbox_bindir)/psql
    pgdir=$(mktemp -d "${TMPDIR:-/tmp}/corpus-pg.XXXXXX")
    if ! env_lines=$("$src/tools/pg-sandbox.sh" start "$pgdir"); then
        not_ok "start a PostgreSQL sandbox"
        finish
    fi
    eval "$env_lines"
    server_version=$("$psql" -X -Atc 'show server_version_num')
    if [[ $server_version != 15* ]]; then
        echo "# note: the oracle is PostgreSQL $server_version, migsafe parses with the 15 grammar"
    fi
    # The scripts run as an unprivileged role: they cannot touch files or the server config.
    "$psql" -X -q -c 'CREATE ROLE corpus LOGIN' || { not_ok "create role"; finish; }

    i=0
    while IFS= read -r rel; do
        i=$((i + 1))
        db=replay_$i
        script=$work/replay_$i.sql
        awk -f "$here/strip_psql_meta.awk" "$cache/$rel" >"$script"
        "$psql" -X -q -c "CREATE DATABASE $db OWNER corpus" >/dev/null
        PGOPTIONS='-c statement_timeout=30s -c lock_timeout=5s' \
            timeout -k 10 "$psql_timeout" "$psql" -X -q -U corpus -d "$db" \
            -v ON_ERROR_STOP=0 -v VERBOSITY=verbose -v ECHO=errors -f "$script" \
            >/dev/null 2>"$script.err" </dev/null
        awk -v script="$script" -f "$here/psql_errors.awk" "$script.err" |
            awk -F'\t' -v path="$rel" 'BEGIN { OFS = "\t" } { print path, $1, $2, $3 }' \
                >>"$work/pg-errors.tsv"
        "$psql" -X -q -c "DROP DATABASE $db" >/dev/null 2>&1 || true
        rm -f "$script" "$script.err"
    done <"$work/replay.list"
    touch "$work/pg-errors.tsv"

    # Compare: each migsafe syntax error needs a 42601 from the server on the same line.
    while IFS=$'\t' read -r path line column message; do
        if awk -F'\t' -v p="$path" -v l="$line" \
            '$1 == p && $2 == "42601" && $3 == l { found = 1 } END { exit !found }' \
            "$work/pg-errors.tsv"; then
            ok "PostgreSQL confirms syntax error at $path:$line ($message)"
        else
            not_ok "false positive: syntax error at $path:$line:$column ($message) is not a syntax error for PostgreSQL"
            echo "    source around line $line:"
            sed -n "$((line > 3 ? line - 3 : 1)),$((line + 3))p" "$cache/$path" | sed 's/^/    | /'
            echo "    what PostgreSQL reported in this file:"
            awk -F'\t' -v p="$path" '$1 == p { printf "    %s line %s: %s\n", $2, $3, $4 }' \
                "$work/pg-errors.tsv" | head -n 10
        fi
    done <"$work/syntax-errors.tsv"

    if [[ $oracle_mode == all ]]; then
        # Syntax errors PostgreSQL found that migsafe did not report (notes only).
        missed=0
        while IFS=$'\t' read -r path code line message; do
            [[ $code == 42601 && $line != -1 ]] || continue
            if ! awk -F'\t' -v p="$path" -v l="$line" '$1 == p && $2 == l { f = 1 } END { exit !f }' \
                "$work/syntax-errors.tsv"; then
                echo "# note: missed syntax error? $path:$line: $message"
                missed=$((missed + 1))
            fi
        done <"$work/pg-errors.tsv"
        echo "# $missed syntax errors reported by PostgreSQL but not by migsafe"
    fi
fi

echo "# corpus test took $((SECONDS - start_time))s"
finish
