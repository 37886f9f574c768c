#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the fixtures:
#   DIR/check/  every testdata/**/*.sql file
#   DIR/host/   every Rails, Alembic, Django, knex and node-pg-migrate migration in testdata/
#   (and each target's inputs that once broke it, fuzz/regressions/<target>_fuzzer/)
#   DIR/lsp/    LSP sessions (initialize, didOpen of a fixture, hover, codeAction, didChange,
#               shutdown, exit) framed as an editor sends them, plus a few malformed headers
#   usage: fuzz/make_corpus.sh DIR
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
out=${1:?usage: make_corpus.sh DIR}
mkdir -p "$out/check" "$out/host" "$out/lsp"

n=0
while IFS= read -r -d '' file; do
    n=$((n + 1))
    cp "$file" "$out/check/seed-$n.sql"
done < <(find "$root/testdata" -type f -name '*.sql' -print0 | sort -z)

h=0
while IFS= read -r -d '' file; do
    h=$((h + 1))
    cp "$file" "$out/host/seed-$h.${file##*.}"
done < <(find "$root/testdata" -type f \( -name '*.rb' -o -name '*.py' -o -name '*.js' -o -name '*.ts' \) -print0 | sort -z)

frame() {
    printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"
}

session() {
    local text=$1 uri=file:///tmp/migsafe-fuzz/0001_seed.sql
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":null,"capabilities":{}}}'
    frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    frame "$(jq -cn --arg uri "$uri" --arg text "$text" \
        '{jsonrpc:"2.0",method:"textDocument/didOpen",params:{textDocument:{uri:$uri,languageId:"sql",version:1,text:$text}}}')"
    frame "$(jq -cn --arg uri "$uri" \
        '{jsonrpc:"2.0",id:2,method:"textDocument/hover",params:{textDocument:{uri:$uri},position:{line:0,character:3}}}')"
    frame "$(jq -cn --arg uri "$uri" \
        '{jsonrpc:"2.0",id:3,method:"textDocument/codeAction",params:{textDocument:{uri:$uri},range:{start:{line:0,character:0},end:{line:5,character:0}},context:{diagnostics:[]}}}')"
    frame "$(jq -cn --arg uri "$uri" --arg text "${text}SELECT 1;" \
        '{jsonrpc:"2.0",method:"textDocument/didChange",params:{textDocument:{uri:$uri,version:2},contentChanges:[{text:$text}]}}')"
    frame "$(jq -cn --arg uri "$uri" '{jsonrpc:"2.0",method:"textDocument/didClose",params:{textDocument:{uri:$uri}}}')"
    frame '{"jsonrpc":"2.0","id":4,"method":"shutdown"}'
    frame '{"jsonrpc":"2.0","method":"exit"}'
}

m=0
for file in "$root"/testdata/examples/*.sql "$root"/testdata/rules/*/*.sql; do
    m=$((m + 1))
    session "$(head -c 2000 "$file")" >"$out/lsp/session-$m"
    ((m < 40)) || break
done
printf 'Content-Length: abc\r\n\r\n{}' >"$out/lsp/bad-length"
printf 'Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}' >"$out/lsp/no-length"
printf 'Content-Length: 9999999999\r\n\r\n{}' >"$out/lsp/huge-length"
printf 'Content-Length: 20\r\n\r\n{"jsonrpc":"2.0"' >"$out/lsp/partial"
for dir in "$root"/fuzz/regressions/*_fuzzer; do
    target=$(basename -- "$dir")
    [[ -d $out/${target%_fuzzer} ]] && cp "$dir"/* "$out/${target%_fuzzer}/" 2>/dev/null
done
echo "corpus: $n check seeds, $h host seeds, $((m + 4)) lsp seeds in $out"
