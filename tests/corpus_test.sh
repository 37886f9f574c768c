#!/usr/bin/env bash
# Robustness and syntax-error oracle over real-world PostgreSQL SQL shipped in Debian packages:
# every corpus listed in shared/tools/debian-corpus.sh (fetched by it into a cache).
#   1. migsafe checks every file of each corpus without crashing (exit 0 or 1 only), without
#      hanging (timeout per run) and reports every file (files_checked);
#   2. every `syntax-error` it reports is confirmed by a real PostgreSQL: the file is replayed with
#      psql in a fresh database of a throw-away cluster, and the server must report a syntax
#      error (SQLSTATE 42601) on the same line. Anything else is a false positive.
#      The replay drops psql meta-commands and COPY data, and gives psql variables and template
#      placeholders the stand-ins migsafe checks them with (tests/corpus/strip_psql_meta.awk).
#      ON_ERROR_ROLLBACK keeps one failed statement from aborting the script's transaction:
#      in an aborted transaction the server still parses each statement, but no longer
#      validates function bodies, so syntax errors inside them would go unconfirmed.
# A corpus that is not complete in the cache (marker in CACHE/.complete, written from the tool's
# summary line) is fetched under a lock; one that cannot be downloaded because the package
# archive is unreachable is reported as a skip line naming it. Any other fetch failure fails.
#
# Environment: MIGSAFE (binary), MIGSAFE_SOURCE_DIR (repo root) as set by CTest;
#   MIGSAFE_CORPUS_DIR      cache (default ~/.cache/migsafe-corpus)
#   MIGSAFE_CORPORA         only these corpora (names separated by spaces; default: all)
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
batch_size=100
batch_timeout=120 # seconds for one migsafe run over a batch (release build: about 2 s at most)
file_timeout=60   # seconds for one migsafe run over a single file
psql_timeout=300  # seconds for replaying one file
fetch_timeout=600 # seconds for downloading and unpacking the missing corpora

