#!/usr/bin/env bash
# Code that depends on a migration, in real git repositories built from testdata/code-repos/
# (see its README): for each language the findings of migration-with-dependent-code and
# dropped-object-still-referenced must equal the `expect:` comments, and the traps stay silent.
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
root=${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/lib/checks.sh
. "$root/tests/lib/checks.sh"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t \
    GIT_COMMITTER_EMAIL=t@example.com

expected_findings() {  # every "expect: RULE" comment as path:line:rule
    grep -rnE '(--|#|//) *expect: ' . --exclude-dir=.git |
        sed -E 's|^\./||; s|^([^:]+):([0-9]+):.*expect: *([a-z-]+).*|\1:\2:\3|' | sort
}

for lang_dir in "$root"/testdata/code-repos/*/; do
    lang=$(basename "$lang_dir")
    repo=$work/$lang
    mkdir -p "$repo" && cd "$repo" || exit 1
    git init -q -b main
    cp -R "$lang_dir/base/." .
    git add -A && git commit -qm base
    git checkout -qb feature
    cp -R "$lang_dir/feature/." .
    git add -A && git commit -qm feature

    "$migsafe" check --changed-since main --format json --fail-on never \
        --select migration-with-dependent-code,dropped-object-still-referenced db/migrations \
        >"$work/$lang.json" 2>"$work/$lang.err"
    actual=$(jq -r '.diagnostics[] | "\(.path):\(.line):\(.rule)"' "$work/$lang.json" | sort)
    expect_equal "$actual" "$(expected_findings)" "$lang: findings equal the expect: comments"
    # The dropped column's finding lists where the deployed code uses it.
    related=$(jq -r '.diagnostics[] | select(.rule == "dropped-object-still-referenced") |
        .related[] | .path' "$work/$lang.json" | sort -u)
    expect_grep "." <(echo "$related") "$lang: the dropped column's finding names the code using it"
    expect_no_grep "verif" <(echo "$related") "$lang: only the deployed code is listed"
done

# Without a change set the code checks do not run (they need to know what is new).
cd "$work/python" || exit 1
expect_exit 0 "no change set, no code findings" -- "$migsafe" check --format json \
    --select migration-with-dependent-code,dropped-object-still-referenced db/migrations
expect_equal "$(jq '.diagnostics | length' "$work/out")" "0" "nothing reported without --changed-since"

finish
