#!/usr/bin/env bash
# Fetches the pinned tree-sitter grammar packages from the npm registry and unpacks each into
# DEST/<package>-<version>/ (the npm tarball's `package/` directory). CMake runs this at configure
# time (cmake/TreeSitterGrammars.cmake); the grammars are never committed.
# Idempotent: a package already unpacked is not fetched again.
#   usage: scripts/fetch-grammars.sh DEST
set -euo pipefail

# The one list of pinned grammars; cmake/TreeSitterGrammars.cmake names the same versions.
GRAMMARS=(
    tree-sitter-python@0.23.6
    tree-sitter-javascript@0.23.1
    tree-sitter-typescript@0.23.2
    tree-sitter-go@0.23.4
    tree-sitter-ruby@0.23.1
    tree-sitter-java@0.23.5
)

dest=${1:?usage: fetch-grammars.sh DEST}
mkdir -p "$dest"

for spec in "${GRAMMARS[@]}"; do
    name=${spec%@*}
    version=${spec#*@}
    target="$dest/$name-$version"
    [[ -d $target/package ]] && continue
    if ! command -v npm >/dev/null 2>&1; then
        echo "fetch-grammars: npm not found (scripts/setup.sh installs it)" >&2
        exit 1
    fi
    echo "fetch-grammars: $spec"
    # Unpacked beside the target and renamed into place, so that an interrupted fetch or two
    # builds configuring at once never leave a half-unpacked grammar behind.
    work=$(mktemp -d "$dest/.fetch.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    # npm pack fetches the published tarball only (no install scripts, no dependencies) and
    # checks it against the registry's integrity hash.
    tarball=$(cd "$work" && npm pack --silent "$spec")
    mkdir "$work/unpacked"
    tar -xzf "$work/$tarball" -C "$work/unpacked"
    mv -T "$work/unpacked" "$target" 2>/dev/null || [[ -d $target/package ]]
    rm -rf "$work"
    trap - EXIT
done