passed=0
failed=0
skipped=()
ok() {
    passed=$((passed + 1))
    echo "ok - $1"
}
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
}
skip() {
    skipped+=("$1")
    echo "ok - corpus $1 # SKIP $2"
}
finish() {
    if ((${#skipped[@]} > 0)); then
        echo "# corpora skipped (package archive unreachable): ${skipped[*]}"
    fi
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

# The corpora and their packages, from the tool's own table (lines "name|package|dir|filter").
declare -A package_of=()
all_corpora=()
while IFS='|' read -r name pkg _; do
    all_corpora+=("$name")
    package_of[$name]=$pkg
done < <(sed -n "/^corpora='\$/,/^'\$/p" "$corpus_tool" | grep -E '^[a-z0-9][a-z0-9-]*\|[^|]+\|')
if ((${#all_corpora[@]} == 0)); then
    not_ok "read the corpus table of $corpus_tool (no 'name|package|dir|filter' lines found)"
    finish
fi
corpora=()
if [[ -n ${MIGSAFE_CORPORA:-} ]]; then
    for name in $MIGSAFE_CORPORA; do
        if [[ -n ${package_of[$name]:-} ]]; then
            corpora+=("$name")
        else
            not_ok "MIGSAFE_CORPORA names an unknown corpus: $name (known: ${all_corpora[*]})"
        fi
    done
else
    corpora=("${all_corpora[@]}")
fi
echo "# corpora: ${corpora[*]}"

mkdir -p "$cache/.complete"
# A corpus is present when the tool finished it (it then prints "NAME: N files, B bytes", kept
# as a marker) and its N files are still there: a copy killed half-way is fetched again.
present() {
    local marker=$cache/.complete/$1 count
    [[ -s $marker ]] || return 1
    count=$(find "$cache/$1" -maxdepth 1 -type f 2>/dev/null | wc -l)
    ((count > 0)) && grep -q "^$1: $count files, " "$marker"
}
missing_corpora() {
    local name
    for name in "${corpora[@]}"; do
        present "$name" || echo "$name"
    done
}

# One lock for the cache: exclusive while fetching, shared while reading, so that another build
# tree running this test (or bench/run.sh) never unpacks a corpus under our feet.
exec {lock_fd}>"$cache/.lock"
if ! flock -w "$fetch_timeout" "$lock_fd"; then
    not_ok "lock the corpus cache $cache/.lock (held by another run for ${fetch_timeout}s)"
    finish
fi
mapfile -t missing < <(missing_corpora)
if ((${#missing[@]} > 0)); then
    echo "# fetching ${missing[*]} into $cache"
    # Bounded network waits: an unreachable archive must end in a skip, not in the ctest timeout.
    printf 'Acquire::Retries "1";\nAcquire::http::Timeout "20";\nAcquire::https::Timeout "20";\n' \
        >"$work/apt.conf"
    APT_CONFIG=$work/apt.conf timeout -k 10 "$fetch_timeout" \
        bash "$corpus_tool" "$cache" "${missing[@]}" >"$work/fetch.log" 2>&1
    for name in "${missing[@]}"; do
        grep -E "^$name: [0-9]+ files, [0-9]+ bytes\$" "$work/fetch.log" >"$cache/.complete/$name" ||
            rm -f "$cache/.complete/$name"
    done
fi
flock -s "$lock_fd"

# Why PACKAGE cannot be downloaded: "unreachable: REASON" when the archive cannot be reached,
# anything else otherwise (in apt's own words).
download_failure() {
    local pkg=$1 probe=$work/probe out rc=0 network
    mkdir -p "$probe"
    out=$(cd "$probe" && APT_CONFIG=$work/apt.conf timeout -k 5 120 apt-get download "$pkg" 2>&1) ||
        rc=$?
    network=$(grep -iE 'Temporary failure resolving|Could not resolve|Unable to connect|Could not connect|Connection (timed out|refused|failed)|Network is unreachable|No route to host|Cannot initiate the connection' <<<"$out" |
        head -n 1 | sed -E 's/^(E: )?[[:space:]]*//')
    if ((rc == 124 || rc == 137)); then
        echo "unreachable: apt-get download $pkg timed out"
    elif [[ -n $network ]]; then
        echo "unreachable: $network"
    elif ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        echo "no apt package lists (scripts/setup.sh runs apt-get update)"
    elif ((rc == 0)); then
        echo "the package downloads, but the tool did not unpack it (its log follows)"
    else
        grep -E '^E:' <<<"$out" | head -n 2 | tr '\n' ' '
    fi
}

available=()
for name in "${corpora[@]}"; do
    if present "$name"; then
        ok "fetch corpus $name ($(find "$cache/$name" -maxdepth 1 -type f | wc -l) files)"
        available+=("$name")
        continue
    fi
    why=$(download_failure "${package_of[$name]}")
    if [[ $why == unreachable:* ]]; then
        skip "$name" "cannot download package ${package_of[$name]}: archive ${why}"
    else
        not_ok "fetch corpus $name (package ${package_of[$name]}): $why"
        [[ -f $work/fetch.log ]] && sed 's/^/    | /' "$work/fetch.log"
    fi
done
corpora=("${available[@]}")

echo "# fetch took $((SECONDS - start_time))s"
check_start=$SECONDS

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
    mapfile -t files < <(cd "$cache" && find "$name" -maxdepth 1 -type f | LC_ALL=C sort)
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
echo "# migsafe runs took $((SECONDS - check_start))s"

# --- 3. syntax errors against PostgreSQL 15 --------------------------------------------------------

if [[ $oracle_mode == all ]]; then
    for name in "${corpora[@]}"; do
        (cd "$cache" && find "$name" -maxdepth 1 -type f)
    done | LC_ALL=C sort >"$work/replay.list"
else
    cut -f1 "$work/syntax-errors.tsv" | LC_ALL=C sort -u >"$work/replay.list"
fi
reported_errors=$(wc -l <"$work/syntax-errors.tsv")
echo "# migsafe reported $reported_errors syntax errors; replaying $(wc -l <"$work/replay.list") files with psql"

if [[ -s $work/replay.list ]]; then
    # In a subshell: sourcing the sandbox script turns on errexit, which this test does not want.
    # shellcheck source=SCRIPTDIR/../tools/pg-sandbox.sh
    psql=$(. "$src/tools/pg-sandbox.sh" && pg_sandbox_bindir)/psql
    pgdir=$(mktemp -d "${TMPDIR:-/tmp}/corpus-pg.XXXXXX")
    # The server outlives this shell if it is killed: it must not inherit the cache lock.
    if ! env_lines=$("$src/tools/pg-sandbox.sh" start "$pgdir" {lock_fd}>&-); then
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
        rc=0
        PGOPTIONS='-c statement_timeout=30s -c lock_timeout=5s' \
            timeout -k 10 "$psql_timeout" "$psql" -X -q -U corpus -d "$db" \
            -v ON_ERROR_STOP=0 -v ON_ERROR_ROLLBACK=on -v VERBOSITY=verbose -v ECHO=errors \
            -f "$script" \
            >/dev/null 2>"$script.err" </dev/null || rc=$?
        # With ON_ERROR_STOP=0 psql exits 0 after SQL errors; anything else means the replay did
        # not reach the end of the file, so the oracle cannot judge what follows.
        if ((rc != 0)); then
            not_ok "replay $rel with psql: $(describe_rc "$rc"): $(tail -n 2 "$script.err" | tr '\n' ' ')"
        fi
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
