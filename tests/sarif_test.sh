#!/usr/bin/env bash
# `migsafe check --format sarif` against the official SARIF validator (the SARIF Multitool from
# npm, with its SARIF and GitHub ingestion rules), plus checks of UTF-16 columns, fingerprint
# stability and fixes.
#
# The validator is installed once into a cache outside the repository:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/migsafe-npm
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
migsafe=${MIGSAFE:-$root/build/migsafe}
multitool_version=5.7.0
cache=${XDG_CACHE_HOME:-$HOME/.cache}/migsafe-npm

passed=0
failed=0
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok - $name"
    else
        failed=$((failed + 1))
        echo "not ok - $name"
    fi
}
finish() {
    echo "$passed passed, $failed failed"
    ((failed == 0))
}

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

# --- the validator -----------------------------------------------------------------------------

installed_version() {
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' \
        "$cache/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null || true
}
if [[ $(installed_version) != "$multitool_version" ]]; then
    mkdir -p "$cache"
    if ! npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
        "@microsoft/sarif-multitool@$multitool_version" >"$work/npm.log" 2>&1; then
        echo "sarif_test: could not install @microsoft/sarif-multitool@$multitool_version:" >&2
        cat "$work/npm.log" >&2
        failed=$((failed + 1))
        finish
        exit 1
    fi
fi
# The platform package's own binary: the npm wrapper passes arguments through a shell, which
# would split the ';' in --rule-kind.
validator=$cache/node_modules/@microsoft/sarif-multitool-$(node -p process.platform)/Sarif.Multitool
# npm may skip the package's postinstall that marks it executable.
chmod u+x "$validator"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1

# validate FILE: runs the SARIF and GitHub (Gh) rule kinds and succeeds when the validator
# reports no error and no warning. Its findings are left in FILE.validation.
validate() {
    local file=$1 out=$1.validation.sarif
    rm -f -- "$out"
    if ! "$validator" validate --rule-kind "Sarif;Gh" --level "Error;Warning" \
        --output "$out" "$file" >"$file.validation" 2>&1; then
        cat "$file.validation" >&2
        return 1
    fi
    python3 - "$out" "$file.validation" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
found = [r for run in log.get("runs", []) for r in run.get("results", [])
         if r.get("level", "warning") in ("error", "warning")]
if found:
    sys.stderr.write(open(sys.argv[2]).read())
    sys.exit(1)
EOF
}

# --- inputs ----------------------------------------------------------------------------------

cd "$work"
mkdir -p db/migrations
# Line 2 puts 9 code points, 10 UTF-16 code units (é is one, 😀 two), before the finding.
cat >db/migrations/0001_idx.sql <<'EOF'
CREATE INDEX orders_created_idx ON orders (created_at);
/* é😀 */ CREATE INDEX orders_total_idx ON orders (total);
SELEC 1;
EOF
# The same migration with six lines of blank lines, comments and an unrelated statement above.
{
    printf -- '-- a note\n\n\nSELECT 1;\n/* more */\n\n'
    cat db/migrations/0001_idx.sql
} >db/migrations/0002_edited.sql
printf 'SELECT 1;\n' >db/migrations/0003_clean.sql

# sarif FILE OUT: migsafe's SARIF for FILE; exit status 1 (findings) is expected.
sarif() {
    local status=0
    "$migsafe" check --format sarif "$1" >"$2" 2>"$2.stderr" || status=$?
    [[ $status -le 1 ]] || {
        echo "migsafe exited $status" >&2
        cat "$2.stderr" >&2
        return 1
    }
}

check "sarif output for the main fixture" sarif db/migrations/0001_idx.sql main.sarif
check "sarif output for the edited fixture" sarif db/migrations/0002_edited.sql edited.sarif
check "sarif output for a clean file" sarif db/migrations/0003_clean.sql clean.sarif
check "sarif output for a whole directory" sarif db dir.sarif

check "validator accepts the main fixture" validate main.sarif
check "validator accepts the edited fixture" validate edited.sarif
check "validator accepts a run without results" validate clean.sarif
check "validator accepts several files" validate dir.sarif

# The harness must be able to fail: an out-of-range ruleIndex and a result without message text.
python3 - main.sarif broken.sarif <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
result = log["runs"][0]["results"][0]
result["ruleIndex"] = 999
result["message"] = {"id": "nope"}
json.dump(log, open(sys.argv[2], "w"))
EOF
rejects() { ! validate "$1" 2>/dev/null; }
check "validator rejects a broken log" rejects broken.sarif

