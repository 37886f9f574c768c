#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml) run by the real `pre-commit` tool: a staged unsafe
# migration fails the commit with the finding, a safe one passes, SQL outside migrations is left alone.
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
source_dir=${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR to the source tree}
if ! command -v pre-commit >/dev/null; then
    echo "FAIL: pre-commit is not installed (Debian package pre-commit)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

export PRE_COMMIT_HOME="$work/cache" HOME="$work/home"
export PATH="$(dirname "$migsafe"):$PATH"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
export GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# pre-commit clones the hook repository at a commit. So that the test sees this checkout's hook
# file as it is now (committed or not), it is committed into a small hook repository first.
hooks="$work/hooks"
mkdir -p "$hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add . && git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

project="$work/project"
mkdir -p "$project/db/migrations" "$project/queries"
cd "$project" || exit 1
git init -q
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: migsafe
YAML
git add .pre-commit-config.yaml && git commit -qm config

# expect_run WANT_EXIT DESCRIPTION
expect_run() {
    pre-commit run >"$work/out" 2>&1
    local got=$?
    if { [ "$1" -eq 0 ] && [ "$got" -eq 0 ]; } || { [ "$1" -ne 0 ] && [ "$got" -ne 0 ]; }; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $2: pre-commit exited $got" >&2
        sed 's/^/  /' "$work/out" | head -n 30 >&2
    fi
}

expect_grep() {
    if grep -qE -- "$1" "$work/out"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $2: /$1/ not in the output:" >&2
        sed 's/^/  /' "$work/out" | head -n 30 >&2
    fi
}

printf 'CREATE INDEX orders_user_idx ON orders (user_id);\n' >db/migrations/0002_orders_user_idx.sql
git add db/migrations/0002_orders_user_idx.sql
expect_run 1 "a staged unsafe migration fails"
expect_grep "index-not-concurrent" "the finding is shown"
expect_grep "db/migrations/0002_orders_user_idx.sql:1:1" "the finding names file:line:col"

printf 'CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);\n' >db/migrations/0002_orders_user_idx.sql
git add db/migrations/0002_orders_user_idx.sql
expect_run 0 "a staged safe migration passes"
expect_grep "migsafe\.+Passed" "the hook ran and passed"
git commit -qm "safe migration" --no-verify

# SQL that is not a migration is not linted by default.
printf 'CREATE INDEX report_idx ON orders (created_at);\n' >queries/report.sql
git add queries/report.sql
expect_run 0 "SQL outside migration directories is skipped"
expect_grep "migsafe\.+\(no files to check\)Skipped" "the hook is skipped for it"

echo "precommit_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
