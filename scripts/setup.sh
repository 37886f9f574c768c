#!/usr/bin/env bash
# Installs everything migsafe needs to build, test and benchmark, from Debian 12 packages.
# Idempotent: when every package is already installed it changes nothing and touches no network.
#   usage: scripts/setup.sh [--build-only]
#   --build-only: just what building and running migsafe needs (the GitHub Action uses it).
set -euo pipefail

# The one list of system dependencies. CMakeLists.txt, the tests and bench/run.sh rely on these.
PACKAGES=(
    # toolchain and build
    build-essential cmake ninja-build pkg-config
    # libraries (see CMakeLists.txt)
    libpg-query-dev libprotobuf-c-dev libtree-sitter-dev libcli11-dev libfmt-dev
    nlohmann-json3-dev doctest-dev libtomlplusplus-dev libpq-dev
    # real PostgreSQL for the oracle tests (tools/pg-sandbox.sh)
    postgresql postgresql-contrib
    # code quality; libclang-rt-dev holds libFuzzer and the sanitizer runtimes for clang
    # (only recommended by clang, and recommends are not installed here)
    clang clang-format clang-tidy libclang-rt-dev
    # editor integrations, pre-commit hook, Squawk for bench/run.sh
    nodejs npm git pre-commit neovim
    # used by the test and benchmark scripts: JSON parsing, peak RSS
    jq time
)

# Building and running migsafe (tree-sitter grammars come from npm at configure time; the
# GitHub Action's check step uses jq and git).
BUILD_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    libpg-query-dev libprotobuf-c-dev libtree-sitter-dev libcli11-dev libfmt-dev
    nlohmann-json3-dev doctest-dev libtomlplusplus-dev libpq-dev
    nodejs npm git jq
)
if [[ ${1:-} == --build-only ]]; then
    PACKAGES=("${BUILD_PACKAGES[@]}")
elif [[ $# -gt 0 ]]; then
    echo "usage: scripts/setup.sh [--build-only]" >&2
    exit 2
fi

# A package also counts as present when another package already provides its command: NodeSource's
# nodejs bundles npm and conflicts with Debian's npm package.
declare -A PROVIDED_BY_COMMAND=([nodejs]=node [npm]=npm)

export DEBIAN_FRONTEND=noninteractive

missing=()
for pkg in "${PACKAGES[@]}"; do
    # dpkg -s also lists removed-but-configured packages; require "install ok installed".
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] && continue
    cmd=${PROVIDED_BY_COMMAND[$pkg]:-}
    [[ -n $cmd ]] && command -v "$cmd" >/dev/null 2>&1 && continue
    missing+=("$pkg")
done

# apt-get download (tests/corpus_test.sh, bench/run.sh) needs package lists even when nothing
# is missing; a fresh container may have none.
have_lists=false
if compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    have_lists=true
fi

if ((${#missing[@]} == 0)) && $have_lists; then
    echo "setup: all ${#PACKAGES[@]} packages are installed"
    exit 0
fi

sudo=()
if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo --preserve-env=DEBIAN_FRONTEND)
    else
        echo "setup: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

echo "setup: apt-get update"
"${sudo[@]}" apt-get update -q
if ((${#missing[@]} > 0)); then
    echo "setup: installing ${missing[*]}"
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "setup: done"