# --- content ---------------------------------------------------------------------------------

# assert FILE PYTHON: runs PYTHON with `log` (the parsed FILE) and `results` in scope.
assert() {
    python3 -c "
import json, sys
log = json.load(open(sys.argv[1]))
results = log['runs'][0]['results']
def of(rule): return [r for r in results if r['ruleId'] == rule]
def region(r): return r['locations'][0]['physicalLocation']['region']
$2
" "$1"
}

check "one run, every rule described" assert main.sarif "
run = log['runs'][0]
assert log['version'] == '2.1.0' and len(log['runs']) == 1
driver = run['tool']['driver']
assert driver['name'] == 'migsafe' and driver['version'] and driver['informationUri']
ids = [r['id'] for r in driver['rules']]
for rule in driver['rules']:
    assert rule['shortDescription']['text'] and rule['fullDescription']['text']
    assert rule['help']['text'] and rule['help']['markdown']
    assert rule['defaultConfiguration']['level'] in ('error', 'warning', 'note')
    assert rule['properties']['tags'] and rule['properties']['precision']
for r in results:
    assert ids[r['ruleIndex']] == r['ruleId'], r
"
listed=$("$migsafe" rules | awk 'NR > 1 { print $1 }' | LC_ALL=C sort | tr '\n' ' ')
check "rules[] lists what 'migsafe rules' lists" assert main.sarif "
assert sorted(r['id'] for r in log['runs'][0]['tool']['driver']['rules']) == '$listed'.split()
"

check "paths are relative to %SRCROOT%" assert main.sarif "
run = log['runs'][0]
assert '%SRCROOT%' in run['originalUriBaseIds']
for r in results:
    loc = r['locations'][0]['physicalLocation']['artifactLocation']
    assert loc == {'uri': 'db/migrations/0001_idx.sql', 'uriBaseId': '%SRCROOT%'}, loc
"

check "UTF-16 columns after non-ASCII text on the same line" assert main.sarif "
found = [r for r in of('index-not-concurrent') if region(r)['startLine'] == 2]
assert len(found) == 1, results
# 'CREATE INDEX orders_total_idx ON orders (total)' is 47 code units, the end is exclusive.
assert region(found[0]) == {'startLine': 2, 'startColumn': 11, 'endLine': 2, 'endColumn': 58}, region(found[0])
"

check "the syntax error is reported" assert main.sarif "
found = of('syntax-error')
assert len(found) == 1 and found[0]['level'] == 'error'
assert region(found[0])['startLine'] == 3 and region(found[0])['startColumn'] == 1
"

check "fixes insert CONCURRENTLY after INDEX" assert main.sarif "
found = sorted(of('index-not-concurrent'), key=lambda r: region(r)['startLine'])
assert len(found) == 2
for r, line, column in zip(found, (1, 2), (13, 23)):
    change = r['fixes'][0]['artifactChanges'][0]
    assert change['artifactLocation']['uri'] == 'db/migrations/0001_idx.sql'
    rep = change['replacements'][0]
    assert rep['insertedContent']['text'] == ' CONCURRENTLY'
    assert rep['deletedRegion'] == {'startLine': line, 'startColumn': column,
                                    'endLine': line, 'endColumn': column}, rep
assert 'fixes' not in of('syntax-error')[0]
"

# Fingerprints of the findings both files share (other rules may see the added lines).
fingerprints() {
    python3 -c "
import json, sys
for r in json.load(open(sys.argv[1]))['runs'][0]['results']:
    if r['ruleId'] in ('index-not-concurrent', 'syntax-error'):
        print(r['ruleId'], r['partialFingerprints']['migsafeFindingHash/v1'])
" "$1"
}
same_fingerprints() {
    local a b
    a=$(fingerprints main.sarif)
    b=$(fingerprints edited.sarif)
    [[ -n $a && $a == "$b" ]] || {
        diff <(echo "$a") <(echo "$b") >&2
        return 1
    }
}
check "partialFingerprints survive edits above the findings" same_fingerprints
check "partialFingerprints differ between findings" assert main.sarif "
prints = [r['partialFingerprints']['migsafeFindingHash/v1'] for r in results]
assert len(set(prints)) == len(prints), prints
"
check "lines moved: the regions did move" assert edited.sarif "
assert region(of('syntax-error')[0])['startLine'] == 9
"

finish
