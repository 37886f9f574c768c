#!/usr/bin/env bash
# The GitHub Action's check step, runnable anywhere with the same environment:
#   MIGSAFE            the migsafe binary
#   INPUT_PATHS, INPUT_CONFIG, INPUT_PG_VERSION, INPUT_FAIL_ON, INPUT_BASE_REF, INPUT_SARIF_FILE
#   GITHUB_EVENT_PATH  the event payload (pull_request.base.sha is the default base)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY   files the step writes its output and summary to
# Writes the SARIF report, prints workflow annotations (::error file=…), and exits 1 when a
# finding at or above INPUT_FAIL_ON remains.
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
sarif=${INPUT_SARIF_FILE:-migsafe.sarif}
fail_on=${INPUT_FAIL_ON:-error}

base=${INPUT_BASE_REF:-}
if [[ -z $base && -n ${GITHUB_EVENT_PATH:-} && -f ${GITHUB_EVENT_PATH} ]]; then
    base=$(jq -r '.pull_request.base.sha // empty' "$GITHUB_EVENT_PATH")
fi

args=(check)
[[ -n $base ]] && args+=(--changed-since "$base")
[[ -n ${INPUT_CONFIG:-} ]] && args+=(--config "$INPUT_CONFIG")
[[ -n ${INPUT_PG_VERSION:-} ]] && args+=(--pg-version "$INPUT_PG_VERSION")
read -r -a paths <<<"${INPUT_PATHS:-}"

# The SARIF report never fails the step by itself; the annotations run decides.
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
"$migsafe" "${args[@]}" --format sarif --output "$sarif" --fail-on never "${paths[@]}" 2>"$errors"
status=$?
cat "$errors" >&2
if [[ $status -ne 0 ]]; then
    message=$(head -n 1 "$errors")
    echo "::error title=migsafe::${message:-migsafe could not check the migrations (exit $status)}"
    exit "$status"
fi
[[ -n ${GITHUB_OUTPUT:-} ]] && echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"

"$migsafe" "${args[@]}" --format github --fail-on "$fail_on" "${paths[@]}"
status=$?

if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
    count=$(jq '[.runs[0].results[]] | length' "$sarif")
    {
        echo "### migsafe"
        if [[ -n $base ]]; then
            echo "Checked the migrations changed since \`$base\`: $count finding(s)."
        else
            echo "Checked every migration: $count finding(s)."
        fi
        jq -r '.runs[0].results[] | "- `\(.ruleId)` \(.locations[0].physicalLocation.artifactLocation.uri):\(.locations[0].physicalLocation.region.startLine): \(.message.text | split("\n")[0])"' "$sarif"
    } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
