#!/usr/bin/env bash
# Fuzzes migsafe for a bounded time: replays fuzz/regressions/ (inputs that once crashed), then
# runs each libFuzzer target (fuzz/) on a corpus seeded from the fixtures. Fails on any crash,
# sanitizer report, leak, timeout or out-of-memory, and prints the reproducer.
# Runs in the MIGSAFE_FUZZ=ON build only (scripts/test.sh's third build); CMake registers it there.
# Environment: MIGSAFE (the build's migsafe; the fuzzers are beside it in fuzz/),
#   MIGSAFE_SOURCE_DIR, MIGSAFE_FUZZ_SECONDS (per target, default 60),
#   MIGSAFE_FUZZ_ARTIFACTS (where crashing inputs are kept, default ./fuzz-artifacts).
set -uo pipefail
src=$(cd -- "${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR to the repository root}" && pwd -P)
build=$(dirname -- "${MIGSAFE:?set MIGSAFE to the migsafe binary of the fuzz build}")
seconds=${MIGSAFE_FUZZ_SECONDS:-60}
artifacts=${MIGSAFE_FUZZ_ARTIFACTS:-$PWD/fuzz-artifacts}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"

for target in check_fuzzer host_fuzzer lsp_fuzzer; do
    if [[ ! -x $build/fuzz/$target ]]; then
        echo "FAIL: $build/fuzz/$target missing: configure with CC=clang CXX=clang++" \
            "-DMIGSAFE_FUZZ=ON and build it" >&2
        exit 1
    fi
done

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$src/fuzz/lsan.supp:print_suppressions=0

failed=0

# report TARGET LOG: names the reproducers libFuzzer wrote and shows the sanitizer's summary.
report() {
    local target=$1 log=$2
    echo "FAIL: $target" >&2
    grep -E 'ERROR: |SUMMARY: |runtime error|Test unit written to' "$log" | head -n 20 | sed 's/^/  /' >&2
    for artifact in $(grep -oE 'Test unit written to [^ ]+' "$log" | awk '{print $5}'); do
        echo "  reproduce: $build/fuzz/$target $artifact" >&2
    done
}

# Known crashers first: fuzz/regressions/<target>/ holds the inputs that once broke <target>.
for dir in "$src"/fuzz/regressions/*/; do
    target=$(basename -- "$dir")
    inputs=("$dir"*)
    [[ -e ${inputs[0]} ]] || continue
    if ! "$build/fuzz/$target" "${inputs[@]}" >"$work/regressions-$target.log" 2>&1; then
        report "$target" "$work/regressions-$target.log"
        failed=1
    else
        echo "$target: replayed ${#inputs[@]} regression inputs"
    fi
done

"$src/fuzz/make_corpus.sh" "$work/corpus" || exit 1

# run TARGET MAX_LEN: fuzzes for $seconds; new inputs go to the temporary corpus copy.
run() {
    local target=$1 max_len=$2 log=$work/$1.log rc
    "$build/fuzz/$target" "$work/corpus/${target%_fuzzer}" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$log" 2>&1
    rc=$?
    if ((rc != 0)); then
        report "$target" "$log"
        failed=1
        return
    fi
    # stat::number_of_executed_units: N, and the last status line's exec/s.
    echo "$target: $(grep -oE 'number_of_executed_units: +[0-9]+' "$log" | awk '{print $2}') runs" \
        "in ${seconds}s, $(grep -oE 'exec/s: [0-9]+' "$log" | tail -n 1)," \
        "$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1), peak $(grep -oE 'peak_rss_mb: +[0-9]+' "$log" | awk '{print $2}') MB"
}

run check_fuzzer 16384
run host_fuzzer 16384
run lsp_fuzzer 8192

((failed == 0)) && echo "fuzz: no crash, leak or timeout"
exit "$failed"
