#!/usr/bin/env bash
# Command-line contract: exit codes, --stdin-filename, config errors, unreadable inputs, --fix.
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
passed=0
failed=0

# expect_exit CODE DESCRIPTION -- COMMAND...
expect_exit() {
    local want=$1 what=$2
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what: exit $got, expected $want" >&2
        sed 's/^/  stdout: /' "$work/out" | head -n 5 >&2
        sed 's/^/  stderr: /' "$work/err" | head -n 5 >&2
    fi
}

# expect_grep PATTERN FILE DESCRIPTION
expect_grep() {
    if grep -qE -- "$1" "$2"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $3: /$1/ not in $2:" >&2
        head -n 5 "$2" | sed 's/^/  /' >&2
    fi
}

printf 'CREATE INDEX idx_a ON accounts (email);\n' >bad.sql
printf 'DROP INDEX CONCURRENTLY IF EXISTS idx_a;\nCREATE INDEX CONCURRENTLY idx_a ON accounts (email);\n' >good.sql
printf 'SELECT (1;\n' >syntax.sql

expect_exit 0 "clean file" -- "$migsafe" check good.sql
expect_grep "no problems" out "clean file says so"
expect_exit 1 "finding at error level" -- "$migsafe" check bad.sql
expect_grep "bad.sql:1:1" out "text report names file:line:col"
expect_grep "index-not-concurrent" out "text report names the rule"
expect_exit 0 "--fail-on never" -- "$migsafe" check --fail-on never bad.sql
expect_exit 1 "syntax errors count" -- "$migsafe" check syntax.sql
expect_exit 0 "rule ignored on the command line" -- "$migsafe" check --ignore index-not-concurrent bad.sql
expect_exit 0 "Squawk alias accepted" -- "$migsafe" check --ignore require-concurrent-index-creation bad.sql
expect_exit 0 "severity lowered below --fail-on" -- "$migsafe" check --severity index-not-concurrent=warning bad.sql
expect_exit 1 "severity lowered, --fail-on warning" -- "$migsafe" check --severity index-not-concurrent=warning --fail-on warning bad.sql

# Usage errors: exit 2 with a one-line message naming the problem.
expect_exit 2 "unknown rule id" -- "$migsafe" check --ignore no-such-rule bad.sql
expect_grep "unknown rule .no-such-rule." err "unknown rule is named"
expect_exit 2 "bad flag" -- "$migsafe" check --no-such-flag bad.sql
expect_exit 2 "pg version out of range" -- "$migsafe" check --pg-version 9 bad.sql
expect_exit 2 "unknown explain id" -- "$migsafe" explain nope
expect_exit 0 "explain by alias" -- "$migsafe" explain require-concurrent-index-creation
expect_grep "^# index-not-concurrent" out "explain prints the rule page"
expect_exit 0 "rules list" -- "$migsafe" rules
expect_grep "^index-not-concurrent +error" out "rules lists id and default severity"

# Unreadable inputs: exit 3 naming the file.
expect_exit 3 "missing file" -- "$migsafe" check does-not-exist.sql
expect_grep "does-not-exist.sql" err "missing file is named"
ln -s nowhere.sql broken.sql
expect_exit 3 "broken symlink" -- "$migsafe" check broken.sql
expect_grep "broken.sql" err "broken symlink is named"
if [ "$(id -u)" -ne 0 ]; then
    printf 'SELECT 1;\n' >locked.sql && chmod 000 locked.sql
    expect_exit 3 "unreadable file" -- "$migsafe" check locked.sql
fi

# Standard input.
expect_exit 1 "stdin with a name" -- bash -c "\"$migsafe\" check --stdin-filename db/0042_add.sql < bad.sql"
expect_grep "db/0042_add.sql:1:1" out "stdin reported under the given name"

# Config discovery and errors.
mkdir -p proj/db && cp bad.sql proj/db/
printf '[severity]\nindex-not-concurrent = "off"\n' >proj/migsafe.toml
expect_exit 0 "config found upwards turns the rule off" -- bash -c "cd proj/db && \"$migsafe\" check bad.sql"
printf 'pg_versoin = 14\n' >proj/migsafe.toml
expect_exit 2 "unknown config key" -- bash -c "cd proj/db && \"$migsafe\" check bad.sql"
expect_grep "unknown key .pg_versoin." err "unknown key is named"
printf 'ignore = ["not-a-rule"]\n' >proj/migsafe.toml
expect_exit 2 "unknown rule in config" -- bash -c "cd proj && \"$migsafe\" check db"
printf 'paths = ["db"]\n' >proj/.migsafe.toml && rm proj/migsafe.toml
expect_exit 1 "config paths used when no path is given" -- bash -c "cd proj && \"$migsafe\" check"
expect_grep "db/bad.sql" out "file found through config paths"
expect_exit 2 "explicit config that does not exist" -- "$migsafe" check --config nope.toml bad.sql

# Reports.
expect_exit 1 "json report" -- "$migsafe" check --format json bad.sql
expect_grep '"rule": "index-not-concurrent"' out "json names the rule"
expect_grep '"files_checked": 1' out "json counts files"
expect_exit 1 "report to a file" -- "$migsafe" check --format json --output report.json bad.sql
expect_grep '"version": 1' report.json "report written to --output"

# --fix rewrites in place and re-checks; without --fix nothing is modified.
cp bad.sql fixme.sql
before=$(md5sum <fixme.sql)
expect_exit 1 "check without --fix" -- "$migsafe" check fixme.sql
if [ "$before" = "$(md5sum <fixme.sql)" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: file modified without --fix" >&2; fi
expect_exit 0 "--fix applies CONCURRENTLY" -- "$migsafe" check --fix fixme.sql
expect_grep "CREATE INDEX CONCURRENTLY idx_a" fixme.sql "fixed text"

# Binary input: a clear diagnostic, no crash.
printf 'CREATE\0INDEX' >binary.sql
expect_exit 1 "binary file" -- "$migsafe" check binary.sql
expect_grep "binary" out "binary file explained"
mkdir dir.sql
expect_exit 0 "a directory named .sql is walked, not read" -- "$migsafe" check dir.sql

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
