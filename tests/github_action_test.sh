#!/usr/bin/env bash
# The GitHub Action's steps run locally: integrations/github/check.sh in a temporary git
# repository with the environment GitHub gives a pull_request job (event payload, GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY). GitHub itself is not reachable here; action.yml is checked for the shape
# GitHub requires of a composite action and for wiring its inputs to the script.
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
root=${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/lib/checks.sh
. "$root/tests/lib/checks.sh"
action=$root/integrations/github

python3 - "$action/action.yml" >"$work/yaml.txt" 2>&1 <<'PY'
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
assert action["runs"]["using"] == "composite", "not a composite action"
for step in action["runs"]["steps"]:
    assert step.get("shell") == "bash", f"step {step.get('name')} has no shell (required for run steps)"
check = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
for name in ("paths", "config", "pg-version", "fail-on", "base-ref", "sarif-file"):
    assert name in action["inputs"], f"input {name} missing"
    env = "INPUT_" + name.upper().replace("-", "_")
    assert check["env"][env] == "${{ inputs.%s }}" % name, f"{env} not wired to inputs.{name}"
assert "sarif-file" in action["outputs"]
print("action.yml ok")
PY
expect_grep "action.yml ok" "$work/yaml.txt" "action.yml has the composite shape and wires every input"

export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t \
    GIT_COMMITTER_EMAIL=t@example.com
cd "$work" && git init -q -b main repo && cd repo || exit 1
mkdir -p db/migrations
printf 'CREATE INDEX old_idx ON orders (a);\n' >db/migrations/1_old.up.sql
printf 'DROP INDEX old_idx;\n' >db/migrations/1_old.down.sql
git add -A && git commit -qm base
base_sha=$(git rev-parse HEAD)
git checkout -qb feature
printf 'CREATE INDEX orders_b_idx ON orders (b);\n' >db/migrations/2_index.up.sql
printf 'DROP INDEX orders_b_idx;\n' >db/migrations/2_index.down.sql
git add -A && git commit -qm "add index"

printf '{"pull_request": {"base": {"sha": "%s"}}}\n' "$base_sha" >"$work/event.json"
run_action() {
    env -i PATH="$PATH" HOME="$HOME" MIGSAFE="$migsafe" GITHUB_EVENT_PATH="$work/event.json" \
        GITHUB_OUTPUT="$work/github_output" GITHUB_STEP_SUMMARY="$work/summary.md" \
        INPUT_PATHS="db/migrations" INPUT_FAIL_ON="${1:-error}" INPUT_SARIF_FILE="$work/out.sarif" \
        INPUT_CONFIG="" INPUT_PG_VERSION="15" INPUT_BASE_REF="" \
        "$action/check.sh"
}
expect_exit 1 "a pull request adding a blocking index fails the step" -- run_action
expect_grep '^::error file=db/migrations/2_index.up.sql,line=1' "$work/out" \
    "a workflow annotation on the changed migration"
expect_no_grep '1_old' "$work/out" "the unchanged migration is not annotated"
expect_equal "$(jq -r '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | unique | join(",")' "$work/out.sarif")" \
    "db/migrations/2_index.down.sql,db/migrations/2_index.up.sql" \
    "the SARIF file has the changed migration (up and down) only, relative to the repository"
expect_grep "^sarif-file=$work/out.sarif$" "$work/github_output" "the sarif-file output is set"
expect_grep "index-not-concurrent" "$work/summary.md" "the step summary lists the finding"
expect_grep "changed since \`$base_sha\`" "$work/summary.md" "the summary names the base"

expect_exit 0 "fail-on never only reports" -- run_action never

git checkout -q main && git checkout -qb safe
printf 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_c_idx ON orders (c);\n' >db/migrations/3_safe.up.sql
printf 'DROP INDEX CONCURRENTLY IF EXISTS orders_c_idx;\n' >db/migrations/3_safe.down.sql
git add -A && git commit -qm safe
rm -f "$work/summary.md"
expect_exit 0 "a pull request with a safe migration passes" -- run_action
expect_no_grep '^::error' "$work/out" "no error annotations for the safe migration"

printf '{"pull_request": {"base": {"sha": "0000000000000000000000000000000000000000"}}}\n' >"$work/event.json"
expect_exit 2 "a base commit missing from a shallow clone is a clear error" -- run_action
expect_grep "fetch" "$work/out" "the annotation says to fetch the base"

finish
