#!/usr/bin/env bash
# Hostile inputs through the real CLI: each must end with a clear exit code and a message that
# names the file, within bounded time and peak memory (GNU time's %M), and never with a crash.
# Environment: MIGSAFE (the binary).
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
work=$(mktemp -d)
trap 'chmod -R u+rwX "$work"; rm -rf "$work"' EXIT
chmod 755 "$work"
cd "$work" || exit 1
# One directory per input: naming a file makes migsafe read its directory (runner detection),
# so a shared directory would charge every case for its siblings.
mkdir -p empty binary latin1 big parens flat chain deep insert literal body broken private
passed=0
failed=0

# Sanitizer builds use about three times the memory and five times the time.
mem_factor=1
time_factor=1
if grep -qaE "__asan_init|AddressSanitizer" "$migsafe"; then
    mem_factor=3
    time_factor=5
fi

fail() {
    failed=$((failed + 1))
    echo "FAIL: $*" >&2
    sed 's/^/  out: /' "$work/out" | head -n 3 | cut -c1-200 >&2
    sed 's/^/  err: /' "$work/err" | head -n 3 | cut -c1-200 >&2
}

# check NAME CODES PATTERN MAX_MB MAX_SECONDS -- COMMAND...
#   CODES: the accepted exit codes ("1" or "0|1"); PATTERN: an extended regex that stdout or
#   stderr must match (it names the file). Any signal, timeout or bound exceeded fails.
check() {
    local name=$1 codes=$2 pattern=$3 max_mb=$(($4 * mem_factor)) max_s=$(($5 * time_factor))
    shift 6
    /usr/bin/time -f '%M %e' -o "$work/time" timeout "$max_s" "$@" >"$work/out" 2>"$work/err"
    local code=$? rss_kb seconds
    # GNU time writes "Command exited with non-zero status N" first, then the format.
    read -r rss_kb seconds < <(tail -n 1 "$work/time") || true
    rss_kb=${rss_kb//[!0-9]/}
    echo "$name: exit $code, ${seconds:-?} s, peak $((${rss_kb:-0} / 1024)) MB"
    if [[ ! $code =~ ^($codes)$ ]]; then
        fail "$name: exit $code, expected $codes (124: timeout after ${max_s}s, >128: signal)"
    elif ! grep -qE -- "$pattern" "$work/out" "$work/err"; then
        fail "$name: /$pattern/ not in the output"
    elif ((${rss_kb:-0} > max_mb * 1024)); then
        fail "$name: peak memory $((rss_kb / 1024)) MB over $max_mb MB"
    elif [[ $code == 3 ]] && (($(wc -l <"$work/err") != 1)); then
        fail "$name: an unreadable input must give exactly one line on stderr"
    else
        passed=$((passed + 1))
    fi
}

: >empty/empty.sql
check "empty file" 0 "no problems in 1 file" 200 20 -- "$migsafe" check empty/empty.sql

head -c 65536 /dev/urandom >binary/binary.sql
printf '\0' >>binary/binary.sql
check "binary data" 1 "binary\.sql:[0-9]+:[0-9]+" 200 20 -- "$migsafe" check binary/binary.sql
check "binary data, json" 1 '"syntax-error"' 200 20 -- "$migsafe" check --format json binary/binary.sql

printf 'CREATE TABLE t (a int);\n-- caf\xe9 \xc3\x28 \xed\xa0\x80\nSELECT 1;\n' >latin1/latin1.sql
check "invalid UTF-8" 1 "latin1\.sql:2:[0-9]+.*|invalid UTF-8" 200 20 -- "$migsafe" check latin1/latin1.sql
check "invalid UTF-8, sarif" 1 '"ruleId": "syntax-error"' 200 20 -- "$migsafe" check --format sarif latin1/latin1.sql

# 200 MB of SQL: refused from its size with a message, memory far below the file's size.
yes 'CREATE INDEX i ON t (a);' | head -c 200000000 >big/big.sql
check "200 MB file" 3 "big\.sql: larger than" 400 30 -- "$migsafe" check big/big.sql
check "200 MB on /dev/stdin" 3 "larger than" 400 30 -- \
    bash -c "\"$migsafe\" check --stdin-filename big/big.sql <big/big.sql"

printf 'SELECT %s1%s;\n' "$(printf '(%.0s' {1..10000})" "$(printf ')%.0s' {1..10000})" >parens/parens.sql
check "10,000 nested parentheses" 1 "parens\.sql:1:[0-9]+" 300 30 -- "$migsafe" check parens/parens.sql

# Statements of 10 MB: a flat list, an operator chain (5 million levels deep), a data insert,
# a string literal. The first two are refused as too large, the last two are checked.
python3 -c "import sys; sys.stdout.write('SELECT ' + '1,' * 5000000 + '1;\n')" >flat/flat.sql
check "10 MB flat statement" 1 "flat\.sql:1:1.*|too large to analyse" 800 60 -- "$migsafe" check flat/flat.sql
python3 -c "import sys; sys.stdout.write('SELECT ' + '1+' * 5000000 + '1;\n')" >chain/chain.sql
check "10 MB operator chain" 1 "too large to analyse" 800 60 -- "$migsafe" check chain/chain.sql
python3 -c "import sys; sys.stdout.write('SELECT ' + 'NOT ' * 50000 + 'true;\n')" >deep/deep.sql
check "50,000 NOTs" 1 "nested too deeply" 300 30 -- "$migsafe" check deep/deep.sql
python3 -c "import sys; sys.stdout.write('INSERT INTO t (a, b) VALUES\n' + \"(1, 'abc'),\n\" * 870000 + \"(1, 'x');\n\")" >insert/insert.sql
check "10 MB data insert" 0 "no problems in 1 file" 600 60 -- "$migsafe" check insert/insert.sql
python3 -c "import sys; sys.stdout.write(\"SELECT '\" + 'a' * 10000000 + \"';\n\")" >literal/literal.sql
check "10 MB string literal" 0 "no problems in 1 file" 600 60 -- "$migsafe" check literal/literal.sql
python3 -c "import sys; sys.stdout.write('DO \$\$\nBEGIN\n' + '  PERFORM 1;\n' * 870000 + 'END\n\$\$;\n')" >body/body.sql
check "10 MB PL/pgSQL body" 0 "body\.sql:1:[0-9]+.*|PL/pgSQL body not analysed" 600 60 -- \
    "$migsafe" check --fail-on error body/body.sql

mkdir migrations
mkdir migrations/0002_looks_like_a_file.sql
printf 'SELECT 1;\n' >migrations/0001_ok.sql
check "a directory named like a file, inside a set" 0 "in 1 file" 200 20 -- \
    "$migsafe" check migrations

# The same 200 MB file inside a migration set, and next to a small file named on the command
# line (migsafe reads the directory around a named file to detect its runner).
mkdir set
printf 'SELECT 1;\n' >set/0001_ok.sql
ln big/big.sql set/0002_huge.sql
check "200 MB file in a migration set" 3 "0002_huge\.sql" 400 30 -- "$migsafe" check set
check "200 MB sibling of a named file" 0 "no problems in 1 file" 400 30 -- \
    "$migsafe" check set/0001_ok.sql

ln -s "$work/nowhere.sql" broken/broken.sql
check "broken symlink" 3 "^migsafe: broken/broken\.sql: " 200 20 -- "$migsafe" check broken/broken.sql

# Reading /proc/self/mem fails with EIO: an unreadable file, even for root.
check "file the kernel cannot read" 3 "^migsafe: /proc/[a-z0-9]+/mem: " 200 20 -- "$migsafe" check /proc/self/mem

printf 'SELECT 1;\n' >private/private.sql
chmod 000 private/private.sql
if [[ $EUID -eq 0 ]]; then
    check "file without read permission" 3 "private\.sql" 200 20 -- \
        setpriv --reuid=65534 --regid=65534 --clear-groups "$migsafe" check private/private.sql
else
    check "file without read permission" 3 "private\.sql" 200 20 -- "$migsafe" check private/private.sql
fi

check "/dev/stdin" 1 "index-not-concurrent" 200 20 -- \
    bash -c "printf 'CREATE INDEX i ON t (a);\n' | \"$migsafe\" check /dev/stdin"
check "/dev/stdin with nothing written" 0 "no problems in 1 file" 200 20 -- \
    bash -c "\"$migsafe\" check /dev/stdin </dev/null"

echo "bad input: $passed passed, $failed failed"
((failed == 0))
