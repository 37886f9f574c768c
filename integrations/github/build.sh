#!/usr/bin/env bash
# Builds migsafe from this checkout into BUILD_DIR (the GitHub Action's first step).
set -euo pipefail
build_dir=${1:?usage: build.sh BUILD_DIR}
source_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --target migsafe
